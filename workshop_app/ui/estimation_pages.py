"""The pages of a round of blind estimates (:mod:`workshop_app.ui.estimation`) between its
set-up (:mod:`~workshop_app.ui.estimation_setup`) and its reveal
(:mod:`~workshop_app.ui.estimation_reveal`): the cover that hands the laptop over and one
person's sheet, with the labels, buttons and scrolling page all the round's pages share.

The pages show and read; the dialog moves between them and records the round.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.fields import LARGEST_ESTIMATE, value_problem
from workshop_app.domain.model import EstimateFact, Period, Workshop
from workshop_app.domain.records import record
from workshop_app.domain.words import in_words
from workshop_app.ui.delegates import NumberEdit, parse_number
from workshop_app.ui.estimation_round import (
    FACT_WORDS,
    RoundPlan,
    Sheet,
)

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_Align = Qt.AlignmentFlag


def page_label(text: str, name: str, parent: QWidget) -> QLabel:
    widget = QLabel(text, parent)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def unit_label(text: str, parent: QWidget) -> QLabel:
    """The words after a field (``minutes``), on one line."""
    unit = page_label(text, "sheetUnit", parent)
    unit.setWordWrap(False)
    return unit


def page_button(text: str, parent: QWidget, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text, parent)
    if primary:
        button.setProperty("primary", True)
    return button


def ctrl_enter(event: QKeyEvent) -> bool:
    return event.key() in ENTER and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


# ---------------------------------------------------------------- 2. hand over
class CoverPage(QFrame):
    """The whole screen says whose turn it is and shows nobody's answers."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("estimationCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        column = QVBoxLayout(self)
        column.addStretch(2)
        self.heading = page_label("", "coverHeading", self)
        self.heading.setAlignment(_Align.AlignCenter)
        self.action = page_label("", "coverAction", self)
        self.action.setAlignment(_Align.AlignCenter)
        self.progress = page_label("", "coverProgress", self)
        self.progress.setAlignment(_Align.AlignCenter)
        self.keys = page_label("", "coverKeys", self)
        self.keys.setAlignment(_Align.AlignCenter)
        for widget in (self.heading, self.action, self.progress):
            column.addWidget(widget)
        column.addStretch(3)
        column.addWidget(self.keys)

    def set_words(self, heading: str, action: str, progress: str, keys: str) -> None:
        self.heading.setText(heading)
        self.action.setText(action)
        self.progress.setText(progress)
        self.keys.setText(keys)


# ---------------------------------------------------------------- 3. answer
@record(frozen=True)
class _Question:
    """The fields of one fact of one candidate on a sheet (a count's period too)."""

    candidate_id: str
    fact: EstimateFact
    edit: NumberEdit
    per: QComboBox | None = None


class ScrollingPage(QWidget):
    """A page of the round: a heading, a line of guidance, a scrolling body, and a line for a
    problem or a result (hidden while empty).

    Attributes:
        column: the page's layout; a page adds its buttons below the message.
    """

    def __init__(self, lead: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setSpacing(12)
        self.heading = page_label("", "estimationTitle", self)
        self.lead = page_label(lead, "estimationLead", self)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.lead)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.column.addWidget(self.area, 1)
        self.message = page_label("", "estimationProblem", self)
        self.message.hide()
        self.column.addWidget(self.message)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class SheetPage(ScrollingPage):
    """One person's (or slip's) sheet: the facts of each candidate, empty to start with."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            "Only you see this screen. Type your own estimate; leave a field empty to pass. "
            "Enter moves on.",
            parent,
        )
        column = self.column
        row = QHBoxLayout()
        row.addStretch(1)
        self.done = page_button("Hand in (Ctrl+Enter)", self, primary=True)
        row.addWidget(self.done)
        column.addLayout(row)
        self.questions: list[_Question] = []

    def build(self, workshop: Workshop, plan: RoundPlan) -> None:
        """Fresh, empty fields for every question of ``plan``."""
        body = QWidget(self.area)
        body.setObjectName("sheetBody")
        layout = QVBoxLayout(body)
        layout.setSpacing(18)
        self.questions = []
        for candidate_id in plan.candidate_ids:
            candidate = workshop.candidate(candidate_id)
            if candidate is None:
                continue
            card = QFrame(body)
            card.setObjectName("sheetCard")
            card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
            inner = QVBoxLayout(card)
            inner.addWidget(page_label(candidate.name or candidate.id, "sheetCandidate", card))
            if candidate.description.strip():
                inner.addWidget(page_label(candidate.description, "sheetDescription", card))
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            for fact in plan.facts:
                edit = NumberEdit(card)
                edit.setObjectName(f"answer_{candidate_id}_{fact}")
                edit.setPlaceholderText("pass")
                edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0") * 12)
                edit.installEventFilter(self)
                if fact is EstimateFact.OCCURRENCES:
                    per = QComboBox(card)
                    per.setObjectName(f"per_{candidate_id}")
                    for period in Period:
                        per.addItem(in_words(period), period)
                    per.setCurrentIndex(max(per.findData(candidate.frequency.per), 0))
                    per.installEventFilter(self)
                    question = _Question(candidate_id, fact, edit, per)
                    pair = QHBoxLayout()
                    pair.addWidget(edit)
                    pair.addWidget(unit_label("times", card))
                    pair.addWidget(per)
                    pair.addStretch(1)
                    form.addRow(page_label("How many times", "sheetFact", card), pair)
                else:
                    unit = (
                        "minutes"
                        if fact is EstimateFact.MINUTES
                        else "1 = a nuisance, 5 = it hurts"
                    )
                    question = _Question(candidate_id, fact, edit)
                    pair = QHBoxLayout()
                    pair.addWidget(edit)
                    pair.addWidget(unit_label(unit, card))
                    pair.addStretch(1)
                    form.addRow(page_label(FACT_WORDS[fact], "sheetFact", card), pair)
                self.questions.append(question)
            inner.addLayout(form)
            layout.addWidget(card)
        layout.addStretch(1)
        self.area.setWidget(body)
        self.show_message("")

    def fields(self) -> list[QWidget]:
        """The sheet's fields in the order Enter goes through them."""
        order: list[QWidget] = []
        for question in self.questions:
            order.append(question.edit)
            if question.per is not None:
                order.append(question.per)
        return order

    def first(self) -> QWidget | None:
        fields = self.fields()
        return fields[0] if fields else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a field goes to the next field, and hands the sheet in from the last."""
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in ENTER
            and not ctrl_enter(event)
            and watched in (fields := self.fields())
        ):
            place = next(n for n, field in enumerate(fields) if field is watched)
            if place + 1 < len(fields):
                fields[place + 1].setFocus(Qt.FocusReason.TabFocusReason)
                self.area.ensureWidgetVisible(fields[place + 1])
            else:
                self.done.click()
            return True
        return super().eventFilter(watched, event)

    def read(self, who: str | None) -> Sheet | tuple[QWidget, str]:
        """The sheet's answers, or the first field that cannot be an answer and why."""
        sheet = Sheet(who)
        for question in self.questions:
            text = question.edit.text().strip()
            try:
                value = parse_number(text)
            except ValueError as exc:
                said = str(exc)
                return question.edit, f"{said[0].upper()}{said[1:]}."
            if value is not None:
                problem = None
                if not 0 <= value <= LARGEST_ESTIMATE:
                    problem = f"an estimate must be 0 to {LARGEST_ESTIMATE:,}, got {text}"
                problem = problem or value_problem(question.fact, value)
                if problem:
                    return question.edit, problem[0].upper() + problem[1:] + "."
            sheet.values[(question.candidate_id, question.fact)] = value
            if question.per is not None:
                sheet.periods[question.candidate_id] = Period(question.per.currentData())
        return sheet
