"""What every operation shares: a step (a named operation bound to its arguments), the outcome
it returns (the changes it made and the step that takes them back), and the rule run after each
one: the moment the 30-day gate passes is logged in the decision log."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec

from workshop_app.domain import decisions
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.gate import is_agreed
from workshop_app.domain.model import Workshop

P = ParamSpec("P")


@dataclass(frozen=True)
class Step:
    """One operation bound to its arguments: run it on a workshop to make the change.

    Attributes:
        operation: a function of :mod:`workshop_app.domain.operations` (or the inverse one
            an outcome names).
        args: the arguments after the workshop: ids and values only.
    """

    operation: Callable[..., Outcome]
    args: tuple[Any, ...] = ()

    def __call__(self, workshop: Workshop) -> Outcome:
        return self.operation(workshop, *self.args)

    @property
    def name(self) -> str:
        return self.operation.__name__


@dataclass(frozen=True)
class Outcome(Changes):
    """The changes one operation made, and the step that takes exactly those back.

    Attributes:
        undo: run it on the workshop as the operation left it to restore it as it was,
            decision log included.
    """

    undo: Step = field(default_factory=lambda: Step(_nothing), compare=False)

    @classmethod
    def made(cls, changes: Changes, undo: Step) -> Outcome:
        return cls(changes.lists, changes.ids, undo)


def _nothing(_workshop: Workshop) -> Outcome:
    return Outcome()


def nothing() -> Outcome:
    """The outcome of an operation that found nothing to change."""
    return Outcome()


def trim_log(workshop: Workshop, undo: Step, length: int) -> Outcome:
    """Run ``undo``, then take the decision log back to ``length`` entries.

    This is how an operation is taken back: whatever it logged (its own entries, the gate
    passing) goes with it.
    """
    outcome = undo(workshop)
    if len(workshop.decisions) <= length:
        return outcome
    del workshop.decisions[length:]
    return Outcome.made(outcome | Changes.of(Part.DECISIONS), Step(_nothing))


def operation(
    change: Callable[Concatenate[Workshop, P], Outcome],
) -> Callable[Concatenate[Workshop, P], Outcome]:
    """Make ``change`` an operation: after it, log the 30-day gate passing if it just did, and
    let its undo take back every log entry it added. ``change`` must check everything before
    it changes anything, raising :class:`~workshop_app.domain.changes.Refused` with a reason."""

    @functools.wraps(change)
    def run(workshop: Workshop, /, *args: P.args, **kwargs: P.kwargs) -> Outcome:
        was_agreed, logged = is_agreed(workshop), len(workshop.decisions)
        outcome = change(workshop, *args, **kwargs)
        decisions.note_gate(workshop, was_agreed, decisions.timestamp(), logged)
        if len(workshop.decisions) == logged:
            return outcome
        return Outcome.made(
            outcome | Changes.of(Part.DECISIONS), Step(trim_log, (outcome.undo, logged))
        )

    return run
