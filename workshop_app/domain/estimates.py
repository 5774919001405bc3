"""Blind estimates: the rules one answer follows beyond its field types, and the rounds already
recorded for a candidate.

The rules are written once here and applied both to an imported document
(:mod:`workshop_app.domain.validation`) and to a round the app records
(:mod:`workshop_app.domain.operations.estimates`).
"""

from __future__ import annotations

import math
from typing import Any

from workshop_app.domain.fields import LARGEST_ESTIMATE
from workshop_app.domain.model import Estimate, EstimateFact, Workshop

#: The facts in the order a round asks them.
FACTS = (EstimateFact.OCCURRENCES, EstimateFact.MINUTES, EstimateFact.PAIN)


def value_problem(fact: str, value: Any) -> str | None:
    """Why ``value`` cannot be an answer about ``fact``; None when it can (a pass always can).

    Only a number the field's own check accepts (finite, 0 up to the limit) is judged here.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if not 0 <= value <= LARGEST_ESTIMATE:
        return None
    shown = str(int(value)) if float(value).is_integer() else str(value)
    if fact == EstimateFact.MINUTES and value <= 0:
        return f"a minutes estimate must be more than 0, got {shown}"
    if fact == EstimateFact.PAIN and not (float(value).is_integer() and 1 <= value <= 5):
        return f"a pain estimate must be a whole number 1 to 5, got {shown}"
    return None


def per_problem(fact: str, per: Any) -> str | None:
    """Why ``per`` does not fit ``fact``: occurrences need their period, the others take none."""
    if fact == EstimateFact.OCCURRENCES and per is None:
        return "an occurrences estimate needs the period it counts in (day, week, month…)"
    if fact != EstimateFact.OCCURRENCES and per is not None:
        return f"must be null for a {fact} estimate; only occurrences count per period"
    return None


def answer_key(estimate: Estimate) -> tuple[str, str, int, str] | None:
    """What makes a named answer unique: one per person, candidate, fact and round. Anonymous
    answers (paper slips) have none: a round may hold any number of them."""
    if estimate.who is None:
        return None
    return (estimate.candidate_id, str(estimate.fact), estimate.round, estimate.who)


def estimates_of(
    workshop: Workshop,
    candidate_id: str,
    fact: EstimateFact | None = None,
    round_number: int | None = None,
) -> list[Estimate]:
    """The answers about one candidate, of one fact and one round when given, in order."""
    return [
        e
        for e in workshop.estimates
        if e.candidate_id == candidate_id
        and (fact is None or e.fact == fact)
        and (round_number is None or e.round == round_number)
    ]


def rounds_of(workshop: Workshop, candidate_id: str, fact: EstimateFact | None = None) -> list[int]:
    """The round numbers recorded for a candidate (of one fact when given), lowest first."""
    return sorted({e.round for e in estimates_of(workshop, candidate_id, fact)})


def next_round(workshop: Workshop, candidate_id: str, fact: EstimateFact | None = None) -> int:
    """The number the next round about a candidate (of one fact when given) takes."""
    return max(rounds_of(workshop, candidate_id, fact), default=0) + 1
