"""A form for every field of one item, built from the same column descriptions as the tables.

Each widget commits its own field as an undo command when editing finishes (Enter, Tab or
leaving the field); a value the rules refuse is not stored and the reason is shown on the
field. Long text fields take Tab to move on, like every other field.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from workshop_app.domain import lookup
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.text import clean_typed_text
from workshop_app.domain.validation import field_problem
from workshop_app.ui.combo import WordSearchCombo
from workshop_app.ui.date_field import DateField
from workshop_app.ui.delegates import RATING_WORDS, NumberEdit
from workshop_app.ui.labels import choices
from workshop_app.ui.look import restyle
from workshop_app.ui.session import Session
from workshop_app.ui.table_model import Column
from workshop_app.ui.undo import SetValue

#: Numbers for runs of arrow-key steps, unique across every form.
_RUNS = itertools.count(1)


def _show_start(line: QLineEdit, text: str) -> None:
    """Put text in a line edit showing its beginning (not its end) when it is long."""
    line.setText(text)
    line.setCursorPosition(0)


class LongTextEdit(QPlainTextEdit):
    """A paragraph field: Tab moves on, leaving the field commits it.

    Signals:
        editingFinished(): focus left the field.
    """

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(64)
        self.setMaximumHeight(120)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.editingFinished.emit()
        super().focusOutEvent(event)


class CheckList(QListWidget):
    """Pick several values (symptoms, linked problems, people) by ticking them.

    Space (or Enter) ticks the current entry and the place is kept: filling the list again
    after a tick was stored changes only the ticks when the entries are the same, so Down goes
    on from where the facilitator was. The first entry becomes current when the list gets the
    focus with none current, so the first Space ticks what the focus frame shows.

    Signals:
        toggled(): a tick was set or cleared by the user.
    """

    toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(132)
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)

    def options(self) -> list[tuple[str, Any]]:
        role = Qt.ItemDataRole.UserRole
        return [(self.item(row).text(), self.item(row).data(role)) for row in range(self.count())]

    def set_options(self, options: list[tuple[str, Any]], checked: list[Any]) -> None:
        self._filling = True
        try:
            if options != self.options():
                current = self.currentItem()
                kept = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
                self.clear()
                for text, value in options:
                    entry = QListWidgetItem(text, self)
                    entry.setData(Qt.ItemDataRole.UserRole, value)
                    entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    entry.setCheckState(Qt.CheckState.Unchecked)
                    if current is not None and value == kept:
                        self.setCurrentItem(entry)
            for row in range(self.count()):
                entry = self.item(row)
                ticked = entry.data(Qt.ItemDataRole.UserRole) in checked
                state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                if entry.checkState() != state:
                    entry.setCheckState(state)
        finally:
            self._filling = False

    def values(self) -> list[Any]:
        return [
            self.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.currentItem() is None and self.count():
            self.setCurrentRow(0)
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.currentItem()
            if current is not None:
                current.setCheckState(
                    Qt.CheckState.Unchecked
                    if current.checkState() == Qt.CheckState.Checked
                    else Qt.CheckState.Checked
                )
                return
        super().keyPressEvent(event)

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.toggled.emit()


class EntityForm(QWidget):
    """Every field of one item of ``key`` (or of the workshop / adoption plan)."""

    def __init__(
        self,
        session: Session,
        key: str,
        fields: list[Column],
        parent: QWidget | None = None,
        *,
        singleton: bool = False,
        columns: int = 1,
    ) -> None:
        super().__init__(parent)
        self.session, self.key, self.fields = session, Part(key), fields
        self.item_id: str | None = None
        self.singleton = singleton
        self.widgets: dict[str, QWidget] = {}
        self._readers: dict[str, Callable[[], Any]] = {}
        #: Why what is typed in a field cannot be read (a number that could mean two).
        self._refusals: dict[str, Callable[[], str | None]] = {}
        self._writers: dict[str, Callable[[Any], None]] = {}
        #: Whether a text field was typed into since it was loaded: leaving one that was not
        #: stores nothing, so a value another program wrote (surrounding spaces) stays as it is
        #: until the facilitator edits it.
        self._typed: dict[str, Callable[[], bool]] = {}
        self._loading = False
        # Steps made with the arrows while one field keeps the focus are one undo step.
        self._run = next(_RUNS)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._new_run)
        grid = QGridLayout(self)
        self.grid = grid
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        top = Qt.AlignmentFlag.AlignTop
        for number, column in enumerate(fields):
            widget = self._make_widget(column)
            widget.setObjectName(f"field_{column.field.replace('.', '_')}")
            self.widgets[column.field] = widget
            title = QLabel(column.title, self)
            title.setObjectName("fieldLabel")
            title.setBuddy(widget)
            row, pair = divmod(number, columns)
            grid.addWidget(
                title, row, pair * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            )
            # A one-line field keeps to the top of its row, beside its label, when the field
            # next to it (a paragraph, a tick list) makes the row tall.
            tall = isinstance(widget, LongTextEdit | CheckList)
            grid.addWidget(widget, row, pair * 2 + 1, Qt.AlignmentFlag(0) if tall else top)
            grid.setColumnStretch(pair * 2 + 1, 1)
        grid.setRowStretch(grid.rowCount(), 1)
        session.changed.connect(self._on_changed)
        self.setEnabled(singleton)
        if singleton:
            self.load()

    # ------------------------------------------------------------------ building
    def _make_widget(self, column: Column) -> QWidget:
        name = column.field
        if column.kind == "long":
            long_edit = LongTextEdit(self)
            long_edit.setPlaceholderText(column.extra.get("placeholder", ""))
            long_edit.editingFinished.connect(lambda: self._commit_typed(name))
            self._readers[name] = lambda: clean_typed_text(long_edit.toPlainText()).strip()
            # Asked when it is needed: a document's Python type waits for the first edit.
            self._typed[name] = lambda: long_edit.document().isModified()
            self._writers[name] = lambda v: long_edit.setPlainText(v or "")
            return long_edit
        if column.kind in ("enum", "rating", "ref"):
            combo = WordSearchCombo(self)
            combo.activated.connect(lambda _i: self._commit(name, stepped=True))
            self._readers[name] = combo.currentData
            self._writers[name] = lambda v: self._set_combo(column, combo, v)
            return combo
        if column.kind == "int":
            spin = QSpinBox(self)
            spin.setRange(*column.int_range(self.key))
            spin.editingFinished.connect(lambda: self._commit(name))
            spin.valueChanged.connect(lambda _v: self._commit_if_stepped(name, spin))
            self._readers[name] = spin.value
            self._writers[name] = lambda v: spin.setValue(int(v or 0))
            return spin
        if column.kind == "date":
            date = DateField(self)
            date.editingFinished.connect(lambda: self._commit(name))
            date.stepped.connect(lambda: self._commit(name, stepped=True))
            self._readers[name] = date.text_value
            self._writers[name] = date.set_date
            return date
        if column.kind == "number":
            number = NumberEdit(self)
            number.editingFinished.connect(lambda: self._commit(name))
            if column.extra.get("keeps_value"):  # emptied and left: the value comes back
                number.left.connect(lambda: self._commit(name))
            self._readers[name] = number.value
            self._refusals[name] = number.problem
            self._writers[name] = lambda v: self._show_number(column, number, v)
            return number
        if column.kind in ("refs", "enums"):
            checks = CheckList(self)
            checks.toggled.connect(lambda: self._commit(name))
            self._readers[name] = checks.values
            self._writers[name] = lambda v: checks.set_options(self._options(column), list(v))
            return checks
        line = QLineEdit(self)
        line.setPlaceholderText(column.extra.get("placeholder", ""))
        line.editingFinished.connect(lambda: self._commit_typed(name))
        line.returnPressed.connect(line.focusNextChild)
        self._readers[name] = lambda: clean_typed_text(line.text()).strip()
        self._typed[name] = line.isModified
        self._writers[name] = lambda v: _show_start(line, "" if v is None else str(v))
        return line

    def add_note(self, widget: QWidget) -> None:
        """Put a full-width note (a hint, a warning) above the form's fields."""
        self.grid.addWidget(widget, self.grid.rowCount(), 0, 1, self.grid.columnCount())

    def _options(self, column: Column) -> list[tuple[str, Any]]:
        if column.kind == "enums" and column.enum is not None:
            return choices(column.enum)
        items = getattr(self.session.workshop, column.target)
        return [(getattr(i, "name", None) or getattr(i, "title", i.id), i.id) for i in items]

    def _empty_hint(self, column: Column, default: str) -> str:
        """What an empty field says: the column's hint for the current item (a typical range),
        else ``default``."""
        hint = column.extra.get("empty_hint")
        words = hint(self._current()) if callable(hint) else ""
        return str(words or default)

    def _show_number(self, column: Column, number: NumberEdit, value: Any) -> None:
        number.set_value(value)
        number.setPlaceholderText(self._empty_hint(column, "not set"))

    def _set_combo(self, column: Column, combo: QComboBox, value: Any) -> None:
        combo.clear()
        if column.kind == "enum" and column.enum is not None:
            for text, member in choices(column.enum):
                combo.addItem(text, member)
        elif column.kind == "rating":
            for number, text in RATING_WORDS.items():
                combo.addItem(text, number)
            # A rating not given yet (a fact awaiting estimates) selects nothing.
            combo.setPlaceholderText(self._empty_hint(column, "not estimated"))
            combo.setCurrentIndex(combo.findData(value) if value is not None else -1)
            return
        else:
            for text, item_id in [("—", None), *self._options(column)]:
                combo.addItem(text, item_id)
        combo.setCurrentIndex(max(combo.findData(value), 0))

    # ------------------------------------------------------------------ binding
    def set_item(self, item_id: str | None) -> None:
        """Show the fields of another item (None: an empty, disabled form)."""
        self.item_id = item_id
        self.setEnabled(item_id is not None and not self.session.read_only)
        self.load()

    def _current(self) -> Any:
        try:
            return lookup.find(self.session.workshop, self.key, self.item_id)
        except KeyError:
            return None

    def load(self) -> None:
        """Put the item's current values into the widgets."""
        item = self._current() if (self.singleton or self.item_id) else None
        self._loading = True
        try:
            for column in self.fields:
                value = None
                if item is not None:
                    value = lookup.get_value(
                        self.session.workshop, self.key, self.item_id, column.field
                    )
                elif column.kind in ("refs", "enums"):
                    value = []
                self._writers[column.field](value)
        finally:
            self._loading = False

    def _new_run(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._run = next(_RUNS)

    def _commit_if_stepped(self, name: str, spin: QSpinBox) -> None:
        if not spin.hasFocus():  # wheel or step buttons; typed values commit on leaving
            self._commit(name)

    def _commit_typed(self, name: str) -> None:
        """Leaving a text field stores it only when it was typed into: tidying the text (its
        surrounding spaces, a control character) is an edit the facilitator makes."""
        if self._typed[name]():
            self._commit(name)

    def _commit(self, name: str, stepped: bool = False) -> None:
        if self._loading or (self.item_id is None and not self.singleton):
            return
        column = next(c for c in self.fields if c.field == name)
        refused = self._refusals.get(name, lambda: None)()
        if refused:
            self.mark(name, f"{column.title}: {refused}. The value was not saved.")
            return
        value = self._readers[name]()
        current = lookup.get_value(self.session.workshop, self.key, self.item_id, name)
        if value == current or (isinstance(current, list) and list(value) == current):
            self.mark(name, None)
            return
        if value is None and column.extra.get("keeps_value"):
            # An estimated fact is not emptied again from the form: the value comes back.
            self._writers[name](current)
            self.mark(name, f"{column.title}: type the new value; it cannot be emptied again.")
            return
        problem = field_problem(self.session.workshop, self.key, name, value)
        if problem:
            self.mark(name, f"{column.title}: {problem}. The value was not saved.")
            return
        self.mark(name, None)
        self.session.push(
            SetValue(
                self.session,
                self.key,
                self.item_id,
                name,
                value,
                f"Edit {column.title.lower()}",
                merge=self._run if stepped else 0,
            )
        )

    def mark(self, name: str, problem: str | None) -> None:
        """Show (or clear) a rule the field breaks, on the field itself."""
        widget = self.widgets[name]
        widget.setProperty("invalid", problem is not None)
        widget.setToolTip(problem or "")
        restyle(widget)

    def set_invalid(self, problems: dict[str, str]) -> None:
        """Mark every field named in ``problems`` (field → message), clear the others."""
        for name in self.widgets:
            self.mark(name, problems.get(name))

    def _on_changed(self, changes: Changes) -> None:
        watched = {self.key} | {Part(c.target) for c in self.fields if c.target}
        if changes.touches(*watched):
            self.load()
