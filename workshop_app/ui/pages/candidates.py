"""Candidates: workflows derived from the problems, each with the facts the ranking needs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QToolButton, QWidget

from workshop_app.domain.advice import Advice
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.model import (
    Candidate,
    DataReadiness,
    Frequency,
    Level,
    Metric,
    Period,
    Problem,
)
from workshop_app.domain.stage import Stage
from workshop_app.domain.toolfirst import is_tool_first, recast_hint
from workshop_app.domain.words import in_words
from workshop_app.libraries import (
    WorkflowExample,
    tool_first_vocabulary,
    workflow_example,
    workflow_examples,
)
from workshop_app.ui import undo
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.session import Session
from workshop_app.ui.shortcuts import (
    CANDIDATES_FROM_EXAMPLES,
    CANDIDATES_FROM_PROBLEM,
    keys_text,
    make_action,
)
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import Column

#: What a table cell shows for a fact the room has not estimated yet.
NOT_ESTIMATED = "–"


def _frequency_text(_item: Any, value: Frequency) -> str:
    if value.count is None:
        return f"{NOT_ESTIMATED} {in_words(value.per)}"
    count = int(value.count) if float(value.count).is_integer() else value.count
    return f"{count} {in_words(value.per)}"


def _fact_text(_item: Any, value: Any) -> str:
    """A fact in a table cell: the number, or a dash while it awaits estimates."""
    if value is None:
        return NOT_ESTIMATED
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _awaiting_tip(item: Any) -> str:
    return "" if item.estimated else "Awaiting estimates: not ranked until the room gives them."


def _example_of(candidate: Any) -> WorkflowExample | None:
    return workflow_example(getattr(candidate, "example", None))


def _count_hint(candidate: Any) -> str:
    """An empty "How many times": the example's typical range, else "not estimated"."""
    from workshop_app.ui.examples_dialog import typical_count

    example = _example_of(candidate)
    return typical_count(example) if example is not None else "not estimated"


def _minutes_hint(candidate: Any) -> str:
    from workshop_app.ui.examples_dialog import typical_minutes

    example = _example_of(candidate)
    return typical_minutes(example) if example is not None else "not estimated"


CANDIDATE_COLUMNS = [
    Column("name", "Candidate workflow", width=260),
    Column(
        "frequency", "How often", "computed", display=_frequency_text, editable=False, width=110
    ),
    Column(
        "minutes_per_occurrence",
        "Minutes each",
        "number",
        display=_fact_text,
        tooltip=_awaiting_tip,
        width=100,
    ),
    Column("pain", "Pain", "rating", display=_fact_text, tooltip=_awaiting_tip, width=110),
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
    # The three facts the room estimates: empty until it does (a candidate from an example),
    # showing the example's typical range as a hint; once given, never emptied again.
    Column(
        "frequency.count",
        "How many times",
        "number",
        extra={"empty_hint": _count_hint, "keeps_value": True},
    ),
    Column("frequency.per", "Per", "enum", enum=Period),
    Column(
        "minutes_per_occurrence",
        "Minutes each time",
        "number",
        extra={"empty_hint": _minutes_hint, "keeps_value": True},
    ),
    Column("people", "People involved", "int"),
    Column("pain", "Pain", "rating", extra={"keeps_value": True}),
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

        self.from_examples_action = make_action(
            CANDIDATES_FROM_EXAMPLES,
            self,
            self.choose_example,
            context=Qt.ShortcutContext.WindowShortcut,
        )
        self.from_examples_action.setToolTip(
            f"Start from one of {len(workflow_examples())} example workflows; its facts stay "
            "empty until the room estimates them "
            f"({keys_text(CANDIDATES_FROM_EXAMPLES.sequences())})"
        )
        self.from_examples = QToolButton(self)
        self.from_examples.setObjectName("fromExamples")
        self.from_examples.setDefaultAction(self.from_examples_action)
        self.editor.add_tool(self.from_examples)
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

    def choose_example(self) -> None:
        """Open the examples; the one chosen becomes a candidate awaiting estimates."""
        from workshop_app.ui.examples_dialog import ExamplesDialog  # only when it opens

        if self.session.read_only:
            return
        dialog = ExamplesDialog(workflow_examples(), self)
        try:
            example = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
        if example is not None:
            self.add_from_example(example)

    def add_from_example(self, example: WorkflowExample) -> None:
        """A candidate with the example's name, description and suggested metrics, in one
        undo step. Its occurrences, minutes and pain stay empty: the typical ranges are only
        hints, shown in the empty fields."""
        workshop = self.session.workshop
        candidate = Candidate(
            self.editor.next_id(),
            example.name,
            description=example.description,
            frequency=Frequency(None, example.frequency.per),
            minutes_per_occurrence=None,
            pain=None,
            example=example.id,
        )
        taken = {metric.id for metric in workshop.metrics}
        numbers = (n for n in range(len(taken) + 1, 10**6) if f"m{n}" not in taken)
        metrics = [
            Metric(
                f"m{next(numbers)}",
                candidate.id,
                suggested.name,
                suggested.kind,
                suggested.unit,
                suggested.direction,
                method=suggested.method,
            )
            for suggested in example.metrics
        ]
        text = f"Add {example.name} from examples"
        self.session.push(undo.add_candidate_from_example(self.session, candidate, metrics, text))
        if workshop.candidate(candidate.id) is None:
            return  # refused: the session said why
        self.editor.select_id(candidate.id)
        self.editor.form.widgets["frequency.count"].setFocus()
        self.statusMessage.emit(
            f"Added {example.name} with {len(metrics)} suggested metrics; "
            "its facts await the room's estimates."
        )

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
