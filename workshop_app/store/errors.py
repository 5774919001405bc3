"""What can go wrong with a workshop file, as small named exceptions with plain messages.

Every message names the file and the problem in one line, ready for stderr or a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class WorkshopFileError(Exception):
    """A workshop file cannot be opened, created or written; ``str()`` says why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        #: Every problem found, one line each (several for an invalid document).
        self.issues: list[str] = [problem]
        super().__init__(f"{self.path}: {problem}")


class FileMissing(WorkshopFileError):
    """There is no file at that path."""


class NotAWorkshop(WorkshopFileError):
    """The file is not SQLite, or is SQLite written by another program."""


class DamagedWorkshop(WorkshopFileError):
    """The file is ours but fails SQLite's integrity check or cannot be read."""


class AlteredLayout(DamagedWorkshop):
    """The file's tables are not exactly those the app makes for its version (a table missing
    or changed, a view or a trigger added); ``issues`` names each difference."""

    def __init__(self, path: Path | str, issues: list[str]) -> None:
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(path, issues[0] + more)
        self.issues = issues


class InvalidContents(DamagedWorkshop):
    """Rows of the file break the rules an import applies; ``issues`` places each one
    (``candidates c3.pain: must be 1 to 5, got 99``). What can be read of such a file may
    still be opened read-only (``WorkshopFile.open_readable``)."""

    def __init__(self, path: Path | str, issues: list[str]) -> None:
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(path, issues[0] + more)
        self.issues = issues


class NewerWorkshop(WorkshopFileError):
    """The file was written by a newer version of the app."""


class FileExists(WorkshopFileError):
    """A new workshop would replace an existing file that we were not asked to replace."""


class WriteFailed(WorkshopFileError):
    """Saving failed (disk full, file removed, no permission); the edit is kept in memory.

    Attributes:
        changes: what the unsaved edit changed in memory (a ``Changes``), when known.
        result: what the edit returned, so an undo command can still undo it.
        reason: why, in plain words and without a remedy (a command has no Save As), when
            the change was refused by SQLite.
    """

    changes: Any = None
    result: Any = None
    reason: str = ""


#: SQLite's words for why a write failed → ours.
_PLAIN_REASONS = {
    "database or disk is full": "the disk is full",
    "attempt to write a readonly database": "the file or its folder is read-only",
    "database is locked": "another program is writing the file",
    "disk I/O error": "the disk could not be written (it may have been removed)",
}


def plain_reason(exc: Exception) -> str:
    """Why SQLite refused a write, in words a facilitator knows."""
    said = str(exc)
    return next((ours for theirs, ours in _PLAIN_REASONS.items() if theirs in said), said)


class ReadOnlyWorkshop(WorkshopFileError):
    """A change was asked of a workshop opened read-only."""
