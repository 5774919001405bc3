"""The keyboard help (F1) lists exactly the keys the window and its pages answer to, and each
key it promises does what it says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.domain.stages import Stage
from workshop_app.ui.main_window import STAGES, MainWindow
from workshop_app.ui.shortcuts import ROUND_KEYS, ShortcutHelp, keys_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _help_keys(window: MainWindow) -> dict[str, str]:
    return {keys: what for _title, rows in window.shortcut_sections() for keys, what in rows}


def test_the_help_lists_every_key_of_every_page_and_nothing_else(demo_window: MainWindow) -> None:
    for stage in STAGES:
        demo_window.pages[stage]  # the help must not depend on which pages were built
    promised = _help_keys(demo_window)
    stage_keys = {keys_text(action.shortcuts()) for action in demo_window.window_actions.stages}
    bound = {
        keys_text(action.shortcuts())
        for action in demo_window.findChildren(QAction)
        if action.shortcuts()
    }
    assert demo_window.findChildren(QShortcut) == []  # every key is an action the help can read
    assert bound - stage_keys <= set(promised)
    # Keys widgets handle themselves: typing, and a round of blind estimates (its dialog).
    not_actions = {"Enter", "Tab", "+ / −", "Ctrl+1 … Ctrl+8"} | {keys for keys, _ in ROUND_KEYS}
    assert set(promised) - not_actions <= bound
    assert "" not in promised  # every row names its keys
    assert promised["Ctrl+Shift+C"] == "Choose this workflow"
    assert "Alt+F" not in promised  # the File menu answers Alt+F


def test_f1_shows_the_help_before_any_page_but_the_first_is_built(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    assert Stage.RANK not in demo_window.pages
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ShortcutHelp):
            QTimer.singleShot(10, read_and_close)
            return
        shown.append(box.text)
        box.accept()

    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(demo_window, Qt.Key.Key_F1)
    assert shown, "F1 showed no help"
    assert "Ctrl+Shift+C" in shown[0]
    assert "Choose this workflow" in shown[0]
    assert "Ctrl+1 … Ctrl+8" in shown[0]
    assert Stage.RANK not in demo_window.pages


# The offscreen platform cannot raise a popup menu or give it the keyboard; it says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_key_the_help_gives_for_add_from_problem_opens_its_menu(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    demo_window.show_stage(Stage.CANDIDATES)
    page = demo_window.pages[Stage.CANDIDATES]
    opened: list[bool] = []

    def see_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            QTimer.singleShot(10, see_and_close)
            return
        opened.append(popup is page.menu)  # type: ignore[attr-defined]
        popup.close()

    QTimer.singleShot(0, see_and_close)
    assert _help_keys(demo_window)["Ctrl+Shift+F"] == "Add from problem"
    qtbot.keyClick(page.editor.table, Qt.Key.Key_F, CTRL_SHIFT)  # type: ignore[attr-defined]
    assert opened == [True]


def test_pages_are_built_on_first_use_and_only_built_ones_are_listed(
    demo_window: MainWindow,
) -> None:
    assert list(demo_window.pages) == [Stage.SETUP]
    assert Stage.METRICS not in demo_window.pages
    assert demo_window.pages.get(Stage.METRICS) is None
    page = demo_window.pages[Stage.METRICS]
    assert Stage.METRICS in demo_window.pages
    assert dict(demo_window.pages.items()) == {
        Stage.SETUP: demo_window.pages[Stage.SETUP],
        Stage.METRICS: page,
    }
    assert len(demo_window.pages) == 2
