"""Backups in the app, by keys: a file that cannot be opened is restored from its newest
backup that opens (a damaged newer one is passed over) with one key in the dialog that says
so (Enter, or Alt+R); a damaged file is rebuilt from a charter (the one found beside it, or
another whose path is typed); File > Restore from Backup… (Ctrl+R) lists the backups, and
Enter restores one after a confirmation naming what is replaced, which is kept as a backup
itself; a backup that cannot be made is said once; a file whose only fault is another copy's
journal beside it is not offered a restore (setting the journal aside mends it:
tests/ui/test_open_problems.py)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from workshop_app.store.backup_schedule import BackupPolicy
from workshop_app.store.backups import ENVIRONMENT, content_of, list_backups, list_replaced
from workshop_app.store.journal import StrayJournal
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.open_problem import ways_on
from workshop_app.ui.restore_dialog import BackupsDialog
from workshop_app.ui.settings import Settings

from ..damage import FINDINGS, tamper
from ..store.test_restore import charter_pdf
from .driving import activate, answer_with_keys, focused, on_modal, press, welcome_window

TITLE = "Choosing our first AI workflow"


def plain(text: str) -> str:
    """A message as it reads: its no-break spaces and hyphens as plain ones."""
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def _buttons(box: QMessageBox) -> list[str]:
    return [button.text().replace("&", "") for button in box.buttons()]


def _backed_up_then_renamed(path: Path) -> None:
    """Backup 1: the demo as opened; backup 2: renamed, when closed."""
    with WorkshopFile.open(path, backups=BackupPolicy()) as opened:
        opened.change(lambda w: setattr(w.info, "title", "Renamed"))


@pytest.mark.parametrize(
    "keys",
    [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier),
    ],
    ids=["Enter", "Alt+R"],
)
def test_a_file_that_cannot_be_opened_is_restored_from_its_newest_backup_with_one_key(
    qtbot: QtBot, settings: Settings, demo_file: Path, keys: tuple[Qt.Key, Qt.KeyboardModifier]
) -> None:
    _backed_up_then_renamed(demo_file)
    rotten, newest = list_backups(demo_file)  # the newest that opens is the older one
    rotten.path.write_bytes(rotten.path.read_bytes()[:4096])  # a disk that lost its end
    tamper(demo_file, FINDINGS["a trigger that deletes readings"].sql)
    damaged = demo_file.read_bytes()
    window = welcome_window(qtbot, settings)
    seen: list[tuple[str, list[str], str]] = []

    def restore_by_key(box: QMessageBox) -> None:
        activate(qtbot, box)
        default = box.defaultButton()
        seen.append((plain(box.text()), _buttons(box), default.text() if default else ""))
        press(qtbot, *keys)

    on_modal(QMessageBox, restore_by_key)
    assert window.open_path(demo_file)
    text, buttons, default = seen[0]
    when = f"{newest.made_at:%a %d %b %H:%M:%S}"
    assert f"You can restore the backup of {when} (“{TITLE}”, 8 candidates)" in text
    assert buttons == [f"Restore the backup of {when}", "Cancel"]
    assert default == f"&Restore the backup of {when}"

    session = window.session
    assert session is not None and not session.read_only
    assert window.central.currentIndex() == 1  # the workshop is on screen
    assert session.workshop.info.title == TITLE
    assert content_of(session.workshop) == newest.content
    [kept] = list_replaced(demo_file)
    assert kept.path.read_bytes() == damaged
    session.close()
    window.session = None


def test_a_damaged_file_is_rebuilt_from_a_charter_whose_path_is_typed(
    qtbot: QtBot,
    settings: Settings,
    demo_file: Path,
    demo_document: dict[str, Any],
    tmp_path: Path,
) -> None:
    charter_pdf(tmp_path / "Charter.pdf", demo_document)  # beside it, and it is this workshop's
    other = copy.deepcopy(demo_document)
    other["workshop"]["title"] = "From the emailed charter"
    elsewhere = tmp_path / "mail"
    elsewhere.mkdir()
    emailed = charter_pdf(elsewhere / "charter from mail.pdf", other)
    tamper(demo_file, FINDINGS["a table replaced by a view"].sql)
    window = welcome_window(qtbot, settings)
    seen: list[tuple[str, list[str]]] = []

    def rebuild(box: QMessageBox) -> None:
        activate(qtbot, box)
        seen.append((plain(box.text()), _buttons(box)))
        press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)

    on_modal(QMessageBox, rebuild)
    answer_with_keys(qtbot, QFileDialog, str(emailed))  # the path typed where the dialog asks
    assert window.open_path(demo_file)
    text, buttons = seen[0]
    assert "The charter Charter.pdf of " in text and "is newer:" in text
    assert buttons == ["Rebuild from charter…", "Cancel"]
    session = window.session
    assert session is not None and not session.read_only
    assert session.workshop.info.title == "From the emailed charter"
    assert len(list_replaced(demo_file)) == 1  # the damaged file, kept as it was
    session.close()
    window.session = None


def test_ctrl_r_lists_the_backups_and_enter_restores_one_after_confirming(
    qtbot: QtBot, settings: Settings, demo_file: Path
) -> None:
    _backed_up_then_renamed(demo_file)
    renamed, older = list_backups(demo_file)
    window = welcome_window(qtbot, settings)
    assert window.open_path(demo_file)
    activate(qtbot, window)
    seen: list[str] = []

    def choose_the_older(dialog: BackupsDialog) -> None:
        activate(qtbot, dialog)
        assert focused() is dialog.list  # the list has the keyboard: Up and Down choose
        seen.extend(dialog.list.item(row).text() for row in range(dialog.list.count()))
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)

    def confirm(box: QMessageBox) -> None:
        activate(qtbot, box)
        seen.append(plain(box.text()))
        press(qtbot, Qt.Key.Key_Return)

    on_modal(BackupsDialog, choose_the_older)
    on_modal(QMessageBox, confirm)
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    first, second, question = seen
    assert "“Renamed”, 8 candidates" in first and "(when closed)" in first
    assert f"“{TITLE}”, 8 candidates" in second and "(when opened)" in second
    when = f"{older.made_at:%a %d %b %H:%M:%S}"
    assert question.startswith(
        f"Replace what {demo_file.name} holds now with the backup of {when}?\n\n"
        f"Now: “Renamed”, 8 candidates\nThe backup: “{TITLE}”, 8 candidates\n\n"
    )

    session = window.session
    assert session is not None and not session.read_only
    assert session.workshop.info.title == TITLE
    assert window.statusBar().currentMessage().startswith("Restored backup 1 of ")
    assert session.file.backups is not None
    session.file.backups.wait()  # the app checks its backup of the reopened file in a thread
    backups = list_backups(demo_file)
    assert backups[1] == renamed  # what it replaced was backup 2 already: kept, not copied
    assert (
        backups[0].reason == "opened" and backups[0].content == list_backups(demo_file)[2].content
    )
    session.close()
    window.session = None


def test_backups_that_cannot_be_made_are_said_in_the_status_bar(
    qtbot: QtBot,
    settings: Settings,
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, str(blocked / "backups"))
    window = welcome_window(qtbot, settings)
    assert window.open_path(demo_file)
    message = window.statusBar().currentMessage()
    assert message.startswith("No backup could be made in ")
    assert message.endswith("your work itself is saved in the file")
    session = window.session
    assert session is not None and not session.read_only
    session.close()
    window.session = None


def test_a_journal_of_another_copy_is_not_mended_by_a_restore(demo_file: Path) -> None:
    """The file itself is whole: setting the stray journal aside mends it, not a backup."""
    with WorkshopFile.open(demo_file, backups=BackupPolicy()):
        pass
    demo_file.with_name(demo_file.name + "-journal").write_bytes(b"not a journal " * 64)
    with pytest.raises(StrayJournal) as refused:
        WorkshopFile.open(demo_file)
    assert [way.button for way in ways_on(refused.value)] == ["&Set the journal aside and open"]
