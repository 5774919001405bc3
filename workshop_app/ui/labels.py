"""Combo-box choices for the format's enum values, in the facilitator's words."""

from __future__ import annotations

from enum import StrEnum

from workshop_app.domain.words import in_words


def choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(words, value) pairs for a combo box, in the enum's order."""
    return [(in_words(member), member) for member in enum]
