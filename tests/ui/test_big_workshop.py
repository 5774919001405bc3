"""A very large engagement: 1,000 candidates, 100 stakeholders, 100 problems, 100 metrics
(as many stakeholders and problems as a workshop may have: docs/interchange.md).
Import it, open it in the app, scroll the ranking, re-rank after an edit, export the charter."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench.generate import big_document
from workshop_app.domain.stages import Stage
from workshop_app.store.interchange import import_document
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.rank import VOTES, RankPage
from workshop_app.ui.undo import SetValue

pytestmark = pytest.mark.slow

SIZES = {"candidates": 1000, "stakeholders": 100, "problems": 100, "metrics": 100}


@pytest.fixture(scope="module")
def big_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.json"
    path.write_text(json.dumps(big_document(**SIZES)), encoding="utf-8")
    return path


def test_import_keeps_every_item(big_json: Path, tmp_path: Path) -> None:
    workshop = import_document(big_json, tmp_path / "big.workshop")
    for key, size in SIZES.items():
        assert len(getattr(workshop, key)) == size


def test_open_scroll_and_rerank_in_the_app(
    qtbot: QtBot, big_json: Path, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    target = tmp_path / "big.workshop"
    import_document(big_json, target)
    window = open_window(target)
    window.show_stage(Stage.RANK)
    page = window.pages[Stage.RANK]
    assert isinstance(page, RankPage)
    assert page.model.rowCount() == 1000
    bar = page.table.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 20)):
        bar.setValue(value)
        QApplication.processEvents()
    bar.setValue(bar.maximum())
    last = page.model.rows[-1].candidate
    votes = last.votes
    page.select(last.id)
    page.model.setData(page.model.index(page.model.row_of(last.id), VOTES), votes + 1)
    assert last.votes == votes + 1
    session = window.session
    assert session is not None
    session.push(SetValue(session, "candidates", last.id, "minutes_per_occurrence", 600))
    session.push(SetValue(session, "candidates", last.id, "frequency.count", 50))
    assert page.model.row_of(last.id) < 900  # re-ranked: the edit moved it far up
    assert page.current() is not None and page.current().candidate.id == last.id
