"""How often the app and the commands back up a workshop file, and how many backups are kept:
the policy alone, which opening a file needs, apart from the making of backups
(:mod:`~workshop_app.store.backup_schedule`), which can wait until the first backup is due."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from workshop_app.domain.records import record

#: How many backups of one workshop are kept (the newest).
KEEP = 10
#: The least time between two backups made while editing.
EVERY_SECONDS = 5 * 60


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
