"""The editor fits the laptops it runs on in a workshop: 1280 × 720, 1366 × 768 and 1920 × 1080.

The first window opens inside the screen's available area; at each size every stage, reached
from the keyboard, shows every label, button, header, tab and stage name whole, and table names
readable; in-cell drop-downs are as wide as their longest entry; a table scrolled right to
edit its last column comes back to its names; advice coming and going does not move the page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.fitting import cut_off, name_column
from workshop_app.domain.model import StakeholderKind
from workshop_app.domain.stage import Stage
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.main_window import STAGES, MainWindow
from workshop_app.ui.rank_model import Column
from workshop_app.ui.wrapping import wrapped_height

ROOT = Path(__file__).parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier
SCREENS = [(1280, 720), (1366, 768), (1920, 1080)]
#: What a maximised window has inside a screen of a desktop with a 40 px task bar and a 30 px
#: title bar: the room the layout must fit.
FRAME_AND_TASK_BAR = 70


def room_on(screen: tuple[int, int]) -> QSize:
    return QSize(screen[0], screen[1] - FRAME_AND_TASK_BAR)


def _ids(screen: tuple[int, int]) -> str:
    return f"{screen[0]}x{screen[1]}"


# ---------------------------------------------------------------------- the first window
def _first_window(
    folder: Path, screen: tuple[int, int], saved: str | None = None
) -> subprocess.Popen[str]:
    screens = folder / f"screen-{_ids(screen)}.json"
    place = {"name": "laptop", "x": 0, "y": 0, "width": screen[0], "height": screen[1]}
    dpi = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screens.write_text(json.dumps({"screens": [place | dpi]}))
    env = os.environ | {"QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ui.first_window", *([saved] if saved else [])],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _seen(child: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    noise = [line for line in err.splitlines() if line.strip() and "propagateSizeHints" not in line]
    assert noise == []
    seen: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return seen


def _inside(rect: list[int], area: list[int]) -> bool:
    x, y, width, height = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + width <= ax + aw and y + height <= ay + ah


@pytest.mark.parametrize(
    "saved",
    [None, "200,150,1920,1200", "3000,2000,1280,800", "-900,-500,1000,700"],
    ids=["fresh", "saved-larger", "saved-off-screen", "saved-half-off"],
)
def test_the_first_window_opens_inside_the_screen(tmp_path: Path, saved: str | None) -> None:
    """No saved geometry: the window takes the screen's available area. A saved geometry
    larger than the screen, or off it, is brought back inside."""
    children = {screen: _first_window(tmp_path, screen, saved) for screen in SCREENS}
    for screen, child in children.items():
        seen = _seen(child)
        available = seen["available"]
        assert _inside(seen["built"], available), (screen, seen)
        assert _inside(seen["shown"], available), (screen, seen)
        minimum_width, minimum_height = seen["minimum"]
        assert minimum_width <= 1280 and minimum_height <= 720 - FRAME_AND_TASK_BAR, seen
        if saved is None:
            width, height = seen["shown"][2:]
            assert width >= available[2] - 80 and height >= available[3] - 80, (screen, seen)


# ---------------------------------------------------------------------- nothing cut off
def _press(key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    QTest.keyClick(target, key, modifiers)
    QApplication.processEvents()


def _sized(window: MainWindow, qtbot: QtBot, screen: tuple[int, int]) -> MainWindow:
    window.resize(room_on(screen))
    window.activateWindow()
    qtbot.waitActive(window)
    QApplication.processEvents()
    assert window.size() == room_on(screen), "the window cannot be made this small"
    return window


def _visit(window: MainWindow, stage: Stage) -> None:
    _press(Qt.Key(Qt.Key.Key_1 + STAGES.index(stage)))
    assert window.current_stage() is stage
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("workshop", ["demo", "empty"])
@pytest.mark.parametrize("screen", SCREENS, ids=_ids)
def test_no_stage_cuts_off_text(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    demo_file: Path,
    empty_file: Path,
    screen: tuple[int, int],
    workshop: str,
) -> None:
    window = _sized(open_window(demo_file if workshop == "demo" else empty_file), qtbot, screen)
    found: list[str] = []
    for stage in STAGES:
        _visit(window, stage)
        found += [f"{stage.value}: {line}" for line in cut_off(window)]
    assert found == [], f"{len(found)} cut off at {_ids(screen)}:\n" + "\n".join(found)


@pytest.mark.parametrize("screen", SCREENS, ids=_ids)
def test_every_entry_of_the_read_only_lists_shows_whole(
    qtbot: QtBot, demo_window: MainWindow, screen: tuple[int, int]
) -> None:
    """The prompts, the sign-off list and Follow-through's metrics and meetings: each entry
    is as tall as its text wrapped at the list's width (none elided, none clipped)."""
    window = _sized(demo_window, qtbot, screen)
    short: list[str] = []
    for stage, name in [
        (Stage.DIAGNOSE, "promptList"),
        (Stage.CHARTER, "signoffList"),
        (Stage.FOLLOW_THROUGH, "metricList"),
        (Stage.FOLLOW_THROUGH, "meetingList"),
    ]:
        _visit(window, stage)
        view = window.pages[stage].findChild(QListView, name)
        assert view is not None and view.isVisible()
        model = view.model()
        delegate = view.itemDelegate()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            text = str(index.data())
            shown = view.visualRect(index)
            width = view.viewport().width()
            if shown.right() > width:
                short.append(f"{name}: {text!r} runs {shown.right() - width} px past the edge")
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.rect = shown
            delegate.initStyleOption(option, index)  # type: ignore[attr-defined]
            room = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
            needed = wrapped_height(option, view)
            if room.height() < needed:
                short.append(f"{name}: {text!r} has {room.height()} px of {needed}")
    assert short == []


def _editors(window: MainWindow) -> list[ListEditor]:
    return [editor for editor in window.findChildren(ListEditor) if editor.isVisible()]


def _open_editor(editor: ListEditor, column: int) -> QWidget | None:
    index = editor.model.index(0, column)
    editor.table.setFocus()
    editor.table.setCurrentIndex(index)
    editor.table.scrollTo(index)
    editor.table.edit(index)
    QApplication.processEvents()
    return editor.table.indexWidget(index) or next(
        (w for w in editor.table.viewport().findChildren(QComboBox) if w.isVisible()), None
    )


@pytest.mark.parametrize("screen", SCREENS[:2], ids=_ids)
def test_drop_downs_in_cells_show_their_longest_entry(
    qtbot: QtBot, demo_window: MainWindow, screen: tuple[int, int]
) -> None:
    window = _sized(demo_window, qtbot, screen)
    found = []
    for stage in STAGES:
        _visit(window, stage)
        for editor in _editors(window):
            if not editor.model.rowCount():
                continue
            for number, column in enumerate(editor.model.columns):
                if column.kind not in ("enum", "rating", "ref") or not column.editable:
                    continue
                combo = _open_editor(editor, number)
                assert isinstance(combo, QComboBox), (stage, column.title)
                longest = max(
                    (combo.itemText(row) for row in range(combo.count())),
                    key=combo.fontMetrics().horizontalAdvance,
                )
                if combo.width() < combo.sizeHint().width():
                    found.append(
                        f"{stage.value}: {column.title} drop-down is {combo.width()} px, "
                        f"{combo.sizeHint().width()} for {longest!r}"
                    )
                QTest.keyClick(combo, Qt.Key.Key_Escape)
                QApplication.processEvents()
    assert found == [], "\n".join(found)


def _names_in_view(editor: ListEditor) -> bool:
    column = name_column(editor.table)
    return column is not None and editor.table.columnViewportPosition(column) >= 0


def test_a_table_scrolled_to_its_last_column_comes_back_to_its_names(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window = _sized(demo_window, qtbot, SCREENS[0])
    _visit(window, Stage.SETUP)
    editor = window.pages[Stage.SETUP].stakeholders  # type: ignore[attr-defined]
    last = editor.model.columnCount() - 1
    index = editor.model.index(0, last)
    editor.table.setFocus()
    editor.table.setCurrentIndex(index)
    editor.table.scrollTo(index)
    _press(Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    QTest.keyClicks(QApplication.focusWidget(), "x")
    _press(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: _names_in_view(editor), timeout=1000)
    editor.table.setCurrentIndex(editor.model.index(1, last))
    editor.table.scrollTo(editor.model.index(1, last))
    _press(Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: _names_in_view(editor), timeout=1000)


# ---------------------------------------------------------------------- advice
def _top(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).y()


@pytest.mark.parametrize("screen", [SCREENS[0], SCREENS[1]], ids=_ids)
def test_advice_coming_and_going_does_not_move_the_page(
    qtbot: QtBot, demo_window: MainWindow, screen: tuple[int, int]
) -> None:
    window = _sized(demo_window, qtbot, screen)
    _visit(window, Stage.SETUP)
    page = window.pages[Stage.SETUP]
    editor = page.stakeholders  # type: ignore[attr-defined]
    assert window.navigator.count_of(Stage.SETUP) == 0
    before, rows_before = _top(editor.table), editor.table.height()
    sponsor = next(
        row
        for row in range(editor.model.rowCount())
        if editor.model.item(row).kind is StakeholderKind.SPONSOR
    )
    kind = next(n for n, c in enumerate(editor.model.columns) if c.field == "kind")
    editor.model.setData(editor.model.index(sponsor, kind), StakeholderKind.OTHER)
    qtbot.waitUntil(lambda: window.navigator.count_of(Stage.SETUP) > 0 and window.reports_ready)
    QApplication.processEvents()
    assert page.advice.lines, "no advice came"
    assert (_top(editor.table), editor.table.height()) == (before, rows_before)
    window.undo()
    qtbot.waitUntil(lambda: window.navigator.count_of(Stage.SETUP) == 0 and window.reports_ready)
    QApplication.processEvents()
    assert (_top(editor.table), editor.table.height()) == (before, rows_before)


def test_advice_beside_the_title_opens_every_line(qtbot: QtBot, demo_window: MainWindow) -> None:
    _visit(demo_window, Stage.CANDIDATES)
    advice = demo_window.pages[Stage.CANDIDATES].advice
    assert advice.isVisible() and advice.lines
    assert advice.body.full == advice.lines[0] and "AI chatbot" in advice.body.text()
    menu = advice.more.menu()
    assert menu is not None
    menu.popup(advice.more.mapToGlobal(QPoint(0, advice.more.height())))
    qtbot.waitExposed(menu)
    shown = menu.findChild(QLabel, "adviceAll")
    assert shown is not None and all(line in shown.text() for line in advice.lines)
    menu.close()


@pytest.mark.parametrize("screen", SCREENS[1:], ids=_ids)
def test_the_rank_table_shows_every_column_without_scrolling_sideways(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    demo_file: Path,
    screen: tuple[int, int],
) -> None:
    """The votes the room gives are in the last column: on a projector's 1366 × 768 it must be
    in sight, with every readiness word whole, not behind a sideways scroll."""
    window = _sized(open_window(demo_file), qtbot, screen)
    _visit(window, Stage.RANK)
    table = window.findChild(QTableView, "rankTable")
    assert table is not None
    assert table.horizontalScrollBar().maximum() == 0
    model = table.model()
    for row in range(model.rowCount()):
        index = model.index(row, Column.READINESS)
        font = index.data(Qt.ItemDataRole.FontRole) or table.font()
        needed = QFontMetrics(font).horizontalAdvance(str(index.data())) + 12
        assert needed <= table.columnWidth(Column.READINESS), index.data()
