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


class NewerWorkshop(WorkshopFileError):
    """The file was written by a newer version of the app."""


class FileExists(WorkshopFileError):
    """A new workshop would replace an existing file that we were not asked to replace."""


class WriteFailed(WorkshopFileError):
    """Saving failed (disk full, file removed, no permission); the edit is kept in memory.

    Attributes:
        changes: what the unsaved edit changed in memory (a ``Changes``), when known.
        result: what the edit returned, so an undo command can still undo it.
    """

    changes: Any = None
    result: Any = None


class ReadOnlyWorkshop(WorkshopFileError):
    """A change was asked of a workshop opened read-only."""
