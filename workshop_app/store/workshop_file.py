"""One workshop = one SQLite file: open it safely, keep it in memory, save every change at once.

:class:`WorkshopFile` holds the workshop as domain objects. Every change runs through
:meth:`WorkshopFile.change`: the edit is applied in memory, then the rows that differ from what
is on disk are written in one transaction (:mod:`~workshop_app.store.row_sync`), and a
:class:`Changes` says what changed. The file uses a rollback journal (not WAL) with full syncs,
so between changes it is complete on its own and can be copied to a USB stick at any moment.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from workshop_app.domain.changes import Changes
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import Workshop
from workshop_app.domain.validation import InvalidWorkshop, validate_document
from workshop_app.store import errors
from workshop_app.store.inspection import (
    APP_SCHEMA,
    Schema,
    connect,
    damage,
    inspect,
    upgraded_copy,
)
from workshop_app.store.lock import WorkshopLock
from workshop_app.store.row_reading import UNREADABLE, RowProblems, load, what_can_be_read
from workshop_app.store.row_sync import diff, snapshot, write
from workshop_app.store.summary import summary
from workshop_app.store.writer import back_up, write_new_file

if TYPE_CHECKING:
    from workshop_app.store.backup_policy import BackupPolicy
    from workshop_app.store.backup_schedule import Backups


class UndeclaredChange(UserWarning):
    """An edit wrote rows its outcome did not name (a bug in an operation)."""

    def __init__(self, edit: object, said: Changes, written: Changes) -> None:
        name = getattr(edit, "name", None) or getattr(edit, "__name__", repr(edit))
        super().__init__(
            f"{name} said it changed {sorted(said.lists)} but wrote {sorted(written.lists)}"
        )


# The names the app and the tests have always found here.
__all__ = [
    "EXTENSION",
    "Changes",
    "Schema",
    "WorkshopFile",
    "inspect",
    "summary",
    "write_new_file",
]

T = TypeVar("T")
EXTENSION = ".workshop"


class _Upgrade(NamedTuple):
    """An older file opened to be edited: brought up to ``schema`` with its first change."""

    version: int
    schema: Schema


class _Access(NamedTuple):
    """A connection to a checked file, the lock that lets it write, the workshop read from
    it, and the upgrade its first change makes (an older file opened to be edited)."""

    db: sqlite3.Connection
    lock: WorkshopLock
    read_only: bool
    workshop: Workshop
    left_out: list[str]
    upgrade: _Upgrade | None = None


def _read(path: Path, db: sqlite3.Connection, readable: bool) -> tuple[Workshop, list[str]]:
    """The workshop in an attached file, every row checked as an import checks it; with
    ``readable``, what can be read of a file whose rows break the rules, and what was left
    out. A file that cannot be read is refused."""
    try:
        return load(db), []
    except RowProblems as problems:
        found = what_can_be_read(problems) if readable else None
        if found is None:
            raise errors.InvalidContents(path, problems.issues) from None
        return found


def _attach(path: Path, read_only: bool, schema: Schema, readable: bool = False) -> _Access:
    """Check ``path``, take its lock (or fall back to read-only), connect and read it. An
    older file is read as its upgrade makes it (in memory: what the upgrade cannot carry is
    refused); the file itself is upgraded by its first change. Nothing is written here."""
    version = inspect(path, schema)
    if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        read_only = True
    lock = WorkshopLock(path)
    if not read_only and not lock.acquire(path):
        read_only = True  # the folder cannot take a lock file, so nothing can write there
    try:
        db = connect(path, "ro" if read_only else "rw")
    except sqlite3.Error as exc:
        lock.release()
        raise errors.WorkshopFileError(path, f"cannot be opened: {exc}") from None
    try:
        workshop, left_out = _read(path, db, readable)
        if version < schema.version and not left_out:
            with upgraded_copy(path, db, schema) as upgraded:
                workshop, left_out = _read(path, upgraded, readable)
        if not read_only:
            db.execute("PRAGMA journal_mode = DELETE")
            db.execute("PRAGMA synchronous = FULL")
    except BaseException as exc:
        db.close()
        lock.release()
        if isinstance(exc, UNREADABLE):
            raise errors.DamagedWorkshop(path, f"cannot be read: {damage(exc)}") from None
        raise
    upgrade = _Upgrade(version, schema) if version < schema.version and not read_only else None
    return _Access(db, lock, read_only, workshop, left_out, upgrade)


class WorkshopFile:
    """An open workshop file and the workshop in it.

    Attributes:
        path: where the file is.
        workshop: the workshop in memory; change it only through :meth:`change`.
        read_only: opened without the right (or the wish) to write.
        unsaved: an earlier change could not be written; :meth:`save` or :meth:`save_as`
            tries again, nothing typed is lost.
        left_out: opened by :meth:`open_readable`: every value of the file that could not be
            read and is not in :attr:`workshop` (placed in the file); empty otherwise.
        backups: the automatic backups (:mod:`~workshop_app.store.backups`) of a file opened
            to be edited with a policy for them; None otherwise.
    """

    def __init__(self, path: Path, access: _Access, backups: BackupPolicy | None = None) -> None:
        self.path = path
        self.workshop = access.workshop
        self.read_only = access.read_only
        self.unsaved = False
        self.left_out = access.left_out
        self._db = access.db
        self._lock = access.lock
        self._saved = snapshot(access.workshop)
        self._upgrade = access.upgrade
        self._policy = backups
        self.backups: Backups | None = None
        self._opened_unsaved = False  # the backup of the file as opened is still to be made
        if backups is not None and not self.read_only:
            self._start_backups()

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        schema: Schema = APP_SCHEMA,
        backups: BackupPolicy | None = None,
    ) -> WorkshopFile:
        """Open an existing workshop file after checking it (its layout, then every row, as an
        import is checked); upgrade an older one. Opening writes nothing else to it; with a
        ``backups`` policy, a file opened to be edited is backed up (:mod:`.backups`)."""
        path = Path(path)
        return cls(path, _attach(path, read_only, schema), backups)

    @classmethod
    def open_readable(
        cls, path: Path | str, *, backups: BackupPolicy | None = None
    ) -> WorkshopFile:
        """Open read-only what can be read of a workshop file whose rows break the rules
        (:mod:`workshop_app.domain.salvage`); :attr:`left_out` lists what is not shown. The
        file is not changed, and nothing is ever written to it from here; Save As writes what
        is shown to a new file.

        Refused like :meth:`open` when the file's layout is not ours, and with
        ``InvalidContents`` when not even the workshop's own details can be read. With a
        ``backups`` policy, the copy Save As writes is backed up from then on.
        """
        path = Path(path)
        return cls(path, _attach(path, read_only=True, schema=APP_SCHEMA, readable=True), backups)

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

        ``edit`` is normally a step of :mod:`workshop_app.domain.operations`, whose outcome names
        what it changed; the rows written must be among those, or :class:`UndeclaredChange` is
        warned (an error under the tests).

        Raises :class:`~workshop_app.store.errors.WriteFailed` when the file cannot be written;
        the change stays in memory and :attr:`unsaved` is set.
        """
        if self.read_only:
            raise errors.ReadOnlyWorkshop(
                self.path, "is open read-only; use Save As to keep changes in a copy"
            )
        result = edit(self.workshop)
        try:
            written = self.save()
        except errors.WriteFailed as exc:
            exc.result = result
            raise
        if isinstance(result, Changes) and not result.covers(written):
            # An operation changed more than it says: a view watching only what it said
            # would show stale data. The change is saved all the same.
            warnings.warn(UndeclaredChange(edit, result, written), stacklevel=2)
        return result, written

    def save(self) -> Changes:
        """Write whatever differs between memory and the file; normally nothing is pending."""
        now = snapshot(self.workshop)
        rows = diff(self._saved, now)
        if not rows:
            return Changes()
        changes = rows.changes()
        self.back_up_opened()  # the file as it was opened, before it changes
        try:
            if self._upgrade is not None:
                self._bring_up_to_date(self._upgrade)
            write(self._db, rows)
        except (sqlite3.Error, OSError) as exc:
            self.unsaved = True
            reason = errors.plain_reason(exc)
            failure = errors.WriteFailed(
                self.path,
                f"the change could not be saved ({reason}); it is "
                "kept in memory: use Save As to keep it",
            )
            failure.changes, failure.reason = changes, reason
            raise failure from None
        self._saved = now
        self.unsaved = False
        if self.backups is not None:
            self.backups.saved(self._db)  # never raises: see take_backup_problem
        return changes

    def _bring_up_to_date(self, upgrade: _Upgrade) -> None:
        """Upgrade an older file before its first change is written: copied whole to
        ``NAME.vN-backup`` beside it first, then every step in one transaction. When a step
        fails, the file is as it was and the copy is removed."""
        from workshop_app.store.schema import migrate

        backup = self.path.with_name(f"{self.path.name}.v{upgrade.version}-backup")
        back_up(self._db, backup)
        try:
            migrate(self._db, upgrade.schema.migrations)
        except RuntimeError as exc:  # a step that found the file cannot be carried
            backup.unlink(missing_ok=True)
            raise sqlite3.DatabaseError(str(exc)) from None
        except BaseException:
            backup.unlink(missing_ok=True)
            raise
        self._upgrade = None

    def upgrade(self) -> bool:
        """Bring an older file opened to be edited up to the newest version now, as its first
        change would (backed up first); whether there was anything to do. Raises
        :class:`~workshop_app.store.errors.WriteFailed` when it cannot be, the file as it was."""
        if self._upgrade is None:
            return False
        self.back_up_opened()
        try:
            self._bring_up_to_date(self._upgrade)
        except (sqlite3.Error, OSError) as exc:
            raise errors.WriteFailed(
                self.path, f"cannot be brought up to date ({errors.plain_reason(exc)})"
            ) from None
        return True

    def save_as(self, path: Path | str) -> None:
        """Write the workshop as it is in memory to ``path`` and continue there.

        Until the copy is written and open, the workshop stays on its old file.
        """
        path = Path(path)
        write_new_file(path, self.workshop, overwrite=True)
        access = _attach(path, read_only=False, schema=APP_SCHEMA)
        self.close()
        self.path, self.read_only = path, access.read_only
        self._db, self._lock = access.db, access.lock
        self._saved = snapshot(self.workshop)
        self._upgrade = None
        self.unsaved = False
        self.left_out = []
        if self._policy is not None and not self.read_only:
            if self.backups is None:
                self._start_backups(opened=False)
            assert self.backups is not None
            self.backups.moved(path, self._db)

    # ------------------------------------------------------------------ backups
    def _start_backups(self, opened: bool = True) -> None:
        from workshop_app.store.backup_schedule import Backups

        assert self._policy is not None
        self.backups = Backups(self._policy, self.path)
        if opened:
            self._opened_unsaved = True
            if not self._policy.opened_later:
                self.back_up_opened()

    def back_up_opened(self) -> None:
        """Make the backup of the file as it was opened, unless it is made already: at once,
        or with :attr:`BackupPolicy.opened_later <.backup_policy.BackupPolicy>`, when the
        app asks (after its first paint), before the first change is written, or at closing."""
        if self._opened_unsaved and self.backups is not None:
            self._opened_unsaved = False
            self.backups.opened(self._db)

    def take_backup_problem(self) -> str | None:
        """Why the automatic backups fail, once (None when they work, or it was taken)."""
        return self.backups.take_problem() if self.backups is not None else None

    def close(self) -> None:
        self.back_up_opened()  # opened and closed before it was made: it is made now
        if self.backups is not None:  # a backup finished (and one of the last edits made)
            if self.unsaved:  # before the lock that keeps others out of its folder goes
                self.backups.wait()
            else:
                self.backups.closing(self._db)
            self.backups = None
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        self._lock.release()

    def __enter__(self) -> WorkshopFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
