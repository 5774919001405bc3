"""The Charter stage's "Review forms…": reached by its key, it asks for a folder and writes a
form per stakeholder through a child process, like the charter export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from workshop_app.domain.stages import Stage
from workshop_app.domain.versions import charter_fingerprint
from workshop_app.ui.main_window import MainWindow

from .driving import activate, press
from .test_charter_page import RENDER_TIMEOUT_MS, charter_page


def test_the_key_asks_for_a_folder_and_writes_the_forms(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reviews"
    asked: list[str] = []

    def choose(_parent: object, title: str, _start: str) -> str:
        asked.append(title)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    page = charter_page(demo_window)
    demo_window.show_stage(Stage.CHARTER)
    activate(qtbot, demo_window)
    page.focus_first()
    assert "Ctrl+Shift+R" in page.review_button.toolTip()
    press(
        qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert asked == ["A folder for the review forms"]
    qtbot.waitUntil(lambda: not page.review_runner.busy, timeout=RENDER_TIMEOUT_MS)
    assert len(list(folder.glob("Review *.pdf"))) == len(demo_window.session.workshop.stakeholders)
    assert "8 review forms written" in page.message.text()
    assert page.open_folder.isVisible()
    # The version the forms show went out: the workshop records it, as for an export.
    session = demo_window.session
    assert [v.fingerprint for v in session.workshop.versions] == [
        charter_fingerprint(session.workshop)
    ]


def test_the_button_is_in_the_tab_order(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = charter_page(demo_window)
    demo_window.show_stage(Stage.CHARTER)
    activate(qtbot, demo_window)
    page.export_button.setFocus()
    seen = []
    widget = page.export_button
    for _ in range(10):
        widget = widget.nextInFocusChain()
        seen.append(widget)
    assert page.review_button in seen
    assert page.review_button.focusPolicy() & Qt.FocusPolicy.TabFocus
