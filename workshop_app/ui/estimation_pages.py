"""The pages of a round of blind estimates (:mod:`workshop_app.ui.estimation`): the set-up, the
cover that hands the laptop over, one person's sheet, the reveal with a dot strip per fact, and
the small dialog for taking another value than the median.

The pages show and read; the dialog moves between them and records the round.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.estimates import RoundSummary, shown, unit_words
from workshop_app.domain.fields import LARGEST_ESTIMATE, value_problem
from workshop_app.domain.model import CandidateStatus, EstimateFact, Period, Workshop
from workshop_app.domain.records import record
from workshop_app.domain.text import MEDIUM, clean_typed_text
from workshop_app.domain.words import in_words
from workshop_app.ui.delegates import NumberEdit, parse_number
from workshop_app.ui.dot_strip import DotStrip
from workshop_app.ui.estimation_round import (
    FACT_WORDS,
    EstimationRound,
    RoundPlan,
    Sheet,
    ends_words,
    facts_in_order,
    round_title,
)
from workshop_app.ui.forms import CheckList

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_Align = Qt.AlignmentFlag


def _label(text: str, name: str, parent: QWidget) -> QLabel:
    widget = QLabel(text, parent)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def _unit(text: str, parent: QWidget) -> QLabel:
    """The words after a field (``minutes``), on one line."""
    unit = _label(text, "sheetUnit", parent)
    unit.setWordWrap(False)
    return unit


def _button(text: str, parent: QWidget, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text, parent)
    if primary:
        button.setProperty("primary", True)
    return button


def ctrl_enter(event: QKeyEvent) -> bool:
    return event.key() in ENTER and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


# ---------------------------------------------------------------- 1. set up
class SetupPage(QWidget):
    """What the round asks and of whom."""

    def __init__(self, workshop: Workshop, current: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setSpacing(14)
        column.addWidget(_label("Blind estimates", "estimationTitle", self))
        column.addWidget(
            _label(
                "Each person estimates alone, on this laptop, before anyone says a number. "
                "Nobody sees another's answer until you reveal them all.",
                "estimationLead",
                self,
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(6)
        self.candidates = CheckList(self)
        self.candidates.setObjectName("roundCandidates")
        self.candidates.setMaximumHeight(16777215)
        self.candidates.set_options(
            [
                (
                    (c.name or c.id) + (" (parked)" if c.status is CandidateStatus.PARKED else ""),
                    c.id,
                )
                for c in workshop.candidates
            ],
            [current] if current else [],
        )
        ids = [c.id for c in workshop.candidates]
        if current in ids:  # the ticked one is where the keyboard starts
            self.candidates.setCurrentRow(ids.index(current))
        self.facts = CheckList(self)
        self.facts.setObjectName("roundFacts")
        self.facts.set_options(
            [(FACT_WORDS[fact], fact) for fact in EstimateFact], list(EstimateFact)
        )
        self.people = CheckList(self)
        self.people.setObjectName("roundPeople")
        self.people.setMaximumHeight(16777215)
        for listing in (self.candidates, self.facts, self.people):
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setResizeMode(QListView.ResizeMode.Adjust)  # wrap again at every width
        self.people.set_options(
            [(person.name or person.id, person.id) for person in workshop.stakeholders],
            [person.id for person in workshop.stakeholders],
        )
        self.mode = QComboBox(self)
        self.mode.setObjectName("roundMode")
        self.mode.addItem("Each person in turn, on this laptop", "named")
        self.mode.addItem("Paper slips: you type them in, with no names", "slips")
        self.mode.setCurrentIndex(0 if workshop.stakeholders else 1)
        self.mode.currentIndexChanged.connect(lambda _i: self._follow_mode())
        for place, (title, widget) in enumerate(
            (("Candidates", self.candidates), ("Facts", self.facts), ("Who estimates", None))
        ):
            grid.addWidget(_label(title, "estimationSection", self), 0, place)
            if widget is not None:
                top = _Align.AlignTop if widget is self.facts else _Align(0)
                grid.addWidget(widget, 1, place, top)
        who = QVBoxLayout()
        who.addWidget(self.mode)
        who.addWidget(self.people, 1)
        grid.addLayout(who, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        column.addLayout(grid, 1)
        self.note = _label(
            "Space ticks. With one screen, mute the projector while people type: it shows "
            "this laptop's screen.",
            "estimationHint",
            self,
        )
        column.addWidget(self.note)
        self.problem = _label("", "estimationProblem", self)
        self.problem.hide()
        column.addWidget(self.problem)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = _button("Cancel (Esc)", self)
        self.start = _button("Start the round (Ctrl+Enter)", self, primary=True)
        self.start.setDefault(True)
        row.addWidget(self.cancel)
        row.addWidget(self.start)
        column.addLayout(row)
        self._follow_mode()

    def _follow_mode(self) -> None:
        self.people.setEnabled(not self.slips)

    @property
    def slips(self) -> bool:
        """Whether the round takes paper slips instead of each person in turn."""
        return bool(self.mode.currentData() == "slips")

    def plan(self) -> RoundPlan | str:
        """The round to run, or why it cannot start."""
        candidates = tuple(self.candidates.values())
        facts = facts_in_order(set(self.facts.values()))
        if not candidates:
            return "Tick at least one candidate to estimate."
        if not facts:
            return "Tick at least one fact to estimate."
        if self.slips:
            return RoundPlan(candidates, facts)
        people = tuple(self.people.values())
        if len(people) < 2:
            return "Tick at least two people: a round compares their answers."
        return RoundPlan(candidates, facts, people)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


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
        self.heading = _label("", "coverHeading", self)
        self.heading.setAlignment(_Align.AlignCenter)
        self.action = _label("", "coverAction", self)
        self.action.setAlignment(_Align.AlignCenter)
        self.progress = _label("", "coverProgress", self)
        self.progress.setAlignment(_Align.AlignCenter)
        self.keys = _label("", "coverKeys", self)
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


class _ScrollingPage(QWidget):
    """A page of the round: a heading, a line of guidance, a scrolling body, and a line for a
    problem or a result (hidden while empty).

    Attributes:
        column: the page's layout; a page adds its buttons below the message.
    """

    def __init__(self, lead: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setSpacing(12)
        self.heading = _label("", "estimationTitle", self)
        self.lead = _label(lead, "estimationLead", self)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.lead)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.column.addWidget(self.area, 1)
        self.message = _label("", "estimationProblem", self)
        self.message.hide()
        self.column.addWidget(self.message)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class SheetPage(_ScrollingPage):
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
        self.done = _button("Hand in (Ctrl+Enter)", self, primary=True)
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
            inner.addWidget(_label(candidate.name or candidate.id, "sheetCandidate", card))
            if candidate.description.strip():
                inner.addWidget(_label(candidate.description, "sheetDescription", card))
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
                    pair.addWidget(_unit("times", card))
                    pair.addWidget(per)
                    pair.addStretch(1)
                    form.addRow(_label("How many times", "sheetFact", card), pair)
                else:
                    unit = (
                        "minutes"
                        if fact is EstimateFact.MINUTES
                        else "1 = a nuisance, 5 = it hurts"
                    )
                    question = _Question(candidate_id, fact, edit)
                    pair = QHBoxLayout()
                    pair.addWidget(edit)
                    pair.addWidget(_unit(unit, card))
                    pair.addStretch(1)
                    form.addRow(_label(FACT_WORDS[fact], "sheetFact", card), pair)
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


# ---------------------------------------------------------------- 4. reveal
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
        self.fact_label = _label(FACT_WORDS[fact], "revealFact", self)
        self.fact_label.setWordWrap(False)
        self.strip = DotStrip(self)
        self.strip.setObjectName("revealStrip")
        self.strip.set_summary(summary)
        grid.addWidget(self.fact_label, 0, 0, _Align.AlignTop)
        grid.addWidget(self.strip, 0, 1)
        words = "Everyone passed." if summary is None else summary.spread_words
        count = "" if summary is None else summary.figures().split(";")[0]
        self.words = _label(f"{words}. {count}.", "revealWords", self)
        if summary is not None and summary.disagreement:
            self.words.setProperty("tone", "warning")
        grid.addWidget(self.words, 1, 1)
        self.ends = _label(
            "" if summary is None else ends_words(summary, names), "revealEnds", self
        )
        self.ends.setHidden(not self.ends.text())
        grid.addWidget(self.ends, 2, 1)
        self.status = _label("", "revealStatus", self)
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


class RevealPage(_ScrollingPage):
    """Every fact of the round revealed, with the facilitator's keys to act on one."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            "The lowest and the highest explain first. Then take the median (M), another value "
            "with a reason (V), or ask again (N). Up and Down move between the facts.",
            parent,
        )
        column = self.column
        row = QHBoxLayout()
        self.take_median = _button("Take the median (M)", self, primary=True)
        self.take_other = _button("Another value… (V)", self)
        self.again = _button("Ask again (N)", self)
        self.close_button = _button("Done (Esc)", self)
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
            layout.addWidget(_label(f"{name} — round {number}", "revealCandidate", body))
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
            _label(
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
        self.problem = _label("", "estimationProblem", self)
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
