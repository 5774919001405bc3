"""Every stage renders the demo in the real window, with its state, advice and models."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_app.domain.stages import Stage
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.main_window import STAGES, MainWindow
from workshop_app.ui.pages.rank import RankPage


def test_every_stage_renders_the_demo(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    for stage in STAGES:
        demo_window.show_stage(stage)
        page = demo_window.pages[stage]
        assert demo_window.page_stack.currentWidget() is page
        assert page.title.text() == stage.value
        image = demo_window.grab().toImage()
        assert image.width() >= 1024
        assert image.save(str(tmp_path / f"{stage.name}.png"))


def test_window_title_names_the_workshop_and_file(demo_window: MainWindow) -> None:
    assert (
        demo_window.windowTitle()
        == "Choosing our first AI workflow — demo.workshop — First Workflow"
    )


def test_navigator_shows_state_and_advice_counts(demo_window: MainWindow) -> None:
    navigator = demo_window.navigator
    assert navigator.progress_of(Stage.SETUP) == "complete"
    assert navigator.progress_of(Stage.CANDIDATES) == "in progress"
    assert navigator.count_of(Stage.CANDIDATES) == 1  # the tool-first "AI chatbot"
    assert navigator.count_of(Stage.METRICS) == 1  # the activity metric
    assert navigator.count_of(Stage.RANK) == 0


def test_advice_panel_and_tool_first_hint(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.show_stage(Stage.CANDIDATES)
    page = demo_window.pages[Stage.CANDIDATES]
    assert page.advice.isVisible()
    assert "AI chatbot" in page.advice.body.text()
    page.editor.select_id("c7")  # type: ignore[attr-defined]
    assert page.hint.isVisible()  # type: ignore[attr-defined]
    assert "Recast" in page.hint.text()  # type: ignore[attr-defined]
    page.editor.select_id("c1")  # type: ignore[attr-defined]
    assert not page.hint.isVisible()  # type: ignore[attr-defined]


def test_rank_table_and_matrix_stay_in_step(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.show_stage(Stage.RANK)
    page = demo_window.pages[Stage.RANK]
    assert isinstance(page, RankPage)
    assert [row.candidate.id for row in page.model.rows][:2] == ["c3", "c1"]
    page.select("c6")
    assert page.matrix.selected() == "c6"
    # A click on a bubble selects the same candidate in the table.
    centre = page.matrix.bubble_rect("c1").center().toPoint()
    qtbot.mouseClick(page.matrix, Qt.MouseButton.LeftButton, pos=centre)
    assert page.current() is not None
    assert page.current().candidate.id == "c1"  # type: ignore[union-attr]
    assert "Recommended: Draft quotes from emailed quote requests" in page.recommended.text()
    assert "priority 20 = friction 4 × frequency 5" in page.details.text()


@pytest.mark.parametrize(
    "stage", [Stage.SETUP, Stage.DIAGNOSE, Stage.CANDIDATES, Stage.METRICS, Stage.ADOPTION]
)
def test_item_models_pass_the_model_tester(
    qtmodeltester, demo_window: MainWindow, stage: Stage
) -> None:
    for editor in demo_window.pages[stage].findChildren(ListEditor):
        qtmodeltester.check(editor.model)


def test_rank_model_passes_the_model_tester(qtmodeltester, demo_window: MainWindow) -> None:
    page = demo_window.pages[Stage.RANK]
    assert isinstance(page, RankPage)
    qtmodeltester.check(page.model)


def test_metrics_show_the_chosen_workflow_and_check_in_dates(demo_window: MainWindow) -> None:
    demo_window.show_stage(Stage.METRICS)
    page = demo_window.pages[Stage.METRICS]
    assert "Draft quotes from emailed quote requests" in page.chosen_label.text()  # type: ignore[attr-defined]
    assert page.editor.model.rowCount() == 4  # type: ignore[attr-defined]
    calendar = page.calendar.text()  # type: ignore[attr-defined]
    assert "Day 7: Tue 17 Nov 2026" in calendar
    assert "Day 30: Thu 10 Dec 2026" in calendar
