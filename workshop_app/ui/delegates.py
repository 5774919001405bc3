"""Cell editors chosen by column kind: combo boxes for enums, ratings and people; spin boxes
for whole numbers; a checked line edit for numbers that may be left empty."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QWidget,
)

from workshop_app.domain.text import clean_typed_text
from workshop_app.domain.typed_numbers import read_number
from workshop_app.ui.combo import WordSearchCombo
from workshop_app.ui.labels import choices
from workshop_app.ui.table_model import ItemTableModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
RATING_WORDS = {1: "1 – very low", 2: "2 – low", 3: "3 – medium", 4: "4 – high", 5: "5 – very high"}


def parse_number(text: str) -> float | int | None:
    """A number typed by a person ("1,5", "1.5", "1 200"), or None for an empty field;
    ``NumberRefused`` (a ValueError) says why text is not one (``1,000`` could be a thousand
    or one: :mod:`workshop_app.domain.typed_numbers`)."""
    return read_number(text) if text.strip() else None


class NumberEdit(QLineEdit):
    """A line edit for an optional number: empty means "not set".

    Signals:
        left(): the focus left the field, whatever its text (``editingFinished`` is not
            emitted for an empty one, which the validator finds incomplete).
    """

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        validator = QtGui.QDoubleValidator(-1e12, 1e12, 6, self)  # made with the first editor
        validator.setNotation(QtGui.QDoubleValidator.Notation.StandardNotation)
        self.setValidator(validator)
        self.setPlaceholderText("not set")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def value(self) -> float | int | None:
        try:
            return parse_number(self.text())
        except ValueError:
            return None

    def problem(self) -> str | None:
        """Why the text typed is not a number (None when it is one, or empty)."""
        try:
            parse_number(self.text())
        except ValueError as exc:
            return str(exc)
        return None

    def set_value(self, value: float | None) -> None:
        if value is None:
            self.clear()
        elif isinstance(value, float) and value.is_integer():
            self.setText(str(int(value)))
        else:
            self.setText(str(value))


def fill_people(combo: QComboBox, model: ItemTableModel, target: str) -> None:
    """Fill a combo box with "—" and the names of a list's items (stakeholders…)."""
    combo.addItem("—", None)
    for item in getattr(model.session.workshop, target):
        combo.addItem(getattr(item, "name", None) or getattr(item, "title", item.id), item.id)


class FieldDelegate(QStyledItemDelegate):
    """Creates the editor a column's kind calls for and commits typed values."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, ItemTableModel)
        column = model.column(index.column())
        if column.kind == "enum" and column.enum is not None:
            combo = WordSearchCombo(parent)
            for text, member in choices(column.enum):
                combo.addItem(text, member)
            return combo
        if column.kind == "rating":
            combo = WordSearchCombo(parent)
            for value, text in RATING_WORDS.items():
                combo.addItem(text, value)
            return combo
        if column.kind == "ref":
            combo = WordSearchCombo(parent)
            fill_people(combo, model, column.target)
            return combo
        if column.kind == "int":
            spin = QSpinBox(parent)
            spin.setRange(*column.int_range(model.key))
            return spin
        if column.kind == "number":
            return NumberEdit(parent)
        return QLineEdit(parent)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """A drop-down is as wide as its longest entry, spilling over the next cells (and
        kept inside the table) when its column is narrower."""
        super().updateEditorGeometry(editor, option, index)
        if not isinstance(editor, QComboBox):
            return
        rect = editor.geometry()
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        viewport = editor.parentWidget()
        room = viewport.width() if viewport is not None else 0
        if room and rect.right() >= room:
            rect.moveRight(room - 1)
        rect.moveLeft(max(rect.left(), 0))
        editor.setGeometry(rect)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, NumberEdit):
            editor.set_value(value)
            editor.selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            editor.selectAll()  # typing replaces, as in a spreadsheet

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QSpinBox | NumberEdit):
            value = editor.value()
        elif isinstance(editor, QLineEdit):
            if not editor.isModified():
                return  # opened and left without typing: tidying the text is not asked for
            value = clean_typed_text(editor.text()).strip()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
