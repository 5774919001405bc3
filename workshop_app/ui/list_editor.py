"""A list of items with its form: the table on the left, every field of the current item on
the right, and keyboard shortcuts to add, delete and reorder without the mouse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import lookup
from workshop_app.domain.advice import Advice, split_path
from workshop_app.domain.changes import Part
from workshop_app.ui import undo
from workshop_app.ui.action_bar import ActionBar
from workshop_app.ui.delegates import FieldDelegate
from workshop_app.ui.forms import EntityForm
from workshop_app.ui.icons import icon
from workshop_app.ui.session import Session
from workshop_app.ui.shortcuts import LIST_ADD, LIST_DELETE, LIST_DOWN, LIST_SWITCH, LIST_UP
from workshop_app.ui.table_model import Column, IdRole, ItemTableModel

#: A name column keeps room for this many characters, however narrow its table.
NAME_CHARACTERS = 24
#: Room beside a header's title: the stylesheet's padding (6 px a side), its border and a
#: few pixels to spare, so that no title is cut.
_HEADER_ROOM = 18


def fit_columns(table: QTableView, widths: list[int], name_column: int | None = None) -> None:
    """Give each column at least its wanted width and room for its whole header; the
    ``name_column`` (the rows' names) takes the room the others leave, and never less than
    :data:`NAME_CHARACTERS`."""
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)  # as the stylesheet draws a header
    metrics = QFontMetrics(bold)
    model = table.model()
    table.setProperty("wantedWidths", widths)
    table.setProperty("nameColumn", -1 if name_column is None else name_column)
    if name_column is not None:
        header.setStretchLastSection(False)
    for number, wanted in enumerate(widths):
        title = str(model.headerData(number, Qt.Orientation.Horizontal) or "")
        table.setColumnWidth(number, max(wanted, metrics.horizontalAdvance(title) + _HEADER_ROOM))
    spread_names(table)


def spread_names(table: QTableView, room: int | None = None) -> None:
    """Widen a table's name column to the room the other columns leave (after a resize).

    ``room`` is the viewport's width, which a table's ``resizeEvent`` is given (Qt sends a
    scroll area the resize events of its viewport). Without it, a table not shown yet is left
    to its first resize event, which comes when it is shown: asking for its ``viewport()``
    makes PySide classify a bare QWidget, which prepares the enums of some 50 widget classes
    (10 ms before the first paint).
    """
    column = table.property("nameColumn")
    widths = table.property("wantedWidths")
    if column is None or int(column) < 0 or not widths:
        return
    if room is None:
        if not table.isVisible():
            return
        room = table.viewport().width()
    column = int(column)
    header = table.horizontalHeader()
    others = sum(
        header.sectionSize(number)
        for number in range(header.count())
        if number != column and not header.isSectionHidden(number)
    )
    floor = table.fontMetrics().averageCharWidth() * NAME_CHARACTERS + 16
    spare = room - others
    wanted = max(int(widths[column]), floor, spare)
    if header.sectionSize(column) != wanted:
        table.setColumnWidth(column, wanted)


class EntryTable(QTableView):
    """A table for fast entry: Enter commits a cell and opens the next one.

    Tab leaves the table for the next widget, as in every other field (while a cell is
    being typed in, Tab still commits it and opens the next cell); the arrows move between
    cells.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        spread_names(self, event.size().width())  # the viewport's new size

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._edit_next()
            if self.state() != QAbstractItemView.State.EditingState:
                self.show_names()
            return
        super().closeEditor(editor, hint)
        if self.state() != QAbstractItemView.State.EditingState:
            self.show_names()

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().currentChanged(current, previous)
        if current.row() != previous.row() and self.state() != QAbstractItemView.State.EditingState:
            self.show_names()

    def show_names(self) -> None:
        """Scroll back to the first column, so the rows' names show after a far cell."""
        self.horizontalScrollBar().setValue(0)

    def _edit_next(self) -> None:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        for column in range(current.column() + 1, model.columnCount()):
            following = model.index(current.row(), column)
            if model.flags(following) & Qt.ItemFlag.ItemIsEditable:
                self.setCurrentIndex(following)
                self.edit(following)
                return


class ListEditor(QWidget):
    """One list of the workshop: a table, the current item's form, and its actions.

    Signals:
        currentChanged(object): the id of the current item, or None.
    """

    currentChanged = Signal(object)

    def __init__(
        self,
        session: Session,
        key: Part | str,
        columns: list[Column],
        form_fields: list[Column],
        make_item: Callable[[], Any],
        noun: str,
        empty_hint: str,
        parent: QWidget | None = None,
        *,
        watch: frozenset[Part] = frozenset(),
        keep: Callable[[Any], bool] | None = None,
        form_width: int = 360,
    ) -> None:
        super().__init__(parent)
        self.session, self.key, self.noun = session, Part(key), noun
        self.make_item = make_item
        self.model = ItemTableModel(session, key, columns, watch, self, keep=keep)
        # Each part is made inside the holder it stays in: moving a part later makes Qt take
        # the stylesheet's rules through all of it again (about 4% of the app's start). The
        # order they are made in is the order Tab visits them: the table, the form's fields,
        # the empty list's hint, the buttons, then the form's scroll area.
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        holder = QWidget(left)
        self.table = EntryTable(holder)
        self.table.setObjectName(f"{key}Table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(FieldDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        names = 0 if columns[0].kind in ("text", "long") and columns[0].width >= 150 else None
        fit_columns(self.table, [column.width for column in columns], names)
        self.form = EntityForm(session, key, form_fields, self)

        self.empty = QLabel(empty_hint, holder)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        # Tab stops on an empty list too: Ctrl+Enter there adds its first row.
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # Its keys belong to the stage page, which adds to the list with the focus, or its first.
        self.add_action = self._action(
            f"Add {noun}", "add", self.add_item, LIST_ADD.sequences(), bind=False
        )
        self.remove_action = self._action(
            f"Delete {noun}",
            "remove",
            self.remove_current,
            LIST_DELETE.sequences(),
            on_table=True,
        )
        self.up_action = self._action(
            "Move up", "up", lambda: self.move_current(-1), LIST_UP.sequences()
        )
        self.down_action = self._action(
            "Move down", "down", lambda: self.move_current(1), LIST_DOWN.sequences()
        )
        self.switch_action = QAction("Switch between the list and the fields", self)
        self.switch_action.setShortcuts(LIST_SWITCH.sequences())
        self.switch_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.switch_action.triggered.connect(self.switch_focus)
        self.addAction(self.switch_action)

        bar = ActionBar(left)
        for action, short in (
            (self.add_action, "Add"),
            (self.remove_action, "Delete"),
            (self.up_action, "Up"),
            (self.down_action, "Down"),
        ):
            bar.add_action(action, short)
        self.bar = bar

        self._stack = QStackedLayout(holder)
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(bar)
        left_layout.addWidget(holder, 1)

        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(form_width)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        # The table, where the room reads the names, takes the larger share of any width.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._kept_id: str | None = None  # the current item, kept across model resets
        self.model.modelReset.connect(self._restore)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current)
        self._update_state()

    def _action(
        self,
        text: str,
        icon_name: str,
        slot: Callable[[], None],
        keys: list[QKeySequence],
        on_table: bool = False,
        bind: bool = True,
    ) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if bind:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        (self.table if on_table else self).addAction(action)
        return action

    # ------------------------------------------------------------------ current item
    def current_id(self) -> str | None:
        """The id of the current item (None when there is none)."""
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select_id(self, item_id: str | None, column: int = 0) -> None:
        row = self.model.row_of(item_id) if item_id is not None else -1
        if row < 0:
            self.table.clearSelection()
            self._on_current(QModelIndex(), QModelIndex())
            return
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(IdRole) if current.isValid() else None
        self._kept_id = item_id
        if item_id != self.form.item_id:
            self.form.set_item(item_id)
        self._update_state()
        self.currentChanged.emit(item_id)

    def _restore(self) -> None:
        self._update_state()
        if self._kept_id and self.model.row_of(self._kept_id) >= 0:
            self.select_id(self._kept_id)
        else:
            self.form.set_item(None)
            self.currentChanged.emit(None)

    def _update_state(self) -> None:
        has_rows = self.model.rowCount() > 0
        self._stack.setCurrentIndex(0 if has_rows else 1)
        current = self.current_id()
        writable = not self.session.read_only
        self.add_action.setEnabled(writable)
        self.remove_action.setEnabled(writable and current is not None)
        row = self.model.row_of(current) if current is not None else -1
        self.up_action.setEnabled(writable and row > 0)
        self.down_action.setEnabled(writable and 0 <= row < self.model.rowCount() - 1)

    # ------------------------------------------------------------------ actions
    def add_item(self) -> None:
        """Add a new item after the current one and start typing in its first cell."""
        item = self.make_item()
        current = self.current_id()
        index = lookup.index_of(self.session.workshop, self.key, current) + 1 if current else None
        self.session.push(undo.add_item(self.session, self.key, item, index, f"Add {self.noun}"))
        new_id = self.model.item_id(item)
        self.select_id(new_id)
        self.table.setFocus()
        first = self.model.index(self.model.row_of(new_id), 0)
        self.table.setCurrentIndex(first)
        self.table.edit(first)

    def remove_current(self) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        row = self.model.row_of(item_id)
        self.session.push(undo.remove_item(self.session, self.key, item_id, f"Delete {self.noun}"))
        count = self.model.rowCount()
        if count:
            following = self.model.index(min(row, count - 1), 0)
            self.select_id(following.data(IdRole))

    def move_current(self, step: int) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        row = self.model.row_of(item_id)
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        neighbour = self.model.item_id(self.model.item(target))
        place = lookup.index_of(self.session.workshop, self.key, neighbour)
        self.session.push(undo.move_item(self.session, self.key, item_id, place))
        self.select_id(item_id)

    def switch_focus(self) -> None:
        """F6: from the list to the current item's first field, and back."""
        focus = QApplication.focusWidget()
        if (focus is not None and self.form.isAncestorOf(focus)) or not self.form.isEnabled():
            self.table.setFocus()
            return
        first = self.form.widgets[self.form.fields[0].field]
        first.setFocus()

    def add_tool(self, widget: QWidget) -> None:
        """Put another button in the list's toolbar, after its own."""
        self.bar.add_widget(widget)

    def next_id(self) -> str:
        return lookup.next_id(self.session.workshop, self.key)

    def show_problems(self, advice: list[Advice]) -> None:
        """Mark cells and form fields that the stage's advice names."""
        everything = getattr(self.session.workshop, self.key)
        marked = problems_for(advice, self.key, everything)
        self.model.set_invalid(marked)
        current = self.current_id()
        self.form.set_invalid(
            {field: message for (item_id, field), message in marked.items() if item_id == current}
        )


def problems_for(advice: list[Advice], key: str, items: list[Any]) -> dict[tuple[str, str], str]:
    """(item id, field) → message for the advice that names a field of list ``key``."""
    marked: dict[tuple[str, str], str] = {}
    for entry in advice:
        list_key, index, field = split_path(entry.path)
        if list_key == key and index is not None and field and index < len(items):
            marked.setdefault(
                (str(getattr(items[index], "id", None) or f"#{index}"), field), entry.message
            )
    return marked
