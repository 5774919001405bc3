"""What the welcome screen and ``workshop-app status`` show of a workshop file, read without
changing it (:mod:`workshop_app.store.reading`), each value checked as an import checks it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.domain.records import record
from workshop_app.domain.validation import FORMAT, validate_document
from workshop_app.store import errors
from workshop_app.store.reading import read_workshop, unchanged

if TYPE_CHECKING:
    from workshop_app.domain.portfolio import WorkshopState


@record(frozen=True)
class Summary:
    """One line of the recent-workshops list, or of ``workshop-app status``.

    Attributes:
        title, organization, date: from the workshop's details.
        modified: when the file last changed (seconds since the epoch).
        state: where the workshop stands (draft, agreed, signed; its day; its verdict), when
            it was asked for.
    """

    title: str
    organization: str
    date: str
    modified: float
    state: WorkshopState | None = None


def summary(path: Path | str, today: dt.date | None = None) -> Summary:
    """Title, organization, date and last change of a workshop file, checked and read
    without changing it; with ``today``, also its state on that day (which reads the whole
    workshop, and brings an older file up to date in memory)."""
    path = Path(path)
    if today is not None:
        # The gate and the verdicts load the ranking and progress rules: only when asked.
        from workshop_app.domain.portfolio import state_of

        workshop = read_workshop(path)
        info = workshop.info
        state = state_of(workshop, today)
        return Summary(info.title, info.organization, info.date, path.stat().st_mtime, state)
    with unchanged(path) as (conn, _version):
        try:
            row = conn.execute(
                "SELECT title, organization, date FROM workshop WHERE id = 1"
            ).fetchone()
        except sqlite3.Error as exc:
            raise errors.DamagedWorkshop(path, f"cannot be read: {exc}") from None
    if row is None:
        missing = "workshop: its row is missing (the workshop's details)"
        raise errors.InvalidContents(path, [missing])
    details = dict(zip(("title", "organization", "date"), row, strict=True))
    issues = validate_document({"format": FORMAT, "workshop": details})
    if issues:
        raise errors.InvalidContents(path, [str(issue) for issue in issues])
    return Summary(row[0], row[1], row[2], path.stat().st_mtime)
