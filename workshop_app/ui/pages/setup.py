"""Setup: the workshop's details and the people in the room."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLineEdit, QVBoxLayout, QWidget

from workshop_app.domain.advice import Advice, split_path
from workshop_app.domain.model import UNTITLED, Stakeholder, StakeholderKind
from workshop_app.domain.stage import Stage
from workshop_app.ui.forms import EntityForm
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.session import Session
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import Column

WORKSHOP_FIELDS = [
    Column("title", "Title"),
    Column("organization", "Organization"),
    Column("date", "Date", "date"),
    Column("facilitator", "Facilitator"),
    Column("location", "Location"),
    Column("notes", "Notes", "long", extra={"placeholder": "Goals, constraints, who is missing"}),
]

STAKEHOLDER_COLUMNS = [
    Column("name", "Name", width=180),
    Column("kind", "Kind", "enum", enum=StakeholderKind, width=130),
    Column("role", "Role", width=170),
    Column("department", "Department", width=140),
    Column("email", "Email"),
]


class SetupPage(StagePage):
    """Workshop details and the stakeholders with their kind, role and department."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            Stage.SETUP,
            "Who is in the room, and who will use the workflow every day?",
            parent,
        )
        details = QGroupBox("Workshop", self)
        details_layout = QVBoxLayout(details)
        self.details = EntityForm(
            session, "workshop", WORKSHOP_FIELDS, details, singleton=True, columns=2
        )
        details_layout.addWidget(self.details)
        # The notes scroll within three lines, so the stakeholders keep most of a laptop's
        # height for their rows.
        notes = self.details.widgets["notes"]
        notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 3 + 18)
        self.body.addWidget(details)
        self.stakeholders = ListEditor(
            session,
            "stakeholders",
            STAKEHOLDER_COLUMNS,
            STAKEHOLDER_COLUMNS,
            self._new,
            "stakeholder",
            "No stakeholders yet.\nPress Ctrl+Enter to add the first person "
            "in the room: sponsor, process owner, daily users, IT, governance.",
            self,
        )
        self.body.addWidget(self.stakeholders, 1)

    def _new(self) -> Stakeholder:
        number = len(self.session.workshop.stakeholders) + 1
        return Stakeholder(
            self.stakeholders.next_id(),
            f"New stakeholder {number}",
            kind=StakeholderKind.DAILY_USER,
        )

    def mark_fields(self, advice: list[Advice]) -> None:
        self.details.set_invalid(
            {
                split_path(a.path)[2] or split_path(a.path)[0]: a.message
                for a in advice
                if a.path.startswith("workshop.")
            }
        )
        self.stakeholders.show_problems(advice)

    def focus_first(self) -> None:
        """The title; selected while it is still the untitled default, so typing names it."""
        title = self.details.widgets["title"]
        title.setFocus()
        if isinstance(title, QLineEdit) and title.text() == UNTITLED:
            title.selectAll()
