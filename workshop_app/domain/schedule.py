"""Check-in dates after the workshop: day 7, 14 and 30 unless the room chooses others."""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.model import PlannedCheckin
from workshop_app.domain.records import record

DEFAULT_CHECKIN_DAYS = (7, 14, 30)
#: The day the 30-day targets fall due.
TARGET_DAY = 30


@record(frozen=True)
class CheckinDate:
    """A planned check-in: its day after the workshop and its calendar date."""

    day: int
    date: dt.date

    @property
    def label(self) -> str:
        return f"Day {self.day}"


def planned_days(plan: list[PlannedCheckin]) -> list[int]:
    """The days of a workshop's check-in plan; the default days when it has none."""
    return sorted({meeting.day for meeting in plan}) or list(DEFAULT_CHECKIN_DAYS)


def checkin_dates(
    workshop_date: str, days: tuple[int, ...] = DEFAULT_CHECKIN_DAYS
) -> list[CheckinDate]:
    """The planned check-ins counted in calendar days from the workshop date (YYYY-MM-DD)."""
    start = dt.date.fromisoformat(workshop_date)
    return [CheckinDate(day, start + dt.timedelta(days=day)) for day in sorted(set(days))]
