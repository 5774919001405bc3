"""Words the app shows for the format's enum values, in the facilitator's language."""

from __future__ import annotations

from enum import StrEnum

_SPECIAL = {
    "it_data": "IT / data",
    "process_owner": "Process owner",
    "daily_user": "Daily user",
    "time_sink": "Time sink",
    "dropped_handoffs": "Dropped hand-offs",
    "slow_reporting": "Slow reporting",
    "errors_rework": "Errors and rework",
    "waiting_on_data": "Waiting on data",
    "unused_outputs": "Outputs went unused",
    "sponsors_disengaged": "Sponsors lost interest",
    "data_access": "Data access",
    "distrust": "Users distrusted it",
    "creative_control": "Creative control",
    "changes_requested": "Changes requested",
    "day": "per day",
    "week": "per week",
    "month": "per month",
    "quarter": "per quarter",
    "year": "per year",
}


def label(value: StrEnum | str) -> str:
    """A display word for an enum value: ``daily_user`` → ``Daily user``."""
    text = str(value)
    return _SPECIAL.get(text, text.replace("_", " ").capitalize())


def choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(label, value) pairs for a combo box, in the enum's order."""
    return [(label(member), member) for member in enum]
