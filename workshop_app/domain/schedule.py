"""Check-in dates after the workshop: day 7, 14 and 30 unless the room chooses others."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_CHECKIN_DAYS = (7, 14, 30)
#: The day the 30-day targets fall due.
TARGET_DAY = 30


@dataclass(frozen=True)
class PlannedCheckin:
    day: int
    date: dt.date

    @property
    def label(self) -> str:
        return f"Day {self.day}"


def checkin_dates(
    workshop_date: str, days: tuple[int, ...] = DEFAULT_CHECKIN_DAYS
) -> list[PlannedCheckin]:
    """The planned check-ins counted in calendar days from the workshop date (YYYY-MM-DD)."""
    start = dt.date.fromisoformat(workshop_date)
    return [PlannedCheckin(day, start + dt.timedelta(days=day)) for day in sorted(set(days))]
