"""When a workshop file open in the app (or a command) is backed up: when it is opened to be
edited, then after an edit once :data:`~workshop_app.store.backups.EVERY_SECONDS` have passed
since the last backup, and when it is closed after edits — never when nothing changed since
the newest backup (the checked copy is compared with it, and dropped).

Only the copy needs the open file, and it is quick (SQLite's backup API); in the app the rest
of a backup — syncing, checking, naming — runs in a thread of its own, so an edit waits for the
copy alone. Closing the file waits for it, before the lock that makes this process the only
writer of the backups folder is let go. A backup that fails never fails the edit it follows:
the problem is kept to be reported once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import field
from pathlib import Path

from workshop_app.domain.records import record
from workshop_app.store.backup_making import Copy, copy_out, finish
from workshop_app.store.backups import EVERY_SECONDS, KEEP, Backup, BackupFailed, list_backups


@record
class BackupPolicy:
    """Where and how often backups are made, and the clocks that say when.

    Attributes:
        root: the folder of every workshop's backups; None: :func:`backups_root`.
        keep: how many backups of a workshop are kept.
        every: the least seconds between two backups made while editing.
        at_close: make one when the file is closed after edits since the last.
        in_background: check and name each copy in a thread (the app); else before the call
            that made it returns (the commands, the tests).
        opened_later: the backup of the file as it was opened waits for
            :meth:`~workshop_app.store.workshop_file.WorkshopFile.back_up_opened` (the app
            calls it once its window has painted), or for the first change written, or for
            the file's closing, whichever comes first; else it is made as the file opens.
        clock: seconds that only go forward (tests pass their own).
        now: the time a backup is named after.
    """

    root: Path | None = None
    keep: int = KEEP
    every: float = EVERY_SECONDS
    at_close: bool = True
    in_background: bool = False
    opened_later: bool = False
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], dt.datetime] = dt.datetime.now


def app_backups(opened_later: bool = False) -> BackupPolicy:
    """How the app backs up the files it opens to edit: each copy checked in the background,
    so that an edit waits only for the copy; with ``opened_later``, the backup of the file as
    opened waits for ``WorkshopFile.back_up_opened`` (the app's start calls it once the
    window has painted)."""
    return BackupPolicy(in_background=True, opened_later=opened_later)


@record
class Backups:
    """The backups of one open workshop file: when the next one is due, and a failure that
    has not been reported yet.

    Attributes:
        policy: where and how often.
        path: the workshop file.
        problem: why the last backup failed (None after one succeeded).
        made: the backups made since the file was opened, oldest first.
    """

    policy: BackupPolicy
    path: Path
    problem: str | None = None
    made: list[Backup] = field(default_factory=list)
    _last: float | None = None
    _edited: bool = False
    _newest: str | None = None
    _unreported: bool = False
    _worker: threading.Thread | None = None

    def opened(self, db: sqlite3.Connection) -> None:
        """The file was opened to be edited (it passed every check): keep this state."""
        self._make(db, "opened")

    def saved(self, db: sqlite3.Connection) -> None:
        """An edit was saved: a backup when the last is :attr:`BackupPolicy.every` old."""
        self._edited = True
        if self._last is None or self.policy.clock() - self._last >= self.policy.every:
            self._make(db, "edited")

    def closing(self, db: sqlite3.Connection) -> None:
        """The file is about to be closed: keep the last edits, and finish every backup."""
        self.wait()
        if self.policy.at_close and self._edited:
            self._make(db, "closed", in_background=False)

    def moved(self, path: Path, db: sqlite3.Connection) -> None:
        """The workshop continues in another file (Save As): its backups start there."""
        self.wait()
        self.path, self._newest = path, None
        self._make(db, "saved as")

    def wait(self) -> None:
        """Until the backup being checked (in the background) counts, or failed."""
        if self._worker is not None:
            self._worker.join()
            self._worker = None

    def take_problem(self) -> str | None:
        """Why backups fail, the first time it is asked after they started failing."""
        if not self._unreported:
            return None
        self._unreported = False
        return self.problem

    def _make(self, db: sqlite3.Connection, reason: str, in_background: bool | None = None) -> None:
        self.wait()
        self._last = self.policy.clock()
        try:
            copy = copy_out(
                db,
                self.path,
                reason,
                root=self.policy.root,
                made_at=self.policy.now(),
                keep=self.policy.keep,
            )
        except Exception as failure:  # a backup never fails the edit it follows
            self._failed(failure)
            return
        self._edited = False  # edits from now on are not in this copy
        background = self.policy.in_background if in_background is None else in_background
        if background:
            self._worker = threading.Thread(target=self._finish, args=(copy,), name="backup")
            self._worker.start()
        else:
            self._finish(copy)

    def _finish(self, copy: Copy) -> None:
        try:
            if self._newest is None:
                listed = list_backups(self.path, self.policy.root)
                self._newest = listed[0].content if listed else ""
            made = finish(copy, unless=self._newest)
        except Exception as failure:
            copy.discard()
            self._edited = True  # its edits are in no backup yet
            self._failed(failure)
            return
        self.problem, self._unreported = None, False
        if made is not None:
            self._newest = made.content
            self.made.append(made)

    def _failed(self, failure: Exception) -> None:
        if self.problem is None:
            self._unreported = True
        self.problem = (
            failure.problem
            if isinstance(failure, BackupFailed)
            else f"no backup could be made: {failure}"
        )
