"""Candidates: workflows derived from the problems, each with the facts the ranking needs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from workshop_app.domain.advice import Advice
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.model import (
    Candidate,
    DataReadiness,
    Frequency,
    Level,
    Period,
    Problem,
)
from workshop_app.domain.stage import Stage
from workshop_app.domain.toolfirst import is_tool_first, recast_hint
from workshop_app.domain.words import in_words
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.ui import undo
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.session import Session
from workshop_app.ui.shortcuts import CANDIDATES_FROM_PROBLEM, keys_text, make_action
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import Column


def _frequency_text(_item: Any, value: Frequency) -> str:
    count = int(value.count) if float(value.count).is_integer() else value.count
    return f"{count} {in_words(value.per)}"


CANDIDATE_COLUMNS = [
    Column("name", "Candidate workflow", width=260),
    Column(
        "frequency", "How often", "computed", display=_frequency_text, editable=False, width=110
    ),
    Column("minutes_per_occurrence", "Minutes each", "number", width=100),
    Column("pain", "Pain", "rating", width=110),
    Column("data_readiness", "Data", "enum", enum=DataReadiness, width=90),
    Column("integration_effort", "Integration", "enum", enum=Level, width=100),
    Column("governance", "Governance", "enum", enum=Level, width=100),
]
CANDIDATE_FIELDS = [
    Column("name", "Workflow", extra={"placeholder": "The process it improves, not a tool"}),
    Column(
        "description",
        "Description",
        "long",
        extra={"placeholder": "What the new workflow does, for whom, and what changes"},
    ),
    Column("problem_ids", "Solves", "refs", target="problems"),
    Column("frequency.count", "How many times", "number"),
    Column("frequency.per", "Per", "enum", enum=Period),
    Column("minutes_per_occurrence", "Minutes each time", "number"),
    Column("people", "People involved", "int"),
    Column("pain", "Pain", "rating"),
    Column("handoffs", "Hand-offs", "int"),
    Column("data_readiness", "Data readiness", "enum", enum=DataReadiness),
    Column("integration_effort", "Integration effort", "enum", enum=Level),
    Column("governance", "Governance sensitivity", "enum", enum=Level),
    Column("appetite", "User appetite", "rating"),
]


class CandidatesPage(StagePage):
    """Candidate workflows with their facts, a tool-first hint, and "add from problem"."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            Stage.CANDIDATES,
            "Which workflows would remove that friction? Name the process, not the tool.",
            parent,
        )
        self.editor = ListEditor(
            session,
            "candidates",
            CANDIDATE_COLUMNS,
            CANDIDATE_FIELDS,
            self._new,
            "candidate",
            "No candidates yet.\nPress Ctrl+Enter to add one, or use “Add from problem” to "
            "start from a problem of the diagnosis.",
            self,
            watch=frozenset({Part.PROBLEMS}),
        )
        self.hint = QLabel(self)
        self.hint.setObjectName("toolFirstHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.editor.form.add_note(self.hint)

        self.from_problem = QToolButton(self)
        self.from_problem.setText("Add from problem")
        self.from_problem.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.from_problem_action = make_action(
            CANDIDATES_FROM_PROBLEM,
            self,
            self.from_problem.showMenu,
            context=Qt.ShortcutContext.WindowShortcut,
        )
        self.from_problem.setToolTip(
            "Start a candidate from a problem of the diagnosis "
            f"({keys_text(CANDIDATES_FROM_PROBLEM.sequences())})"
        )
        self.menu = QMenu(self.from_problem)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.from_problem.setMenu(self.menu)
        self.editor.add_tool(self.from_problem)
        self.body.addWidget(self.editor, 1)
        self.editor.currentChanged.connect(lambda _id: self._update_hint())
        session.changed.connect(self._on_changed)

    def _new(self) -> Candidate:
        number = len(self.session.workshop.candidates) + 1
        return Candidate(
            self.editor.next_id(), f"New candidate {number}", minutes_per_occurrence=15
        )

    def _fill_menu(self) -> None:
        self.menu.clear()
        problems = self.session.workshop.problems
        if not problems:
            self.menu.addAction("No problems yet: capture them in Diagnose").setEnabled(False)
        for problem in problems:
            action = self.menu.addAction(problem.title)
            action.triggered.connect(lambda _c=False, p=problem: self.add_from_problem(p))

    def add_from_problem(self, problem: Problem) -> None:
        """A new candidate linked to ``problem``, named after it, ready to be recast."""
        candidate = Candidate(
            self.editor.next_id(),
            f"Fix: {problem.title}"[:200],
            description=problem.description[:5000],
            problem_ids=[problem.id],
            minutes_per_occurrence=15,
        )
        self.session.push(
            undo.add_item(
                self.session, Part.CANDIDATES, candidate, None, "Add candidate from problem"
            )
        )
        self.editor.select_id(candidate.id)
        self.editor.form.widgets["name"].setFocus()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Part.CANDIDATES):
            self._update_hint()

    def _update_hint(self) -> None:
        item_id = self.editor.current_id()
        candidate = self.session.workshop.candidate(item_id)
        vocabulary = tool_first_vocabulary()
        if candidate is not None and is_tool_first(candidate, vocabulary):
            self.hint.setText("Tool first? " + recast_hint(candidate, vocabulary))
            self.hint.show()
        else:
            self.hint.hide()

    def mark_fields(self, advice: list[Advice]) -> None:
        self.editor.show_problems(advice)

    def focus_first(self) -> None:
        self.editor.table.setFocus()
