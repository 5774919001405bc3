"""One open workshop in the app: the file, the undo stack, and one signal for every change.

Views never change the workshop themselves: they push undo commands, which call
:meth:`Session.apply` with one named operation of :mod:`workshop_app.domain.operations`; the
store runs it and saves what it changed, and :attr:`Session.changed` tells every view, so each
decides whether it needs to refresh (the Anki pattern).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop_app.domain.changes import EVERYTHING, Changes, Outcome, Refused, Step
from workshop_app.domain.model import Workshop
from workshop_app.store.errors import WriteFailed
from workshop_app.store.workshop_file import WorkshopFile


class Session(QObject):
    """The open workshop file and its undo history.

    Signals:
        changed(object): a ``Changes`` naming the lists (and ids) a change touched.
        saveFailed(str): a change could not be written; the message says why. The change is
            kept in memory and :attr:`unsaved` is true until a save succeeds.
        saved(): pending changes were written after an earlier failure.
        refused(str): the rules refused a change; the message says why. Nothing changed.
        fileChanged(str): the session continues on another file (after Save As).
        editRefused(str): a table of this session did not store an edit (a field's rule); the
            text says why. Each table's ``editRefused`` is passed on here, so the window hears
            every table without looking for them.
    """

    changed = Signal(object)
    saveFailed = Signal(str)
    saved = Signal()
    refused = Signal(str)
    fileChanged = Signal(str)
    editRefused = Signal(str)

    def __init__(self, opened: WorkshopFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.file = opened
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self._refusal: str | None = None

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

    def push(self, command: QUndoCommand) -> str | None:
        """Run a command and keep it for undo; returns why the rules refused it (the command
        is then dropped and nothing changed), or None."""
        self._refusal = None
        self.undo_stack.push(command)
        return self._refusal

    def apply(self, step: Step) -> Outcome | None:
        """Run one operation through the store and tell every view what changed.

        Called by undo commands only. Returns the operation's outcome, or None when the rules
        refused it (the reason goes to :attr:`refused`). A failed write keeps the change in
        memory and reports it through :attr:`saveFailed` instead of raising, so the room can
        carry on.
        """
        was_unsaved = self.file.unsaved
        try:
            outcome, changes = self.file.change(step)
        except Refused as refusal:
            self._refusal = str(refusal)
            self.refused.emit(str(refusal))
            return None
        except WriteFailed as failure:
            self.changed.emit(failure.changes or Changes.whole(EVERYTHING))
            self.saveFailed.emit(failure.problem)
            result: Outcome = failure.result
            return result
        if was_unsaved:
            self.saved.emit()
        self.changed.emit(changes)
        return outcome

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
        self.changed.emit(Changes.whole(EVERYTHING))

    def close(self) -> None:
        self.undo_stack.clear()
        self.file.close()
