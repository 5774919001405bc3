"""Check a workshop file before anything reads it: what marks a file as ours, its schema version,
and the checks that refuse an empty, foreign, newer, damaged or altered file without changing it
(its tables must be exactly those of its version: :mod:`workshop_app.store.layout`).

Only the standard library's ``sqlite3`` is used here, so opening a file stays quick; the
migrations (and sqlite-utils) are loaded only when an older file is upgraded.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.store import errors
from workshop_app.store.journal import judge, pending
from workshop_app.store.layout import layout_problems
from workshop_app.store.lock import read_holder
from workshop_app.store.tables import APPLICATION_ID, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

SQLITE_HEADER = b"SQLite format 3\x00"
#: What SQLite may raise on a damaged file: its own errors, and the error it reports in text
#: that is not UTF-8 (a damaged name in the schema), which Python raises as UnicodeDecodeError.
SQLITE_FAILURES = (sqlite3.Error, UnicodeDecodeError)


#: The longest report of damage that is quoted whole; a longer one is cut.
LONGEST_REPORT = 160


def damage(error: Exception | str) -> str:
    """What an error of :data:`SQLITE_FAILURES` (or a line of ``integrity_check``) says
    about the file, in one line (SQLite may quote a whole damaged statement)."""
    if isinstance(error, UnicodeDecodeError):
        return "its schema holds a name that is not UTF-8 text"
    said = " ".join(str(error).split())
    return said if len(said) <= LONGEST_REPORT else said[: LONGEST_REPORT - 1] + "…"


@dataclass(frozen=True)
class Schema:
    """The migrations a file is brought up to, and the version they end at.

    Attributes:
        migrations: the steps; None means the app's own
            (:data:`workshop_app.store.schema.MIGRATIONS`).
        version: the version the last step sets; a file above it is refused.
    """

    migrations: Migrations | None = None
    version: int = SCHEMA_VERSION


#: The app's own schema: what every file is checked against and brought up to.
APP_SCHEMA = Schema()


def check_version(path: Path, version: int, newest: int) -> None:
    """Refuse a file whose schema version (``PRAGMA user_version``) this app cannot read: newer
    than ``newest``, or below 1 (no workshop tables)."""
    if version > newest:
        raise errors.NewerWorkshop(
            path,
            f"was saved by a newer version of First Workflow (file version {version}; "
            f"this app reads up to version {newest}); update the app to open it",
        )
    if version < 1:
        raise errors.DamagedWorkshop(path, "is damaged: it has no workshop tables")


def text_as_stored(raw: bytes) -> str:
    """Text read from a file, also when another program stored bytes that are not UTF-8:
    each such byte becomes a lone surrogate (U+DC80–U+DCFF), which the rules of text then
    refuse with its place, instead of the read failing without one."""
    return raw.decode("utf-8", "surrogateescape")


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """A connection to an existing file (``mode`` "ro" or "rw"; never creates one), in
    autocommit mode with foreign keys on."""
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.text_factory = text_as_stored
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def version_of(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def application_id_of(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


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


def check_header(path: Path, newest: int = SCHEMA_VERSION) -> None:
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
    check_version(path, int.from_bytes(head[60:64], "big"), newest)


def _check_contents(path: Path, conn: sqlite3.Connection, schema: Schema) -> int:
    """Check that an open file is an intact workshop this app can read; return its version."""
    try:
        app_id = application_id_of(conn)
        version = version_of(conn)
        if app_id != APPLICATION_ID:
            raise errors.NotAWorkshop(
                path, "is not a workshop file (it is an SQLite database of another program)"
            )
        check_version(path, version, schema.version)
        result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise errors.DamagedWorkshop(path, f"is damaged: {damage(result[0])}")
        check_layout(path, conn, version)
        if version >= 8 and not conn.execute("SELECT 1 FROM file_state").fetchone():
            raise errors.DamagedWorkshop(
                path, "file_state: its row is missing (the file's revision)"
            )
    except SQLITE_FAILURES as exc:
        raise errors.DamagedWorkshop(path, f"is damaged: {damage(exc)}") from None
    return version


def check_layout(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Refuse a file whose tables are not exactly those of its version
    (:mod:`workshop_app.store.layout`). A version beyond the app's own is reached only by a
    test's made-up step, whose layout the app does not know."""
    if version > SCHEMA_VERSION:
        return
    problems = layout_problems(conn, version)
    if problems:
        raise errors.AlteredLayout(path, problems)


def _recover_after_crash(path: Path) -> None:
    """Finish what a crash interrupted: roll back a half-written change (a hot journal), when
    the journal belongs to this file (:mod:`workshop_app.store.journal`).

    SQLite does this itself on the first read of a connection that may write; a read-only
    connection cannot, and would call the file unreadable. Only a file that is ours (by the
    application id in its header) is touched, and only to restore its last saved state. While
    a live process holds the file's lock, its journal is a change being written: left alone.
    """
    journal = pending(path)
    if journal is None or read_holder(path) is not None:
        return
    with path.open("rb") as handle:
        header = handle.read(100)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return
    judge(path, journal, APPLICATION_ID)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise errors.DamagedWorkshop(
            path,
            "has a change that was cut off by a crash and cannot be repaired on a "
            "read-only disk; copy it (with its -journal file) somewhere writable",
        )
    try:
        conn = connect(path, "rw")
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except SQLITE_FAILURES as exc:
        raise errors.DamagedWorkshop(
            path, f"cannot be repaired after a crash: {damage(exc)}"
        ) from None


def inspect(path: Path | str, schema: Schema = APP_SCHEMA) -> int:
    """Check a workshop file; returns its schema version.

    Nothing is changed, except that a change cut off by a crash is rolled back first (which
    is what makes the file consistent again), when its journal belongs to the file.
    """
    path = Path(path)
    check_header(path, schema.version)
    _recover_after_crash(path)
    try:
        conn = connect(path, "ro")
    except sqlite3.Error as exc:
        raise errors.WorkshopFileError(path, f"cannot be opened: {exc}") from None
    try:
        return _check_contents(path, conn, schema)
    finally:
        conn.close()
