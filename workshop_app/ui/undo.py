"""Undo commands: each runs exactly one named operation of the domain, and takes it back with
the step the operation returned.

Every edit the facilitator makes is one of these on the session's ``QUndoStack``, so Ctrl+Z and
Ctrl+Shift+Z undo and redo anything, deletes and the room's decisions included. A command holds
only the operation and its ids and values; a redo runs the very same step again (the same
decision time included), and an undo leaves the workshop exactly as it was, its decision log
too. Pages build commands with the functions below and never call an operation themselves.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from PySide6.QtGui import QUndoCommand

from workshop_app.domain.changes import Part, Step
from workshop_app.domain.model import (
    Checkin,
    Estimate,
    EstimateFact,
    Signoff,
    SignoffDecision,
)
from workshop_app.ui.session import Session


class Edit(QUndoCommand):
    """One operation, undoable. A refused operation (or one that found nothing to change)
    marks the command obsolete, so the stack drops it; the session reports a refusal."""

    def __init__(self, session: Session, text: str, step: Step) -> None:
        super().__init__(text)
        self.session = session
        self.step = step
        self._undo: Step | None = None

    def redo(self) -> None:
        outcome = self.session.apply(self.step)
        if not outcome:  # refused, or nothing to change: the stack drops the command
            self.setObsolete(True)
            return
        self._undo = outcome.undo

    def undo(self) -> None:
        if self._undo is not None:
            self.session.apply(self._undo)


def _operations() -> ModuleType:
    """The domain's operations, loaded with the first edit (the first paint does not need
    them, nor the rules they bring)."""
    from workshop_app.domain import operations

    return operations


def _now() -> str:
    """The time a decision of the room is logged with; a redo logs the same time again."""
    from workshop_app.domain.decisions import timestamp

    return timestamp()


def _edit(session: Session, text: str, operation: Any, *args: Any) -> Edit:
    return Edit(session, text, Step(operation, args))


class SetValue(Edit):
    """Set one field of one item (``key``/``item_id``; ``None`` for workshop and adoption).

    A value stepped with the arrow keys (a drop-down's entries, a date's days) is pushed with
    a ``merge`` number, the same for every step while the field keeps the focus: such a run
    on one field is one undo step, back to the value before the run, instead of one per key
    press. ``merge`` 0 never merges.
    """

    MERGE_ID = 1

    def __init__(
        self,
        session: Session,
        key: str,
        item_id: str | None,
        field_path: str,
        value: Any,
        text: str = "",
        *,
        merge: int = 0,
    ) -> None:
        step = Step(_operations().set_field, (Part(key), item_id, field_path, value))
        super().__init__(session, text or f"Edit {field_path.replace('_', ' ')}", step)
        self.target = (Part(key), item_id, field_path)
        self.merge = merge

    def id(self) -> int:
        return self.MERGE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take in the next step of a run on the same field; the undo keeps this one's."""
        if not (
            isinstance(other, SetValue)
            and other.merge == self.merge != 0
            and other.target == self.target
        ):
            return False
        self.step = other.step
        return True


def add_item(session: Session, part: Part, item: Any, index: int | None, text: str) -> Edit:
    return _edit(session, text, _operations().add_item, part, item, index)


def add_candidate_from_example(
    session: Session, candidate: Any, metrics: list[Any], text: str
) -> Edit:
    """The candidate and its suggested metrics, added (and undone) as one step."""
    return _edit(session, text, _operations().add_candidate_from_example, candidate, metrics)


def remove_item(session: Session, part: Part, item_id: str, text: str) -> Edit:
    return _edit(session, text, _operations().remove_item, part, item_id)


def move_item(session: Session, part: Part, item_id: str, new_index: int) -> Edit:
    return _edit(session, "Move", _operations().move_item, part, item_id, new_index)


def set_votes(session: Session, candidate_id: str, votes: int, name: str) -> Edit:
    return _edit(session, f"Votes for {name}", _operations().set_votes, candidate_id, votes)


def choose(session: Session, candidate_id: str, reason: str, name: str) -> Edit:
    return _edit(session, f"Choose {name}", _operations().choose, candidate_id, reason, _now())


def unchoose(session: Session, candidate_id: str, reason: str, name: str) -> Edit:
    return _edit(
        session, f"Back in play: {name}", _operations().unchoose, candidate_id, reason, _now()
    )


def park(session: Session, candidate_id: str, reason: str, name: str) -> Edit:
    return _edit(session, f"Park {name}", _operations().park, candidate_id, reason, _now())


def unpark(session: Session, candidate_id: str, reason: str, name: str) -> Edit:
    return _edit(
        session, f"Back in play: {name}", _operations().unpark, candidate_id, reason, _now()
    )


def override_scores(
    session: Session,
    candidate_id: str,
    friction: int | None,
    frequency: int | None,
    reason: str,
    name: str,
) -> Edit:
    return _edit(
        session,
        f"Override scores of {name}",
        _operations().override_scores,
        candidate_id,
        friction,
        frequency,
        reason,
        _now(),
    )


def sign(
    session: Session,
    stakeholder_id: str,
    decision: SignoffDecision,
    comment: str,
    name: str,
) -> Edit:
    return _edit(
        session,
        f"Sign-off of {name}",
        _operations().sign,
        stakeholder_id,
        decision,
        comment,
        _now(),
    )


def record_signoff(session: Session, signoff: Signoff, name: str) -> Edit:
    """A sign-off that came from outside the room (review form, email, paper), as given."""
    from workshop_app.domain.words import how_it_came

    how = how_it_came(signoff.channel)
    text = f"Sign-off of {name}" + (f", {how}" if how else "")
    return _edit(session, text, _operations().record_signoff, signoff, _now())


def add_checkin(session: Session, reading: Checkin) -> Edit:
    return _edit(session, "Add reading", _operations().add_checkin, reading)


def add_readings(session: Session, readings: list[Checkin], source: str) -> Edit:
    text = f"Import {len(readings)} readings from {source}"
    return _edit(session, text, _operations().add_readings, readings)


def plan_checkin_day(session: Session, day: int) -> Edit:
    return _edit(session, f"Plan a day-{day} check-in", _operations().plan_checkin_day, day)


def drop_checkin_day(session: Session, day: int) -> Edit:
    return _edit(session, f"Remove the day-{day} check-in", _operations().drop_checkin_day, day)


def note_checkin_day(session: Session, day: int, note: str) -> Edit:
    return _edit(
        session, f"Notes of the day-{day} check-in", _operations().note_checkin_day, day, note
    )


def add_estimates(session: Session, estimates: list[Estimate], text: str) -> Edit:
    return _edit(session, text, _operations().add_estimates, estimates)


def adopt_estimate(
    session: Session,
    candidate_id: str,
    fact: EstimateFact,
    value: float,
    reason: str,
    round_number: int,
    name: str,
) -> Edit:
    return _edit(
        session,
        f"Take {name} from round {round_number}",
        _operations().adopt_estimate,
        candidate_id,
        fact,
        value,
        reason,
        round_number,
        _now(),
    )


def record_export(session: Session, document: dict[str, Any]) -> None:
    """Keep the version of a charter just exported (``document``: the charter document it
    was made from), outside the undo history: the PDF exists whatever Ctrl+Z does, so its
    record is not one of the facilitator's edits to take back, and undoing an edit made
    before it must not remove it. It runs the operation through the session all the same
    (saved, and every view told)."""
    session.apply(Step(_operations().record_export, (document, _now())))
