"""A newcomer can enter a candidate with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.domain.stages import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """One key, then let the app react as it would before the next key (Qt commits a cell's
    edit through a queued call)."""
    qtbot.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    QApplication.processEvents()


def test_keyboard_only_entry_of_a_candidate(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    qtbot.keyClick(demo_window, Qt.Key.Key_3, CTRL)  # Ctrl+3: Candidates
    page = demo_window.pages[Stage.CANDIDATES]
    assert demo_window.page_stack.currentWidget() is page
    editor = page.editor  # type: ignore[attr-defined]
    before = editor.model.rowCount()

    press(qtbot, Qt.Key.Key_Return, CTRL)  # a new row, typing in its first cell
    assert editor.model.rowCount() == before + 1
    type_text(qtbot, "Reconcile supplier statements")
    press(qtbot, Qt.Key.Key_Return)  # commits and moves on to "Minutes each"
    type_text(qtbot, "45")
    press(qtbot, Qt.Key.Key_Return)  # on to "Pain"
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return)  # on to "Data"
    type_text(qtbot, "R")
    press(qtbot, Qt.Key.Key_Return)

    new_id = editor.current_id()
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_F6)  # to the fields of the new candidate
    assert focused() is editor.form.widgets["name"]
    press(qtbot, Qt.Key.Key_Tab)  # description
    type_text(qtbot, "Match each supplier statement to open invoices.")
    press(qtbot, Qt.Key.Key_Tab)  # the problems it solves
    press(qtbot, Qt.Key.Key_Space)  # tick the first problem
    press(qtbot, Qt.Key.Key_Tab)  # how many times
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Tab)  # per: week is the default; Down picks month
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)

    with WorkshopFile.open(demo_file, read_only=True) as reopened:
        saved = reopened.workshop.candidate(new_id)
    assert saved is not None
    assert saved.name == "Reconcile supplier statements"
    assert saved.minutes_per_occurrence == 45
    assert saved.pain == 4
    assert saved.data_readiness == "ready"
    assert saved.description == "Match each supplier statement to open invoices."
    assert saved.problem_ids == ["p1"]
    assert saved.frequency.count == 12
    assert saved.frequency.per == "month"


def test_delete_key_removes_the_row_and_undo_brings_it_back(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    editor = demo_window.pages[Stage.SETUP].stakeholders  # type: ignore[attr-defined]
    editor.select_id("s8")
    editor.table.setFocus()
    count = editor.model.rowCount()
    press(qtbot, Qt.Key.Key_Delete)
    assert editor.model.rowCount() == count - 1
    qtbot.keyClick(demo_window, Qt.Key.Key_Z, CTRL)
    assert editor.model.rowCount() == count
    assert editor.model.row_of("s8") == count - 1


def test_a_value_out_of_range_is_refused_with_the_reason(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    editor = demo_window.pages[Stage.SETUP].stakeholders  # type: ignore[attr-defined]
    editor.select_id("s1")
    name = editor.form.widgets["name"]
    name.setFocus()
    name.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Return)
    assert demo_window.session.workshop.stakeholders[0].name == "Margaret Okafor"
    assert name.property("invalid") is True
    assert "Name: is required. The value was not saved." in name.toolTip()


def test_a_number_that_could_mean_two_is_refused_with_how_to_type_it(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    """ "1,000" is a thousand in one country and one in another: nothing is saved, and the
    field says how to type either."""
    editor = demo_window.pages[Stage.METRICS].editor  # type: ignore[attr-defined]
    editor.select_id("m1")
    before = demo_window.session.workshop.metrics[0].baseline
    baseline = editor.form.widgets["baseline"]
    baseline.setFocus()
    baseline.selectAll()
    for key in "1,000":
        qtbot.keyClicks(baseline, key)
    press(qtbot, Qt.Key.Key_Return)
    assert demo_window.session.workshop.metrics[0].baseline == before
    assert baseline.property("invalid") is True
    assert baseline.toolTip() == (
        "Baseline (today): '1,000' could mean 1000 or 1.0: type 1000 for the first, or 1.0 "
        "for the second. The value was not saved."
    )
    baseline.selectAll()
    qtbot.keyClicks(baseline, "1000")
    press(qtbot, Qt.Key.Key_Return)
    assert demo_window.session.workshop.metrics[0].baseline == 1000
    assert baseline.property("invalid") is not True
