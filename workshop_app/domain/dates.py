"""The days and times a workshop may hold: written ``YYYY-MM-DD`` (``THH:MM:SS``), real, and
within the years the app computes with.

Check-in days, 30-day windows and "day N of 30" add and subtract days from these dates; Python's
calendar ends in the year 9999, so a workshop dated 9999-12-31 would fail at its first check-in.
The years allowed leave centuries of room on either side of any real workshop.
"""

from __future__ import annotations

import datetime as dt
import re

#: The first and the last day a date in a workshop may be.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")


def _shown(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


def _out_of_range(day: dt.date, value: str, noun: str) -> str | None:
    if EARLIEST <= day <= LATEST:
        return None
    first, last = EARLIEST.isoformat(), LATEST.isoformat()
    return f"must be a {noun} from {first} to {last}, got {_shown(value)}"


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a date a workshop may hold, or None when it is."""
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        day = dt.date.fromisoformat(value)
    except ValueError:
        return f"must be a date written YYYY-MM-DD, got {_shown(value)}"
    return _out_of_range(day, value, "date")


def datetime_problem(value: str) -> str | None:
    """Why ``value`` is not a time a workshop may hold, or None when it is."""
    try:
        if not _DATETIME.fullmatch(value):
            raise ValueError(value)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return f"must be a time written YYYY-MM-DDTHH:MM:SS, got {_shown(value)}"
    return _out_of_range(moment.date(), value, "time")


def is_date(value: str) -> bool:
    """Whether ``value`` is a date a workshop may hold."""
    return date_problem(value) is None
