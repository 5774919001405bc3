"""Reading what a person hands the app (an interchange file, a charter, a filled form, standard
input) without trusting it: only a regular file, or standard input, and never more than a cap.

The cap is kept while reading, not by asking the size first: a device such as ``/dev/zero``
and a pipe report no size, and a file may grow while it is read. A named pipe, a socket, a
device or a folder is refused at once (opening a pipe for reading would wait for a writer
forever), and so is a link that leads round in a loop. pypdf's complaints about a damaged
PDF are kept off the terminal (:func:`quiet_pypdf`): the caller says what is wrong once.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from workshop_app.domain.records import record
from workshop_app.store import errors

_CHUNK = 1 << 20


@record(frozen=True)
class Expected:
    """What an input should be, to say what it is not.

    Attributes:
        noun: what it should be ("a JSON file", "a review form").
        largest: the most bytes it may have.
        too_big: the sentence after "is more than N MB; " when it has more.
        error: the error raised (a :class:`~workshop_app.store.errors.WorkshopFileError`).
    """

    noun: str
    largest: int
    too_big: str
    error: type[errors.WorkshopFileError] = errors.WorkshopFileError

    def refuse(self, path: Path | str, problem: str) -> errors.WorkshopFileError:
        return self.error(path, problem)


def _megabytes(size: int) -> str:
    megabyte = 1024 * 1024
    return f"{size // megabyte} MB" if size >= megabyte else f"{size:,} bytes"


def _read_capped(stream: BinaryIO, path: Path | str, expected: Expected) -> bytes:
    """Everything ``stream`` holds, refused as soon as it passes the cap."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, expected.largest + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > expected.largest:
            raise expected.refuse(
                path, f"is more than {_megabytes(expected.largest)}; {expected.too_big}"
            )
    return b"".join(chunks)


def read_bounded(path: Path | str, expected: Expected) -> bytes:
    """The bytes of the regular file at ``path``, or one refusal naming it."""
    path = Path(path)
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise errors.FileMissing(path, "no such file") from None
    except PermissionError:
        raise expected.refuse(path, "cannot be read: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise expected.refuse(path, "is a link that leads round in a loop") from None
        raise expected.refuse(path, f"cannot be read: {exc.strerror}") from None
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise expected.refuse(path, f"is a folder, not {expected.noun}")
        if not stat.S_ISREG(mode):
            raise expected.refuse(
                path, f"is not a file (it is a pipe, socket or device), not {expected.noun}"
            )
        with os.fdopen(os.dup(handle), "rb") as stream:
            return _read_capped(stream, path, expected)
    except OSError as exc:
        raise expected.refuse(path, f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(handle)


def read_stream(stream: BinaryIO, name: str, expected: Expected) -> bytes:
    """Everything on a stream such as standard input (``name`` in messages), capped."""
    try:
        return _read_capped(stream, name, expected)
    except OSError as exc:
        raise expected.refuse(name, f"cannot be read: {exc.strerror}") from None


@contextlib.contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf logs (and warns of) what it repairs in a damaged file; we say what is wrong
    once, in our own words."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)  # its modules' loggers inherit this level
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
