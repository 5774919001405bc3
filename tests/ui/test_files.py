"""Files in the app: the welcome screen, new and opened workshops, files that cannot be opened,
and a file that stops accepting writes mid-session."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from workshop_app.domain.stages import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import Settings

from .driving import fill, welcome_window, when_modal


def test_welcome_lists_recent_workshops_and_marks_missing_ones(
    qtbot: QtBot, settings: Settings, demo_file: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "moved away.workshop"
    settings.add_recent(gone)
    settings.add_recent(demo_file)
    window = welcome_window(qtbot, settings)
    assert window.central.currentWidget() is window.welcome
    entries = [
        window.welcome.recent.item(row).text() for row in range(window.welcome.recent.count())
    ]
    assert entries[0].startswith(
        "Choosing our first AI workflow — Harrowfield Industrial "
        "Supply · 2026-11-10 · changed today"
    )
    assert entries[1].startswith("moved away.workshop — missing")
    window.welcome.recent.setCurrentRow(0)
    window.welcome._activated(window.welcome.recent.item(0))
    assert window.session is not None
    assert window.session.path == demo_file.resolve()
    window.session.close()
    window.session = None


def test_a_file_that_cannot_be_opened_is_reported_and_left_alone(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.workshop"
    notes.write_text("meeting notes", encoding="utf-8")
    before = hashlib.sha256(notes.read_bytes()).hexdigest()
    window = welcome_window(qtbot, settings)
    seen: list[str] = []

    def read_and_close(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_modal(QMessageBox, read_and_close)
    assert not window.open_path(notes)
    assert "notes.workshop: is not a workshop file" in seen[0]
    assert "The file was not changed." in seen[0]
    assert hashlib.sha256(notes.read_bytes()).hexdigest() == before
    assert window.central.currentWidget() is window.welcome


def test_new_workshop_asks_where_to_keep_it_then_opens_setup(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    settings.set_last_folder(tmp_path)
    window = welcome_window(qtbot, settings)
    target = tmp_path / "Kestrel.workshop"

    def choose_file(dialog: object) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()

    when_modal(QFileDialog, choose_file)
    window.new_workshop()
    assert target.exists()
    assert window.session is not None
    assert window.current_stage() is Stage.SETUP
    assert window.session.workshop.info.title == "Untitled workshop"
    window.session.close()
    window.session = None


def test_when_the_file_stops_taking_writes_nothing_typed_is_lost(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path, tmp_path: Path
) -> None:
    session = demo_window.session
    assert session is not None
    # From now on every write fails, as on a stick that was pulled or turned read-only.
    session.file._db.execute("PRAGMA query_only = ON")
    setup = demo_window.pages[Stage.SETUP]
    fill(qtbot, setup.details, notes="Typed while the stick was full. " * 4)
    assert demo_window.banner.isVisible()
    assert "Everything you typed is kept" in demo_window.banner.label.text()
    assert "(not saved)" in demo_window.windowTitle()
    assert session.workshop.info.notes.startswith("Typed while the stick was full.")

    rescue = tmp_path / "rescued.workshop"
    assert demo_window.save_as_path(rescue)
    assert not demo_window.banner.isVisible()
    assert "(not saved)" not in demo_window.windowTitle()
    with WorkshopFile.open(rescue, read_only=True) as copy:
        assert copy.workshop.info.notes.startswith("Typed while the stick was full.")
    fill(qtbot, setup.details, location="Carries on in the copy")
    with WorkshopFile.open(rescue, read_only=True) as copy:
        assert copy.workshop.info.location == "Carries on in the copy"


def test_a_workshop_open_elsewhere_opens_read_only_with_a_banner(
    qtbot: QtBot, settings: Settings, demo_file: Path
) -> None:
    from ..lock_holder import held_elsewhere

    with held_elsewhere(demo_file):
        window = welcome_window(qtbot, settings)

        def choose_read_only(box: object) -> None:
            assert isinstance(box, QMessageBox)
            assert "already open in First Workflow" in box.text()
            read_only = next(b for b in box.buttons() if b.text() == "Open read-only")
            read_only.click()

        when_modal(QMessageBox, choose_read_only)
        assert window.open_path(demo_file)
        assert window.session is not None and window.session.read_only
        assert window.banner.isVisible()
        assert "read-only" in window.banner.label.text()
        assert "[read-only]" in window.windowTitle()
        window.session.close()
        window.session = None
