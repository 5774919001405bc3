"""Next workflow… by keys: Ctrl+Shift+N (File menu) and the Follow-through stage's button ask
where the next workshop goes, write it, and offer to open it; the open workshop stays as it
was, and no key of the window or its pages is taken twice."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from workshop_app.domain.model import CandidateStatus, DecisionKind
from workshop_app.domain.stage import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.shortcuts import LIST_BINDINGS, PAGE_BINDINGS, keys_text

from .driving import MOST_PRESSES, activate, answer_with_keys, focused, press

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def when_box(qtbot: QtBot, words: str, key: Qt.Key, seen: list[str]) -> None:
    """Once a message box saying ``words`` is up: note its text and press ``key`` in it."""

    def check() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and words in box.text():
            seen.append(box.text())
            activate(qtbot, box)
            press(qtbot, key)
        else:
            QTimer.singleShot(10, check)

    QTimer.singleShot(0, check)


def test_ctrl_shift_n_writes_the_next_workshop_and_opens_it(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path, tmp_path: Path
) -> None:
    before = digest(demo_file)
    target = tmp_path / "Harrowfield next.workshop"
    seen: list[str] = []
    answer_with_keys(qtbot, QFileDialog, str(target))
    when_box(qtbot, "Open it now?", Qt.Key.Key_Return, seen)
    press(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: demo_window.session is not None and demo_window.session.path == target)
    assert "written to Harrowfield next.workshop" in seen[0]
    assert "7 candidates in play; “Draft quotes from emailed quote requests” is recorded" in seen[0]
    assert digest(demo_file) == before
    session = demo_window.session
    assert session is not None
    workshop = session.workshop
    assert workshop.info.title == "Choosing our first AI workflow — next workflow"
    assert workshop.info.date == "2026-11-24"  # the day the window believes it is
    assert {c.status for c in workshop.candidates} == {CandidateStatus.CANDIDATE}
    assert workshop.prior_attempts[-1].what.startswith("Draft quotes from emailed quote requests")
    assert workshop.decisions[0].kind is DecisionKind.EXPANDED
    assert "“demo.workshop”" in workshop.decisions[0].reason


def test_the_follow_through_button_writes_it_and_staying_keeps_this_workshop(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path, tmp_path: Path
) -> None:
    press(qtbot, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = demo_window.pages[Stage.FOLLOW_THROUGH]
    button = page.next_button  # type: ignore[attr-defined]
    assert "(Ctrl+Shift+N)" in button.toolTip()
    for _ in range(MOST_PRESSES):
        if focused() is button:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is button, "Tab never reached “Next workflow…”"
    target = tmp_path / "later.workshop"
    seen: list[str] = []
    answer_with_keys(qtbot, QFileDialog, str(target))
    when_box(qtbot, "Open it now?", Qt.Key.Key_Escape, seen)  # Esc: stay here
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen) and target.exists())
    session = demo_window.session
    assert session is not None and session.path == demo_file.resolve()
    assert demo_window.settings.recent_files()[0] == target
    assert demo_window.statusBar().currentMessage() == f"Next workshop written to {target}"
    with WorkshopFile.open(target, read_only=True) as opened:
        assert len(opened.workshop.candidates) == 7


def test_the_open_workshop_is_never_the_target(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    before = digest(demo_file)
    seen: list[str] = []
    answer_with_keys(qtbot, QFileDialog, str(demo_file))
    when_box(qtbot, "already exists", Qt.Key.Key_Y, seen)  # the dialog asks to replace it
    when_box(qtbot, "was not written", Qt.Key.Key_Return, seen)
    press(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "demo.workshop: is the workshop being expanded" in seen[1]
    assert digest(demo_file) == before
    session = demo_window.session
    assert session is not None and session.path == demo_file.resolve()


def test_f1_lists_next_workflow_and_no_key_is_taken_twice(demo_window: MainWindow) -> None:
    for stage in Stage:
        demo_window.pages[stage]
    rows = dict(demo_window.window_actions.help_rows())
    assert rows["Ctrl+Shift+N"] == "Next workflow"
    window_keys = [
        sequence.toString()
        for action in demo_window.window_actions._made
        for sequence in action.shortcuts()
    ]
    assert [key for key, count in Counter(window_keys).items() if count > 1] == []
    for stage in Stage:
        bindings = [*LIST_BINDINGS, *PAGE_BINDINGS.get(stage, ())]
        page_keys = [s.toString() for b in bindings for s in b.sequences()]
        assert [key for key, count in Counter(page_keys).items() if count > 1] == []
        assert set(page_keys) & set(window_keys) == set(), stage
    assert keys_text(demo_window.window_actions.expand.shortcuts()) == "Ctrl+Shift+N"
