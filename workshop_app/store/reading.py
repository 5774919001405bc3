"""Read a workshop file without changing it, not by one byte: for the welcome screen's recent
workshops and ``workshop-app status``.

Opening a file to edit it may change it (a change cut off by a crash is rolled back, an older
file is upgraded); a look at many files must not. So here:

* a pipe, device or folder is refused before anything waits on it;
* the header says whether the file is SQLite, ours, and a version this app reads;
* the file is read through a read-only connection; when a crash left a hot journal behind,
  the file and its journal are copied to a temporary folder and the copy is rolled back;
* an older file is read as it is (its later tables and columns as empty), never upgraded;
* ``quick_check`` refuses a damaged file, and the layout check one whose tables are not
  exactly those of its version;
* every row is checked as an import is before it is used.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from workshop_app.domain.model import Workshop
from workshop_app.store import errors
from workshop_app.store.inspection import (
    SQLITE_FAILURES,
    application_id_of,
    check_header,
    check_layout,
    check_version,
    damage,
    text_as_stored,
    version_of,
)
from workshop_app.store.row_reading import load_checked
from workshop_app.store.tables import APPLICATION_ID, SCHEMA_VERSION

#: How long a read waits for a writer in another process to finish its transaction.
BUSY_SECONDS = 2.0


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_SECONDS)
    conn.text_factory = text_as_stored
    return conn


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
        raise errors.DamagedWorkshop(path, f"is damaged: {damage(result[0])}")
    check_layout(path, conn, version)
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
def unchanged(path: Path | str) -> Iterator[sqlite3.Connection]:
    """A checked connection to the workshop in ``path``, read without changing the file (see
    the module's notes); refused with a ``WorkshopFileError``. An older file is read as it is:
    the steps since its version only added tables and columns, read as empty."""
    path = Path(path)
    check_header(path)
    with contextlib.ExitStack() as stack:
        try:
            conn = _connect(path, "ro")
            stack.callback(conn.close)
            try:
                _checked(path, conn)
            except sqlite3.Error as exc:
                if not _hot_journal(exc):
                    raise
                conn = stack.enter_context(_rolled_back_copy(path))
                _checked(path, conn)
        except SQLITE_FAILURES as exc:
            raise errors.DamagedWorkshop(path, f"is damaged: {damage(exc)}") from None
        yield conn


def read_workshop(path: Path | str) -> Workshop:
    """The workshop in ``path``, read without changing the file."""
    path = Path(path)
    with unchanged(path) as conn:
        return load_checked(path, conn)
