"""The last page of a round of blind estimates (:mod:`workshop_app.ui.estimation`): each fact
revealed with a dot strip, and the small dialog for taking another value than the median.

The page shows and reads; the dialog records what the room takes.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.estimates import RoundSummary, shown, unit_words
from workshop_app.domain.model import EstimateFact, Workshop
from workshop_app.domain.text import MEDIUM, clean_typed_text
from workshop_app.ui.delegates import NumberEdit, parse_number
from workshop_app.ui.dot_strip import DotStrip
from workshop_app.ui.estimation_pages import ENTER, ScrollingPage, page_button, page_label
from workshop_app.ui.estimation_round import FACT_WORDS, EstimationRound, ends_words, round_title

_Align = Qt.AlignmentFlag


class RevealRow(QFrame):
    """One fact of one candidate, revealed: its dots, its words, and what was taken.

    Signals:
        moved(int): Down (1) or Up (-1) was pressed on it.
    """

    moved = Signal(int)

    def __init__(
        self,
        candidate_id: str,
        fact: EstimateFact,
        summary: RoundSummary | None,
        names: dict[str, str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.candidate_id, self.fact, self.summary = candidate_id, fact, summary
        self.setObjectName("revealRow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(18)
        self.fact_label = page_label(FACT_WORDS[fact], "revealFact", self)
        self.fact_label.setWordWrap(False)
        self.strip = DotStrip(self)
        self.strip.setObjectName("revealStrip")
        self.strip.set_summary(summary)
        grid.addWidget(self.fact_label, 0, 0, _Align.AlignTop)
        grid.addWidget(self.strip, 0, 1)
        words = "Everyone passed." if summary is None else summary.spread_words
        count = "" if summary is None else summary.figures().split(";")[0]
        self.words = page_label(f"{words}. {count}.", "revealWords", self)
        if summary is not None and summary.disagreement:
            self.words.setProperty("tone", "warning")
        grid.addWidget(self.words, 1, 1)
        self.ends = page_label(
            "" if summary is None else ends_words(summary, names), "revealEnds", self
        )
        self.ends.setHidden(not self.ends.text())
        grid.addWidget(self.ends, 2, 1)
        self.status = page_label("", "revealStatus", self)
        grid.addWidget(self.status, 3, 1)
        grid.setColumnStretch(1, 1)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up and Down go to the previous and next fact (the scroll area would scroll)."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class RevealPage(ScrollingPage):
    """Every fact of the round revealed, with the facilitator's keys to act on one."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            "The lowest and the highest explain first. Then take the median (M), another value "
            "with a reason (V), or ask again (N). Up and Down move between the facts.",
            parent,
        )
        column = self.column
        row = QHBoxLayout()
        self.take_median = page_button("Take the median (M)", self, primary=True)
        self.take_other = page_button("Another value… (V)", self)
        self.again = page_button("Ask again (N)", self)
        self.close_button = page_button("Done (Esc)", self)
        for button in (self.take_median, self.take_other, self.again):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        column.addLayout(row)
        self.rows: list[RevealRow] = []

    def build(self, workshop: Workshop, current: EstimationRound) -> None:
        body = QWidget(self.area)
        body.setObjectName("roundBody")
        layout = QVBoxLayout(body)
        layout.setSpacing(8)
        names = {s.id: s.name or s.id for s in workshop.stakeholders}
        self.rows = []
        for candidate_id in current.plan.candidate_ids:
            candidate = workshop.candidate(candidate_id)
            name = candidate.name if candidate is not None else candidate_id
            number = current.rounds[candidate_id]
            layout.addWidget(page_label(f"{name} — round {number}", "revealCandidate", body))
            for fact, summary in zip(
                current.plan.facts, current.summaries(workshop, candidate_id), strict=True
            ):
                row = RevealRow(candidate_id, fact, summary, names, body)
                self.rows.append(row)
                layout.addWidget(row)
        layout.addStretch(1)
        self.area.setWidget(body)
        # One column for the facts' names, so every strip starts at the same place.
        for row in self.rows:
            row.fact_label.ensurePolished()
        widest = max((row.fact_label.sizeHint().width() for row in self.rows), default=0)
        for row in self.rows:
            row.fact_label.setMinimumWidth(widest)
        self.heading.setText(f"{round_title(current.rounds)}: revealed")
        self.show_message("")


class OtherValueDialog(QDialog):
    """Another value than the median for a fact, with the reason the room takes it."""

    def __init__(self, title: str, summary: RoundSummary, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("otherValue")
        self.setWindowTitle(title)
        self.summary = summary
        layout = QFormLayout(self)
        unit = unit_words(summary.fact, summary.period).strip()
        layout.addRow(
            page_label(
                f"{title}. The median was {shown(summary.median)} {unit}.".replace(" .", "."),
                "estimationLead",
                self,
            )
        )
        self.value = NumberEdit(self)
        self.value.setObjectName("otherValueNumber")
        self.value.setText(shown(summary.median).replace(",", ""))
        self.value.selectAll()
        layout.addRow(f"Value ({unit})" if unit else "Value", self.value)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("otherValueReason")
        self.reason.setMaxLength(MEDIUM)
        self.reason.setMinimumWidth(460)
        self.reason.setPlaceholderText(
            "Why the room takes this value (needed unless it is the median)"
        )
        layout.addRow("Reason", self.reason)
        self.problem = page_label("", "estimationProblem", self)
        self.problem.hide()
        layout.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> tuple[float | None, str]:
        try:
            number = parse_number(self.value.text())
        except ValueError:
            number = None
        return number, clean_typed_text(self.reason.text()).strip()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the value goes on to the reason instead of closing the dialog."""
        if event.key() in ENTER and self.focusWidget() is self.value:
            self.reason.setFocus(Qt.FocusReason.TabFocusReason)
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        """Close only with a number, and with a reason unless the number is the median."""
        value, reason = self.values()
        if value is None:
            self._refuse("Type the number the room takes.", self.value)
        elif shown(Fraction(str(value))) != shown(self.summary.median) and not reason:
            self._refuse("Say why the room takes another value than the median.", self.reason)
        else:
            super().accept()

    def _refuse(self, text: str, field: QWidget) -> None:
        self.problem.setText(text)
        self.problem.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
