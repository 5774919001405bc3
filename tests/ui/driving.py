"""Helpers that drive the app's real widgets the way a facilitator does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from workshop_app.ui.forms import CheckList, EntityForm, LongTextEdit


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace a field's text by typing, then leave it with Tab (which commits it)."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    elif isinstance(widget, LongTextEdit):
        widget.selectAll()
        qtbot.keyClicks(widget, text)
        widget.editingFinished.emit()
    elif isinstance(widget, QSpinBox):
        widget.lineEdit().selectAll()
        qtbot.keyClicks(widget.lineEdit(), text)
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    else:
        raise TypeError(f"cannot type into {widget!r}")


def pick(combo: QWidget, value: Any) -> None:
    """Choose the entry whose data is ``value``, as a click in the list would."""
    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def tick(checks: QWidget, *values: Any) -> None:
    """Tick the entries whose data are ``values`` (and only those)."""
    assert isinstance(checks, CheckList)
    for row in range(checks.count()):
        entry = checks.item(row)
        wanted = entry.data(Qt.ItemDataRole.UserRole) in values
        state = Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked
        if entry.checkState() != state:
            entry.setCheckState(state)


def fill(qtbot: QtBot, form: EntityForm, **values: Any) -> None:
    """Set several fields of a form through their widgets."""
    for name, value in values.items():
        widget = form.widgets[name.replace("__", ".")]
        if isinstance(widget, CheckList):
            tick(widget, *value)
        elif isinstance(widget, QComboBox):
            pick(widget, value)
        elif isinstance(widget, QDateEdit):
            widget.setFocus()
            widget.lineEdit().selectAll()
            qtbot.keyClicks(widget.lineEdit(), value)
            widget.editingFinished.emit()
        else:
            type_into(qtbot, widget, str(value))
