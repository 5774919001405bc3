"""The audience view: on a projector beside the laptop, and in the presentation mode with one
screen; large type, read-only, following the editor; blank and freeze.

The two-screen checks run the app in a child process (:mod:`tests.ui.two_screens`) under Qt's
offscreen platform with a 1366 × 768 laptop and a 1920 × 1080 projector, since this session's
application was made with one screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from workshop_app.domain.stage import Stage
from workshop_app.ui import undo
from workshop_app.ui.audience import AudienceView
from workshop_app.ui.audience_boards import RankBoard
from workshop_app.ui.audience_screen import projector_screen
from workshop_app.ui.main_window import STAGES, MainWindow

ROOT = Path(__file__).parents[2]
LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
PROJECTOR = {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080}
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier

#: The thresholds at 1920 × 1080, in pixels.
HEADINGS, LISTS, MATRIX, READABLE = 36, 24, 20, 18


@pytest.fixture(scope="module")
def two_screens(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the child process saw on a laptop with a projector, driven from the keyboard."""
    from workshop_app.store.demo import write_demo

    folder = tmp_path_factory.mktemp("two_screens")
    screens = folder / "screens.json"
    dpi = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screens.write_text(json.dumps({"screens": [LAPTOP | dpi, PROJECTOR | dpi]}))
    demo = folder / "demo.workshop"
    write_demo(demo)
    env = os.environ | {
        "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.two_screens", str(demo)],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    warnings = [
        line
        for line in done.stderr.splitlines()
        if line.strip() and "propagateSizeHints" not in line
    ]
    assert warnings == []  # Qt said nothing (no ambiguous shortcut, no stylesheet error)
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


def test_the_audience_window_opens_full_screen_on_the_projector(two_screens: dict) -> None:
    seen = two_screens
    assert seen["screens"] == ["laptop", "projector"]
    assert seen["opened"]
    assert seen["editor_screen"] == "laptop"
    assert seen["projector_screen"] == "projector"
    assert seen["full_screen"]
    assert seen["projector_geometry"] == [1366, 0, 1920, 1080]  # it covers the projector
    assert seen["editor_active"]  # the editor keeps the keyboard
    assert seen["indicator"] == "Audience: live"


def test_the_audience_follows_the_stage_chosen_with_the_keyboard(two_screens: dict) -> None:
    seen = two_screens
    assert seen["keys_to"] == "QLineEdit"  # Ctrl+4 was typed into the editor's field
    assert seen["editor_stage"] == "Rank"
    assert seen["rank"]["stage"] == "Rank"
    assert seen["rank"]["heading"] == "4  Rank"
    assert seen["rank"]["strip"].startswith("Recommended: Draft quotes")
    assert seen["metrics"]["heading"] == "5  Metrics"
    assert seen["follow_through"]["heading"] == "8  Follow-through"


def test_the_audience_shows_an_edit_at_once(two_screens: dict) -> None:
    assert seen_line(two_screens["rank"]) == "Chosen: Draft quotes from emailed quote requests"
    assert seen_line(two_screens["after_edit"]) == "No workflow is chosen yet."


def seen_line(picture: dict) -> str:
    return str(picture["strip"].splitlines()[-1])


def test_ctrl_b_blanks_the_audience_screen_and_brings_it_back(two_screens: dict) -> None:
    blanked, back = two_screens["blanked"], two_screens["unblanked"]
    assert blanked["blank"]
    assert blanked["indicator"] == "Audience: blank"
    assert blanked["sizes"]["headings"] == 0  # nothing of the workshop is on screen
    assert not back["blank"]
    assert back["sizes"]["headings"] >= HEADINGS


def test_ctrl_shift_b_freezes_the_picture_while_the_editor_moves_on(two_screens: dict) -> None:
    frozen, thawed = two_screens["frozen"], two_screens["thawed"]
    assert frozen["frozen"]
    assert frozen["indicator"] == "Audience: frozen"
    assert frozen["editor_stage"] == "Metrics"
    assert frozen["heading"] == "4  Rank"  # still what the room saw
    assert not thawed["frozen"]
    assert thawed["heading"] == "5  Metrics"  # it catches up


@pytest.mark.parametrize("stage", ["rank", "metrics", "follow_through"])
def test_type_is_large_enough_at_1920_by_1080(two_screens: dict, stage: str) -> None:
    sizes = two_screens[stage]["sizes"]
    assert sizes["headings"] >= HEADINGS
    assert sizes["lists"] >= LISTS
    assert sizes["smallest"] >= READABLE
    if stage == "rank":
        assert sizes["matrix"] >= MATRIX


def test_unplugging_the_projector_closes_the_audience_window(two_screens: dict) -> None:
    assert two_screens["unplugged"] == {"visible": False, "blank_enabled": False, "indicator": ""}
    assert two_screens["plugged_in"]
    assert two_screens["plugged_in_screen"] == "projector"
    assert two_screens["after_close"]  # closing the workshop closes its audience window


def test_the_projector_is_the_screen_that_is_not_the_editors(qtbot: QtBot) -> None:
    screen = QWidget().screen()
    assert projector_screen([screen], screen) is None
    assert projector_screen([], None) is None


# ---------------------------------------------------------------------- one screen
def test_one_screen_opens_no_audience_window(demo_window: MainWindow) -> None:
    assert demo_window.audience.projector is None
    assert not demo_window.window_actions.blank.isEnabled()


def test_f11_shows_the_audience_view_and_escape_brings_the_editor_back(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    window.show_stage(Stage.CANDIDATES)
    focused = window.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_F11)
    view = window.audience.presented
    assert isinstance(view, AudienceView)
    assert window.presenting and window.isFullScreen()
    assert window.central.currentWidget() is view
    assert not window.menuBar().isVisible() and not window.toolbar.isVisible()
    assert view.heading.text() == "3  Candidates"
    assert _editing_widgets(view) == []  # read-only: nothing to type into or click

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown, CTRL)
    assert view.heading.text() == "4  Rank"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_5, CTRL)
    assert view.heading.text() == "5  Metrics"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_4, CTRL)
    assert isinstance(view.boards[Stage.RANK], RankBoard)

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_B, CTRL)
    assert view.blank
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_B, CTRL)
    assert not view.blank

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    assert not window.presenting and not window.isFullScreen()
    assert window.menuBar().isVisible() and window.toolbar.isVisible()
    assert window.page_stack.currentWidget() is window.pages[Stage.RANK]
    rank_page = window.pages[Stage.RANK]
    assert rank_page.isAncestorOf(window.focusWidget())  # the editor has the keyboard again


def test_escape_gives_the_focus_back_to_the_field_it_left(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    window.show_stage(Stage.SETUP)
    field = window.focusWidget()
    assert isinstance(field, QLineEdit)
    qtbot.keyClick(field, Qt.Key.Key_F11)
    assert window.presenting
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    assert window.focusWidget() is field


def test_every_stage_fits_a_1920_by_1080_screen_in_large_type(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = demo_window
    window.set_presentation(True, full_screen=False)
    window.resize(1920, 1080)
    view = window.audience.presented
    assert view is not None
    qtbot.waitUntil(lambda: view.width() == 1920)
    for stage in STAGES:
        window.show_stage(stage)
        assert view.heading.text().endswith(stage.value)
        assert window.height() == 1080, stage  # nothing pushed the window past its screen
        sizes = view.text_pixels()
        assert sizes["headings"] >= HEADINGS, stage
        assert sizes["lists"] >= LISTS, stage
        assert sizes["smallest"] >= READABLE, stage
    window.set_presentation(False)


def test_the_presented_view_follows_an_edit(qtbot: QtBot, demo_window: MainWindow) -> None:
    window = demo_window
    window.show_stage(Stage.RANK)
    window.set_presentation(True, full_screen=False)
    view = window.audience.presented
    assert view is not None
    board = view.boards[Stage.RANK]
    assert isinstance(board, RankBoard)
    assert board.strip.text().endswith("Chosen: Draft quotes from emailed quote requests")
    session = window.session
    assert session is not None
    chosen = session.workshop.chosen[0]
    session.push(undo.unchoose(session, chosen.id, "Back among the candidates.", chosen.name))
    qtbot.waitUntil(lambda: board.strip.text().endswith("No workflow is chosen yet."))
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: board.strip.text().endswith("emailed quote requests"))


def _editing_widgets(view: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QAbstractButton, QAbstractItemView)
    found = [w for w in view.findChildren(QWidget) if isinstance(w, kinds)]
    found += [w for w in view.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    return found
