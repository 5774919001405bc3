"""How the reports write values: user text safe for layout, dates, numbers and hours.

Enum values in words come from :func:`workshop_app.domain.words.in_words`, shared with the app.
"""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.text import break_long_words


def text(value: str | None) -> str:
    """User text made safe for layout: no unbreakable run longer than the column."""
    return break_long_words(value or "")


def long_date(iso: str) -> str:
    """``2026-11-10`` → ``10 November 2026`` (the input back when it is not a date)."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def number(value: float | None) -> str:
    """A number as people write it: ``60``, ``23.5``, ``1,200``; an em dash when unset."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def hours(value: float) -> str:
    """Hours a month at stake: whole hours from 100 up (``424``), else one decimal (``63.0``)."""
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def sentence(value: str) -> str:
    """``below Beta on …`` → ``Below Beta on …``: the first letter raised, the rest kept."""
    return value[:1].upper() + value[1:]
