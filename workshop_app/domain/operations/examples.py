"""Adding a candidate from the library's example workflows: the candidate and its suggested
metrics go in together, as one change with one undo.

The library itself (names, descriptions, typical ranges) is read by the app; here the
candidate and its metrics arrive as plain domain objects, so the rules are the same as for
anything typed by hand.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from workshop_app.domain import edits
from workshop_app.domain.changes import Changes, Part, Refused
from workshop_app.domain.fields import CANDIDATE, METRIC, FieldSpec
from workshop_app.domain.limits import metrics_room_problem, room_problem
from workshop_app.domain.model import Candidate, Metric, Workshop
from workshop_app.domain.operations.step import Outcome, Step, operation
from workshop_app.domain.validation import field_problem

_BOTH = Changes.of(Part.CANDIDATES) | Changes.of(Part.METRICS)


def _problem(workshop: Workshop, key: str, specs: tuple[FieldSpec, ...], item: Any) -> str | None:
    """The first rule one field of ``item`` breaks, with the field's name; None when none."""
    for spec in specs:
        if key == "metrics" and spec.name == "candidate_id":
            continue  # it points at the candidate added with it, checked by the caller
        fields = [f"{spec.name}.{inner.name}" for inner in spec.nested] or [spec.name]
        for path in fields:
            value = item
            for name in path.split("."):
                value = getattr(value, name)
            problem = field_problem(workshop, key, path, value)
            if problem:
                return f"{path} {problem}"
    return None


def _check(workshop: Workshop, candidate: Candidate, metrics: Sequence[Metric]) -> None:
    full = (
        room_problem(workshop, "candidates")
        or room_problem(workshop, "metrics", len(metrics))
        or metrics_room_problem(workshop, candidate.id, len(metrics))
    )
    if full is not None:
        raise Refused(full)
    if workshop.candidate(candidate.id) is not None:
        raise Refused(f"candidates already has an item with the id {candidate.id!r}")
    problem = _problem(workshop, "candidates", CANDIDATE, candidate)
    if problem:
        raise Refused(f"The candidate's {problem}.")
    taken = {metric.id for metric in workshop.metrics}
    for number, metric in enumerate(metrics, start=1):
        if metric.id in taken:
            raise Refused(f"metrics already has an item with the id {metric.id!r}")
        taken.add(metric.id)
        if metric.candidate_id != candidate.id:
            raise Refused(
                f"Metric {number} belongs to {metric.candidate_id!r}, not to the new "
                f"candidate {candidate.id!r}."
            )
        problem = _problem(workshop, "metrics", METRIC, metric)
        if problem:
            raise Refused(f"Metric {number}'s {problem}.")


def _withdraw(workshop: Workshop, candidate_id: str) -> Outcome:
    """Take the candidate out with its metrics; the undo puts both back where they were."""
    index = edits.index_of(workshop, Part.CANDIDATES, candidate_id)
    removal = edits.remove(workshop, Part.CANDIDATES, index)
    return Outcome.made(_BOTH, Step(_reinstate, (removal, candidate_id)))


def _reinstate(workshop: Workshop, removal: edits.Removal, candidate_id: str) -> Outcome:
    edits.restore(workshop, removal)
    return Outcome.made(_BOTH, Step(_withdraw, (candidate_id,)))


@operation
def add_candidate_from_example(
    workshop: Workshop, candidate: Candidate, metrics: Sequence[Metric]
) -> Outcome:
    """Add ``candidate`` at the end of the candidates and ``metrics`` (each of them linked to
    it) at the end of the metrics, in one step. The candidate's facts may be empty: it then
    awaits the room's estimates. Everything is checked first, as if typed in."""
    _check(workshop, candidate, metrics)
    edits.insert(workshop, Part.CANDIDATES, copy.deepcopy(candidate))
    for metric in metrics:
        edits.insert(workshop, Part.METRICS, copy.deepcopy(metric))
    return Outcome.made(_BOTH, Step(_withdraw, (candidate.id,)))
