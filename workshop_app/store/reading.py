"""Read a workshop file without changing it, not by one byte: for the welcome screen's recent
workshops and ``workshop-app status``.

Opening a file to edit it may change it (a change cut off by a crash is rolled back, an older
file is upgraded); a look at many files must not. So here:

* a pipe, device or folder is refused before anything waits on it;
* the header says whether the file is SQLite, ours, and a version this app reads;
* the file is read through a read-only connection; when a crash left a hot journal behind,
  the file and its journal are copied to a temporary folder and the copy is rolled back;
* an older file is copied into memory and upgraded there;
* ``quick_check`` refuses a damaged file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from workshop_app.domain.model import Workshop
from workshop_app.store import errors
from workshop_app.store.inspection import (
    SQLITE_HEADER,
    application_id_of,
    check_version,
    version_of,
)
from workshop_app.store.row_sync import load
from workshop_app.store.tables import APPLICATION_ID, SCHEMA_VERSION

#: How long a read waits for a writer in another process to finish its transaction.
BUSY_SECONDS = 2.0
#: What reading a file that passed its checks may still raise when it is damaged.
_UNREADABLE = (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError)


def _header(path: Path) -> bytes:
    """The first 100 bytes of a regular file; anything else is refused without waiting (a
    named pipe opened for reading would wait for a writer forever)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise errors.FileMissing(path, "no such file") from None
    except PermissionError:
        raise errors.WorkshopFileError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise errors.WorkshopFileError(path, f"cannot be read: {exc.strerror}") from None
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise errors.NotAWorkshop(path, "is a folder, not a workshop file")
        if not stat.S_ISREG(mode):
            raise errors.NotAWorkshop(
                path, "is not a workshop file (it is a pipe, socket or device, not a file)"
            )
        return os.read(handle, 100)
    except OSError as exc:
        raise errors.WorkshopFileError(path, f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(handle)


def check_header(path: Path) -> None:
    """Refuse what is not a workshop file this app reads, from its first 100 bytes alone."""
    head = _header(path)
    if not head:
        raise errors.NotAWorkshop(path, "is empty, not a workshop file")
    if not head.startswith(SQLITE_HEADER):
        raise errors.NotAWorkshop(path, "is not a workshop file (it is not an SQLite database)")
    if len(head) < 100:
        raise errors.DamagedWorkshop(path, "is damaged: the file is cut short")
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        raise errors.NotAWorkshop(
            path, "is not a workshop file (it is an SQLite database of another program)"
        )
    if head[18] == 2 or head[19] == 2:
        # Reading a database in WAL mode creates files beside it; this app never writes one.
        raise errors.DamagedWorkshop(
            path, "is damaged: it is in WAL mode, which First Workflow never writes"
        )
    check_version(path, int.from_bytes(head[60:64], "big"), SCHEMA_VERSION)


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_SECONDS)


def _checked(path: Path, conn: sqlite3.Connection) -> int:
    """Check the contents of an open file; returns its schema version."""
    if application_id_of(conn) != APPLICATION_ID:
        raise errors.NotAWorkshop(
            path, "is not a workshop file (it is an SQLite database of another program)"
        )
    version = version_of(conn)
    check_version(path, version, SCHEMA_VERSION)
    result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise errors.DamagedWorkshop(path, f"is damaged: {result[0]}")
    return version


def _hot_journal(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK"


@contextlib.contextmanager
def _rolled_back_copy(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to a copy of ``path`` and its journal, where SQLite rolls back the change
    a crash cut off — the file itself keeps its journal for the app to roll back."""
    import shutil  # with tempfile, about 15 ms of imports that start-up does not need
    import tempfile

    with tempfile.TemporaryDirectory(prefix="workshop-read-") as folder:
        copy = Path(folder) / "copy.workshop"
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(path.with_name(path.name + "-journal"), Path(f"{copy}-journal"))
        except OSError as exc:
            raise errors.WorkshopFileError(path, f"cannot be read: {exc.strerror}") from None
        conn = _connect(copy, "rw")
        try:
            yield conn
        finally:
            conn.close()


@contextlib.contextmanager
def unchanged(path: Path | str, *, upgrade: bool = True) -> Iterator[sqlite3.Connection]:
    """A checked connection to the workshop in ``path``, read without changing the file (see
    the module's notes); refused with a ``WorkshopFileError``. An older file is brought up to
    the newest schema in memory unless ``upgrade`` is False."""
    path = Path(path)
    check_header(path)
    with contextlib.ExitStack() as stack:
        try:
            conn = _connect(path, "ro")
            stack.callback(conn.close)
            try:
                version = _checked(path, conn)
            except sqlite3.Error as exc:
                if not _hot_journal(exc):
                    raise
                conn = stack.enter_context(_rolled_back_copy(path))
                version = _checked(path, conn)
            if upgrade and version < SCHEMA_VERSION:
                conn = stack.enter_context(_upgraded_in_memory(conn))
        except sqlite3.Error as exc:
            raise errors.DamagedWorkshop(path, f"is damaged: {exc}") from None
        yield conn


@contextlib.contextmanager
def _upgraded_in_memory(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A copy of an older file in memory, brought up to the newest schema there."""
    from workshop_app.store.schema import migrate  # loads sqlite-utils: only for older files

    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.backup(memory)
        migrate(memory)
        yield memory
    finally:
        memory.close()


def read_workshop(path: Path | str) -> Workshop:
    """The workshop in ``path``, read without changing the file."""
    path = Path(path)
    with unchanged(path) as conn:
        try:
            return load(conn)
        except _UNREADABLE as exc:
            raise errors.DamagedWorkshop(path, f"cannot be read: {exc}") from None
