"""Lists whose entries wrap onto as many lines as they need, never cut short with "…".

Qt's list view with word wrap asks each entry's height before it knows the width the entry
will have (the scroll bar may come or go), so some entries wrap and others are elided or
clipped. The delegate here measures every entry at the width the list has now, and the list
lays its entries out again whenever that width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

#: A height no entry reaches, to measure the room the style leaves around the text.
_TALL = 100_000


def wrapped_height(option: QStyleOptionViewItem, view: QAbstractItemView) -> int:
    """The height of an entry's text wrapped as the style paints it in ``option.rect``: in
    the text's part of the entry, less the margin the style keeps on each side of it."""
    style = view.style()
    text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    bounds = option.fontMetrics.boundingRect(
        QRect(0, 0, max(text.width() - 2 * margin, 20), _TALL),
        int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
        option.text,
    )
    return bounds.height()


class WrappingDelegate(QStyledItemDelegate):
    """Sizes each entry to its text wrapped at the width of the list that shows it, and lays
    the list out again when that width changes."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self._width = -1
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setUniformItemSizes(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self._width:
            self._width = self.view.viewport().width()
            self.view.scheduleDelayedItemsLayout()
        return False

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        width = max(self.view.viewport().width(), 80)
        # The room the style keeps around the text of an entry this wide (the stylesheet's
        # padding, the focus ring), and the text wrapped as the style paints it.
        styled.rect = QRect(0, 0, width, _TALL)
        text = self.view.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemText, styled, self.view
        )
        return QSize(width, wrapped_height(styled, self.view) + _TALL - text.height())


class WrappingList(QListView):
    """A read-only list whose entries wrap to its width (no sideways scrolling)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(WrappingDelegate(self))
