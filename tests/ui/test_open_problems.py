"""A workshop file that cannot be opened as it is, in the app: one calm message naming the file
and the problem, the file unchanged; what can be read of a file whose rows break the rules
opens read-only on request (its banner says what was left out) and Save As makes a valid copy;
a file whose tables were changed offers nothing to open (without a backup, only a rebuild from a
charter the facilitator picks). And opening a valid file, then walking every stage and field,
writes nothing. Restoring a backup and rebuilding from a charter: tests/ui/test_restore.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import STAGES, MainWindow
from workshop_app.ui.settings import Settings

from ..damage import FINDINGS, digest, tamper
from .driving import TAB, press, welcome_window, when_modal


def _buttons(box: QMessageBox) -> list[str]:
    return [button.text().replace("&", "") for button in box.buttons()]


def test_what_can_be_read_of_a_damaged_file_opens_read_only_on_request(
    qtbot: QtBot, settings: Settings, demo_file: Path, tmp_path: Path
) -> None:
    tamper(demo_file, "UPDATE candidates SET pain = 99 WHERE id = 'c3'")
    before = digest(demo_file)
    window = welcome_window(qtbot, settings)
    seen: list[tuple[str, list[str]]] = []

    def open_read_only(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), _buttons(box)))
        next(b for b in box.buttons() if b.text() == "Open read-only").click()

    when_modal(QMessageBox, open_read_only)
    assert window.open_path(demo_file)
    text, buttons = seen[0]
    assert "demo.workshop: candidates c3.pain: must be 1 to 5, got 99" in text
    assert "The file was not changed." in text
    assert "1 value is left out" in text
    assert buttons == ["Open read-only", "Rebuild from charter…", "Cancel"]  # no backup here
    session = window.session
    assert session is not None and session.read_only
    assert session.workshop.candidate("c3").pain is None  # type: ignore[union-attr]
    assert window.banner.isVisible()
    assert "1 value of the file broke the rules" in window.banner.label.text()
    assert window.banner.label.toolTip() == "candidates c3.pain: must be 1 to 5, got 99"

    copy = tmp_path / "mended.workshop"
    assert window.save_as_path(copy)
    assert not session.read_only and not window.banner.isVisible()
    with WorkshopFile.open(copy, read_only=True) as mended:
        assert mended.workshop.candidate("c3").pain is None  # type: ignore[union-attr]
    assert digest(demo_file) == before
    session.close()
    window.session = None


def test_a_file_whose_tables_were_changed_offers_nothing_to_open(
    qtbot: QtBot, settings: Settings, demo_file: Path, tmp_path: Path
) -> None:
    finding = FINDINGS["a trigger that deletes readings"]
    damaged = finding.made_from(demo_file, tmp_path)
    before = digest(damaged)
    window = welcome_window(qtbot, settings)
    seen: list[tuple[str, list[str]]] = []

    def read_and_close(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), _buttons(box)))
        box.accept()

    when_modal(QMessageBox, read_and_close)
    assert not window.open_path(damaged)
    text, buttons = seen[0]
    assert f"damaged.workshop: {finding.message}" in text
    assert "The file was not changed." in text
    assert buttons == ["Rebuild from charter…", "Cancel"]  # nothing to open, no backup
    assert window.session is None
    assert window.central.currentWidget() is window.welcome
    assert digest(damaged) == before


def test_opening_a_file_and_walking_every_stage_writes_nothing(
    qtbot: QtBot, open_window: object, demo_file: Path
) -> None:
    """Values the app would store differently (surrounding spaces) stay as they are until the
    facilitator edits them: leaving a field without typing stores nothing."""
    tamper(
        demo_file,
        "UPDATE workshop SET title = '  Spaced title  ', location = ' Room 4 ';"
        "UPDATE stakeholders SET role = ' Sales lead ' WHERE position = 0;"
        "UPDATE candidates SET name = name || '  ' WHERE position = 0;",
    )
    before = digest(demo_file)
    window: MainWindow = open_window(demo_file)  # type: ignore[operator]
    for stage in STAGES:
        window.show_stage(stage)
        window.pages[stage].focus_first()
        for _ in range(12):
            press(qtbot, TAB)
    window.close_workshop()
    assert digest(demo_file) == before
