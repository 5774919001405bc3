"""The Charter stage: a live preview and an export made off the UI thread."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.operations import Step
from workshop_app.domain.stages import Stage
from workshop_app.ui import undo
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.charter import CharterPage, charter_file_name
from workshop_app.ui.report_runner import write_whole

from ..pdf_reading import all_text, reader

RENDER_TIMEOUT_MS = 90_000


def charter_page(window: MainWindow) -> CharterPage:
    page = window.pages[Stage.CHARTER]
    assert isinstance(page, CharterPage)
    return page


def test_preview_shows_the_charter_without_blocking(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = charter_page(demo_window)
    demo_window.show_stage(Stage.CHARTER)
    job = page.refresh_preview() or next(iter(page.runner.jobs.values()))[0]
    assert page.busy.isVisible()  # the UI is still running while the job works
    with qtbot.waitSignal(job.signals.finished, timeout=RENDER_TIMEOUT_MS):
        pass
    qtbot.waitUntil(lambda: not page.busy_now())
    assert page.document.pageCount() >= 8
    assert not page.busy.isVisible()
    assert "Agreed" in page.status.text()


def test_export_writes_a_whole_charter_and_offers_the_folder(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = charter_page(demo_window)
    demo_window.show_stage(Stage.CHARTER)
    target = tmp_path / "out" / "charter"
    target.parent.mkdir()
    job = page.export_to(target)
    with qtbot.waitSignal(job.signals.finished, timeout=RENDER_TIMEOUT_MS):
        pass
    written = target.with_name("charter.pdf")
    assert page.last_export == written
    assert page.open_folder.isVisible()
    assert sorted(p.name for p in written.parent.iterdir()) == ["charter.pdf"]
    pdf = written.read_bytes()
    assert "Choosing our first AI workflow" in all_text(pdf)
    attached = json.loads(reader(pdf).attachments["workshop.json"][0])
    assert attached["workshop"]["title"] == "Choosing our first AI workflow"


def test_a_failing_target_leaves_nothing_and_says_why(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = charter_page(demo_window)
    folder = tmp_path / "exports"
    folder.mkdir()
    in_the_way = folder / "charter.pdf"
    in_the_way.mkdir()  # a folder where the file should go: the write must fail
    job = page.export_to(in_the_way)
    with qtbot.waitSignal(job.signals.finished, timeout=RENDER_TIMEOUT_MS):
        pass
    assert "was not exported" in page.message.text()
    assert page.last_export is None
    assert not page.open_folder.isVisible()
    assert sorted(p.name for p in folder.iterdir()) == ["charter.pdf"]
    assert list(in_the_way.iterdir()) == []


def test_write_whole_refuses_a_missing_folder(tmp_path: Path) -> None:
    assert write_whole(tmp_path / "nope" / "c.pdf", b"%PDF-") == "the folder does not exist"
    assert not (tmp_path / "nope").exists()


def test_default_file_name_is_safe() -> None:
    name = charter_file_name('Q4: "AI" / <plan>', None)
    assert name.startswith("Q4 AI  plan charter ")
    assert name.endswith(".pdf")


def test_characters_the_fonts_cannot_print_are_named_once_after_the_export(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    """An emoji prints as an empty box: the export says so, naming each character once."""
    session = demo_window.session
    session.push(
        undo.Edit(
            session,
            "Rename",
            Step(op.set_field, (Part.WORKSHOP, None, "title", "Launch 🚀 day 🚀 ✅")),
        )
    )
    page = charter_page(demo_window)
    demo_window.show_stage(Stage.CHARTER)
    job = page.export_to(tmp_path / "charter.pdf")
    with qtbot.waitSignal(job.signals.finished, timeout=RENDER_TIMEOUT_MS):
        pass
    qtbot.waitUntil(lambda: page.last_export is not None)
    said = page.message.text()
    assert said.startswith("Exported charter.pdf (")
    assert said.endswith(
        "2 characters are not in the bundled fonts and print as empty boxes: 🚀 (U+1F680), "
        "✅ (U+2705); replace them with words to print them"
    )
    assert page.message.property("warning") is True


def test_write_whole_refuses_a_folder_or_a_pipe_and_leaves_it(tmp_path: Path) -> None:
    folder = tmp_path / "charter.pdf"
    folder.mkdir()
    assert (
        write_whole(folder, b"%PDF-") == "charter.pdf is a folder; name a file in it for the output"
    )
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    assert "is not a regular file" in (write_whole(pipe, b"%PDF-") or "")
    assert folder.is_dir() and pipe.is_fifo()
