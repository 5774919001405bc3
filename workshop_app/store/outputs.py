"""Where a command may write its output: a regular file (new or replaced), never one of its own
inputs, never a folder, a device, a pipe or a socket.

Inputs are compared by device and inode, not by name, so ``-o ./x.workshop``, a hard link or
a symbolic link to the workshop being read are all the same file. Writing itself always goes
through a temporary file in the same folder and a rename (``write_bytes_atomically``,
``write_new_file``), so an interrupted write leaves the old file or none.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from workshop_app.store import errors


class UnsafeOutput(errors.WorkshopFileError):
    """An output that would destroy an input, or that is not a place for a file."""


def _same(one: os.stat_result, other: os.stat_result) -> bool:
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def check_output(
    output: Path | str, inputs: Iterable[Path | str] = (), *, role: str = "the file being read"
) -> None:
    """Refuse ``output`` unless writing a file there leaves every input as it is; ``role``
    names what the inputs are to the one who gave them."""
    output = Path(output)
    try:
        found = output.stat()
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise UnsafeOutput(output, f"cannot be written: {exc.strerror}") from None
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise UnsafeOutput(output, "is a folder; name a file in it for the output")
        if not stat.S_ISREG(found.st_mode):
            raise UnsafeOutput(
                output,
                "is not a regular file (it is a device, pipe or socket); an output is "
                "written only to a file",
            )
        for source in inputs:
            try:
                read = Path(source).stat()
            except OSError:
                continue
            if _same(found, read):
                raise UnsafeOutput(
                    output,
                    f"is {role} ({source}); writing the output there would "
                    "destroy it: choose another name",
                )
    if not output.parent.is_dir():
        raise UnsafeOutput(output, "cannot be written: the folder does not exist")


def check_output_folder(folder: Path | str) -> None:
    """Refuse an output folder that is something else (a file, a device)."""
    folder = Path(folder)
    try:
        found = folder.stat()
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(found.st_mode):
        raise UnsafeOutput(folder, "is not a folder; name a folder for the files")
