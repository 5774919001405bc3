"""What ``workshop-app backups`` and ``workshop-app restore`` print: a workshop's backups as a
table, newest first, and a restore in one line."""

from __future__ import annotations

import shlex
from pathlib import Path

from workshop_app.store.backup_policy import EVERY_SECONDS, KEEP
from workshop_app.store.backups import Backup, ReplacedCopy
from workshop_app.store.restore import Restored, when

_COLUMNS = ("number", "made", "title", "candidates", "size", "why")


def size_words(size: int) -> str:
    """A file size as people read it: ``168 KB``, ``2.4 MB``."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def backups_text(
    path: Path, folder: Path, backups: list[Backup], replaced: list[ReplacedCopy]
) -> str:
    """The backups of ``path`` as an aligned table (every cell whole), or what to expect when
    there are none; then the kept copies that do not open."""
    if not backups:
        lines = [
            f"{path}: no backups yet (they are kept in {folder}): the app makes one when it "
            f"opens the workshop to edit it, then after {EVERY_SECONDS // 60} minutes of "
            "editing and when it closes it"
        ]
    else:
        count = "1 backup" if len(backups) == 1 else f"{len(backups)} backups"
        lines = [f"{path}: {count}, newest first (in {folder}; the newest {KEEP} are kept)"]
        rows = [
            (
                str(backup.number),
                when(backup.made_at),
                backup.title,
                str(backup.candidates),
                size_words(backup.size),
                backup.why,
            )
            for backup in backups
        ]
        widths = [
            max([len(title), *(len(row[i]) for row in rows)]) for i, title in enumerate(_COLUMNS)
        ]
        for cells in (_COLUMNS, *rows):
            pairs = zip(cells, widths, strict=True)
            lines.append("  ".join(f"{cell:<{width}}" for cell, width in pairs).rstrip())
        # Quoted as a shell needs it, so the line can be copied as it is (a name with spaces).
        lines.append(f"Bring one back with: workshop-app restore {shlex.quote(str(path))} NUMBER")
    for copy in replaced:
        lines.append(
            f"Also kept, but it does not open ({copy.problem}): the file a restore replaced "
            f"on {when(copy.made_at)}, in {copy.path}"
        )
    return "\n".join(lines)


def restored_words(restored: Restored) -> str:
    """One line saying what a restore did, and how to undo it."""
    workshop = restored.source.workshop
    candidates = len(workshop.candidates)
    what = f"“{workshop.info.title}”, {candidates} candidate{'s' if candidates != 1 else ''}"
    line = f"{restored.path}: restored from {restored.source.words} ({what})"
    kept = restored.kept
    if isinstance(kept, Backup):
        line += (
            f"; what it replaced is backup {kept.number}: "
            f"workshop-app restore {shlex.quote(str(restored.path))} {kept.number} undoes this"
        )
    elif isinstance(kept, ReplacedCopy):
        line += f"; what it replaced did not open ({kept.problem}) and is kept in {kept.path}"
    return line
