"""One workshop = one SQLite file: open it safely, keep it in memory, save every change at once.

:class:`WorkshopFile` holds the workshop as domain objects. Every change runs through
:meth:`WorkshopFile.change`: the edit is applied in memory, then the rows that differ from what
is on disk are written in one transaction, and a :class:`Changes` says what changed. The file
uses a rollback journal (not WAL) with full syncs, so between changes it is complete on its own
and can be copied to a USB stick at any moment.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import Workshop
from workshop_app.domain.validation import InvalidWorkshop, validate_document
from workshop_app.store import errors
from workshop_app.store.atomic import fsync, fsync_folder, publish, temporary_sibling
from workshop_app.store.lock import WorkshopLock
from workshop_app.store.rows import (
    TABLES,
    Row,
    build_item,
    item_rows,
    items_of,
    join_rows,
)
from workshop_app.store.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    application_id_of,
    migrate,
    version_of,
)

T = TypeVar("T")
SQLITE_HEADER = b"SQLite format 3\x00"
EXTENSION = ".workshop"


@dataclass(frozen=True)
class Schema:
    """The migrations a file is brought up to, and the version they end at."""

    migrations: Migrations = MIGRATIONS
    version: int = SCHEMA_VERSION


@dataclass(frozen=True)
class Changes:
    """What one change wrote: the lists touched and, for lists with ids, which items."""

    lists: frozenset[str] = frozenset()
    ids: dict[str, frozenset[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.lists)


Snapshot = dict[str, dict[Any, Row]]


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(path, mode), uri=True, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check_header(path: Path) -> None:
    if not path.exists():
        raise errors.FileMissing(path, "no such file")
    if path.is_dir():
        raise errors.NotAWorkshop(path, "is a folder, not a workshop file")
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except PermissionError:
        raise errors.WorkshopFileError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise errors.WorkshopFileError(path, f"cannot be read: {exc.strerror}") from None
    if not head:
        raise errors.NotAWorkshop(path, "is empty, not a workshop file")
    if not head.startswith(SQLITE_HEADER):
        raise errors.NotAWorkshop(path, "is not a workshop file (it is not an SQLite database)")
    if len(head) < 100:
        raise errors.DamagedWorkshop(path, "is damaged: the file is cut short")


def _check_contents(path: Path, db: Database, schema: Schema) -> int:
    """Check that an open file is an intact workshop this app can read; return its version."""
    try:
        app_id = application_id_of(db)
        version = version_of(db)
        if app_id != APPLICATION_ID:
            raise errors.NotAWorkshop(
                path, "is not a workshop file (it is an SQLite database of another program)"
            )
        if version > schema.version:
            raise errors.NewerWorkshop(
                path,
                f"was saved by a newer version of First Workflow (file version {version}; "
                f"this app reads up to version {schema.version}); update the app to open it",
            )
        if version < 1:
            raise errors.DamagedWorkshop(path, "is damaged: it has no workshop tables")
        result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise errors.DamagedWorkshop(path, f"is damaged: {result[0]}")
    except sqlite3.DatabaseError as exc:
        raise errors.DamagedWorkshop(path, f"is damaged: {exc}") from None
    return version


def _recover_after_crash(path: Path) -> None:
    """Finish what a crash interrupted: roll back a half-written change (a hot journal).

    SQLite does this itself on the first read of a connection that may write; a read-only
    connection cannot, and would call the file unreadable. Only a file that is ours (by the
    application id in its header) is touched, and only to restore its last saved state.
    """
    journal = path.with_name(path.name + "-journal")
    if not journal.exists() or journal.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(100)
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise errors.DamagedWorkshop(
            path,
            "has a change that was cut off by a crash and cannot be repaired on a "
            "read-only disk; copy it (with its -journal file) somewhere writable",
        )
    try:
        conn = _connect(path, "rw")
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise errors.DamagedWorkshop(path, f"cannot be repaired after a crash: {exc}") from None


def inspect(path: Path | str, schema: Schema = Schema()) -> int:
    """Check a workshop file; returns its schema version.

    Nothing is changed, except that a change cut off by a crash is rolled back first (which
    is what makes the file consistent again).
    """
    path = Path(path)
    _check_header(path)
    _recover_after_crash(path)
    try:
        conn = _connect(path, "ro")
    except sqlite3.Error as exc:
        raise errors.WorkshopFileError(path, f"cannot be opened: {exc}") from None
    try:
        return _check_contents(path, Database(conn), schema)
    finally:
        conn.close()


def _snapshot(workshop: Workshop) -> Snapshot:
    snap: Snapshot = {}
    for table in TABLES:
        items = items_of(workshop, table)
        snap[table.key] = item_rows(table, items)
        for spec in table.joins:
            snap[table.join_table(spec)] = join_rows(table, spec, items)
    return snap


def _pk_of(table: str) -> str | tuple[str, str]:
    for mapped in TABLES:
        if mapped.key == table:
            return mapped.pk
    return ("owner_id", "position")


def _write_order() -> list[str]:
    order: list[str] = []
    for table in TABLES:
        order.append(table.key)
        order.extend(table.join_table(spec) for spec in table.joins)
    return order


WRITE_ORDER = _write_order()
_OWNER_OF = {table.join_table(spec): table.key for table in TABLES for spec in table.joins}


def _diff(old: Snapshot, new: Snapshot) -> tuple[dict[str, list[Any]], dict[str, list[Row]]]:
    deletes: dict[str, list[Any]] = {}
    upserts: dict[str, list[Row]] = {}
    for name in WRITE_ORDER:
        before, after = old.get(name, {}), new[name]
        gone = [key for key in before if key not in after]
        changed = [row for key, row in after.items() if before.get(key) != row]
        if gone:
            deletes[name] = gone
        if changed:
            upserts[name] = changed
    return deletes, upserts


def _changes(
    deletes: dict[str, list[Any]], upserts: dict[str, list[Row]], old: Snapshot, new: Snapshot
) -> Changes:
    lists: set[str] = set()
    ids: dict[str, set[str]] = {}
    for name in set(deletes) | set(upserts):
        owner = _OWNER_OF.get(name, name)
        lists.add(owner)
        table = next(t for t in TABLES if t.key == owner)
        if not table.keyed_by_id:
            continue
        touched = ids.setdefault(owner, set())
        if name == owner:
            touched.update(deletes.get(name, []))
            touched.update(row["id"] for row in upserts.get(name, []))
        else:
            touched.update(key[0] for key in deletes.get(name, []))
            touched.update(row["owner_id"] for row in upserts.get(name, []))
    return Changes(frozenset(lists), {key: frozenset(value) for key, value in ids.items()})


def _write(db: Database, deletes: dict[str, list[Any]], upserts: dict[str, list[Row]]) -> None:
    with db.atomic():
        db.execute("PRAGMA defer_foreign_keys = ON")
        for name in reversed(WRITE_ORDER):
            for key in deletes.get(name, []):
                db.table(name).delete(key)
        for name in WRITE_ORDER:
            if name in upserts:
                db.table(name).upsert_all(upserts[name], pk=_pk_of(name))


def _load(db: Database) -> Workshop:
    workshop = Workshop()
    for table in TABLES:
        order = "id" if table.singleton else "position"
        items = [build_item(table, row) for row in db.table(table.key).rows_where(order_by=order)]
        if table.singleton:
            setattr(workshop, "info" if table.key == "workshop" else table.key, items[0])
        else:
            setattr(workshop, table.key, items)
        if not table.joins:
            continue
        by_owner = {1: items[0]} if table.singleton else {item.id: item for item in items}
        for spec in table.joins:
            for row in db.table(table.join_table(spec)).rows_where(order_by="owner_id, position"):
                getattr(by_owner[row["owner_id"]], spec.name).append(row["ref_id"])
    return workshop


class WorkshopFile:
    """An open workshop file and the workshop in it.

    Attributes:
        path: where the file is.
        workshop: the workshop in memory; change it only through :meth:`change`.
        read_only: opened without the right (or the wish) to write.
        unsaved: an earlier change could not be written; :meth:`save` or :meth:`save_as`
            tries again, nothing typed is lost.
    """

    def __init__(self, path: Path, db: Database, workshop: Workshop, read_only: bool) -> None:
        self.path = path
        self.workshop = workshop
        self.read_only = read_only
        self.unsaved = False
        self._db = db
        self._saved = _snapshot(workshop)
        self._lock: WorkshopLock | None = None

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls, path: Path | str, *, read_only: bool = False, schema: Schema = Schema()
    ) -> WorkshopFile:
        """Open an existing workshop file after checking it; upgrade an older one."""
        path = Path(path)
        version = inspect(path, schema)
        if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            read_only = True
        lock = WorkshopLock(path)
        if not read_only and not lock.acquire(path):
            read_only = True  # the folder cannot take a lock file, so nothing can write there
        try:
            conn = _connect(path, "ro" if read_only else "rw")
        except sqlite3.Error as exc:
            lock.release()
            raise errors.WorkshopFileError(path, f"cannot be opened: {exc}") from None
        db = Database(conn)
        try:
            if not read_only:
                db.execute("PRAGMA journal_mode = DELETE")
                db.execute("PRAGMA synchronous = FULL")
                if version < schema.version:
                    _backup(conn, path.with_name(f"{path.name}.v{version}-backup"))
                    migrate(db, schema.migrations)
            workshop = _load(db)
        except errors.WorkshopFileError:
            conn.close()
            lock.release()
            raise
        except (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError) as exc:
            conn.close()
            lock.release()
            raise errors.DamagedWorkshop(path, f"cannot be read: {exc}") from None
        opened = cls(path, db, workshop, read_only)
        opened._lock = lock
        return opened

    @classmethod
    def create(
        cls, path: Path | str, workshop: Workshop, *, overwrite: bool = False
    ) -> WorkshopFile:
        """Write ``workshop`` to a new file and open it; the file appears whole or not at all."""
        path = Path(path)
        issues = validate_document(workshop_to_document(workshop))
        if issues:
            raise InvalidWorkshop(issues)
        write_new_file(path, workshop, overwrite=overwrite)
        return cls.open(path)

    # ------------------------------------------------------------------ changing
    def change(self, edit: Callable[[Workshop], T]) -> tuple[T, Changes]:
        """Apply ``edit`` to the workshop in memory and save what it changed, in one transaction.

        Raises :class:`~workshop_app.store.errors.WriteFailed` when the file cannot be written;
        the change stays in memory and :attr:`unsaved` is set.
        """
        if self.read_only:
            raise errors.ReadOnlyWorkshop(
                self.path, "is open read-only; use Save As to keep changes in a copy"
            )
        result = edit(self.workshop)
        try:
            return result, self.save()
        except errors.WriteFailed as exc:
            exc.result = result
            raise

    def save(self) -> Changes:
        """Write whatever differs between memory and the file; normally nothing is pending."""
        new = _snapshot(self.workshop)
        deletes, upserts = _diff(self._saved, new)
        if not deletes and not upserts:
            return Changes()
        changes = _changes(deletes, upserts, self._saved, new)
        try:
            _write(self._db, deletes, upserts)
        except sqlite3.Error as exc:
            self.unsaved = True
            failure = errors.WriteFailed(
                self.path,
                f"the change could not be saved ({exc}); it is "
                "kept in memory: use Save As to keep it",
            )
            failure.changes = changes
            raise failure from None
        self._saved = new
        self.unsaved = False
        return changes

    def save_as(self, path: Path | str) -> None:
        """Write the workshop as it is in memory to ``path`` and continue there."""
        path = Path(path)
        write_new_file(path, self.workshop, overwrite=True)
        reopened = WorkshopFile.open(path)
        self.close()
        self.path, self._db, self.read_only = reopened.path, reopened._db, reopened.read_only
        self._saved, self._lock = reopened._saved, reopened._lock
        self.unsaved = False

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.conn.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> WorkshopFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    """Copy an open database to ``target`` (whole, synced) before it is upgraded."""
    with temporary_sibling(target) as temp:
        dest = sqlite3.connect(temp)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        fsync(temp)
        temp.replace(target)
    fsync_folder(target.parent)


def write_new_file(path: Path, workshop: Workshop, *, overwrite: bool = False) -> None:
    """Write a complete workshop file at ``path`` through a synced temporary file."""
    if path.exists() and not overwrite:
        raise errors.FileExists(
            path, "already exists; choose another name or replace it explicitly (--force)"
        )
    if not path.parent.is_dir():
        raise errors.WorkshopFileError(path, "cannot be written: the folder does not exist")
    try:
        with temporary_sibling(path) as temp:
            conn = sqlite3.connect(temp, isolation_level=None)
            try:
                db = Database(conn)
                db.execute("PRAGMA foreign_keys = ON")
                db.execute("PRAGMA journal_mode = DELETE")
                db.execute("PRAGMA synchronous = FULL")
                migrate(db)
                empty = _snapshot(_load(db))
                deletes, upserts = _diff(empty, _snapshot(workshop))
                _write(db, deletes, upserts)
            finally:
                conn.close()
            fsync(temp)
            publish(temp, path, overwrite)
    except sqlite3.Error as exc:
        raise errors.WriteFailed(path, f"cannot be written: {exc}") from None
    except PermissionError:
        raise errors.WriteFailed(path, "cannot be written: permission denied") from None
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise errors.FileExists(
                path, "already exists; choose another name or replace it explicitly (--force)"
            ) from None
        raise errors.WriteFailed(path, f"cannot be written: {exc.strerror}") from None
    fsync_folder(path.parent)


@dataclass(frozen=True)
class Summary:
    """What the welcome screen shows of a workshop file without opening it for editing."""

    title: str
    organization: str
    date: str
    modified: float


def summary(path: Path | str) -> Summary:
    """Title, organization, date and last change of a workshop file (read-only, checked)."""
    path = Path(path)
    inspect(path)
    conn = _connect(path, "ro")
    try:
        row = conn.execute("SELECT title, organization, date FROM workshop WHERE id = 1").fetchone()
    except sqlite3.Error as exc:
        raise errors.DamagedWorkshop(path, f"cannot be read: {exc}") from None
    finally:
        conn.close()
    if row is None:
        raise errors.DamagedWorkshop(path, "is damaged: it has no workshop details")
    return Summary(row[0], row[1], row[2], path.stat().st_mtime)
