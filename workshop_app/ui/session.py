"""One open workshop in the app: the file, the undo stack, and one signal for every change.

Views never change the workshop themselves: they push undo commands, which call
:meth:`Session.apply`, which runs one store change and emits :attr:`Session.changed` with what
changed, so each view decides whether it needs to refresh (the Anki pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop_app.domain import decisions
from workshop_app.domain.fields import DOCUMENT_KEYS
from workshop_app.domain.gate import is_agreed
from workshop_app.domain.model import Workshop
from workshop_app.store.errors import WriteFailed
from workshop_app.store.workshop_file import Changes, WorkshopFile

T = TypeVar("T")

#: Every list of a workshop (and the workshop and adoption singletons), to refresh everything.
ALL_LISTS = frozenset(DOCUMENT_KEYS) - {"format"} | {"workshop", "adoption"}


class Session(QObject):
    """The open workshop file and its undo history.

    Signals:
        changed(object): a ``Changes`` naming the lists (and ids) a change touched.
        saveFailed(str): a change could not be written; the message says why. The change is
            kept in memory and :attr:`unsaved` is true until a save succeeds.
        saved(): pending changes were written after an earlier failure.
        fileChanged(str): the session continues on another file (after Save As).
    """

    changed = Signal(object)
    saveFailed = Signal(str)
    saved = Signal()
    fileChanged = Signal(str)

    def __init__(self, opened: WorkshopFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.file = opened
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)

    @property
    def workshop(self) -> Workshop:
        return self.file.workshop

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def read_only(self) -> bool:
        return self.file.read_only

    @property
    def unsaved(self) -> bool:
        return self.file.unsaved

    def push(self, command: QUndoCommand) -> None:
        """Run a command and keep it for undo."""
        self.undo_stack.push(command)

    def apply(self, edit: Callable[[Workshop], T], *, note_gate: bool = True) -> T:
        """Run one edit through the store and tell every view what changed.

        Called by undo commands only. When the edit makes the 30-day gate pass, the moment is
        logged as a decision in the same change (unless ``note_gate`` is false, as for an
        undo). A failed write keeps the edit in memory and reports it through
        :attr:`saveFailed` instead of raising, so the room can carry on.
        """
        was_unsaved = self.file.unsaved

        def edit_and_note_gate(workshop: Workshop) -> T:
            was_agreed, logged = is_agreed(workshop), len(workshop.decisions)
            outcome = edit(workshop)
            if note_gate:
                decisions.note_gate(workshop, was_agreed, decisions.timestamp(), logged)
            return outcome

        try:
            result, changes = self.file.change(edit_and_note_gate)
        except WriteFailed as failure:
            self.changed.emit(failure.changes or Changes(ALL_LISTS))
            self.saveFailed.emit(failure.problem)
            return failure.result
        if was_unsaved:
            self.saved.emit()
        self.changed.emit(changes)
        return result

    def retry_save(self) -> bool:
        """Try again to write what is pending; True when everything is saved."""
        try:
            self.file.save()
        except WriteFailed as failure:
            self.saveFailed.emit(failure.problem)
            return False
        self.saved.emit()
        return True

    def save_as(self, path: Path) -> None:
        """Write everything to ``path`` and continue there (raises WorkshopFileError)."""
        self.file.save_as(path)
        self.saved.emit()
        self.fileChanged.emit(str(path))
        self.changed.emit(Changes(ALL_LISTS))

    def close(self) -> None:
        self.undo_stack.clear()
        self.file.close()
