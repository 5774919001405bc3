"""The app's own open (File > Open, a recent file, a file named at start: ``open_path``) on
damaged files drawn as in :mod:`tests.reliability.test_damaged_files_property`. What this
proves, for every example: no exception and no Qt warning; a file ``check`` refuses is
explained in one dialog that names it and its first problem as ``check`` words it (answered
here with Escape, as a facilitator would), a file it calls valid opens without a dialog; and
the file's bytes are the same afterwards, with no lock left behind. And a stray journal
beside a file is refused in the dialog, the journal of its own crashed edit rolled back.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from workshop_app.terminal import shown
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import Settings

from ..ui.driving import activate, on_modal, press, welcome_window
from .command_runs import fingerprint, in_process, journal_of
from .damaging import Damage, damages
from .test_damaged_files_property import bases, damaged_copy, derandomised
from .test_stray_journals import beside, made_by_crashes

pytestmark = pytest.mark.slow

#: The text of the box that ends a wait for a dialog that did not come.
NO_DIALOG = "(no dialog came)"


def open_and_escape(qtbot: QtBot, window: MainWindow, path: Path) -> tuple[bool, list[str]]:
    """Open ``path`` as File > Open does and answer each dialog with Escape; whether it
    opened (it is closed again), and what the dialogs said (``[NO_DIALOG]`` when none came)."""
    seen: list[str] = []

    def escape(box: QMessageBox) -> None:
        seen.append(box.text())
        activate(qtbot, box)
        press(qtbot, Qt.Key.Key_Escape)

    on_modal(QMessageBox, escape)
    opened = window.open_path(path)
    if not seen:  # no dialog: end the wait for one with a box of our own
        QMessageBox(QMessageBox.Icon.NoIcon, "", NO_DIALOG, parent=window).exec()
    if opened:
        window.close_workshop()
    return opened, seen


def test_the_app_opens_a_damaged_file_or_explains_it_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = welcome_window(qtbot, Settings.in_file(tmp_path / "settings.ini"))
    base = bases()["demo"]

    @derandomised(30)
    @given(found=st.lists(damages(base.words), min_size=1, max_size=2))
    def opens(found: list[Damage]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = damaged_copy(base, found, Path(folder))
            check = in_process("check", path)
            before = fingerprint(path)
            opened, seen = open_and_escape(qtbot, window, path)
            assert fingerprint(path) == before, "opening changed the file"
            assert not path.with_name(f".{path.name}.lock").exists(), "a lock was left"
            if check.code == 0:
                assert opened, f"check calls it valid, and the app said {seen}"
                assert seen == [NO_DIALOG]
            else:
                first = check.lines[0].removeprefix(f"{path}: ")
                assert not opened
                assert window.session is None
                assert len(seen) == 1
                # The command line shows control characters as escapes; the dialog as they are.
                assert f"{path.name}: {first}" in shown(seen[0]), (check.err, seen[0])
                assert "The file was not changed." in seen[0]

    opens()


@pytest.mark.parametrize(
    "journal", ["another copy, edited further", "another workshop", "a zero byte", "a folder"]
)
def test_the_app_refuses_a_stray_journal_and_changes_neither(
    qtbot: QtBot, tmp_path: Path, journal: str
) -> None:
    journals = made_by_crashes()
    stray = journals.strays.get(journal, b"\x00")
    path = beside(tmp_path, journals.saved, Path.mkdir if journal == "a folder" else stray)
    journal_before = fingerprint(journal_of(path))
    window = welcome_window(qtbot, Settings.in_file(tmp_path / "settings.ini"))
    opened, seen = open_and_escape(qtbot, window, path)
    assert not opened
    assert len(seen) == 1 and "journal" in seen[0], seen
    assert path.read_bytes() == journals.saved
    assert fingerprint(journal_of(path)) == journal_before


def test_the_app_rolls_back_the_journal_of_this_file(qtbot: QtBot, tmp_path: Path) -> None:
    journals = made_by_crashes()
    path = beside(tmp_path, journals.torn, journals.own)
    window = welcome_window(qtbot, Settings.in_file(tmp_path / "settings.ini"))
    opened, seen = open_and_escape(qtbot, window, path)
    assert opened, seen
    assert seen == [NO_DIALOG]
    assert path.read_bytes() == journals.saved
    assert not journal_of(path).exists()
