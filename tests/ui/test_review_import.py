"""Importing a filled review form in the app: from the Charter stage by its key (the file
dialog answered by typing the path) or by dropping the PDF on the window. What the form says
is shown before it is recorded; an older version's changes must be ticked as read; a bad PDF is
one message and changes nothing. Recorded, it is on disk, in the sign-off list, and one undo
step."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.review_forms import filled_form
from tests.ui.driving import activate, answer_with_keys, focused, on_modal, press
from tests.ui.test_charter_page import RENDER_TIMEOUT_MS, charter_page
from workshop_app.domain.model import SignoffChannel, SignoffDecision
from workshop_app.domain.review_fields import FormPart
from workshop_app.domain.stages import Stage
from workshop_app.domain.versions import charter_document, charter_fingerprint
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui import undo
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.review_import import ReviewImportDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PARTS = {
    FormPart.DECISION: "/changes_requested",
    FormPart.COMMENT_WORKFLOW: "Start with the Monday quotes only.",
    FormPart.COMMENT_METRICS: "Sixty per cent is too high for month one.",
    FormPart.NAME: "Daniel Reyes",
    FormPart.DATE: "2026-11-28",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _on_disk(path: Path, stakeholder_id: str):
    with WorkshopFile.open(path, read_only=True) as opened:
        return next(
            (s for s in opened.workshop.signoffs if s.stakeholder_id == stakeholder_id), None
        )


def _dialog_text(dialog: ReviewImportDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def _open_charter(qtbot: QtBot, window: MainWindow):
    page = charter_page(window)
    window.show_stage(Stage.CHARTER)
    activate(qtbot, window)
    page.focus_first()
    return page


def test_the_key_imports_a_form_shown_first_then_recorded_and_undone(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    session = demo_window.session
    assert session is not None
    form = filled_form(session.workshop, "s2", tmp_path / "Review Daniel Reyes.pdf", PARTS)
    page = _open_charter(qtbot, demo_window)
    assert "Ctrl+Shift+I" in page.import_button.toolTip()
    seen: list[str] = []

    def confirm(dialog: ReviewImportDialog) -> None:
        activate(qtbot, dialog)
        seen.append(_dialog_text(dialog))
        assert focused() is dialog.record_button  # this version, a date read: ready at once
        press(qtbot, Qt.Key.Key_Return)

    answer_with_keys(qtbot, QFileDialog, str(form))  # the path typed where the dialog asks
    on_modal(ReviewImportDialog, confirm)
    press(qtbot, Qt.Key.Key_I, CTRL_SHIFT)

    assert len(seen) == 1
    for words in (
        "Daniel Reyes asks for changes",
        "Start with the Monday quotes only.",
        "Sixty per cent",
        "On the workflow:",
        "On the metrics:",
        "this version",
    ):
        assert words in seen[0]
    signed = _on_disk(Path(session.path), "s2")
    assert signed is not None and signed.channel is SignoffChannel.FORM
    assert signed.decision is SignoffDecision.CHANGES_REQUESTED and signed.date == "2026-11-28"
    assert signed.comment_workflow == PARTS[FormPart.COMMENT_WORKFLOW]
    assert signed.signed_as == "Daniel Reyes"
    assert signed.version == charter_fingerprint(session.workshop)
    rows = [
        page.signoffs.model().index(r, 0).data() for r in range(page.signoffs.model().rowCount())
    ]
    assert any(row.startswith("Daniel Reyes") and "Changes requested" in row for row in rows), rows

    # The next charter carries it: in its attached workshop and in the words it prints.
    exported = tmp_path / "charter.pdf"
    activate(qtbot, demo_window)
    answer_with_keys(qtbot, QFileDialog, str(exported))
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=RENDER_TIMEOUT_MS)
    reader = PdfReader(exported)
    attached = json.loads(reader.attachments["workshop.json"][0])
    [kept] = [s for s in attached["signoffs"] if s["stakeholder_id"] == "s2"]
    assert (
        kept["channel"] == "form" and kept["comment_workflow"] == PARTS[FormPart.COMMENT_WORKFLOW]
    )
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Sixty per cent is too high for month one." in text

    activate(qtbot, demo_window)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _on_disk(Path(session.path), "s2") is None


def test_an_older_version_is_recorded_only_once_its_changes_are_ticked(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    session = demo_window.session
    assert session is not None
    approve = {
        FormPart.DECISION: "/approved",
        FormPart.NAME: "Priya N.",
        FormPart.DATE: "29/11/2026",
    }
    form = filled_form(session.workshop, "s3", tmp_path / "priya.pdf", approve)
    undo.record_export(session, charter_document(session.workshop))
    metric = session.workshop.metrics[0]
    session.push(undo.SetValue(session, "metrics", metric.id, "target", 75))
    page = _open_charter(qtbot, demo_window)
    seen: list[str] = []

    def confirm(dialog: ReviewImportDialog) -> None:
        activate(qtbot, dialog)
        seen.append(_dialog_text(dialog))
        assert dialog.seen is not None and focused() is dialog.seen
        assert not dialog.record_button.isEnabled()
        press(qtbot, Qt.Key.Key_Space)  # ticked: now it can be recorded
        assert dialog.record_button.isEnabled()
        press(qtbot, Qt.Key.Key_Return)

    on_modal(ReviewImportDialog, confirm)
    assert page.import_review_file(form)
    assert "older version" in seen[0] and "→ 75" in seen[0], seen
    signed = _on_disk(Path(session.path), "s3")
    assert signed is not None and signed.date == "2026-11-29"
    assert signed.version != charter_fingerprint(session.workshop)


def test_a_date_that_cannot_be_read_is_typed_by_the_facilitator(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    session = demo_window.session
    assert session is not None
    form = filled_form(
        session.workshop, "s2", tmp_path / "f.pdf", PARTS | {FormPart.DATE: "Friday"}
    )
    page = _open_charter(qtbot, demo_window)

    def confirm(dialog: ReviewImportDialog) -> None:
        activate(qtbot, dialog)
        assert focused() is dialog.date_field and not dialog.record_button.isEnabled()
        assert "“Friday”" in _dialog_text(dialog)
        qtbot.keyClicks(focused(), "20261127")
        press(qtbot, Qt.Key.Key_Return)

    on_modal(ReviewImportDialog, confirm)
    assert page.import_review_file(form)
    signed = _on_disk(Path(session.path), "s2")
    assert signed is not None and signed.date == "2026-11-27"


def test_a_bad_pdf_is_one_message_and_changes_nothing(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    session = demo_window.session
    assert session is not None
    blank = filled_form(session.workshop, "s2", tmp_path / "blank.pdf", {})
    before = _digest(Path(session.path))
    page = _open_charter(qtbot, demo_window)
    said: list[str] = []

    def close(box: QMessageBox) -> None:
        activate(qtbot, box)
        said.append(box.text())
        press(qtbot, Qt.Key.Key_Return)

    on_modal(QMessageBox, close)
    assert not page.import_review_file(blank)
    assert said == ["blank.pdf is blank: nothing was filled in.\n\nNothing was recorded."]
    assert _digest(Path(session.path)) == before
    assert not session.undo_stack.canUndo()


def _drop(window: MainWindow, path: Path) -> bool:
    """Drag ``path`` over the window and drop it, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPointF(window.rect().center())
    enter = QDragEnterEvent(
        centre,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        centre,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_a_pdf_dropped_on_the_window_is_imported_from_the_charter_stage(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    session = demo_window.session
    assert session is not None
    form = filled_form(session.workshop, "s2", tmp_path / "Review Daniel Reyes.pdf", PARTS)
    other = tmp_path / "notes.txt"
    other.write_text("not a form", encoding="utf-8")
    assert not _drop(demo_window, other)  # only a PDF is taken

    before = _on_disk(Path(session.path), "s2")
    shown: list[str] = []

    def cancel_then_check(dialog: ReviewImportDialog) -> None:
        activate(qtbot, dialog)
        shown.append(_dialog_text(dialog))
        press(qtbot, Qt.Key.Key_Escape)

    on_modal(ReviewImportDialog, cancel_then_check)
    assert _drop(demo_window, form)
    qtbot.waitUntil(lambda: bool(shown))
    assert demo_window.current_stage() is Stage.CHARTER
    assert _on_disk(Path(session.path), "s2") == before  # cancelled: nothing recorded

    def record(dialog: ReviewImportDialog) -> None:
        activate(qtbot, dialog)
        press(qtbot, Qt.Key.Key_Return)

    on_modal(ReviewImportDialog, record)
    assert _drop(demo_window, form)
    qtbot.waitUntil(
        lambda: (
            (s := _on_disk(Path(session.path), "s2")) is not None
            and s.channel is SignoffChannel.FORM
        )
    )
