"""The ranked table's model: the candidates in rank order, re-ranked after every change, with a
column per score and the dot votes editable in place; after them, the candidates that await
estimates, without a rank or scores."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.fields import MOST_VOTES
from workshop_app.domain.model import CandidateStatus
from workshop_app.domain.ranking import (
    AWAITING,
    Awaiting,
    Scored,
    awaiting_estimates,
    rank_candidates,
)
from workshop_app.palette import PALETTE
from workshop_app.ui import undo
from workshop_app.ui.icons import icon
from workshop_app.ui.session import Session
from workshop_app.ui.table_model import IdRole, ItemRole

Index = QModelIndex | QPersistentModelIndex
PARKED_TEXT = QColor(PALETTE.text_faint)


class Column(IntEnum):
    """The columns of the ranked table, in order."""

    RANK = 0
    CANDIDATE = 1
    FRICTION = 2
    FREQUENCY = 3
    PRIORITY = 4
    HOURS = 5
    READINESS = 6
    VOTES = 7

    @property
    def title(self) -> str:
        return _TITLES[self]


_TITLES = {
    Column.RANK: "#",
    Column.CANDIDATE: "Candidate",
    Column.FRICTION: "Friction",
    Column.FREQUENCY: "Frequency",
    Column.PRIORITY: "Priority",
    Column.HOURS: "Hours/mo",
    Column.READINESS: "Readiness",
    Column.VOTES: "Votes",
}
_NUMBERS = frozenset(
    {Column.RANK, Column.FRICTION, Column.FREQUENCY, Column.PRIORITY, Column.HOURS, Column.VOTES}
)


def _cell(row: Scored, column: Column) -> str:
    candidate = row.candidate
    if column is Column.RANK:
        return str(row.rank)
    if column is Column.CANDIDATE:
        return candidate.name
    if column is Column.FRICTION:
        return f"{row.friction_score}{'*' if candidate.overrides.friction else ''}"
    if column is Column.FREQUENCY:
        return f"{row.frequency_score}{'*' if candidate.overrides.frequency else ''}"
    if column is Column.PRIORITY:
        return str(row.priority)
    if column is Column.HOURS:
        return f"{row.hours_per_month:,.1f}"
    if column is Column.READINESS:
        return str(row.readiness)
    return str(candidate.votes)


def _waiting_cell(row: Awaiting, column: Column) -> str:
    """A candidate awaiting estimates: its name says so; no rank and no scores."""
    if column is Column.CANDIDATE:
        return f"{row.candidate.name} — {AWAITING}"
    if column is Column.READINESS:
        return str(row.readiness)
    if column is Column.VOTES:
        return str(row.candidate.votes)
    return "–"


def _tooltip(row: Scored, column: Column) -> str | None:
    candidate = row.candidate
    if column is Column.READINESS:
        return "; ".join(row.readiness_reasons)
    if column in (Column.FRICTION, Column.FREQUENCY) and candidate.overrides.any:
        return (
            f"From the facts: friction {row.computed_friction}, frequency "
            f"{row.computed_frequency}. Overridden: {candidate.overrides.reason}"
        )
    if column in (Column.RANK, Column.CANDIDATE, Column.PRIORITY):
        status = {
            CandidateStatus.CHOSEN: " (chosen)",
            CandidateStatus.PARKED: f" (parked: {candidate.parked_reason})",
        }
        return f"{candidate.name}{status.get(candidate.status, '')}: {row.reason}"
    return None


class RankModel(QAbstractTableModel):
    """The candidates in rank order, re-ranked after every change.

    A change that keeps the order (a vote that moves nobody, a renamed candidate) updates the
    rows it touched in place; a change of order is a layout change that keeps the current row
    on its candidate; adding or removing candidates resets the model.

    Signals:
        reranked(): the rows were ranked again (after any change of the candidates).
    """

    reranked = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Scored] = rank_candidates(session.workshop.candidates)
        #: The candidates that await estimates, listed after the ranked rows.
        self.waiting: list[Awaiting] = awaiting_estimates(session.workshop.candidates)
        session.changed.connect(self._on_changed)

    def row_item(self, row: int) -> Scored | Awaiting:
        """The ranked row, or (past the ranked ones) the candidate awaiting estimates."""
        return self.rows[row] if row < len(self.rows) else self.waiting[row - len(self.rows)]

    def _ids(self) -> list[str]:
        return [row.candidate.id for row in self.rows] + [w.candidate.id for w in self.waiting]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows) + len(self.waiting)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return Column(section).title
        return None

    def row_of(self, candidate_id: str | None) -> int:
        return next((n for n, cid in enumerate(self._ids()) if cid == candidate_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row_item(index.row())
        if isinstance(item, Awaiting):
            return self._waiting_data(item, Column(index.column()), role)
        row = item
        column = Column(index.column())
        status = row.candidate.status
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, column)
        if role == Qt.ItemDataRole.EditRole and column is Column.VOTES:
            return row.candidate.votes
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and status is CandidateStatus.CHOSEN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and status is CandidateStatus.PARKED:
            return PARKED_TEXT
        if role == Qt.ItemDataRole.DecorationRole and column is Column.CANDIDATE:
            if status is CandidateStatus.CHOSEN:
                return icon("choose")
            if status is CandidateStatus.PARKED:
                return icon("park")
            return None
        if role == IdRole:
            return row.candidate.id
        if role == ItemRole:
            return row
        return None

    def _waiting_data(self, row: Awaiting, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _waiting_cell(row, column)
        if role == Qt.ItemDataRole.EditRole and column is Column.VOTES:
            return row.candidate.votes
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.candidate.name}: {row.reason}; estimate them in Candidates."
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return PARKED_TEXT
        if role == IdRole:
            return row.candidate.id
        if role == ItemRole:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == Column.VOTES and not self.session.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != Column.VOTES:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        candidate = self.row_item(index.row()).candidate
        votes = max(0, min(int(value), MOST_VOTES))
        if votes == candidate.votes:
            return False
        self.session.push(undo.set_votes(self.session, candidate.id, votes, candidate.name))
        return True

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(Part.CANDIDATES):
            return
        rows = rank_candidates(self.session.workshop.candidates)
        waiting = awaiting_estimates(self.session.workshop.candidates)
        before = self._ids()
        after = [row.candidate.id for row in rows] + [w.candidate.id for w in waiting]
        if before == after:
            self.rows, self.waiting = rows, waiting
            touched = changes.ids.get(Part.CANDIDATES)
            changed = [n for n, cid in enumerate(after) if touched is None or cid in touched]
            if changed:
                # Priorities and ranks of untouched rows stay as they were: only these moved.
                last = len(Column) - 1
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
        elif sorted(before) == sorted(after):
            self.layoutAboutToBeChanged.emit()
            moved_to = {cid: n for n, cid in enumerate(after)}
            old = self.persistentIndexList()
            self.rows, self.waiting = rows, waiting
            new = [
                self.index(moved_to[before[index.row()]], index.column())
                if index.row() < len(before)
                else QModelIndex()
                for index in old
            ]
            self.changePersistentIndexList(old, new)
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self.rows, self.waiting = rows, waiting
            self.endResetModel()
        self.reranked.emit()
