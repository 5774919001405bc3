"""Lists whose entries wrap onto as many lines as they need, never cut short with "…".

Qt's list view with word wrap asks each entry's height before it knows the width the entry
will have (the scroll bar may come or go), so some entries wrap and others are elided or
clipped. The delegate here measures every entry at the width the list has now, and the list
lays its entries out again whenever that width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

#: The stylesheet's padding of a list entry (``QListView::item``), both sides together, plus
#: the focus ring's border.
_ROOM_ACROSS = 2 * 8 + 2 * 2
_ROOM_DOWN = 2 * 5 + 2 * 2


class WrappingDelegate(QStyledItemDelegate):
    """Sizes each entry to its text wrapped at the width of the list that shows it."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        width = max(self.view.viewport().width(), 80)
        text_width = max(width - _ROOM_ACROSS, 40)
        bounds = styled.fontMetrics.boundingRect(
            QRect(0, 0, text_width, 100_000),
            int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
            styled.text,
        )
        return QSize(width, bounds.height() + _ROOM_DOWN)


class WrappingList(QListView):
    """A read-only list whose entries wrap to its width (no sideways scrolling)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(WrappingDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()
