"""Every stage renders the demo in the real window, with its state, advice and models."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workshop_app.domain.model import Workshop
from workshop_app.domain.ranking import rank_candidates, recommendation
from workshop_app.domain.stages import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.main_window import STAGES, MainWindow
from workshop_app.ui.pages.rank import RankPage
from workshop_app.ui.session import Session
from workshop_app.ui.settings import Settings


def shown_texts(page: QWidget) -> list[str]:
    """What the page's labels and fields show on screen."""
    texts: list[str] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
    return texts


def shown_lists(page: QWidget) -> list[list[str]]:
    """Each list or table on screen as its rows, a row as the text of its cells."""
    lists = []
    for view in page.findChildren(QAbstractItemView):
        if not view.isVisible() or isinstance(view, QHeaderView):
            continue
        model = view.model()
        rows = []
        for row in range(model.rowCount()):
            cells = itertools.takewhile(
                QModelIndex.isValid, (model.index(row, column) for column in itertools.count())
            )
            rows.append(" | ".join(str(cell.data() or "") for cell in cells))
        lists.append(rows)
    return lists


def what_each_stage_shows(workshop: Workshop) -> dict[Stage, tuple[list[str], list[list[str]]]]:
    """Per stage: texts its labels and fields show, and the rows of each list it shows."""
    chosen = workshop.chosen[0]
    recommended = recommendation(rank_candidates(workshop.candidates))
    champion = workshop.stakeholder(workshop.adoption.champion_id)
    owner = workshop.stakeholder(workshop.adoption.owner_id)
    assert recommended is not None and champion is not None and owner is not None
    people = [person.name for person in workshop.stakeholders]
    metrics = [metric.name for metric in workshop.metrics_of(chosen.id)]
    return {
        Stage.SETUP: ([workshop.info.title, workshop.info.organization], [people]),
        Stage.DIAGNOSE: (
            [workshop.problems[0].title],  # the first problem's fields
            [[problem.title for problem in workshop.problems]],
        ),
        Stage.CANDIDATES: (
            [workshop.candidates[0].name],
            [[candidate.name for candidate in workshop.candidates]],
        ),
        Stage.RANK: (
            [f"Recommended: {recommended.candidate.name}"],
            [[candidate.name for candidate in workshop.candidates]],
        ),
        Stage.METRICS: ([f"Chosen workflow: {chosen.name}"], [metrics]),
        Stage.ADOPTION: ([champion.name, owner.name, workshop.adoption.training], [people]),
        Stage.CHARTER: (["Ready to sign"], [people]),
        Stage.FOLLOW_THROUGH: (
            [],
            [metrics, [f"Day {planned.day} " for planned in workshop.checkin_plan]],
        ),
    }


def test_every_stage_shows_the_demo(demo_window: MainWindow, demo_workshop: Workshop) -> None:
    expected = what_each_stage_shows(demo_workshop)
    assert list(expected) == STAGES
    for stage, (texts, lists) in expected.items():
        demo_window.show_stage(stage)
        page = demo_window.pages[stage]
        assert demo_window.page_stack.currentWidget() is page
        assert page.title.isVisible() and page.title.text() == stage.value
        shown = "\n".join(shown_texts(page))
        for text in texts:
            assert text in shown, f"{stage.value} does not show {text!r}"
        for rows in lists:
            assert any(
                len(lines) == len(rows) and all(any(r in line for line in lines) for r in rows)
                for lines in shown_lists(page)
            ), f"{stage.value} shows no list of {rows}"
        demo_window.grab()  # paints the stage: a warning or an error while painting fails


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


def test_stage_states_come_even_to_a_window_that_never_paints(
    qtbot: QtBot, settings: Settings, demo_file: Path
) -> None:
    window = MainWindow(settings, Session(WorkshopFile.open(demo_file)))
    qtbot.addWidget(window)  # never shown: no paint starts the stage reports
    candidates = window.navigator.item(STAGES.index(Stage.CANDIDATES))
    assert not window.reports_ready
    assert candidates.toolTip() == "Candidates (Ctrl+3)"  # no state yet
    qtbot.waitUntil(lambda: window.reports_ready, timeout=5_000)
    assert candidates.toolTip().startswith("Candidates: in progress, 1 advice")
    window.session.close()
