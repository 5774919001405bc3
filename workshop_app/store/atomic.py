"""Small file-system steps that make writes all-or-nothing: temporary siblings, fsync, rename."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


def fsync(path: Path) -> None:
    """Flush a file's (or folder's) contents to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable, where the filesystem allows it."""
    with contextlib.suppress(OSError):  # not every filesystem syncs folders
        fsync(folder)


@contextlib.contextmanager
def temporary_sibling(path: Path) -> Iterator[Path]:
    """A temporary name in the same folder; removed again unless it was renamed."""
    temp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        yield temp
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def publish(temp: Path, path: Path, overwrite: bool) -> None:
    """Give a finished temporary file its real name, replacing only when ``overwrite``."""
    if overwrite:
        temp.replace(path)
        return
    try:
        os.link(temp, path)  # fails if the name was taken meanwhile
    except FileExistsError:
        raise
    except OSError:  # filesystems without hard links (FAT on a USB stick)
        if path.exists():
            raise FileExistsError(path) from None
        temp.replace(path)
