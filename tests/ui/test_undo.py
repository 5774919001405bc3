"""Ctrl+Z and Ctrl+Shift+Z undo and redo every kind of edit, and the file follows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.stages import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.rank import RankPage

from .conftest import answer_next_dialog
from .driving import fill


def on_disk(path: Path) -> dict:
    with WorkshopFile.open(path, read_only=True) as opened:
        return workshop_to_document(opened.workshop)


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """After a dialog, the main window is the active one again (as the window manager does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    back_to(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot: QtBot, window: MainWindow) -> None:
    back_to(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def check_round(qtbot: QtBot, window: MainWindow, path: Path, before: dict) -> dict:
    """Undo must restore ``before`` in memory and on disk; redo must restore the edit."""
    after = on_disk(path)
    assert after != before
    undo(qtbot, window)
    assert on_disk(path) == before
    assert workshop_to_document(window.session.workshop) == before
    redo(qtbot, window)
    assert on_disk(path) == after
    return after


def test_undo_a_field_edit(qtbot: QtBot, demo_window: MainWindow, demo_file: Path) -> None:
    before = on_disk(demo_file)
    fill(qtbot, demo_window.pages[Stage.SETUP].details, title="A new title")
    after = check_round(qtbot, demo_window, demo_file, before)
    assert after["workshop"]["title"] == "A new title"
    assert demo_window.windowTitle().startswith("A new title")


def test_undo_adding_a_row(qtbot: QtBot, demo_window: MainWindow, demo_file: Path) -> None:
    before = on_disk(demo_file)
    editor = demo_window.pages[Stage.SETUP].stakeholders
    editor.add_item()
    qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
    after = check_round(qtbot, demo_window, demo_file, before)
    assert len(after["stakeholders"]) == len(before["stakeholders"]) + 1


def test_undo_a_delete_brings_back_everything_that_depended_on_it(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    before = on_disk(demo_file)
    demo_window.show_stage(Stage.CANDIDATES)
    editor = demo_window.pages[Stage.CANDIDATES].editor
    editor.select_id("c1")
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    after = check_round(qtbot, demo_window, demo_file, before)
    assert after["metrics"] == [] and after["checkins"] == []


def test_undo_a_move(qtbot: QtBot, demo_window: MainWindow, demo_file: Path) -> None:
    before = on_disk(demo_file)
    editor = demo_window.pages[Stage.SETUP].stakeholders
    editor.select_id("s1")
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    after = check_round(qtbot, demo_window, demo_file, before)
    assert [s["id"] for s in after["stakeholders"]][:2] == ["s2", "s1"]
    assert editor.current_id() == "s1"


def test_undo_the_rooms_decisions(qtbot: QtBot, demo_window: MainWindow, demo_file: Path) -> None:
    demo_window.show_stage(Stage.RANK)
    page = demo_window.pages[Stage.RANK]
    assert isinstance(page, RankPage)
    before = on_disk(demo_file)
    page.select("c6")
    answer_next_dialog("Cheaper to do first.")
    page.choose()
    after = check_round(qtbot, demo_window, demo_file, before)
    assert next(c for c in after["candidates"] if c["id"] == "c6")["status"] == "chosen"
    assert next(c for c in after["candidates"] if c["id"] == "c1")["status"] == "candidate"
    assert [d["kind"] for d in after["decisions"][-2:]] == ["unchosen", "chosen"]

    before = on_disk(demo_file)
    page.select("c8")
    page.add_votes(1)
    check_round(qtbot, demo_window, demo_file, before)


def test_undo_a_score_override(qtbot: QtBot, demo_window: MainWindow, demo_file: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workshop_app.ui.dialogs import OverrideDialog

    demo_window.show_stage(Stage.RANK)
    page = demo_window.pages[Stage.RANK]
    assert isinstance(page, RankPage)
    before = on_disk(demo_file)
    page.select("c8")

    def set_override() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OverrideDialog):
            QTimer.singleShot(10, set_override)
            return
        dialog.friction.setCurrentIndex(dialog.friction.findData(4))
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.reason.setText("Errors here cost a customer")
        dialog.accept()

    QTimer.singleShot(0, set_override)
    page.override()
    after = check_round(qtbot, demo_window, demo_file, before)
    c8 = next(c for c in after["candidates"] if c["id"] == "c8")
    assert c8["overrides"] == {
        "friction": 4,
        "frequency": None,
        "reason": "Errors here cost a customer",
    }
    assert after["decisions"][-1]["kind"] == "override"


def test_adding_the_typical_risks_is_one_undo_step(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    before = on_disk(demo_file)
    demo_window.pages[Stage.ADOPTION].add_typical_risks()
    after = check_round(qtbot, demo_window, demo_file, before)
    assert len(after["risks"]) > len(before["risks"])
