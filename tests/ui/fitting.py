"""What a window cuts off: every visible label, button, check box, header section, tab and
stage whose text needs more room than it has, and table name columns too narrow to read.

Used by tests/ui/test_layout_fits.py; each finding is one line naming the widget and its text.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

from workshop_app.ui.navigator import StageNavigator
from workshop_app.ui.rank_model import Column, RankModel
from workshop_app.ui.table_model import ItemTableModel

#: A name column shows at least this many characters of a name (or the whole name).
NAME_CHARACTERS = 20
#: Room a cell keeps for its padding and focus frame around the text.
CELL_PADDING = 16


def describe(widget: QWidget) -> str:
    """The widget's class, object name and the nearest named ancestor, for a failure line."""
    name = widget.objectName()
    owner = widget.parentWidget()
    while owner is not None and not owner.objectName():
        owner = owner.parentWidget()
    where = f" in #{owner.objectName()}" if owner is not None else ""
    return f"{type(widget).__name__}{f' #{name}' if name else ''}{where}"


def shown_rect(widget: QWidget) -> QRect:
    """The part of ``widget`` its ancestors (scroll areas, splitters, the window) let show, in
    the window's coordinates."""
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _plain_lines(label: QLabel) -> list[str]:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text.replace("&&", "&").split("\n")


def _label(label: QLabel, shown: QRect) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    frame = label.width() - label.contentsRect().width() + 2 * label.margin()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 2:
            return f"needs {needed} px of height, has {label.height()}"
        return None
    needed = max(label.fontMetrics().horizontalAdvance(line) for line in _plain_lines(label))
    room = min(label.width(), shown.width()) - frame
    return f"needs {needed} px, has {room}" if needed > room + 1 else None


def _push_button(button: QPushButton, shown: QRect) -> str | None:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    contents = button.style().subElementRect(
        QStyle.SubElement.SE_PushButtonContents, option, button
    )
    needed = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    room = contents.width() - max(0, button.width() - shown.width())
    return f"needs {needed} px, has {room}" if needed > room + 1 else None


def _sized_button(button: QAbstractButton, shown: QRect) -> str | None:
    """Tool buttons, check boxes and radio buttons: their size hint is text, icon and margins."""
    if isinstance(button, QToolButton) and (
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    ):
        return None
    needed = button.sizeHint().width()
    room = min(button.width(), shown.width())
    return f"needs {needed} px, has {room}" if needed > room + 1 else None


def _header(header: QHeaderView) -> list[str]:
    found = []
    model = header.model()
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        needed = header.sectionSizeFromContents(section).width()
        room = header.sectionSize(section)
        if needed > room + 1:
            title = model.headerData(section, header.orientation())
            found.append(f"header {title!r}: needs {needed} px, has {room}")
    return found


def _tabs(bar: QTabBar) -> list[str]:
    return [
        f"tab {bar.tabText(tab)!r}: needs {bar.tabSizeHint(tab).width()} px, "
        f"has {bar.tabRect(tab).width()}"
        for tab in range(bar.count())
        if bar.isTabVisible(tab) and bar.tabRect(tab).width() + 1 < bar.tabSizeHint(tab).width()
    ]


def _navigator(navigator: StageNavigator) -> list[str]:
    found = []
    option = QStyleOptionViewItem()
    navigator.initViewItemOption(option)
    delegate = navigator.itemDelegate()
    for row in range(navigator.count()):
        item = navigator.item(row)
        index = navigator.indexFromItem(item)
        needed = delegate.sizeHint(option, index).width()
        room = navigator.visualItemRect(item).width()
        if needed > room + 1:
            found.append(f"stage {item.text()!r}: needs {needed} px, has {room}")
    return found


def name_column(table: QTableView) -> int | None:
    """The column that holds the rows' names (None for a table without one)."""
    model = table.model()
    if isinstance(model, RankModel):
        return int(Column.CANDIDATE)
    if isinstance(model, ItemTableModel) and model.columns[0].kind in ("text", "long"):
        return 0
    return None


def _names(table: QTableView) -> str | None:
    column = name_column(table)
    model = table.model()
    if column is None or model.rowCount() == 0:
        return None
    names = [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
    longest = max(names, key=len)
    metrics = table.fontMetrics()
    needed = metrics.horizontalAdvance(longest[:NAME_CHARACTERS]) + CELL_PADDING
    left = table.columnViewportPosition(column)
    shown = min(left + table.columnWidth(column), table.viewport().width()) - max(left, 0)
    if needed > shown + 1:
        return f"names show {shown} px, need {needed} for {longest[:NAME_CHARACTERS]!r}"
    return None


def cut_off(window: QWidget) -> list[str]:
    """One line for each piece of text in ``window`` that has less room than it needs."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        shown = shown_rect(widget)
        if shown.isEmpty():
            continue  # scrolled out of sight, not cut
        problem: str | None = None
        text = ""
        if isinstance(widget, QLabel):
            problem, text = _label(widget, shown), widget.text()
        elif isinstance(widget, QPushButton):
            problem, text = _push_button(widget, shown), widget.text()
        elif isinstance(widget, QToolButton | QCheckBox | QRadioButton) and widget.text():
            problem, text = _sized_button(widget, shown), widget.text()
        elif isinstance(widget, QHeaderView):
            found += [f"{describe(widget)}: {line}" for line in _header(widget)]
        elif isinstance(widget, QTabBar):
            found += [f"{describe(widget)}: {line}" for line in _tabs(widget)]
        elif isinstance(widget, StageNavigator):
            found += [f"{describe(widget)}: {line}" for line in _navigator(widget)]
        if isinstance(widget, QTableView):
            names = _names(widget)
            if names:
                found.append(f"{describe(widget)}: {names}")
        if problem:
            short = " ".join(text.split())[:70]
            found.append(f"{describe(widget)} {short!r}: {problem}")
    return found
