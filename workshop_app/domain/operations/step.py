"""The rules run after every operation: the moment the 30-day gate passes is logged in the
decision log, and the operation's undo takes that entry back with the rest; a change that
would make a list longer than the format allows is taken back and refused."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from workshop_app.domain import decisions
from workshop_app.domain.changes import Changes, Outcome, Part, Refused, Step, nothing
from workshop_app.domain.gate import is_agreed
from workshop_app.domain.limits import cap_problem
from workshop_app.domain.model import Workshop

P = ParamSpec("P")

__all__ = ["Outcome", "Step", "nothing", "operation", "trim_log"]


def trim_log(workshop: Workshop, undo: Step, length: int) -> Outcome:
    """Run ``undo``, then take the decision log back to ``length`` entries.

    This is how an operation is taken back: whatever it logged (its own entries, the gate
    passing) goes with it.
    """
    outcome = undo(workshop)
    if len(workshop.decisions) <= length:
        return outcome
    del workshop.decisions[length:]
    return Outcome.made(outcome | Changes.of(Part.DECISIONS), Step(nothing))


def operation(
    change: Callable[Concatenate[Workshop, P], Outcome],
) -> Callable[Concatenate[Workshop, P], Outcome]:
    """Make ``change`` an operation: after it, log the 30-day gate passing if it just did, and
    let its undo take back every log entry it added. ``change`` must check everything before
    it changes anything, raising :class:`~workshop_app.domain.changes.Refused` with a reason.

    Last, no list may be longer than the format allows (:mod:`workshop_app.domain.limits`):
    a file holding such a workshop could not be opened again. The operations that add items
    check their own list first, with a message of their own; this catches the rest (a decision
    log that is full, a metric moved to a candidate that has the most it may have): the change
    is taken back and refused.
    """

    @functools.wraps(change)
    def run(workshop: Workshop, /, *args: P.args, **kwargs: P.kwargs) -> Outcome:
        was_agreed, logged = is_agreed(workshop), len(workshop.decisions)
        outcome = change(workshop, *args, **kwargs)
        decisions.note_gate(workshop, was_agreed, decisions.timestamp(), logged)
        problem = cap_problem(workshop)
        if problem is not None:
            trim_log(workshop, outcome.undo, logged)
            raise Refused(problem)
        if len(workshop.decisions) == logged:
            return outcome
        return Outcome.made(
            outcome | Changes.of(Part.DECISIONS), Step(trim_log, (outcome.undo, logged))
        )

    return run
