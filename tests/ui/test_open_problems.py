"""A workshop file that cannot be opened as it is, in the app: one calm message naming the file
and the problem, the file unchanged; what can be read of a file whose rows break the rules
opens read-only on request (its banner says what was left out) and Save As makes a valid copy;
a file whose tables were changed offers nothing to open (without a backup, only a rebuild from a
charter the facilitator picks). A file whose only fault is a journal beside it that is not its
own says so in plain words and offers, by keys, to set the journal aside (kept, renamed) and
open the workshop as it was last saved; nothing moves unless chosen. And opening a valid file,
then walking every stage and field, writes nothing. Restoring a backup and rebuilding from a
charter: tests/ui/test_restore.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from workshop_app.store.journal import journal_of
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import STAGES, MainWindow
from workshop_app.ui.settings import Settings

from ..damage import FINDINGS, digest, tamper
from ..lock_holder import held_elsewhere
from ..store.test_set_aside import ASIDE, journal_of_another_copy
from .driving import TAB, activate, focused, on_modal, press, welcome_window, when_modal

SET_ASIDE = "Set the journal aside and open"


def plain(text: str) -> str:
    """A message as it reads: its no-break spaces and hyphens (which keep a name or a time
    on one line) as plain ones."""
    return text.replace("\u00a0", " ").replace("\u2011", "-")


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


def _set_aside_journals(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ASIDE.fullmatch(p.name))


def _tab_to(qtbot: QtBot, box: QMessageBox, words: str) -> None:
    """Tab through the dialog's buttons until the one saying ``words`` has the focus."""
    for _ in range(len(box.buttons()) + 1):
        widget = focused()
        if isinstance(widget, QPushButton) and widget.text().replace("&", "") == words:
            return
        press(qtbot, TAB)
    raise AssertionError(f"Tab never reaches {words!r}")


@pytest.mark.parametrize(
    "keys",
    [
        [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)],
        [(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)],
        "Tab to Cancel, back to the button, Space",
    ],
    ids=["Enter", "Alt+S", "Tab and Space"],
)
def test_a_journal_of_another_copy_is_set_aside_by_keys_and_the_workshop_opens_as_saved(
    qtbot: QtBot, settings: Settings, demo_file: Path, tmp_path: Path, keys: object
) -> None:
    title = "Choosing our first AI workflow"
    stray = journal_of_another_copy(demo_file, tmp_path)
    journal_bytes, file_before = stray.read_bytes(), digest(demo_file)
    window = welcome_window(qtbot, settings)
    seen: list[tuple[str, list[str], str]] = []

    def set_aside_by_keys(box: QMessageBox) -> None:
        activate(qtbot, box)
        default = box.defaultButton()
        seen.append((plain(box.text()), _buttons(box), default.text() if default else ""))
        if isinstance(keys, list):
            for key, modifier in keys:
                press(qtbot, key, modifier)
            return
        _tab_to(qtbot, box, "Cancel")
        _tab_to(qtbot, box, SET_ASIDE)
        press(qtbot, Qt.Key.Key_Space)

    on_modal(QMessageBox, set_aside_by_keys)
    assert window.open_path(demo_file)
    text, buttons, default = seen[0]
    assert text.startswith("demo.workshop could not be opened as it is.")
    assert (
        "Beside it is demo.workshop-journal, a leftover from an edit of another copy of this "
        "workshop that was cut off" in text
    )
    assert "The workshop itself is intact, as it was last saved. Neither file was changed." in (
        text
    )
    assert (
        "You can set the journal aside and open the workshop as it was last saved: Enter. The "
        "journal is kept in the same folder, renamed demo.workshop-journal.set-aside-DATE-TIME; "
        "nothing is deleted."
    ) in text
    assert buttons == [SET_ASIDE, "Cancel"]  # the file is whole: no restore offered
    assert default == f"&{SET_ASIDE}"

    [aside] = _set_aside_journals(demo_file.parent)
    assert aside.read_bytes() == journal_bytes
    assert not os.path.lexists(stray)
    assert digest(demo_file) == file_before
    session = window.session
    assert session is not None and not session.read_only
    assert window.central.currentIndex() == 1  # the workshop is on screen
    assert window.windowTitle() == f"{title} — demo.workshop — First Workflow"
    session.close()
    window.session = None


def test_escape_leaves_the_stray_journal_and_the_file_as_they_are(
    qtbot: QtBot, settings: Settings, demo_file: Path, tmp_path: Path
) -> None:
    stray = journal_of_another_copy(demo_file, tmp_path)
    journal_bytes, file_before = stray.read_bytes(), digest(demo_file)
    window = welcome_window(qtbot, settings)

    def cancel(box: QMessageBox) -> None:
        activate(qtbot, box)
        press(qtbot, Qt.Key.Key_Escape)

    on_modal(QMessageBox, cancel)
    assert not window.open_path(demo_file)
    assert window.session is None
    assert window.central.currentWidget() is window.welcome
    assert (stray.read_bytes(), digest(demo_file)) == (journal_bytes, file_before)
    assert _set_aside_journals(demo_file.parent) == []


def test_a_folder_in_the_journals_place_is_named_and_set_aside(
    qtbot: QtBot, settings: Settings, demo_file: Path
) -> None:
    journal = journal_of(demo_file)
    journal.mkdir()
    window = welcome_window(qtbot, settings)
    seen: list[str] = []

    def set_aside(box: QMessageBox) -> None:
        activate(qtbot, box)
        seen.append(plain(box.text()))
        press(qtbot, Qt.Key.Key_Return)

    on_modal(QMessageBox, set_aside)
    assert window.open_path(demo_file)
    assert (
        "Beside it is demo.workshop-journal, in the place of the file's journal (what is "
        "left when an edit is cut off), but it is a folder, not a journal, so it was not used."
    ) in seen[0]
    [aside] = _set_aside_journals(demo_file.parent)
    assert aside.is_dir() and not os.path.lexists(journal)
    assert window.session is not None
    window.session.close()
    window.session = None


def test_a_journal_is_not_set_aside_while_another_app_has_the_workshop_open(
    qtbot: QtBot, settings: Settings, demo_file: Path
) -> None:
    """Beside a file another app is writing, a journal may be its change: it stays, and the
    facilitator is told why."""
    window = welcome_window(qtbot, settings)
    first: list[QMessageBox] = []
    said: list[str] = []

    def read_warning(box: QMessageBox) -> None:
        if box is first[0]:  # still closing: wait for the next one
            on_modal(QMessageBox, read_warning)
            return
        activate(qtbot, box)
        said.append(box.text())
        press(qtbot, Qt.Key.Key_Return)

    def set_aside(box: QMessageBox) -> None:
        first.append(box)
        activate(qtbot, box)
        on_modal(QMessageBox, read_warning)
        press(qtbot, Qt.Key.Key_Return)

    with held_elsewhere(demo_file) as pid:
        journal = journal_of(demo_file)
        journal.write_bytes(b"not a journal at all" * 40)
        on_modal(QMessageBox, set_aside)
        assert not window.open_path(demo_file)
        assert journal.read_bytes() == b"not a journal at all" * 40
        journal.unlink()
    assert said[0].startswith("The journal was not set aside; nothing was changed.")
    assert f"(process {pid})" in said[0]
    assert window.session is None
