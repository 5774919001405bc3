"""The eight stages of a workshop in the order the room walks them, and how far along a stage
is. Kept apart from the stage reports so the window can name the stages without loading the
rules that judge them."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    SETUP = "Setup"
    DIAGNOSE = "Diagnose"
    CANDIDATES = "Candidates"
    RANK = "Rank"
    METRICS = "Metrics"
    ADOPTION = "Adoption"
    CHARTER = "Charter"
    FOLLOW_THROUGH = "Follow-through"


class Progress(StrEnum):
    EMPTY = "empty"
    IN_PROGRESS = "in progress"
    COMPLETE = "complete"
