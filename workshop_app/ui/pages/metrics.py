"""Metrics: 30-day success metrics of the chosen workflow, agreed with named people, and the
check-in dates they will be read on."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from workshop_app.domain.advice import Advice
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.model import Direction, Metric, MetricKind
from workshop_app.domain.schedule import checkin_dates
from workshop_app.domain.stage import Stage
from workshop_app.domain.words import in_words
from workshop_app.libraries import metric_examples
from workshop_app.ui import undo
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.session import Session
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import Column

METRIC_COLUMNS = [
    Column("name", "Metric", width=220),
    Column("kind", "Kind", "enum", enum=MetricKind, width=90),
    Column("baseline", "Baseline", "number", width=70),
    Column("target", "Target", "number", width=70),
    Column("owner_id", "Owner", "ref", target="stakeholders", width=120),
]
METRIC_FIELDS = [
    Column("name", "Metric"),
    Column("kind", "Kind", "enum", enum=MetricKind),
    Column("unit", "Unit", extra={"placeholder": "%, hours, cases a week…"}),
    Column("direction", "Should", "enum", enum=Direction),
    Column("baseline", "Baseline (today)", "number"),
    Column("target", "Target on day 30", "number"),
    Column(
        "method",
        "How it is measured",
        "long",
        extra={"placeholder": "Where the number comes from, who reads it, how often"},
    ),
    Column("owner_id", "Owner", "ref", target="stakeholders"),
    Column("agreed_by", "Agreed by", "refs", target="stakeholders"),
]


class MetricsPage(StagePage):
    """The chosen workflow's metrics, their advice and the check-in calendar."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            Stage.METRICS,
            "How will we know in 30 days that people work differently? At least "
            "one adoption and one outcome metric.",
            parent,
        )
        self.chosen_label = QLabel(self)
        self.chosen_label.setObjectName("recommendation")
        self.chosen_label.setWordWrap(True)
        self.body.addWidget(self.chosen_label)
        self.editor = ListEditor(
            session,
            "metrics",
            METRIC_COLUMNS,
            METRIC_FIELDS,
            self._new,
            "metric",
            "No metrics yet.\nPress Ctrl+Enter to add one, or start from an example.",
            self,
            watch=frozenset({Part.STAKEHOLDERS, Part.CANDIDATES}),
            keep=self._of_chosen,
        )
        self.examples = QToolButton(self)
        self.examples.setText("Add from examples")
        self.examples.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.examples)
        for example in metric_examples():
            action = menu.addAction(f"{in_words(example['kind'])}: {example['name']}")
            action.triggered.connect(lambda _c=False, e=example: self.add_example(e))
        self.examples.setMenu(menu)
        self.editor.add_tool(self.examples)
        self.body.addWidget(self.editor, 1)
        self.calendar = QLabel(self)
        self.calendar.setObjectName("stageHint")
        self.body.addWidget(self.calendar)
        self._shown_for = self._chosen_id()
        session.changed.connect(self._on_changed)
        self._update()

    def _chosen_id(self) -> str | None:
        chosen = self.session.workshop.chosen
        return chosen[0].id if len(chosen) == 1 else None

    def _of_chosen(self, metric: Metric) -> bool:
        return metric.candidate_id == self._chosen_id()

    def _new(self) -> Metric:
        chosen = self._chosen_id() or ""
        return Metric(self.editor.next_id(), chosen, "New metric", MetricKind.ADOPTION)

    def add_example(self, example: dict[str, Any]) -> None:
        """Add a metric from the examples library, ready for its baseline and target."""
        chosen = self._chosen_id()
        if chosen is None:
            return
        metric = Metric(
            self.editor.next_id(),
            chosen,
            example["name"],
            MetricKind(example["kind"]),
            example.get("unit", ""),
            Direction(example.get("direction", "increase")),
            method=example.get("method", ""),
        )
        self.session.push(undo.add_item(self.session, Part.METRICS, metric, None, "Add metric"))
        self.editor.select_id(metric.id)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Part.CANDIDATES, Part.WORKSHOP, Part.METRICS):
            self._update()

    def _update(self) -> None:
        chosen = self.session.workshop.chosen
        has_one = len(chosen) == 1
        self.editor.setEnabled(has_one)
        self.examples.setEnabled(has_one and not self.session.read_only)
        if self._shown_for != self._chosen_id():
            self._shown_for = self._chosen_id()  # another workflow: other rows altogether
            self.editor.model.refresh()
        if has_one:
            self.chosen_label.setText(f"Chosen workflow: {chosen[0].name}")
        elif chosen:
            self.chosen_label.setText(
                "More than one workflow is chosen: keep exactly one on the Rank stage."
            )
        else:
            self.chosen_label.setText(
                "No workflow chosen yet: choose one on the Rank stage, then agree its metrics here."
            )
        try:
            dates = checkin_dates(self.session.workshop.info.date)
        except ValueError:
            self.calendar.setText("Check-ins: set the workshop date to plan them.")
            return
        self.calendar.setText(
            "Check-ins: "
            + "   ·   ".join(f"{planned.label}: {planned.date:%a %d %b %Y}" for planned in dates)
        )

    def mark_fields(self, advice: list[Advice]) -> None:
        self.editor.show_problems(advice)

    def focus_first(self) -> None:
        self.editor.table.setFocus()
