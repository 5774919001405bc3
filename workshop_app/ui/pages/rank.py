"""Rank: the friction × frequency matrix and the ranked table, kept in step; votes; how sure
the ranking is of its #1; the room chooses one workflow and parks the rest with a reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.estimates import latest_rounds
from workshop_app.domain.fields import MOST_VOTES
from workshop_app.domain.matrix_layout import matrix_points
from workshop_app.domain.model import CandidateStatus
from workshop_app.domain.ranking import Awaiting, Readiness, Scored, recommendation
from workshop_app.domain.robustness import how_sure
from workshop_app.domain.stage import Stage
from workshop_app.ui import undo
from workshop_app.ui.action_bar import ActionBar
from workshop_app.ui.delegates import FieldDelegate
from workshop_app.ui.dialogs import OverrideDialog, ReasonDialog
from workshop_app.ui.list_editor import fit_columns, spread_names
from workshop_app.ui.matrix import MatrixWidget
from workshop_app.ui.rank_model import Column, RankModel
from workshop_app.ui.robustness_chart import RobustnessChart
from workshop_app.ui.session import Session
from workshop_app.ui.shortcuts import (
    RANK_CHOOSE,
    RANK_ESTIMATE,
    RANK_OVERRIDE,
    RANK_PARK,
    RANK_UNPARK,
    keys_text,
    make_action,
)
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import IdRole, ItemRole

Index = QModelIndex | QPersistentModelIndex
VOTES = Column.VOTES
CANDIDATE = Column.CANDIDATE


class RankTable(QTableView):
    """The ranked table; + and − change the votes of the current candidate."""

    def __init__(self, page: RankPage) -> None:
        super().__init__(page)
        self.page = page
        self.setTabKeyNavigation(False)  # Tab moves on to the page's buttons; arrows move here

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        spread_names(self, event.size().width())  # the viewport's new size

    def keyPressEvent(self, event: Any) -> None:
        if event.text() in ("+", "=") and self.state() != QAbstractItemView.State.EditingState:
            self.page.add_votes(1)
            return
        if event.text() in ("-", "_") and self.state() != QAbstractItemView.State.EditingState:
            self.page.add_votes(-1)
            return
        super().keyPressEvent(event)


class RankPage(StagePage):
    """The matrix and the ranked table in step, votes, and the room's decision."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            Stage.RANK,
            "High friction × high frequency first. Choose ONE workflow; park the "
            "rest with a reason.",
            parent,
        )
        self.model = RankModel(session, self)
        # The recommendation and how sure the ranking is of its #1, in one box; the tornado
        # chart beside it.
        banner = QFrame(self)
        banner.setObjectName("recommendation")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        words = QVBoxLayout(banner)
        words.setContentsMargins(0, 0, 0, 0)
        self.recommended = QLabel(banner)
        self.recommended.setObjectName("recommendationText")
        self.recommended.setWordWrap(True)
        self.how_sure = QLabel(banner)
        self.how_sure.setObjectName("howSure")
        self.how_sure.setWordWrap(True)
        self.how_sure.setTextFormat(Qt.TextFormat.PlainText)
        words.addWidget(self.recommended)
        words.addWidget(self.how_sure)
        words.addStretch(1)
        self.sure_chart = RobustnessChart(self)
        self.sure_chart.setObjectName("howSureChart")
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(banner, 3)
        top.addWidget(self.sure_chart, 2, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(top)
        # Recomputed once the events of a change are handled, so typing never waits for it.
        self._sure_timer = QTimer(self)
        self._sure_timer.setSingleShot(True)
        self._sure_timer.setInterval(0)
        self._sure_timer.timeout.connect(self.refresh_how_sure)
        session.changed.connect(self._on_changed)

        self.matrix = MatrixWidget(self)
        self.matrix.setObjectName("matrix")
        self.table = RankTable(self)
        self.table.setObjectName("rankTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(VOTES, _VotesDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fit_columns(self.table, [36, 160, 50, 50, 50, 60, 110, 50], name_column=CANDIDATE)
        self.details = QLabel(self)
        self.details.setObjectName("rankDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setMinimumHeight(self.details.fontMetrics().height() * 3)

        self.choose_action = make_action(RANK_CHOOSE, self, self.choose, icon_name="choose")
        self.park_action = make_action(RANK_PARK, self, self.park, icon_name="park")
        self.unpark_action = make_action(RANK_UNPARK, self, self.unpark, icon_name="undo")
        self.override_action = make_action(RANK_OVERRIDE, self, self.override)
        self.estimate_action = make_action(RANK_ESTIMATE, self, self.estimate)
        bar = ActionBar(self)
        for action, short in (
            (self.choose_action, "Choose"),
            (self.park_action, "Park"),
            (self.unpark_action, "Back"),
            (self.override_action, "Override"),
            (self.estimate_action, "Estimate"),
        ):
            bar.add_action(action, short)
        votes_hint = QLabel("Votes: + / − on a row", self)
        votes_hint.setObjectName("stageHint")
        bar.add_widget(votes_hint)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(bar)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.details)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.matrix)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([340, 820])
        self.splitter.setChildrenCollapsible(False)
        self.body.addWidget(self.splitter, 1)

        self.matrix.selectionChanged.connect(self._from_matrix)
        self.matrix.activated.connect(lambda _id: self.choose())
        self.table.selectionModel().currentRowChanged.connect(self._from_table)
        self.model.reranked.connect(self._after_rerank)
        self._kept: str | None = None
        self._after_rerank()
        self.refresh_how_sure()

    # ------------------------------------------------------------------ selection sync
    def current(self) -> Scored | Awaiting | None:
        index = self.table.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def _select_row(self, candidate_id: str | None) -> None:
        """Make the candidate's row the current one in the table (or clear it)."""
        row = self.model.row_of(candidate_id)
        if row < 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        else:
            index = self.model.index(row, 1)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def select(self, candidate_id: str | None) -> None:
        """Select a candidate in the table and on the matrix."""
        self._select_row(candidate_id)
        self.matrix.select(candidate_id)
        self._update_actions()

    def _from_matrix(self, candidate_id: object) -> None:
        self._select_row(candidate_id if isinstance(candidate_id, str) else None)
        self._update_actions()

    def _from_table(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._kept = current.data(IdRole) if current.isValid() else None
        self.matrix.select(self._kept)
        self._update_actions()

    def _after_rerank(self) -> None:
        self.matrix.set_points(matrix_points(self.model.rows))
        self.matrix.set_waiting(len(self.model.waiting))
        self.select(self._kept)
        self._update_recommendation()

    def _update_recommendation(self) -> None:
        best = recommendation(self.model.rows)
        chosen = self.session.workshop.chosen
        if not self.model.rows and self.model.waiting:
            text = "No candidate is estimated yet, so none is ranked."
        elif not self.model.rows:
            text = "No candidates yet: add them in the Candidates stage."
        elif best is None:
            text = "No recommendation: every candidate in play is blocked or parked."
        else:
            text = (
                f"Recommended: {best.candidate.name} — the highest priority "
                f"({best.priority}) that is not blocked, {best.hours_per_month:,.0f} h a "
                "month at stake."
            )
        if chosen:
            text += f"  Chosen: {', '.join(c.name for c in chosen)}."
        if self.model.waiting:
            count = len(self.model.waiting)
            text += f"  {count} await{'s' if count == 1 else ''} estimates, not ranked yet."
        self.recommended.setText(text)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Part.CANDIDATES, Part.ESTIMATES):
            self._sure_timer.start()
        if changes.touches(Part.ESTIMATES):
            self._update_details(self.current())

    def refresh_how_sure(self) -> None:
        """Show how sure the ranking is of its #1, as the domain answers it."""
        sure = how_sure(self.session.workshop)
        self.how_sure.setText(
            "How sure: no #1 yet." if sure is None else f"How sure: {sure.summary}"
        )
        self.sure_chart.set_robustness(sure)

    def shut_down(self) -> None:
        self._sure_timer.stop()

    def _update_details(self, row: Scored | Awaiting | None) -> None:
        if row is None:
            self.details.setText("Select a candidate to see why it ranks where it does.")
            return
        candidate = row.candidate
        if isinstance(row, Awaiting):
            lines = [
                f"{candidate.name}: {row.reason}; estimate them in Candidates, or blind here "
                f"({keys_text(RANK_ESTIMATE.sequences())}).",
                f"30-day readiness: {row.readiness} — {'; '.join(row.readiness_reasons)}.",
            ]
        else:
            lines = [
                f"#{row.rank} {candidate.name}: {row.reason}.",
                f"30-day readiness: {row.readiness} — {'; '.join(row.readiness_reasons)}.",
            ]
        if candidate.status is CandidateStatus.PARKED:
            lines.append(f"Parked: {candidate.parked_reason}")
        estimated = latest_rounds(self.session.workshop, candidate.id)
        if estimated:
            lines.append("Blind estimates: " + ". ".join(r.words() for r in estimated) + ".")
        self.details.setText("\n".join(lines))

    def _update_actions(self) -> None:
        row = self.current()
        self._update_details(row)
        writable = not self.session.read_only
        status = row.candidate.status if row else None
        self.choose_action.setEnabled(
            writable and isinstance(row, Scored) and status is not CandidateStatus.CHOSEN
        )
        self.park_action.setEnabled(
            writable and row is not None and status is not CandidateStatus.PARKED
        )
        self.unpark_action.setEnabled(
            writable and status is not None and status is not CandidateStatus.CANDIDATE
        )
        self.override_action.setEnabled(writable and isinstance(row, Scored))
        self.estimate_action.setEnabled(writable and bool(self.session.workshop.candidates))

    # ------------------------------------------------------------------ decisions
    def _ask(
        self, title: str, question: str, reason: str = "", required: bool = True
    ) -> str | None:
        dialog = ReasonDialog(title, question, reason, required=required, parent=self)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose(self) -> None:
        row = self.current()
        if not isinstance(row, Scored) or row.candidate.status is CandidateStatus.CHOSEN:
            return
        best = recommendation(self.model.rows)
        default = (
            "Highest priority that is not blocked."
            if best is not None and best.candidate is row.candidate
            else ""
        )
        if row.readiness is Readiness.BLOCKED:
            question = (
                f"{row.candidate.name} is blocked ({row.readiness_reasons[0]}). "
                "Why choose it anyway?"
            )
        else:
            question = f"Why does the room choose {row.candidate.name}?"
        reason = self._ask("Choose this workflow", question, default, required=False)
        if reason is None:
            return
        name = row.candidate.name
        self.session.push(undo.choose(self.session, row.candidate.id, reason, name))
        self.statusMessage.emit(f"Chosen: {row.candidate.name}")

    def park(self) -> None:
        row = self.current()
        if row is None:
            return
        reason = self._ask(
            "Park candidate",
            f"Why is {row.candidate.name} parked for later? "
            "(It stays in the backlog for “then expand”.)",
            row.candidate.parked_reason,
        )
        if not reason:
            return
        self.session.push(undo.park(self.session, row.candidate.id, reason, row.candidate.name))

    def unpark(self) -> None:
        row = self.current()
        if row is None:
            return
        candidate = row.candidate
        if candidate.status is CandidateStatus.CHOSEN:
            command = undo.unchoose(
                self.session, candidate.id, "Back among the candidates.", candidate.name
            )
        else:
            command = undo.unpark(self.session, candidate.id, "Back in play.", candidate.name)
        self.session.push(command)

    def override(self) -> None:
        row = self.current()
        if not isinstance(row, Scored):
            return
        dialog = OverrideDialog(row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        friction, frequency, reason = dialog.values()
        overrides = row.candidate.overrides
        if (friction, frequency, reason) == (
            overrides.friction,
            overrides.frequency,
            overrides.reason,
        ):
            return
        self.session.push(
            undo.override_scores(
                self.session, row.candidate.id, friction, frequency, reason, row.candidate.name
            )
        )

    def estimate(self) -> None:
        """A round of blind estimates, full screen, starting from the current candidate."""
        from workshop_app.ui.estimation import EstimationDialog  # only when a round starts

        row = self.current()
        dialog = EstimationDialog(self.session, row.candidate.id if row else None, self)
        dialog.pictureChanged.connect(self.roomPicture.emit)
        dialog.exec()
        dialog.deleteLater()
        self.table.setFocus()

    def add_votes(self, step: int) -> None:
        row = self.current()
        if row is None or self.session.read_only:
            return
        index = self.model.index(self.model.row_of(row.candidate.id), VOTES)
        self.model.setData(index, row.candidate.votes + step)

    def focus_first(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rows:
            self.select(self.model.rows[0].candidate.id)


class _VotesDelegate(FieldDelegate):
    """Votes are edited with a spin box."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, MOST_VOTES)
        return spin
