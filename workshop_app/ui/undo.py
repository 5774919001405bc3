"""Undo commands: each holds ids and values only, and calls one store change.

Every edit the facilitator makes is one of these on the session's ``QUndoStack``, so Ctrl+Z and
Ctrl+Shift+Z undo and redo anything, deletes and moves included.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from workshop_app.domain import edits
from workshop_app.domain.model import Decision, Overrides, Signoff, Workshop
from workshop_app.ui.session import Session


class SetValue(QUndoCommand):
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
        super().__init__(text or f"Edit {field_path.replace('_', ' ')}")
        self.session, self.key, self.item_id, self.field_path = session, key, item_id, field_path
        self.new = copy.deepcopy(value)
        self.old = copy.deepcopy(edits.get_value(session.workshop, key, item_id, field_path))

    def _set(self, value: Any) -> None:
        self.session.apply(
            lambda w: edits.set_value(
                w, self.key, self.item_id, self.field_path, copy.deepcopy(value)
            )
        )

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)


class InsertItem(QUndoCommand):
    """Add a new item to a list (at ``index``, or at the end)."""

    def __init__(
        self, session: Session, key: str, item: Any, index: int | None = None, text: str = ""
    ) -> None:
        super().__init__(text or f"Add {key.rstrip('s').replace('_', ' ')}")
        self.session, self.key, self.item = session, key, item
        self.index = len(getattr(session.workshop, key)) if index is None else index

    def redo(self) -> None:
        self.session.apply(lambda w: edits.insert(w, self.key, self.item, self.index))

    def undo(self) -> None:
        self.session.apply(lambda w: edits.remove(w, self.key, self.index))


class RemoveItem(QUndoCommand):
    """Remove an item and everything that depends on it; undo puts all of it back."""

    def __init__(self, session: Session, key: str, item_id: str, text: str = "") -> None:
        super().__init__(text or f"Delete {key.rstrip('s').replace('_', ' ')}")
        self.session, self.key, self.item_id = session, key, item_id
        self.removal: edits.Removal | None = None

    def redo(self) -> None:
        index = edits.index_of(self.session.workshop, self.key, self.item_id)
        self.removal = self.session.apply(lambda w: edits.remove(w, self.key, index))

    def undo(self) -> None:
        removal = self.removal
        if removal is not None:
            self.session.apply(lambda w: edits.restore(w, removal))


class RemoveAt(QUndoCommand):
    """Remove the item at a position of a list whose items have no id (readings, sign-offs)."""

    def __init__(self, session: Session, key: str, index: int, text: str = "") -> None:
        super().__init__(text or "Delete")
        self.session, self.key, self.index = session, key, index
        self.removal: edits.Removal | None = None

    def redo(self) -> None:
        self.removal = self.session.apply(lambda w: edits.remove(w, self.key, self.index))

    def undo(self) -> None:
        removal = self.removal
        if removal is not None:
            self.session.apply(lambda w: edits.restore(w, removal))


class MoveItem(QUndoCommand):
    """Move an item to another place in its list."""

    def __init__(
        self, session: Session, key: str, item_id: str, new_index: int, text: str = ""
    ) -> None:
        super().__init__(text or "Move")
        self.session, self.key, self.item_id, self.new_index = session, key, item_id, new_index
        self.old_index = edits.index_of(session.workshop, key, item_id)

    def redo(self) -> None:
        self.session.apply(lambda w: edits.move(w, self.key, self.old_index, self.new_index))

    def undo(self) -> None:
        self.session.apply(lambda w: edits.move(w, self.key, self.new_index, self.old_index))


_CandidateState = tuple[str, str, Overrides]


def _capture(
    workshop: Workshop,
) -> tuple[dict[str, _CandidateState], list[Decision], list[Signoff]]:
    states = {
        c.id: (str(c.status), c.parked_reason, copy.deepcopy(c.overrides))
        for c in workshop.candidates
    }
    return states, list(workshop.decisions), list(workshop.signoffs)


def _put_back(
    workshop: Workshop, captured: tuple[dict[str, _CandidateState], list[Decision], list[Signoff]]
) -> None:
    from workshop_app.domain.model import CandidateStatus

    states, decisions, signoffs = captured
    for candidate in workshop.candidates:
        if candidate.id in states:
            status, reason, overrides = states[candidate.id]
            candidate.status = CandidateStatus(status)
            candidate.parked_reason = reason
            candidate.overrides = copy.deepcopy(overrides)
    workshop.decisions[:] = decisions
    workshop.signoffs[:] = signoffs


class RoomDecision(QUndoCommand):
    """A choice of the room (choose, park, unpark, override, sign) with its log entries.

    ``operation`` is one of the functions of :mod:`workshop_app.domain.decisions`, already
    bound to its arguments and time, so a redo writes the very same log entry again.
    """

    def __init__(
        self, session: Session, text: str, operation: Callable[[Workshop], list[Decision]]
    ) -> None:
        super().__init__(text)
        self.session, self.operation = session, operation
        self.before = _capture(session.workshop)

    def redo(self) -> None:
        self.session.apply(self.operation)

    def undo(self) -> None:
        self.session.apply(lambda w: _put_back(w, self.before))
