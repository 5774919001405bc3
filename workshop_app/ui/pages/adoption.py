"""Adoption: who champions it, who owns adoption after launch, how trust is built, and the
risk register seeded with the typical ways launches stall."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QPushButton, QTabWidget, QVBoxLayout, QWidget

from workshop_app.domain.advice import Advice, split_path
from workshop_app.domain.changes import Part
from workshop_app.domain.model import Risk, RiskCategory
from workshop_app.domain.stage import Stage
from workshop_app.libraries import stall_risks
from workshop_app.ui import undo
from workshop_app.ui.forms import EntityForm
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.session import Session
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import Column

PLAN_FIELDS = [
    Column("champion_id", "Champion", "ref", target="stakeholders"),
    Column("owner_id", "Adoption owner", "ref", target="stakeholders"),
    Column("users_involved", "Daily users involved", "refs", target="stakeholders"),
    Column(
        "trust_measures",
        "Trust measures",
        "long",
        extra={"placeholder": "How users check outputs and say when they are wrong"},
    ),
    Column("training", "Training", "long"),
    Column("feedback_channel", "Feedback channel"),
]
RISK_COLUMNS = [
    Column("description", "Risk", width=260),
    Column("category", "Category", "enum", enum=RiskCategory, width=120),
    Column("likelihood", "Likelihood", "rating", width=110),
    Column("impact", "Impact", "rating", width=110),
    Column(
        "",
        "Exposure",
        "computed",
        editable=False,
        width=76,
        display=lambda risk, _v: str(risk.exposure),
    ),
    Column("owner_id", "Owner", "ref", target="stakeholders", width=140),
    Column("mitigation", "Mitigation", "long"),
]
RISK_FIELDS = [
    Column("description", "Risk"),
    Column("category", "Category", "enum", enum=RiskCategory),
    Column("likelihood", "Likelihood", "rating"),
    Column("impact", "Impact", "rating"),
    Column("mitigation", "Mitigation", "long"),
    Column("owner_id", "Owner", "ref", target="stakeholders"),
]


class AdoptionPage(StagePage):
    """The adoption plan and the risk register."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            Stage.ADOPTION,
            "Adoption is designed in: a champion, an owner after launch, daily "
            "users in the loop, and the stall risks checked now.",
            parent,
        )
        plan_box = QFrame(self)
        plan_layout = QVBoxLayout(plan_box)
        self.plan = EntityForm(session, "adoption", PLAN_FIELDS, plan_box, singleton=True)
        plan_layout.addWidget(self.plan)
        self.risks = ListEditor(
            session,
            "risks",
            RISK_COLUMNS,
            RISK_FIELDS,
            self._new,
            "risk",
            "No risks yet.\nPress “Add the typical stall risks” to check the usual ways "
            "launches stall, or Ctrl+Enter to add your own.",
            self,
            watch=frozenset({Part.STAKEHOLDERS}),
        )
        self.seed = QPushButton("Add the typical stall risks", self)
        self.seed.setObjectName("seedRisks")
        self.seed.clicked.connect(self.add_typical_risks)
        self.risks.add_tool(self.seed)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(plan_box, "Adoption plan")
        self.tabs.addTab(self.risks, "Risk register")
        self.body.addWidget(self.tabs, 1)

    def _new(self) -> Risk:
        return Risk(self.risks.next_id(), "New risk")

    def add_typical_risks(self) -> None:
        """Add every typical stall risk not yet in the register, as one undoable step."""
        present = {risk.description for risk in self.session.workshop.risks}
        seeds = [seed for seed in stall_risks() if seed["description"] not in present]
        if not seeds:
            self.statusMessage.emit("The typical stall risks are already in the register.")
            return
        stack = self.session.undo_stack
        stack.beginMacro("Add the typical stall risks")
        try:
            for seed in seeds:
                risk = Risk(
                    self.risks.next_id(),
                    seed["description"],
                    RiskCategory(seed["category"]),
                    int(seed["likelihood"]),
                    int(seed["impact"]),
                    seed["mitigation"],
                )
                self.session.push(undo.add_item(self.session, Part.RISKS, risk, None, "Add risk"))
        finally:
            stack.endMacro()
        self.statusMessage.emit(f"Added {len(seeds)} typical stall risks: give each an owner.")

    def mark_fields(self, advice: list[Advice]) -> None:
        self.plan.set_invalid(
            {split_path(a.path)[2]: a.message for a in advice if a.path.startswith("adoption.")}
        )
        self.risks.show_problems(advice)

    def focus_first(self) -> None:
        self.plan.widgets["champion_id"].setFocus()
