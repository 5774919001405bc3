"""The Follow-through stage's two lists as item models over the domain: the chosen workflow's
metrics with their verdicts, and the check-in meetings with their state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from workshop_app.domain.checkins import Meeting, MeetingState, meetings
from workshop_app.domain.progress import MetricProgress, Verdict, metric_progress
from workshop_app.ui.session import Session
from workshop_app.ui.table_model import IdRole, ItemRole

Index = QModelIndex | QPersistentModelIndex

BADGE = {
    Verdict.ON_TRACK: "ON TRACK",
    Verdict.AT_RISK: "AT RISK",
    Verdict.OFF_TRACK: "OFF TRACK",
    Verdict.NO_DATA: "NO DATA YET",
}
MEETING_STATE = {
    MeetingState.DONE: "done",
    MeetingState.DUE: "DUE TODAY",
    MeetingState.OVERDUE: "OVERDUE",
    MeetingState.UPCOMING: "upcoming",
}


class _ListModel(QAbstractListModel):
    """A read-only list of rows computed from the workshop, computed again on :meth:`refresh`."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Any] = self._compute()

    def _compute(self) -> list[Any]:
        raise NotImplementedError

    def _text(self, row: Any) -> str:
        raise NotImplementedError

    def _id(self, row: Any) -> Any:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == IdRole:
            return self._id(row)
        if role == ItemRole:
            return row
        return None

    def _tooltip(self, row: Any) -> str | None:
        del row
        return None

    def row_of(self, key: Any) -> int:
        return next((n for n, row in enumerate(self.rows) if self._id(row) == key), -1)

    def refresh(self) -> None:
        """Compute the rows again; a change of rows resets the model, else only text changes."""
        rows = self._compute()
        if [self._id(row) for row in rows] != [self._id(row) for row in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
        elif rows != self.rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))


class MetricVerdicts(_ListModel):
    """The metrics of the chosen workflow, each with its verdict; empty while none is chosen."""

    def _compute(self) -> list[MetricProgress]:
        workshop = self.session.workshop
        chosen = workshop.chosen
        if len(chosen) != 1:
            return []
        return [metric_progress(workshop, metric) for metric in workshop.metrics_of(chosen[0].id)]

    def _text(self, row: MetricProgress) -> str:
        return f"{BADGE[row.verdict]} · {row.metric.name}"

    def _tooltip(self, row: MetricProgress) -> str:
        return row.explanation

    def _id(self, row: MetricProgress) -> str:
        return row.metric.id


class Meetings(_ListModel):
    """The check-in meetings in date order, each done, due today, overdue or upcoming."""

    def __init__(self, session: Session, today: dt.date, parent: QObject | None = None) -> None:
        self.today = today
        super().__init__(session, parent)

    def _compute(self) -> list[Meeting]:
        return meetings(self.session.workshop, self.today)

    def _text(self, row: Meeting) -> str:
        day = QDate(row.date).toString("ddd d MMM yyyy")
        return f"Day {row.day} · {day} · {MEETING_STATE[row.state]}"

    def _id(self, row: Meeting) -> int:
        return row.day
