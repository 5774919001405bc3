"""When a workshop file open in the app (or a command) is backed up: when it is opened to be
edited, then after an edit once :data:`~workshop_app.store.backup_policy.EVERY_SECONDS` have passed
since the last backup, and when it is closed after edits — never when nothing changed since
the newest backup (the checked copy is compared with it, and dropped).

Only the copy needs the open file, and it is quick (SQLite's backup API); in the app the rest
of a backup — syncing, checking, naming — runs in a thread of its own, so an edit waits for the
copy alone. Closing the file waits for it, before the lock that makes this process the only
writer of the backups folder is let go. A backup that fails never fails the edit it follows:
the problem is kept to be reported once.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.domain.records import record
from workshop_app.store.backup_policy import BackupPolicy

if TYPE_CHECKING:
    from workshop_app.store.backup_making import Copy
    from workshop_app.store.backups import Backup


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
        # The making of backups loads with the first one (after the app's first paint).
        from workshop_app.store.backup_making import copy_out

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
        from workshop_app.store.backup_making import finish
        from workshop_app.store.backups import list_backups

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
        from workshop_app.store.backups import BackupFailed

        if self.problem is None:
            self._unreported = True
        self.problem = (
            failure.problem
            if isinstance(failure, BackupFailed)
            else f"no backup could be made: {failure}"
        )
