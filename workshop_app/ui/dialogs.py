"""Small dialogs for the room's decisions: a reason to park or choose, a score override."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.ranking import Scored
from workshop_app.domain.text import MEDIUM, clean_typed_text


class ReasonDialog(QDialog):
    """Ask for the reason behind a decision; OK stays disabled until one is typed."""

    def __init__(
        self,
        title: str,
        question: str,
        reason: str = "",
        *,
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        layout = QVBoxLayout(self)
        prompt = QLabel(question, self)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.edit = QLineEdit(reason, self)
        self.edit.setMaxLength(MEDIUM)
        self.edit.setMinimumWidth(460)
        layout.addWidget(self.edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._update)
        self.edit.selectAll()
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()) or not self.required)

    def reason(self) -> str:
        return clean_typed_text(self.edit.text()).strip()


class OverrideDialog(QDialog):
    """Replace the friction or frequency score of a candidate, with a required reason."""

    def __init__(self, row: Scored, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Override scores — {row.candidate.name}")
        overrides = row.candidate.overrides
        layout = QFormLayout(self)
        self.friction = self._score_box(row.computed_friction, overrides.friction)
        self.frequency = self._score_box(row.computed_frequency, overrides.frequency)
        layout.addRow("Friction:", self.friction)
        layout.addRow("Frequency:", self.frequency)
        self.reason = QLineEdit(overrides.reason, self)
        self.reason.setMaxLength(MEDIUM)
        self.reason.setMinimumWidth(420)
        self.reason.setPlaceholderText("Why the facts understate or overstate it")
        layout.addRow("Reason:", self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        for box in (self.friction, self.frequency):
            box.currentIndexChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _score_box(self, computed: int, current: int | None) -> QComboBox:
        box = QComboBox(self)
        box.addItem(f"From the facts ({computed})", None)
        for score in range(1, 6):
            box.addItem(str(score), score)
        box.setCurrentIndex(max(box.findData(current), 0))
        return box

    def values(self) -> tuple[int | None, int | None, str]:
        return (
            self.friction.currentData(),
            self.frequency.currentData(),
            clean_typed_text(self.reason.text()).strip(),
        )

    def _update(self) -> None:
        friction, frequency, reason = self.values()
        needs_reason = friction is not None or frequency is not None
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(reason) or not needs_reason)
