"""Undo commands: each holds ids and values only, and changes the workshop through the session.

Every edit the facilitator makes is one of these on the session's ``QUndoStack``, so Ctrl+Z and
Ctrl+Shift+Z undo and redo anything, deletes and moves included. A command may make the
30-day gate pass, which the session logs as a decision; undoing the command removes that log
entry again, so an undo leaves the workshop exactly as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from workshop_app.domain import edits
from workshop_app.domain.model import CandidateStatus, Decision, Overrides, Signoff, Workshop
from workshop_app.ui.session import Session


class WorkshopCommand(QUndoCommand):
    """A change with its inverse; subclasses say what ``forward`` and ``backward`` do."""

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._log_length = 0

    def forward(self, workshop: Workshop) -> None:
        raise NotImplementedError

    def backward(self, workshop: Workshop) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        def run(workshop: Workshop) -> None:
            self._log_length = len(workshop.decisions)
            self.forward(workshop)

        self.session.apply(run)

    def undo(self) -> None:
        def run(workshop: Workshop) -> None:
            self.backward(workshop)
            del workshop.decisions[self._log_length :]

        self.session.apply(run, note_gate=False)


class SetValue(WorkshopCommand):
    """Set one field of one item (``key``/``item_id``; ``None`` for workshop and adoption)."""

    def __init__(
        self,
        session: Session,
        key: str,
        item_id: str | None,
        field_path: str,
        value: Any,
        text: str = "",
    ) -> None:
        super().__init__(session, text or f"Edit {field_path.replace('_', ' ')}")
        self.key, self.item_id, self.field_path = key, item_id, field_path
        self.new = copy.deepcopy(value)
        self.old = copy.deepcopy(edits.get_value(session.workshop, key, item_id, field_path))

    def forward(self, workshop: Workshop) -> None:
        edits.set_value(workshop, self.key, self.item_id, self.field_path, copy.deepcopy(self.new))

    def backward(self, workshop: Workshop) -> None:
        edits.set_value(workshop, self.key, self.item_id, self.field_path, copy.deepcopy(self.old))


class InsertItem(WorkshopCommand):
    """Add a new item to a list (at ``index``, or at the end)."""

    def __init__(
        self, session: Session, key: str, item: Any, index: int | None = None, text: str = ""
    ) -> None:
        super().__init__(session, text or f"Add {key.rstrip('s').replace('_', ' ')}")
        self.key, self.item = key, item
        self.index = len(getattr(session.workshop, key)) if index is None else index

    def forward(self, workshop: Workshop) -> None:
        edits.insert(workshop, self.key, self.item, self.index)

    def backward(self, workshop: Workshop) -> None:
        edits.remove(workshop, self.key, self.index)


class RemoveItem(WorkshopCommand):
    """Remove an item and everything that depends on it; undo puts all of it back."""

    def __init__(self, session: Session, key: str, item_id: str, text: str = "") -> None:
        super().__init__(session, text or f"Delete {key.rstrip('s').replace('_', ' ')}")
        self.key, self.item_id = key, item_id
        self.removal: edits.Removal | None = None

    def forward(self, workshop: Workshop) -> None:
        index = edits.index_of(workshop, self.key, self.item_id)
        self.removal = edits.remove(workshop, self.key, index)

    def backward(self, workshop: Workshop) -> None:
        if self.removal is not None:
            edits.restore(workshop, self.removal)


class RemoveAt(WorkshopCommand):
    """Remove the item at a position of a list whose items have no id (readings, sign-offs)."""

    def __init__(self, session: Session, key: str, index: int, text: str = "") -> None:
        super().__init__(session, text or "Delete")
        self.key, self.index = key, index
        self.removal: edits.Removal | None = None

    def forward(self, workshop: Workshop) -> None:
        self.removal = edits.remove(workshop, self.key, self.index)

    def backward(self, workshop: Workshop) -> None:
        if self.removal is not None:
            edits.restore(workshop, self.removal)


class MoveItem(WorkshopCommand):
    """Move an item to another place in its list."""

    def __init__(
        self, session: Session, key: str, item_id: str, new_index: int, text: str = ""
    ) -> None:
        super().__init__(session, text or "Move")
        self.key, self.new_index = key, new_index
        self.old_index = edits.index_of(session.workshop, key, item_id)

    def forward(self, workshop: Workshop) -> None:
        edits.move(workshop, self.key, self.old_index, self.new_index)

    def backward(self, workshop: Workshop) -> None:
        edits.move(workshop, self.key, self.new_index, self.old_index)


_CandidateState = tuple[str, str, Overrides]
_Captured = tuple[dict[str, _CandidateState], list[Decision], list[Signoff]]


def _capture(workshop: Workshop) -> _Captured:
    states = {
        c.id: (str(c.status), c.parked_reason, copy.deepcopy(c.overrides))
        for c in workshop.candidates
    }
    return states, list(workshop.decisions), list(workshop.signoffs)


def _put_back(workshop: Workshop, captured: _Captured) -> None:
    states, decisions, signoffs = captured
    for candidate in workshop.candidates:
        if candidate.id in states:
            status, reason, overrides = states[candidate.id]
            candidate.status = CandidateStatus(status)
            candidate.parked_reason = reason
            candidate.overrides = copy.deepcopy(overrides)
    workshop.decisions[:] = decisions
    workshop.signoffs[:] = signoffs


class RoomDecision(WorkshopCommand):
    """A choice of the room (choose, park, unpark, override, sign) with its log entries.

    ``operation`` is one of the functions of :mod:`workshop_app.domain.decisions`, already
    bound to its arguments and time, so a redo writes the very same log entry again.
    """

    def __init__(
        self, session: Session, text: str, operation: Callable[[Workshop], list[Decision]]
    ) -> None:
        super().__init__(session, text)
        self.operation = operation
        self.before = _capture(session.workshop)

    def forward(self, workshop: Workshop) -> None:
        self.operation(workshop)

    def backward(self, workshop: Workshop) -> None:
        _put_back(workshop, self.before)


class ReplaceList(WorkshopCommand):
    """Replace a whole (short) list, such as the check-in plan, with a new one."""

    def __init__(self, session: Session, key: str, items: list[Any], text: str) -> None:
        super().__init__(session, text)
        self.key = key
        self.new = copy.deepcopy(items)
        self.old = copy.deepcopy(getattr(session.workshop, key))

    def forward(self, workshop: Workshop) -> None:
        setattr(workshop, self.key, copy.deepcopy(self.new))

    def backward(self, workshop: Workshop) -> None:
        setattr(workshop, self.key, copy.deepcopy(self.old))
