"""Sign-off in the room: who approved, who asked for changes, and who has not signed yet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.model import SignoffDecision
from workshop_app.domain.text import MEDIUM, clean_typed_text
from workshop_app.domain.versions import charter_document, signed_version
from workshop_app.domain.words import in_words
from workshop_app.ui.combo import WordSearchCombo
from workshop_app.ui.labels import choices
from workshop_app.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
StakeholderRole = Qt.ItemDataRole.UserRole + 1


class SignoffModel(QAbstractListModel):
    """One row per stakeholder with their sign-off and the version they signed, read from
    the workshop. What changed since each signed version is worked out once after a change,
    when a row is first shown, and kept until the next change."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._count = len(session.workshop.stakeholders)
        self._versions: dict[str, str] | None = None  # stakeholder id → version in words
        session.changed.connect(self._on_changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        people = self.session.workshop.stakeholders
        if not index.isValid() or index.row() >= min(self._count, len(people)):
            return None
        person = people[index.row()]
        signed = next(
            (s for s in self.session.workshop.signoffs if s.stakeholder_id == person.id), None
        )
        if role == Qt.ItemDataRole.DisplayRole:
            state = f"{in_words(signed.decision)} on {signed.date}" if signed else "not signed yet"
            if signed is not None and signed.version is not None:
                state += f"; {self.version_words(person.id)}"
            return f"{person.name} ({in_words(person.kind)}): {state}"
        if role == Qt.ItemDataRole.ToolTipRole and signed is not None and signed.comment:
            return signed.comment
        if role == StakeholderRole:
            return person.id
        return None

    def version_words(self, stakeholder_id: str) -> str:
        """``signed version ab12cd34ef, 2 changes since`` for one person's sign-off."""
        if self._versions is None:
            workshop = self.session.workshop
            now = charter_document(workshop)
            self._versions = {
                s.stakeholder_id: signed_version(workshop, s, now).words()
                for s in workshop.signoffs
            }
        return self._versions.get(stakeholder_id, "")

    def _on_changed(self, changes: Changes) -> None:
        self._versions = None
        if changes.touches(Part.STAKEHOLDERS, Part.SIGNOFFS):
            self.beginResetModel()
            self._count = len(self.session.workshop.stakeholders)
            self.endResetModel()
        elif self._count and any(s.version for s in self.session.workshop.signoffs):
            # What changed since a signed version may have: the rows say it again.
            self.dataChanged.emit(self.index(0), self.index(self._count - 1))


class SignoffDialog(QDialog):
    """Record one stakeholder's decision on the charter."""

    def __init__(
        self, session: Session, stakeholder_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record a sign-off")
        layout = QFormLayout(self)
        self.person = WordSearchCombo(self)
        for person in session.workshop.stakeholders:
            self.person.addItem(person.name, person.id)
        self.person.setCurrentIndex(max(self.person.findData(stakeholder_id), 0))
        self.decision = WordSearchCombo(self)
        for text, value in choices(SignoffDecision):
            self.decision.addItem(text, value)
        self.comment = QLineEdit(self)
        self.comment.setMaxLength(MEDIUM)
        self.comment.setMinimumWidth(420)
        self.comment.setPlaceholderText("What they said (optional)")
        layout.addRow("Stakeholder:", self.person)
        layout.addRow("Decision:", self.decision)
        layout.addRow("Comment:", self.comment)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> tuple[str, SignoffDecision, str]:
        return (
            str(self.person.currentData()),
            SignoffDecision(self.decision.currentData()),
            clean_typed_text(self.comment.text()).strip(),
        )
