"""Check a workshop file before anything reads it: what marks a file as ours, its schema version,
and the checks that refuse an empty, foreign, newer, damaged or altered file without changing it
(its tables must be exactly those of its version: :mod:`workshop_app.store.layout`; what is in
an open file: :mod:`workshop_app.store.contents`). Every command, the app, ``status`` and the
welcome screen (:mod:`workshop_app.store.reading`) go through these same checks: a journal
beside the file judged (:func:`journal_to_roll_back`), the contents, and for an older file
what its upgrade makes of it (:func:`upgraded_copy`).

Only the standard library's ``sqlite3`` is used here, so opening a file stays quick; the
migrations (and sqlite-utils) are loaded only when an older file is upgraded.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from workshop_app.store import errors
from workshop_app.store.contents import (
    APP_SCHEMA,
    Schema,
    check_contents,
    check_layout,
    check_revision,
    check_version,
    connect,
    text_as_stored,
    version_of,
)
from workshop_app.store.damage_words import SQLITE_FAILURES, damage
from workshop_app.store.journal import judge, pending
from workshop_app.store.lock import read_holder
from workshop_app.store.tables import APPLICATION_ID, SCHEMA_VERSION

# The names every open and the tests have always found here.
__all__ = [
    "APP_SCHEMA",
    "SQLITE_FAILURES",
    "Schema",
    "check_contents",
    "check_header",
    "check_layout",
    "check_revision",
    "check_version",
    "checked_rollback",
    "connect",
    "damage",
    "inspect",
    "journal_to_roll_back",
    "text_as_stored",
    "upgraded_copy",
    "version_of",
]

SQLITE_HEADER = b"SQLite format 3\x00"


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
    if head[18] != 1 or head[19] != 1:
        # SQLite reads a file whose write version it does not know, but will not write it.
        raise errors.DamagedWorkshop(
            path,
            f"is damaged: its header names file format versions {head[18]} and {head[19]} "
            "(bytes 18 and 19), which SQLite cannot write",
        )
    check_version(path, int.from_bytes(head[60:64], "big"), newest)


def journal_to_roll_back(path: Path) -> Path | None:
    """The journal a crash left beside ``path`` that belongs to it
    (:mod:`workshop_app.store.journal`), or None; a journal that does not belong is refused
    with ``StrayJournal``. Nothing is changed. While a live process holds the file's lock,
    its journal is a change being written: None. Only a file that is ours (by the application
    id in its header) has its journal judged."""
    journal = pending(path)
    if journal is None or read_holder(path) is not None:
        return None
    with path.open("rb") as handle:
        header = handle.read(100)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return None
    judge(path, journal, APPLICATION_ID)
    return journal


@contextlib.contextmanager
def _rolled_back_copy(path: Path, journal: Path) -> Iterator[sqlite3.Connection]:
    """A connection to a copy of ``path`` and its journal in a private folder, where SQLite
    rolls back the change a crash cut off; the file and its journal are not touched."""
    import shutil  # with tempfile, about 15 ms of imports that start-up does not need
    import tempfile

    with tempfile.TemporaryDirectory(prefix="first-workflow-rollback-") as folder:
        copy = Path(folder) / path.name
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(journal, Path(f"{copy}-journal"))
            conn = connect(copy, "rw")
        except OSError as exc:
            raise errors.WorkshopFileError(path, f"cannot be read: {exc.strerror}") from None
        except sqlite3.Error as exc:
            raise errors.WorkshopFileError(path, f"cannot be opened: {exc}") from None
        try:
            yield conn
        finally:
            conn.close()


@contextlib.contextmanager
def checked_rollback(path: Path) -> Iterator[sqlite3.Connection | None]:
    """The file as the journal a crash left beside it restores it, rolled back in a private
    copy (the file and the journal are not touched): a connection to it, or None when there
    is no journal to roll back. The journal was judged first (:func:`journal_to_roll_back`):
    what it restores passed every check an open makes."""
    journal = journal_to_roll_back(path)
    if journal is None:
        yield None
        return
    with _rolled_back_copy(path, journal) as conn:
        yield conn


def _recover_after_crash(path: Path) -> None:
    """Finish what a crash interrupted: roll back a half-written change (a hot journal), when
    the journal belongs to this file and what it restores passes every check
    (:func:`journal_to_roll_back`).

    SQLite does this itself on the first read of a connection that may write; a read-only
    connection cannot, and would call the file unreadable. Only the file's last saved state
    is restored.
    """
    if journal_to_roll_back(path) is None:
        return
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
        return check_contents(path, conn, schema)
    finally:
        conn.close()


@contextlib.contextmanager
def upgraded_copy(
    path: Path, conn: sqlite3.Connection, schema: Schema = APP_SCHEMA
) -> Iterator[sqlite3.Connection]:
    """An older file as its upgrade would make it: copied into memory and brought up to
    ``schema``'s version there (the file is not touched). What the upgrade cannot carry (a
    value the newer tables refuse) is refused naming the file, so a file that every check
    calls valid can always be written."""
    from workshop_app.store.schema import migrate

    memory = sqlite3.connect(":memory:", isolation_level=None)
    memory.text_factory = text_as_stored
    try:
        conn.backup(memory)
        memory.execute("PRAGMA foreign_keys = ON")
        migrate(memory, schema.migrations)
    except (*SQLITE_FAILURES, RuntimeError) as exc:
        memory.close()
        raise errors.DamagedWorkshop(
            path,
            f"is version {version_of(conn)} and cannot be brought up to version "
            f"{schema.version}: {damage(exc)}",
        ) from None
    try:
        yield memory
    finally:
        memory.close()
