"""Words the app shows for the format's enum values, in the facilitator's language."""

from __future__ import annotations

from enum import StrEnum

from workshop_app.domain.words import in_words


def label(value: StrEnum | str) -> str:
    """A display word for an enum value: ``daily_user`` → ``Daily user``."""
    return in_words(value)


def choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(label, value) pairs for a combo box, in the enum's order."""
    return [(label(member), member) for member in enum]
