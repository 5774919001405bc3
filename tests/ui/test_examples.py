"""Add from examples, with the keyboard alone: its key opens the dialog, typed words narrow the
list, Down moves and Enter adds; the candidate and its metrics reach the file with empty facts,
one Ctrl+Z takes both back, the form shows the typical ranges as hints, and the Rank page lists
the candidate as awaiting estimates. The dialog fits a small screen with nothing cut off."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QListView, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.ui.driving import activate, focused, press, when_modal
from tests.ui.fitting import cut_off
from workshop_app.domain.stages import Stage
from workshop_app.libraries import workflow_examples
from workshop_app.ui.examples_dialog import ExamplesDialog, dialog_size, matches
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.candidates import CandidatesPage
from workshop_app.ui.wrapping import wrapped_height

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
WORDS = "supplier invoice"


def candidates_table(qtbot: QtBot, window: MainWindow) -> CandidatesPage:
    """The Candidates page shown, with the keyboard in its table."""
    window.show_stage(Stage.CANDIDATES)
    page = window.pages[Stage.CANDIDATES]
    assert isinstance(page, CandidatesPage)
    page.editor.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.editor.table)
    return page


def _rows(path: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_an_example_is_added_from_the_keyboard_and_undone_in_one_step(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    session = demo_window.session
    assert session is not None
    page = candidates_table(qtbot, demo_window)
    found = [example for example in workflow_examples() if matches(example, WORDS)]
    assert len(found) >= 2  # Down has somewhere to go
    seen: dict[str, Any] = {}

    def choose(dialog: object) -> None:
        assert isinstance(dialog, ExamplesDialog)
        activate(qtbot, dialog)
        seen["focus"] = focused() is dialog.search
        qtbot.keyClicks(focused(), WORDS)
        seen["first"] = dialog.chosen()
        press(qtbot, Qt.Key.Key_Down)  # the search keeps the focus; the list moves
        seen["chosen"] = dialog.chosen()
        seen["shown"] = [
            dialog.list.item(row).text()
            for row in range(dialog.list.count())
            if not dialog.list.item(row).isHidden()
        ]
        press(qtbot, Qt.Key.Key_Return)

    # F1 lists the key, and no other action answers to it.
    help_rows = {keys: what for _t, rows in demo_window.shortcut_sections() for keys, what in rows}
    assert help_rows["Ctrl+Shift+X"] == "Add from examples"
    bound = [
        action
        for action in demo_window.findChildren(QAction)
        if QKeySequence("Ctrl+Shift+X") in action.shortcuts()
    ]
    assert bound == [page.from_examples_action]  # type: ignore[attr-defined]

    when_modal(ExamplesDialog, choose)
    qtbot.keyClick(focused(), Qt.Key.Key_X, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "chosen" in seen and QApplication.activeModalWidget() is None)
    activate(qtbot, demo_window)  # the desktop gives the window back its keyboard
    assert seen["focus"] and seen["first"] == found[0] and seen["chosen"] == found[1]
    example = found[1]
    assert example.name in seen["shown"] and example.area.label in seen["shown"]
    assert len(seen["shown"]) < len(workflow_examples())

    added = next(c for c in session.workshop.candidates if c.example == example.id)
    assert (added.name, added.description) == (example.name, example.description)
    assert _rows(
        demo_file,
        "SELECT frequency_count, frequency_per, minutes_per_occurrence, pain, example "
        "FROM candidates WHERE id = ?",
        added.id,
    ) == [(None, str(example.frequency.per), None, None, example.id)]
    metrics = _rows(
        demo_file,
        "SELECT name, kind, unit, direction, method FROM metrics WHERE candidate_id = ? "
        "ORDER BY position",
        added.id,
    )
    assert metrics == [
        (m.name, str(m.kind), m.unit, str(m.direction), m.method) for m in example.metrics
    ]

    # The form: empty facts, the typical ranges as hints, the focus on the first of them.
    form = page.editor.form  # type: ignore[attr-defined]
    count, minutes, pain = (
        form.widgets[name] for name in ("frequency.count", "minutes_per_occurrence", "pain")
    )
    assert focused() is count
    assert count.text() == "" and count.placeholderText() == f"typical: {example.frequency}"
    assert minutes.text() == "" and minutes.placeholderText() == (
        f"typical: {example.minutes} minutes"
    )
    assert pain.currentIndex() == -1 and pain.placeholderText() == "not estimated"

    # Rank lists it after the ranked ones, as awaiting estimates.
    demo_window.show_stage(Stage.RANK)
    rank = demo_window.pages[Stage.RANK]
    model = rank.model  # type: ignore[attr-defined]
    last = model.rowCount() - 1
    assert model.index(last, 1).data() == f"{example.name} — awaiting estimates"
    assert model.index(last, 0).data() == "–"
    assert len(model.rows) == 8 and rank.matrix.note() == (  # type: ignore[attr-defined]
        "Not placed: 1 candidate awaits estimates"
    )

    # One Ctrl+Z takes back the candidate and its metrics together.
    candidates_table(qtbot, demo_window)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert session.workshop.candidate(added.id) is None
    assert _rows(demo_file, "SELECT COUNT(*) FROM candidates WHERE id = ?", added.id) == [(0,)]
    assert _rows(demo_file, "SELECT COUNT(*) FROM metrics WHERE candidate_id = ?", added.id) == [
        (0,)
    ]
    assert len(session.workshop.metrics) == 4


def test_escape_cancels_and_adds_nothing(qtbot: QtBot, demo_window: MainWindow) -> None:
    session = demo_window.session
    assert session is not None
    candidates_table(qtbot, demo_window)
    closed: list[bool] = []

    def cancel(dialog: object) -> None:
        assert isinstance(dialog, ExamplesDialog)
        activate(qtbot, dialog)
        qtbot.keyClicks(focused(), "invoices")
        press(qtbot, Qt.Key.Key_Escape)
        closed.append(True)

    when_modal(ExamplesDialog, cancel)
    qtbot.keyClick(focused(), Qt.Key.Key_X, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(closed))
    assert len(session.workshop.candidates) == 8 and not session.undo_stack.canUndo()


def test_no_words_match_then_nothing_can_be_added(qtbot: QtBot) -> None:
    dialog = ExamplesDialog(workflow_examples())
    qtbot.addWidget(dialog)
    dialog.search.setText("zzzz nothing")
    assert dialog.chosen() is None and not dialog.add_button.isEnabled()
    assert "No example has all these words" in dialog.name_label.text()
    dialog.search.clear()
    assert dialog.chosen() == workflow_examples()[0] and dialog.add_button.isEnabled()


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(800, 800)], ids=["1366x768", "800x800"])
def test_the_dialog_fits_the_screen_and_cuts_nothing_off(
    qtbot: QtBot, demo_window: MainWindow, screen: QSize
) -> None:
    """At the size it takes on a 1366 × 768 laptop (less a task bar) and on offscreen's own
    800 × 800 screen, where it must also stay inside the screen."""
    dialog = ExamplesDialog(workflow_examples(), demo_window)
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    if screen != area.size():
        dialog.resize(dialog_size(screen - QSize(0, 48)))
    dialog.show()
    qtbot.waitExposed(dialog)
    if screen == area.size():
        assert area.contains(dialog.frameGeometry()), (area, dialog.frameGeometry())
    longest = max(workflow_examples(), key=lambda e: len(e.description) + 60 * len(e.metrics))
    dialog.search.setText(longest.name)
    QApplication.processEvents()
    assert dialog.chosen() == longest
    assert cut_off(dialog) == []
    # Every entry of the list shows whole: as tall as its text wrapped at the list's width.
    dialog.search.clear()
    QApplication.processEvents()
    view = dialog.list
    assert isinstance(view, QListView)
    for row in range(view.count()):
        index = view.model().index(row, 0)
        shown = view.visualRect(index)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = shown
        view.itemDelegate().initStyleOption(option, index)  # type: ignore[attr-defined]
        room = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        assert shown.right() <= view.viewport().width(), index.data()
        assert room.height() >= wrapped_height(option, view), index.data()


def test_a_typed_fact_is_one_undo_step_and_is_not_emptied_again(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    session = demo_window.session
    assert session is not None
    demo_window.show_stage(Stage.CANDIDATES)
    page = demo_window.pages[Stage.CANDIDATES]
    example = workflow_examples()[0]
    page.add_from_example(example)  # type: ignore[attr-defined]
    activate(qtbot, demo_window)
    added = session.workshop.candidates[-1]
    count = page.editor.form.widgets["frequency.count"]  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is count)
    qtbot.keyClicks(count, "25")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field commits it
    assert added.frequency.count == 25 and session.undo_stack.undoText() == "Edit how many times"
    count.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is count)
    count.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Tab)
    assert added.frequency.count == 25 and count.text() == "25"
    assert "cannot be emptied again" in count.toolTip()
    session.undo_stack.undo()
    assert added.frequency.count is None
    assert count.text() == "" and count.placeholderText() == f"typical: {example.frequency}"
