"""Operations of blind estimates: record a round's answers at once, take a round back out, and
adopt a value for the candidate's fact from a round (logged with the round's figures).

A round is identified by its candidate and number (and, when a round asked one fact only, that
fact). The answers keep their order in ``workshop.estimates``; each undo puts them back at the
places they had.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from workshop_app.domain import edits
from workshop_app.domain.changes import Changes, Part, Refused
from workshop_app.domain.estimates import answer_key, shown, summarise
from workshop_app.domain.fields import ESTIMATE, per_problem, value_problem
from workshop_app.domain.limits import room_problem
from workshop_app.domain.model import (
    Decision,
    DecisionKind,
    Estimate,
    EstimateFact,
    Period,
    Workshop,
)
from workshop_app.domain.operations.step import Outcome, Step, nothing, operation
from workshop_app.domain.validation import field_problem

_ESTIMATES = Changes.of(Part.ESTIMATES)


def _who(workshop: Workshop, estimate: Estimate) -> str:
    if estimate.who is None:
        return "an anonymous answer"
    person = workshop.stakeholder(estimate.who)
    return person.name if person is not None and person.name else repr(estimate.who)


def _problem(workshop: Workshop, estimate: Estimate) -> str | None:
    """Why ``estimate`` cannot be recorded in ``workshop`` (a field, then the fact's rules)."""
    for spec in ESTIMATE:
        problem = field_problem(workshop, "estimates", spec.name, getattr(estimate, spec.name))
        if problem:
            return f"{spec.name} {problem}"
    return value_problem(estimate.fact, estimate.value) or per_problem(estimate.fact, estimate.per)


def _as_kept(estimate: Estimate) -> Estimate:
    """A copy of a checked answer with the types the model keeps (enum members, whole rounds)."""
    kept = copy.deepcopy(estimate)
    kept.fact = EstimateFact(kept.fact)
    kept.round = int(kept.round)
    kept.per = None if kept.per is None else Period(kept.per)
    return kept


def _drop_last(workshop: Workshop, count: int) -> Outcome:
    taken = workshop.estimates[len(workshop.estimates) - count :]
    del workshop.estimates[len(workshop.estimates) - count :]
    return Outcome.made(_ESTIMATES, Step(_append, (taken,)))


def _append(workshop: Workshop, estimates: list[Estimate]) -> Outcome:
    # The very objects, not copies: a removal's undo (a stakeholder's) finds them by identity.
    workshop.estimates.extend(estimates)
    return Outcome.made(_ESTIMATES, Step(_drop_last, (len(estimates),)))


@operation
def add_estimates(workshop: Workshop, estimates: Sequence[Estimate]) -> Outcome:
    """Record answers (normally a whole round's, at its reveal) as one change: all or none.

    Each answer must name a candidate and (unless anonymous) a stakeholder of the workshop,
    give a value that fits its fact (or pass), and a period exactly for occurrences; a named
    person answers a fact of a candidate once per round.
    """
    if not estimates:
        return nothing()
    full = room_problem(workshop, "estimates", len(estimates))
    if full is not None:
        raise Refused(full)
    taken = {answer_key(e) for e in workshop.estimates} - {None}
    kept: list[Estimate] = []
    for number, estimate in enumerate(estimates, start=1):
        problem = _problem(workshop, estimate)
        if problem:
            raise Refused(f"Answer {number} ({_who(workshop, estimate)}): {problem}.")
        answer = _as_kept(estimate)
        key = answer_key(answer)
        if key is not None and key in taken:
            raise Refused(
                f"{_who(workshop, answer)} has already answered {answer.fact} in round "
                f"{answer.round} of this candidate."
            )
        taken.add(key)
        kept.append(answer)
    return _append(workshop, kept)


def _take_out(workshop: Workshop, places: tuple[int, ...]) -> Outcome:
    """Remove the answers at ``places`` (ascending); the undo inserts them there again."""
    removed = [(place, workshop.estimates[place]) for place in places]
    for place in reversed(places):
        del workshop.estimates[place]
    return Outcome.made(_ESTIMATES, Step(_put_back, (removed,)))


def _put_back(workshop: Workshop, removed: list[tuple[int, Estimate]]) -> Outcome:
    for place, estimate in removed:
        workshop.estimates.insert(place, estimate)
    return Outcome.made(_ESTIMATES, Step(_take_out, (tuple(place for place, _e in removed),)))


@operation
def remove_estimate_round(
    workshop: Workshop, candidate_id: str, round_number: int, fact: EstimateFact | None = None
) -> Outcome:
    """Take every answer of one round about a candidate out (of one fact when given): a round
    started by mistake, or typed wrong and asked again."""
    candidate = workshop.candidate(candidate_id)
    if candidate is None:
        raise Refused(f"no candidate has the id {candidate_id!r}")
    places = tuple(
        place
        for place, e in enumerate(workshop.estimates)
        if e.candidate_id == candidate_id
        and e.round == round_number
        and (fact is None or e.fact == fact)
    )
    if not places:
        what = f"{fact} estimates" if fact is not None else "estimates"
        raise Refused(f"No round {round_number} of {what} is recorded for {candidate.name}.")
    return _take_out(workshop, places)


#: The candidate's field each fact sets, and its name in the decision log.
_FACT_FIELDS = {
    EstimateFact.OCCURRENCES: ("frequency.count", "Occurrences"),
    EstimateFact.MINUTES: ("minutes_per_occurrence", "Minutes each"),
    EstimateFact.PAIN: ("pain", "Pain"),
}


def _put_fact(
    workshop: Workshop, candidate_id: str, path: str, value: Any, log: list[Decision]
) -> Outcome:
    """Set one fact of a candidate and the whole decision log; the undo puts both back."""
    old = edits.get_value(workshop, Part.CANDIDATES, candidate_id, path)
    old_log = list(workshop.decisions)
    edits.set_value(workshop, Part.CANDIDATES, candidate_id, path, value)
    workshop.decisions[:] = log
    changed = Changes.of(Part.CANDIDATES, candidate_id) | Changes.of(Part.DECISIONS)
    return Outcome.made(changed, Step(_put_fact, (candidate_id, path, old, old_log)))


def _typed_value(fact: EstimateFact, value: Any) -> Any:
    """The value as the candidate keeps it: pain a whole number (``4.0`` becomes ``4``)."""
    if fact == EstimateFact.PAIN and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@operation
def adopt_estimate(
    workshop: Workshop,
    candidate_id: str,
    fact: EstimateFact,
    value: float,
    reason: str,
    round_number: int,
    at: str,
) -> Outcome:
    """Take ``value`` as the candidate's ``fact`` after round ``round_number`` and log it.

    Occurrences set the count in the candidate's own period (the round's answers are converted
    to it), minutes the minutes each time, pain the pain; the value follows the rules of typing
    it into the candidate. The log entry (``estimated``) records the round's figures. A value
    other than the round's median (as the room saw it, to two decimals) needs a reason.
    """
    candidate = workshop.candidate(candidate_id)
    if candidate is None:
        raise Refused(f"no candidate has the id {candidate_id!r}")
    if fact not in set(EstimateFact):
        raise Refused(f"{fact!r} is not a fact the room estimates (occurrences, minutes, pain)")
    fact = EstimateFact(fact)
    path, label = _FACT_FIELDS[fact]
    summary = summarise(workshop, candidate_id, fact, round_number)
    if summary is None:
        raise Refused(
            f"Round {round_number} of {fact} estimates for {candidate.name} has no answer with "
            "a number to adopt from."
        )
    if isinstance(value, bool):
        raise Refused(f"{label} must be a number, got {value!r}")
    problem = field_problem(workshop, "candidates", path, value)
    if problem:
        raise Refused(f"{label} {problem}.")
    given = Fraction(str(value))
    reason = reason.strip()
    unit = summary.unit
    head = f"{label}: {shown(given)}{unit} from round {round_number} ({summary.figures()})"
    if shown(given) == shown(summary.median):
        text = f"{head}. Median taken." + (f" {reason}" if reason else "")
    elif not reason:
        raise Refused(
            f"{shown(given)}{unit} is not the median of round {round_number} "
            f"({shown(summary.median)}{unit}): say why the room takes another value."
        )
    else:
        text = (
            f"{head}; {shown(given)} taken instead of the median {shown(summary.median)}: {reason}"
        )
    for field, checked in (("at", at), ("reason", text)):
        problem = field_problem(workshop, "decisions", field, checked)
        if problem:
            raise Refused(f"The decision log entry's {field} {problem}.")
    log = [*workshop.decisions, Decision(at, DecisionKind.ESTIMATED, candidate_id, text)]
    return _put_fact(workshop, candidate_id, path, _typed_value(fact, value), log)
