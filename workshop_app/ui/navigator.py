"""The stage navigator: each stage with its state (empty, in progress, complete) and the
number of open advice items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate, QWidget

from workshop_app.domain.stage import Progress, Stage
from workshop_app.palette import PALETTE
from workshop_app.ui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from workshop_app.domain.stages import StageReport

CountRole = Qt.ItemDataRole.UserRole + 10
StageRole = Qt.ItemDataRole.UserRole + 11
ProgressRole = Qt.ItemDataRole.UserRole + 12
BADGE, BADGE_TEXT = QColor(PALETTE.warning), QColor(PALETTE.text_on_accent)
_STATUS_ICON = {
    Progress.EMPTY: "status-empty",
    Progress.IN_PROGRESS: "status-progress",
    Progress.COMPLETE: "status-complete",
}


class _BadgeDelegate(QStyledItemDelegate):
    """Draws the item as usual, then a small count badge on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(CountRole) or 0
        if not count:
            return
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        text = str(count)
        metrics = painter.fontMetrics()
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 12)
        rect = QRect(
            option.rect.right() - width - 10, option.rect.center().y() - height // 2, width, height
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(BADGE_TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 36, max(size.height(), option.fontMetrics.height() * 2 + 8))


class StageNavigator(QListWidget):
    """The list of stages on the left of the main window.

    Signals:
        painted(): the stages were painted (each time the list paints them).
    """

    painted = Signal()

    def __init__(self, stages: list[Stage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageNavigator")
        # The badges' delegate comes with the first reports, after the first paint. Until then
        # Qt alone paints and sizes the items, alike (rows of two lines' height), without
        # asking Python: each call would make PySide prepare the style option's types first.
        self.setIconSize(QSize(18, 18))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stages = stages
        for number, stage in enumerate(stages, start=1):
            entry = QListWidgetItem(icon("status-empty"), f"{number}  {stage.value}", self)
            entry.setData(StageRole, stage)
            entry.setToolTip(f"{stage.value} (Ctrl+{number})")
        self._fit_width()

    def show_reports(self, reports: dict[Stage, StageReport]) -> None:
        if not isinstance(self.itemDelegate(), _BadgeDelegate):
            self.setItemDelegate(_BadgeDelegate(self))
        for row, stage in enumerate(self.stages):
            report = reports.get(stage)
            if report is None:
                continue
            entry = self.item(row)
            entry.setIcon(icon(_STATUS_ICON[report.progress]))
            entry.setData(CountRole, len(report.advice))
            entry.setData(ProgressRole, str(report.progress))
            advice = f", {len(report.advice)} advice" if report.advice else ""
            entry.setToolTip(f"{stage.value}: {report.progress}{advice} (Ctrl+{row + 1})")

    def viewportEvent(self, event: QEvent) -> bool:
        # Watched here, not by a filter on viewport(): wrapping the viewport for Python makes
        # PySide prepare the enums of every widget class, before the window's first paint.
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Paint:
            self.painted.emit()
        return handled

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()
        super().changeEvent(event)

    def _fit_width(self) -> None:
        widest = max(
            self.fontMetrics().horizontalAdvance(self.item(row).text())
            for row in range(self.count())
        )
        self.setFixedWidth(widest + 96)

    def progress_of(self, stage: Stage) -> str:
        return str(self.item(self.stages.index(stage)).data(ProgressRole) or "")

    def count_of(self, stage: Stage) -> int:
        return int(self.item(self.stages.index(stage)).data(CountRole) or 0)
