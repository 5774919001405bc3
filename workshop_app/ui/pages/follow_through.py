"""Follow-through: the 30 days after the workshop. Readings per metric against the path to
the target, the verdicts, the check-in meetings with their notes, readings imported from a
CSV file, and the progress report for the sponsor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.checkins import CsvRefused, Meeting, next_reading, readings_from_csv
from workshop_app.domain.model import Checkin
from workshop_app.domain.progress import metric_progress, overall_progress
from workshop_app.domain.stage import Stage
from workshop_app.domain.text import clean_typed_text
from workshop_app.report.charts import chart_geometry
from workshop_app.store.interchange import export_text
from workshop_app.ui import undo
from workshop_app.ui.follow_models import BADGE, Meetings, MetricVerdicts
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.metric_chart import MetricChart
from workshop_app.ui.report_runner import ReportRunner, report_file_name
from workshop_app.ui.session import Session
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import Column, IdRole, ItemRole
from workshop_app.ui.wrapping import WrappingList

READING_COLUMNS = [
    Column("date", "Date", width=110),
    Column("value", "Value", "number", width=90),
    Column("note", "Note", "long"),
]
READING_FIELDS = [
    Column("date", "Date", extra={"placeholder": "YYYY-MM-DD"}),
    Column("value", "Value", "number"),
    Column("note", "Note", "long"),
]


def _list_view(page: QWidget, name: str, model: QAbstractItemModel) -> QListView:
    view = WrappingList(page)  # every entry whole, on as many lines as it needs
    view.setObjectName(name)
    view.setModel(model)
    return view


def _keep_current(view: QListView, row: int) -> None:
    """Make ``row`` (or the first row, when it is gone) the current one; announce it once."""
    count = view.model().rowCount()
    if count:
        view.setCurrentIndex(view.model().index(row if 0 <= row < count else 0, 0))


class FollowThroughPage(StagePage):
    """Check-ins, verdicts and the progress report.

    Signals:
        nextWorkflowRequested: "Next workflow…" was pressed (the window writes the next
            workshop, as File > Next workflow… does).
    """

    nextWorkflowRequested = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(
            session,
            Stage.FOLLOW_THROUGH,
            "Is the business behaving differently? Readings on day 7, 14 and 30 "
            "against the path to each target.",
            parent,
        )
        self._today = today
        self.overall = QLabel(self)
        self.overall.setObjectName("recommendation")
        self.overall.setWordWrap(True)
        self.body.addWidget(self.overall)

        self.verdicts = MetricVerdicts(session, self)
        self.metrics = _list_view(self, "metricList", self.verdicts)
        self.metrics.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_metric())
        self.meeting_rows = Meetings(session, self.today, self)
        self.meetings = _list_view(self, "meetingList", self.meeting_rows)
        self.meetings.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._show_meeting()
        )
        self.meeting_note = QPlainTextEdit(self)
        self.meeting_note.setPlaceholderText("Notes of this check-in meeting")
        self.meeting_note.setTabChangesFocus(True)
        self.meeting_note.setMaximumHeight(110)
        self.save_note = QPushButton("Save the notes", self)
        self.save_note.clicked.connect(self.commit_meeting_note)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for title, widget, stretch in (
            ("Metrics of the chosen workflow", self.metrics, 3),
            ("Check-in meetings", self.meetings, 2),
        ):
            label = QLabel(title, left)
            label.setObjectName("sectionTitle")
            left_layout.addWidget(label)
            left_layout.addWidget(widget, stretch)
        left_layout.addWidget(self.meeting_note)
        left_layout.addWidget(self.save_note)
        plan_row = QHBoxLayout()
        self.new_day = QSpinBox(self)
        self.new_day.setRange(1, 366)
        self.new_day.setValue(60)
        self.new_day.setPrefix("day ")
        self.new_day.setToolTip("Days after the workshop")
        self.add_day = QPushButton("Add check-in", self)
        self.add_day.clicked.connect(lambda: self.add_checkin_day(self.new_day.value()))
        self.remove_day = QPushButton("Remove", self)
        self.remove_day.setToolTip("Remove the selected check-in meeting (Ctrl+Z brings it back)")
        self.remove_day.clicked.connect(self.remove_checkin_day)
        plan_row.addWidget(self.new_day)
        plan_row.addWidget(self.add_day)
        plan_row.addWidget(self.remove_day)
        left_layout.addLayout(plan_row)

        self.chart = MetricChart(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.readings = ListEditor(
            session,
            "checkins",
            READING_COLUMNS,
            READING_FIELDS,
            self._new_reading,
            "reading",
            "No readings for this metric yet.\nPress Ctrl+Enter to add today's reading, or "
            "import a CSV file.",
            self,
            keep=self._of_metric,
            form_width=260,
        )
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart, 2)
        right_layout.addWidget(self.explanation)
        right_layout.addWidget(self.readings, 3)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 760])  # room for the metrics' names on two lines
        splitter.setChildrenCollapsible(False)
        self.body.addWidget(splitter, 1)

        bar = QHBoxLayout()
        self.import_button = QPushButton("Import readings from CSV…", self)
        self.import_button.clicked.connect(self.import_csv)
        self.report_button = QPushButton("Progress report…", self)
        self.report_button.setProperty("primary", True)
        self.report_button.clicked.connect(self.export_report)
        self.next_button = QPushButton("Next workflow…", self)
        self.next_button.setToolTip(
            "Start the next workshop from this one: the parked candidates back in play, "
            "this workflow recorded as an earlier attempt with its verdicts (Ctrl+Shift+N)"
        )
        self.next_button.clicked.connect(self.nextWorkflowRequested)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = QLabel(self)
        self.message.setObjectName("stageHint")
        self.message.setWordWrap(True)
        bar.addWidget(self.import_button)
        bar.addWidget(self.report_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.busy, 1)
        bar.addWidget(self.message, 3)
        self.body.addLayout(bar)

        self.runner = ReportRunner("progress", self)
        self.runner.busyChanged.connect(self.busy.setVisible)
        self.runner.exported.connect(
            lambda path, size, notes: self.message.setText(
                " ".join(
                    [
                        f"Progress report exported to {path} ({size // 1024} KB).",
                        *(note.split(": ", 1)[-1] for note in notes),
                    ]
                )
            )
        )
        self.runner.failed.connect(
            lambda reason: self.message.setText(f"The progress report {reason}")
        )
        self._shown_metric: str | None = None
        session.changed.connect(self._on_changed)
        self.refresh()

    # ------------------------------------------------------------------ reading the state
    @property
    def today(self) -> dt.date:
        """The day the page judges meetings and dates new readings by (injected for tests)."""
        return self._today()

    def _chosen_id(self) -> str | None:
        chosen = self.session.workshop.chosen
        return chosen[0].id if len(chosen) == 1 else None

    def current_metric_id(self) -> str | None:
        index = self.metrics.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def _current_meeting(self) -> Meeting | None:
        index = self.meetings.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def _of_metric(self, reading: Checkin) -> bool:
        return reading.metric_id == self.current_metric_id()

    def _new_reading(self) -> Checkin:
        metric_id = self.current_metric_id()
        assert metric_id is not None  # the readings list is disabled without a metric
        return next_reading(self.session.workshop, metric_id, self.today)

    # ------------------------------------------------------------------ refreshing
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(
            Part.METRICS, Part.CHECKINS, Part.CANDIDATES, Part.WORKSHOP, Part.CHECKIN_PLAN
        ):
            self.refresh()

    def refresh(self) -> None:
        workshop = self.session.workshop
        chosen = self._chosen_id()
        keep_metric = self.current_metric_id()
        with QSignalBlocker(self.metrics.selectionModel()):
            self.verdicts.refresh()
        if chosen is None:
            self.overall.setText(
                "No single workflow is chosen yet: choose one on the Rank "
                "stage and agree its metrics, then track them here."
            )
        else:
            result = overall_progress(workshop, chosen)
            self.overall.setText(
                f"{BADGE[result.verdict]}: {result.summary}  Adoption: {result.adoption}. "
                f"Outcome: {result.outcome}."
            )
        _keep_current(self.metrics, self.verdicts.row_of(keep_metric))
        self._show_metric()
        self._fill_meetings()
        enabled = chosen is not None and not self.session.read_only
        self.import_button.setEnabled(enabled)
        self.report_button.setEnabled(chosen is not None)

    def _show_metric(self) -> None:
        workshop = self.session.workshop
        metric = workshop.metric(self.current_metric_id())
        if self._shown_metric != self.current_metric_id():
            # The readings list shows another metric: its rows change wholesale. (Edits of
            # the rows themselves refresh through the model, never by a reset mid-edit.)
            self._shown_metric = self.current_metric_id()
            self.readings.model.refresh()
        self.readings.setEnabled(metric is not None)
        if metric is None:
            self.chart.set_chart(None, "Select a metric to see its readings.")
            self.explanation.setText("")
            return
        progress = metric_progress(workshop, metric)
        self.chart.set_chart(chart_geometry(progress, workshop.info.day))
        self.explanation.setText(f"{BADGE[progress.verdict]}: {progress.explanation}")

    def _fill_meetings(self) -> None:
        keep = self.meetings.currentIndex().row()
        self.meeting_rows.today = self.today
        with QSignalBlocker(self.meetings.selectionModel()):
            self.meeting_rows.refresh()
        _keep_current(self.meetings, keep)
        self._show_meeting()

    def _show_meeting(self) -> None:
        meeting = self._current_meeting()
        self.meeting_note.setPlainText(meeting.note if meeting is not None else "")
        self.meeting_note.setEnabled(meeting is not None and not self.session.read_only)

    # ------------------------------------------------------------------ actions
    def commit_meeting_note(self) -> None:
        """Store the notes of the selected check-in meeting (one undoable step)."""
        meeting = self._current_meeting()
        if meeting is None:
            return
        day, old = meeting.day, meeting.note
        note = clean_typed_text(self.meeting_note.toPlainText()).strip()
        if note == old:
            return
        self._tell(self.session.push(undo.note_checkin_day(self.session, day, note)))

    def _tell(self, refusal: str | None) -> None:
        if refusal:
            self.message.setText(refusal)

    def add_checkin_day(self, day: int) -> None:
        """Plan another check-in meeting ``day`` days after the workshop."""
        self._tell(self.session.push(undo.plan_checkin_day(self.session, day)))

    def remove_checkin_day(self) -> None:
        """Drop the selected check-in meeting from the plan (at least one stays)."""
        meeting = self._current_meeting()
        if meeting is None:
            return
        day = meeting.day
        self._tell(self.session.push(undo.drop_checkin_day(self.session, day)))

    def import_csv(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Import readings", "", "CSV files (*.csv);;All files (*)"
        )
        if path:
            self.import_csv_file(Path(path))

    def import_csv_file(self, path: Path) -> int:
        """Import every reading of a CSV file, or none; returns how many were imported."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self._refuse_csv(path, [f"the file cannot be read as UTF-8 text ({exc})"])
            return 0
        try:
            found = readings_from_csv(self.session.workshop, text)
        except CsvRefused as refused:
            self._refuse_csv(path, [str(problem) for problem in refused.problems])
            return 0
        refusal = self.session.push(undo.add_readings(self.session, found, path.name))
        if refusal:
            self._refuse_csv(path, [refusal])
            return 0
        self.message.setText(f"Imported {len(found)} readings from {path.name}.")
        return len(found)

    def _refuse_csv(self, path: Path, problems: list[str]) -> None:
        shown = problems[:12] + ([f"… and {len(problems) - 12} more"] if len(problems) > 12 else [])
        self.message.setText(f"Nothing was imported from {path.name}: {_problems(len(problems))}.")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Readings not imported",
            f"Nothing was imported from {path.name}. Fix these rows and "
            "import the file again:\n\n" + "\n".join(shown),
            parent=self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def export_report(self) -> None:
        folder = Path(self.session.path).parent
        title = self.session.workshop.info.title
        suggestion = folder / report_file_name(title, "progress", self.today)
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export the progress report", str(suggestion), "PDF documents (*.pdf)"
        )
        if path:
            self.export_report_to(Path(path))

    def export_report_to(self, target: Path) -> object:
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.message.setText("Making the progress report…")
        return self.runner.start(export_text(self.session.workshop), "a4", target)

    def focus_first(self) -> None:
        self.metrics.setFocus()

    def shut_down(self) -> None:
        self.runner.shut_down()


def _problems(count: int) -> str:
    """``1 problem``, ``3 problems``."""
    return f"{count} problem{'' if count == 1 else 's'}"
