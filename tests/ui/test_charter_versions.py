"""The Charter stage knows whether the last exported PDF is out of date and what changed
since, and the sign-off list says which version each person signed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import SignoffDecision
from workshop_app.domain.stages import Stage
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.charter import CharterPage
from workshop_app.ui.pages.metrics import MetricsPage

from .driving import fill
from .test_charter_page import RENDER_TIMEOUT_MS

DEMO_VERSION = "fu5cgn6drs"


def _row_of(page: CharterPage, stakeholder_id: str) -> str:
    model = page.signoffs.model()
    people = [s.id for s in page.session.workshop.stakeholders]
    return str(
        model.data(model.index(people.index(stakeholder_id), 0), Qt.ItemDataRole.DisplayRole)
    )


def test_the_charter_stage_says_when_the_export_is_out_of_date(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = demo_window.pages[Stage.CHARTER]
    assert isinstance(page, CharterPage)
    demo_window.show_stage(Stage.CHARTER)
    assert page.version_state.text().startswith("No charter has been exported yet.")

    job = page.export_to(tmp_path / "charter.pdf")
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=RENDER_TIMEOUT_MS):
        pass
    session = page.session
    qtbot.waitUntil(lambda: bool(session.workshop.versions))
    assert session.workshop.versions[0].fingerprint == DEMO_VERSION
    assert not session.undo_stack.canUndo()  # an export is not an edit to take back
    assert "is this version" in page.version_state.text()

    page.sign("s2", SignoffDecision.APPROVED, "")
    qtbot.waitUntil(lambda: "Daniel Reyes approved" in page.version_state.text())
    assert "out of date" not in page.version_state.text()  # signing does not change it
    assert f"signed version {DEMO_VERSION} (this version)" in _row_of(page, "s2")

    demo_window.show_stage(Stage.METRICS)
    metrics = demo_window.pages[Stage.METRICS]
    assert isinstance(metrics, MetricsPage)
    metrics.editor.select_id("m2")
    fill(qtbot, metrics.editor.form, target=6)
    assert session.workshop.metric("m2").target == 6  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "out of date" in page.version_state.text())
    text = page.version_state.text()
    assert f"(version {DEMO_VERSION}) is out of date" in text
    assert "Target of 'Median time from quote request received to quot…' 8 → 6 hours" in text
    assert f"signed version {DEMO_VERSION}, 1 change since" in _row_of(page, "s2")


def test_a_draft_counts_its_open_points_in_words(
    open_window: Callable[[Path], MainWindow], empty_file: Path
) -> None:
    window = open_window(empty_file)
    window.show_stage(Stage.CHARTER)
    page = window.pages[Stage.CHARTER]
    assert isinstance(page, CharterPage)
    gaps = gate_gaps(page.session.workshop)
    assert len(gaps) > 1
    assert page.status.text().startswith(f"Draft: {len(gaps)} points open before it can be")
