"""Diagnose: problems before tools, captured against the facilitator's prompts, and a short
check of any earlier attempt and why it stalled."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.advice import Advice
from workshop_app.domain.changes import Part
from workshop_app.domain.model import PriorAttempt, Problem, StallSign, Symptom
from workshop_app.domain.stage import Stage
from workshop_app.libraries import prompt_groups
from workshop_app.ui import undo
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.session import Session
from workshop_app.ui.shortcuts import DIAGNOSE_PROMPTS, make_action
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import Column
from workshop_app.ui.wrapping import WrappingDelegate

PROBLEM_COLUMNS = [
    Column("title", "Problem", width=260),
    Column("symptoms", "Symptoms", "enums", enum=Symptom, width=220),
    Column("raised_by", "Raised by", "ref", target="stakeholders", width=150),
    Column("affected", "Who is affected"),
]
PROBLEM_FIELDS = [
    Column("title", "Problem"),
    Column(
        "description",
        "What happens today",
        "long",
        extra={"placeholder": "How often, how long it takes, what it costs when it goes wrong"},
    ),
    Column("affected", "Who is affected"),
    Column("symptoms", "Symptoms", "enums", enum=Symptom),
    Column("raised_by", "Raised by", "ref", target="stakeholders"),
]
ATTEMPT_COLUMNS = [
    Column("what", "What was tried", width=300),
    Column("stall_signs", "Why it stalled", "enums", enum=StallSign),
]
ATTEMPT_FIELDS = [
    Column("what", "What was tried"),
    Column("notes", "What happened", "long"),
    Column("stall_signs", "Why it stalled", "enums", enum=StallSign),
]


class PromptLibrary(QWidget):
    """The prompts that start the diagnosis, grouped; Enter turns one into a problem."""

    def __init__(self, page: DiagnosePage) -> None:
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Prompts", self)
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.tree = QListWidget(self)
        self.tree.setObjectName("promptList")
        self.tree.setItemDelegate(WrappingDelegate(self.tree))  # every prompt whole
        heading_font = QFont(self.tree.font())
        heading_font.setBold(True)
        for group in prompt_groups():
            heading = QListWidgetItem(group["title"], self.tree)
            heading.setFont(heading_font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for prompt in group["prompts"]:
                entry = QListWidgetItem("   " + prompt["text"], self.tree)
                entry.setData(Qt.ItemDataRole.UserRole, (group, prompt))
                entry.setToolTip("\n".join(["Follow up:", *prompt.get("follow_ups", [])]))
        self.tree.itemActivated.connect(self.use)
        layout.addWidget(self.tree, 1)
        self.button = QPushButton("Capture as a problem", self)
        self.button.clicked.connect(lambda: self.use(self.tree.currentItem()))
        layout.addWidget(self.button)

    def use(self, item: QListWidgetItem | None) -> None:
        data: Any = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if data:
            self.page.problem_from_prompt(*data)


class DiagnosePage(StagePage):
    """Problems captured against prompts, and earlier attempts with why they stalled."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            Stage.DIAGNOSE,
            "Where are time, quality and money lost today? No technology yet.",
            parent,
        )
        self.prompts = PromptLibrary(self)
        self.tabs = QTabWidget(self)
        self.problems = ListEditor(
            session,
            "problems",
            PROBLEM_COLUMNS,
            PROBLEM_FIELDS,
            self._new_problem,
            "problem",
            "No problems yet.\nPick a prompt on the left and press Enter, or press Ctrl+Enter "
            "to write one down.",
            self,
            watch=frozenset({Part.STAKEHOLDERS}),
        )
        self.attempts = ListEditor(
            session,
            "prior_attempts",
            ATTEMPT_COLUMNS,
            ATTEMPT_FIELDS,
            self._new_attempt,
            "earlier attempt",
            "Nothing tried before? Good to know too.\nIf something was, "
            "press Ctrl+Enter and note why it stalled.",
            self,
        )
        self.tabs.addTab(self.problems, "Problems")
        self.tabs.addTab(self.attempts, "Earlier attempts")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.prompts)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 880])
        splitter.setChildrenCollapsible(False)
        self.body.addWidget(splitter, 1)
        make_action(
            DIAGNOSE_PROMPTS,
            self,
            self.prompts.tree.setFocus,
            context=Qt.ShortcutContext.WindowShortcut,
        )

    def _new_problem(self) -> Problem:
        number = len(self.session.workshop.problems) + 1
        return Problem(self.problems.next_id(), f"New problem {number}")

    def _new_attempt(self) -> PriorAttempt:
        return PriorAttempt(self.attempts.next_id(), "What was tried")

    def problem_from_prompt(self, group: dict[str, Any], prompt: dict[str, Any]) -> None:
        """Start a problem from a prompt, tagged with the prompt group's symptom."""
        if group.get("symptom") is None:
            self.tabs.setCurrentWidget(self.attempts)
            self.attempts.add_item()
            return
        problem = Problem(
            self.problems.next_id(),
            prompt["text"].rstrip("?") + "…",
            symptoms=[Symptom(group["symptom"])],
        )
        self.session.push(undo.add_item(self.session, Part.PROBLEMS, problem, None, "Add problem"))
        self.tabs.setCurrentWidget(self.problems)
        self.problems.select_id(problem.id)
        title = self.problems.form.widgets["title"]
        title.setFocus()

    def mark_fields(self, advice: list[Advice]) -> None:
        self.problems.show_problems(advice)
        self.attempts.show_problems(advice)

    def focus_first(self) -> None:
        self.problems.table.setFocus()
