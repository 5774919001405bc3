"""Write a whole workshop file at once: a new file (New, the demo, an import, Save As) and the
backup taken before an older file is upgraded.

Either way the file is built under a temporary name in the target folder, synced, and only
then given its real name, so the file appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from workshop_app.domain.model import Workshop
from workshop_app.store import errors
from workshop_app.store.atomic import fsync, fsync_folder, publish, temporary_sibling
from workshop_app.store.lock import WorkshopLock, WorkshopLocked
from workshop_app.store.outputs import check_output
from workshop_app.store.row_sync import diff, snapshot, write
from workshop_app.store.tables import NEW_REVISION, applied_now, lay_out

_TAKEN = "already exists; choose another name or replace it explicitly (--force)"


@contextlib.contextmanager
def _unseen(temp: Path) -> Iterator[sqlite3.Connection]:
    """A connection to a file nobody else sees until it is complete and synced as a whole, so
    its transactions skip the rollback journal and the syncs that an open file needs."""
    conn = sqlite3.connect(temp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = MEMORY")
        conn.execute("PRAGMA synchronous = OFF")
        yield conn
    finally:
        conn.close()


def _build(temp: Path, workshop: Workshop) -> None:
    """Create the tables in ``temp`` and fill them with ``workshop``."""
    with _unseen(temp) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        lay_out(conn)
        # A new layout holds what an empty workshop does: its details and adoption rows.
        write(conn, diff(snapshot(Workshop()), snapshot(workshop)))


@contextlib.contextmanager
def _replacing(path: Path, overwrite: bool) -> Iterator[None]:
    """Hold the lock of a workshop file about to be replaced, so that no app or command is
    writing it meanwhile (raises ``WorkshopLocked``); this process's own lock is enough."""
    if not (overwrite and os.path.lexists(path)):
        yield
        return
    lock = WorkshopLock(path)
    try:
        lock.acquire(path)
    except WorkshopLocked as held:
        if not held.holder.is_this_process():
            raise
    try:
        yield
    finally:
        lock.release()


def write_new_file(path: Path, workshop: Workshop, *, overwrite: bool = False) -> None:
    """Write a complete workshop file at ``path`` through a synced temporary file; a file it
    replaces must not be open for writing elsewhere, nor be anything but a file."""
    _write_whole(path, overwrite, lambda temp: _build(temp, workshop))


def write_copy(source: Path, path: Path, *, overwrite: bool = False) -> None:
    """Write ``path`` as a new file with the contents of the workshop file ``source`` (one we
    ship), as :func:`write_new_file` writes one: it gets a revision of its own, as every new
    file does, and its schema steps are recorded as applied now."""

    def fill(temp: Path) -> None:
        shutil.copyfile(source, temp)
        with _unseen(temp) as conn, conn:
            conn.execute("BEGIN")
            conn.execute(
                f"UPDATE file_state SET previous = {NEW_REVISION}, revision = {NEW_REVISION}"
            )
            conn.execute("UPDATE _sqlite_migrations SET applied_at = ?", (applied_now(),))

    _write_whole(path, overwrite, fill)


def _write_whole(path: Path, overwrite: bool, fill: Callable[[Path], None]) -> None:
    """Fill a temporary sibling of ``path``, sync it and give it the name ``path``."""
    check_output(path)
    if path.exists() and not overwrite:
        raise errors.FileExists(path, _TAKEN)
    try:
        with _replacing(path, overwrite), temporary_sibling(path) as temp:
            fill(temp)
            fsync(temp)
            publish(temp, path, overwrite)
    except sqlite3.Error as exc:
        raise errors.WriteFailed(path, f"cannot be written: {exc}") from None
    except PermissionError:
        raise errors.WriteFailed(path, "cannot be written: permission denied") from None
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise errors.FileExists(path, _TAKEN) from None
        raise errors.WriteFailed(path, f"cannot be written: {exc.strerror}") from None
    fsync_folder(path.parent)


def back_up(conn: sqlite3.Connection, target: Path) -> None:
    """Copy an open file to ``target`` (whole, synced), as is done before it is upgraded."""
    with temporary_sibling(target) as temp:
        dest = sqlite3.connect(temp)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        fsync(temp)
        temp.replace(target)
    fsync_folder(target.parent)
