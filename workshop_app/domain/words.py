"""The format's enum values in the facilitator's words, shared by the app and the reports."""

from __future__ import annotations

_WORDS = {
    "process_owner": "Process owner",
    "daily_user": "Daily user",
    "it_data": "IT / data",
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
    "gate_passed": "Gate passed",
    "estimated": "Estimate adopted",
    "expanded": "Started from an earlier workshop",
    "day": "per day",
    "week": "per week",
    "month": "per month",
    "quarter": "per quarter",
    "year": "per year",
}


def in_words(value: object) -> str:
    """An enum value in words: ``daily_user`` → ``Daily user``, ``week`` → ``per week``."""
    text = str(value)
    return _WORDS.get(text, text.replace("_", " ").capitalize())


#: How a sign-off reached the facilitator, as a sentence about it goes on ("approved on their
#: review form"); the sign-off channels of the format.
_CHANNELS = {
    "room": "in the room",
    "form": "on their review form",
    "email": "by email",
    "paper": "on paper",
}


def how_it_came(channel: object) -> str:
    """A sign-off's channel in words (``form`` → ``on their review form``); empty for none."""
    return "" if channel is None else _CHANNELS.get(str(channel), "")
