"""Helpers that fill a form from the keyboard, the way a facilitator does.

Every key goes to the widget that has the keyboard focus. The focus gets into a form as a
facilitator's would: F6 from its list (clicking the current row first if the focus is
elsewhere), or a click on the stage in the navigator and Tab into the page. From there only
Tab and Shift+Tab move it, and a field commits when the focus leaves it; so a helper fails when
a field cannot be reached, typed into or left with the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workshop_app.ui.forms import CheckList, EntityForm, LongTextEdit
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import Settings

#: More presses than any form needs to reach a field (a date takes one Tab per part).
MOST_PRESSES = 60

TAB, BACKTAB = Qt.Key.Key_Tab, Qt.Key.Key_Backtab
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """One key to the focused widget; then let the app react before the next key."""
    qtbot.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def select_all(qtbot: QtBot) -> None:
    combination = QKeySequence(QKeySequence.StandardKey.SelectAll)[0]
    press(qtbot, combination.key(), combination.keyboardModifiers())


def holds_focus(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def _fields_in_order(form: EntityForm) -> list[QWidget]:
    return [form.widgets[column.field] for column in form.fields]


def _field_with_focus(form: EntityForm) -> QWidget | None:
    return next((w for w in _fields_in_order(form) if holds_focus(w)), None)


def _click(qtbot: QtBot, viewport: QWidget, pos: QPoint) -> None:
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    QApplication.processEvents()


def enter(qtbot: QtBot, form: EntityForm) -> None:
    """Bring the focus into ``form``: F6 from its list, or Tab from the stage navigator."""
    window = form.window()
    if QApplication.activeWindow() is not window:  # a dialog just closed: the desktop's part
        window.activateWindow()
        qtbot.waitActive(window)
    if holds_focus(form):
        return
    editor = form.parentWidget()
    while editor is not None and not isinstance(editor, ListEditor):
        editor = editor.parentWidget()
    if editor is not None:
        if not holds_focus(editor):  # click the current row, as a facilitator would
            table = editor.table
            _click(qtbot, table.viewport(), table.visualRect(table.currentIndex()).center())
        press(qtbot, Qt.Key.Key_F6)
    else:
        navigator = window.navigator  # type: ignore[attr-defined]
        _click(
            qtbot, navigator.viewport(), navigator.visualItemRect(navigator.currentItem()).center()
        )
        for _ in range(MOST_PRESSES):
            if holds_focus(form):
                break
            press(qtbot, TAB)
    assert holds_focus(form), f"the keyboard does not reach {form.key}'s fields"


def reach(qtbot: QtBot, form: EntityForm, widget: QWidget) -> None:
    """Tab (or Shift+Tab) through ``form`` until ``widget`` has the focus."""
    enter(qtbot, form)
    order = _fields_in_order(form)
    start = _field_with_focus(form)
    forward = start is None or order.index(widget) >= order.index(start)
    for _ in range(MOST_PRESSES):
        if holds_focus(widget):
            return
        press(qtbot, TAB if forward else BACKTAB)
        assert holds_focus(form), f"{'Tab' if forward else 'Shift+Tab'} left the form early"
    raise AssertionError(f"Tab never reaches {widget.objectName()}")


def leave(qtbot: QtBot, form: EntityForm, widget: QWidget) -> None:
    """Move on with Tab, which commits the field; from the last field, back with Shift+Tab."""
    reachable = [w for w in _fields_in_order(form) if w.isVisible() and w.isEnabled()]
    key = BACKTAB if widget is reachable[-1] else TAB
    for _ in range(MOST_PRESSES):
        if not holds_focus(widget):
            return
        press(qtbot, key)
    raise AssertionError(f"the keyboard cannot leave {widget.objectName()}")


def type_into(qtbot: QtBot, form: EntityForm, widget: QWidget, text: str) -> None:
    """Replace a field's text by typing, then leave it with Tab (which commits it)."""
    if not isinstance(widget, QLineEdit | LongTextEdit | QAbstractSpinBox):
        raise TypeError(f"cannot type into {widget!r}")
    reach(qtbot, form, widget)
    if isinstance(widget, QDateTimeEdit):
        # Shift+Tab back to the first part, then the digits: each part moves on when full.
        while widget.currentSectionIndex() > 0:
            press(qtbot, BACKTAB)
        text = "".join(filter(str.isdigit, text))
    else:
        select_all(qtbot)
    qtbot.keyClicks(focused(), text)
    leave(qtbot, form, widget)


def pick(qtbot: QtBot, form: EntityForm, combo: QComboBox, value: Any) -> None:
    """Choose the entry whose data is ``value`` with the arrow keys, then move on."""
    wanted = combo.findData(value)
    assert wanted >= 0, f"{value!r} is not offered"
    reach(qtbot, form, combo)
    for _ in range(combo.count()):
        if combo.currentIndex() == wanted:
            break
        press(qtbot, Qt.Key.Key_Down if combo.currentIndex() < wanted else Qt.Key.Key_Up)
    assert combo.currentData() == value, f"the arrow keys do not reach {value!r}"
    leave(qtbot, form, combo)


def tick(qtbot: QtBot, form: EntityForm, checks: CheckList, *values: Any) -> None:
    """Tick the entries whose data are ``values`` (and only those) with the arrows and Space.

    Each tick is stored at once and the list is filled again, which loses the current entry;
    so every change starts again from the top (Home), as it would for someone at the keyboard.
    """
    reach(qtbot, form, checks)
    for row in range(checks.count()):
        wanted = checks.item(row).data(Qt.ItemDataRole.UserRole) in values
        state = Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked
        if checks.item(row).checkState() == state:
            continue
        press(qtbot, Qt.Key.Key_Home)
        for _ in range(row):
            press(qtbot, Qt.Key.Key_Down)
        assert checks.currentRow() == row
        press(qtbot, Qt.Key.Key_Space)
        assert checks.item(row).checkState() == state
    assert sorted(map(str, checks.values())) == sorted(map(str, values))
    leave(qtbot, form, checks)


def fill(qtbot: QtBot, form: EntityForm, **values: Any) -> None:
    """Set several fields of a form from the keyboard (``frequency__count`` names
    ``frequency.count``)."""
    for name, value in values.items():
        widget = form.widgets[name.replace("__", ".")]
        if isinstance(widget, CheckList):
            tick(qtbot, form, widget, *value)
        elif isinstance(widget, QComboBox):
            pick(qtbot, form, widget, value)
        else:
            type_into(qtbot, form, widget, str(value))


def when_modal(kind: type, act: Callable[[object], None]) -> None:
    """Once a modal of ``kind`` is on screen, act on it through its widgets."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(10, check)

    QTimer.singleShot(0, check)


def on_modal(kind: type[QDialog], act: Callable[[Any], None]) -> None:
    """Once a modal of ``kind`` is up, ``act`` on it; a failure closes every dialog (else the
    test would wait on the dialog forever) and fails the test."""

    def guarded(dialog: object) -> None:
        assert isinstance(dialog, kind)
        try:
            act(dialog)
        except BaseException:
            while (modal := QApplication.activeModalWidget()) is not None:
                modal.close()
                if isinstance(modal, QDialog):
                    modal.reject()
            raise

    when_modal(kind, guarded)


def welcome_window(qtbot: QtBot, settings: Settings) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as the desktop does when it is shown or a dialog over
    it closes (the offscreen platform does it only when asked)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def answer_with_keys(qtbot: QtBot, kind: type[QDialog], text: str | None = None) -> None:
    """Once a dialog of ``kind`` is up: type ``text`` where its focus is, then Enter."""

    def act(dialog: object) -> None:
        assert isinstance(dialog, QDialog)
        activate(qtbot, dialog)  # as the desktop gives a new dialog the keyboard
        if text is not None:
            select_all(qtbot)
            qtbot.keyClicks(focused(), text)
        press(qtbot, Qt.Key.Key_Return)

    when_modal(kind, act)
