"""The first page of a round of blind estimates (:mod:`workshop_app.ui.estimation`).

It shows and reads; the dialog moves on from it and records the round.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QListView, QVBoxLayout, QWidget

from workshop_app.domain.model import CandidateStatus, EstimateFact, Workshop
from workshop_app.ui.estimation_pages import page_button, page_label
from workshop_app.ui.estimation_round import FACT_WORDS, RoundPlan, facts_in_order
from workshop_app.ui.forms import CheckList

_Align = Qt.AlignmentFlag


class SetupPage(QWidget):
    """What the round asks and of whom."""

    def __init__(self, workshop: Workshop, current: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setSpacing(14)
        column.addWidget(page_label("Blind estimates", "estimationTitle", self))
        column.addWidget(
            page_label(
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
            grid.addWidget(page_label(title, "estimationSection", self), 0, place)
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
        self.note = page_label(
            "Space ticks. With one screen, mute the projector while people type: it shows "
            "this laptop's screen.",
            "estimationHint",
            self,
        )
        column.addWidget(self.note)
        self.problem = page_label("", "estimationProblem", self)
        self.problem.hide()
        column.addWidget(self.problem)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = page_button("Cancel (Esc)", self)
        self.start = page_button("Start the round (Ctrl+Enter)", self, primary=True)
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
