"""What one change to a workshop touched: the parts (lists and singletons) and, for lists whose
items have ids, which items. Operations return it with the step that takes it back (an
:class:`Outcome`), the store reports it, every view reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from enum import StrEnum
from typing import Any

from workshop_app.domain.records import record


class Part(StrEnum):
    """A part of a workshop that a change can touch, named as the interchange format names it."""

    WORKSHOP = "workshop"
    STAKEHOLDERS = "stakeholders"
    PROBLEMS = "problems"
    PRIOR_ATTEMPTS = "prior_attempts"
    CANDIDATES = "candidates"
    METRICS = "metrics"
    ADOPTION = "adoption"
    RISKS = "risks"
    CHECKINS = "checkins"
    SIGNOFFS = "signoffs"
    DECISIONS = "decisions"
    CHECKIN_PLAN = "checkin_plan"
    ESTIMATES = "estimates"
    VERSIONS = "versions"

    @property
    def singleton(self) -> bool:
        """The workshop details and the adoption plan are one object, not a list."""
        return self in (Part.WORKSHOP, Part.ADOPTION)


#: Every part of a workshop, to refresh everything at once (after Save As, a failed write).
EVERYTHING = frozenset(Part)


@record(frozen=True)
class Changes:
    """What one change wrote.

    Attributes:
        lists: the parts touched.
        ids: for parts whose items have ids, the ids of the items added, changed or removed.
            A part in ``lists`` without an entry here changed in a way ids cannot name (its
            order, or items without ids), so a view refreshes all of it.
    """

    lists: frozenset[Part] = frozenset()
    ids: Mapping[Part, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, part: Part, *ids: str) -> Changes:
        """A change of ``part``; of the items ``ids`` when given."""
        return cls(frozenset({part}), {part: frozenset(ids)} if ids else {})

    @classmethod
    def whole(cls, parts: Iterable[Part]) -> Changes:
        """A change of every item of ``parts``."""
        return cls(frozenset(parts))

    def __bool__(self) -> bool:
        return bool(self.lists)

    def __or__(self, other: Changes) -> Changes:
        """Both changes together; a part changed wholly by either is changed wholly."""
        ids: dict[Part, frozenset[str]] = {}
        for part in self.lists | other.lists:
            mine = self.ids.get(part) if part in self.lists else frozenset()
            theirs = other.ids.get(part) if part in other.lists else frozenset()
            if mine is not None and theirs is not None:
                ids[part] = mine | theirs
        return Changes(self.lists | other.lists, ids)

    def touches(self, *parts: Part) -> bool:
        """Whether any of ``parts`` changed."""
        return not self.lists.isdisjoint(parts)

    def covers(self, other: Changes) -> bool:
        """Whether everything ``other`` names is named here too (an item, or its whole part)."""
        for part in other.lists:
            if part not in self.lists:
                return False
            mine = self.ids.get(part)
            if mine is None:
                continue
            theirs = other.ids.get(part)
            if theirs is None or not theirs <= mine:
                return False
        return True


@record(frozen=True)
class Step:
    """One operation bound to its arguments: run it on a workshop to make the change.

    Attributes:
        operation: a function of :mod:`workshop_app.domain.operations` (or the inverse one
            an outcome names).
        args: the arguments after the workshop: ids and values only.
    """

    operation: Callable[..., Outcome]
    args: tuple[Any, ...] = ()

    def __call__(self, workshop: Any) -> Outcome:
        return self.operation(workshop, *self.args)

    @property
    def name(self) -> str:
        return self.operation.__name__


@record(frozen=True)
class Outcome(Changes):
    """The changes one operation made, and the step that takes exactly those back.

    Attributes:
        undo: run it on the workshop as the operation left it to restore it as it was,
            decision log included.
    """

    undo: Step = field(default_factory=lambda: Step(nothing), compare=False)

    @classmethod
    def made(cls, changes: Changes, undo: Step) -> Outcome:
        return cls(changes.lists, changes.ids, undo)


def nothing(*_args: Any) -> Outcome:
    """The outcome of an operation that found nothing to change (and the step that undoes it)."""
    return Outcome()


class Refused(ValueError):
    """A change the rules do not allow; nothing was changed. The message says why, in the
    facilitator's words."""
