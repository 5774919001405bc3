"""What the welcome screen shows of a workshop file, read without opening it for editing."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workshop_app.store import errors
from workshop_app.store.inspection import connect, inspect


@dataclass(frozen=True)
class Summary:
    """One line of the recent-workshops list.

    Attributes:
        title, organization, date: from the workshop's details.
        modified: when the file last changed (seconds since the epoch).
    """

    title: str
    organization: str
    date: str
    modified: float


def summary(path: Path | str) -> Summary:
    """Title, organization, date and last change of a workshop file (read-only, checked)."""
    path = Path(path)
    inspect(path)
    conn = connect(path, "ro")
    try:
        row = conn.execute("SELECT title, organization, date FROM workshop WHERE id = 1").fetchone()
    except sqlite3.Error as exc:
        raise errors.DamagedWorkshop(path, f"cannot be read: {exc}") from None
    finally:
        conn.close()
    if row is None:
        raise errors.DamagedWorkshop(path, "is damaged: it has no workshop details")
    return Summary(row[0], row[1], row[2], path.stat().st_mtime)
