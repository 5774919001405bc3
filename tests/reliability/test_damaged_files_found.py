"""What the damaged-file properties found, each as the smallest case that shows it: a plain
test per finding, failing until the product is fixed.

Each names the property it breaks: a command opens what ``check`` refuses (or the reverse), a
refused command changes the file, a stray journal is rolled into the wrong file, or a command
waits forever.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ..cli.test_damaged_files import _command
from ..damage import VERSION_6, digest, tamper
from .command_runs import in_process, in_subprocess, journal_of
from .test_stray_journals import Journals, beside, made_by_crashes, retitle

pytestmark = pytest.mark.slow


def _agree(path: Path, out: Path, command: str) -> None:
    """``check`` calls the file valid exactly when ``command`` opens it."""
    check = in_process("check", path)
    other = in_process(*_command(command, path, out))
    assert (check.code == 0) == (other.code == 0), (
        f"check said {check.out or check.err!r}; {command} said {other.out[:200] or other.err!r}"
    )


# ---------------------------------------------------------------- status reads what check refuses
def test_status_refuses_a_file_without_its_revision_row(demo_file: Path, tmp_path: Path) -> None:
    tamper(demo_file, "DELETE FROM file_state")
    _agree(demo_file, tmp_path, "status")


def test_status_refuses_a_file_whose_index_is_out_of_step_with_its_table(tmp_path: Path) -> None:
    """One flipped byte in the index of ``_sqlite_migrations``: ``integrity_check`` (check,
    every other command) finds it, the ``quick_check`` of status and the welcome screen not."""
    path = tmp_path / "old.workshop"
    data = bytearray(VERSION_6.read_bytes())
    data[7790] ^= 0x72
    path.write_bytes(bytes(data))
    _agree(path, tmp_path, "status")


# ---------------------------------------------------------------- check calls valid, a writer fails
def test_check_refuses_a_revision_that_breaks_its_rules(demo_file: Path, tmp_path: Path) -> None:
    """``checkin`` fails to save with a CHECK constraint quoted over two lines."""
    tamper(demo_file, "UPDATE file_state SET revision = 'not a revision'")
    _agree(demo_file, tmp_path, "checkin")


def test_check_refuses_a_header_whose_write_version_sqlite_does_not_know(
    demo_file: Path, tmp_path: Path
) -> None:
    """Byte 18 of the header above 2: SQLite reads the file and will not write it, and
    ``checkin`` fails with "attempt to write a readonly database … use Save As"."""
    data = bytearray(demo_file.read_bytes())
    data[18] = 3
    demo_file.write_bytes(bytes(data))
    _agree(demo_file, tmp_path, "checkin")


def test_check_refuses_an_older_file_that_its_upgrade_cannot_carry(tmp_path: Path) -> None:
    """Text in a position of the version-6 fixture: read as it is, it passes; brought up to
    version 7's STRICT tables, it cannot be stored."""
    path = tmp_path / "old.workshop"
    shutil.copyfile(VERSION_6, path)
    tamper(path, "UPDATE candidates__problem_ids SET position = 'x' WHERE rowid = 3")
    _agree(path, tmp_path, "checkin")


# ---------------------------------------------------------------- a refusal changes the file
def test_an_upgrade_that_fails_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "old.workshop"
    shutil.copyfile(VERSION_6, path)
    tamper(path, "UPDATE candidates__problem_ids SET position = 'x' WHERE rowid = 3")
    before = digest(path)
    run = in_process(*_command("checkin", path, tmp_path))
    assert run.code == 1
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.workshop"]


@pytest.mark.parametrize(
    "command",
    [
        ("review-import", "{folder}/filled.pdf"),
        ("checkin", "--metric", "m1", "--date", "1999-01-01", "--value", "3"),
    ],
    ids=["a form that is not there", "a reading before the workshop"],
)
def test_a_refused_write_leaves_an_older_file_as_it_was(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """The file is backed up and upgraded on open, before the command refuses what it was
    asked to write."""
    path = tmp_path / "old.workshop"
    shutil.copyfile(VERSION_6, path)
    before = digest(path)
    name, *rest = command
    run = in_process(name, path, *(arg.format(folder=tmp_path) for arg in rest))
    assert run.code == 1, run.out
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.workshop"]


# ---------------------------------------------------------------- journals
@pytest.fixture
def journals() -> Journals:
    return made_by_crashes()


def test_a_journal_of_a_copy_this_file_was_edited_past_is_refused(
    journals: Journals, tmp_path: Path
) -> None:
    """The copy crashed from the state this file had before its last edit; rolled back, it
    undoes that edit where their pages meet ("check" then says valid, with the old title)."""
    edited = tmp_path / "edited.workshop"
    edited.write_bytes(journals.saved)
    retitle(edited, "Edited here after the copy")
    path = beside(tmp_path, edited.read_bytes(), journals.strays[_BEHIND])
    before = digest(path)
    check = in_process("check", path)
    assert check.code == 1, check.out
    assert "journal" in check.err
    assert digest(path) == before


_BEHIND = "another copy, which this file was edited past"


def test_a_damaged_journal_of_this_file_does_not_keep_the_cut_off_edit(
    journals: Journals, tmp_path: Path
) -> None:
    """One flipped bit in the journal's record count: the rollback stops, the journal is
    deleted, and the half-written edit is called a valid workshop."""
    journal = bytearray(journals.own)
    journal[8] ^= 1
    path = beside(tmp_path, journals.torn, bytes(journal))
    check = in_process("check", path)
    assert "Cut off by a crash" not in check.out
    if check.code == 1:
        assert journal_of(path).read_bytes() == bytes(journal)


@pytest.mark.parametrize("journal", ["another copy, edited further", "a zero byte"])
def test_status_refuses_a_journal_that_is_not_the_files(
    journals: Journals, tmp_path: Path, journal: str
) -> None:
    """status (and the welcome screen) roll any journal back into a copy and show that."""
    stray = journals.strays.get(journal, b"\x00")
    path = beside(tmp_path, journals.saved, stray)
    _agree(path, tmp_path / "out", "status")


def test_status_does_not_wait_on_a_pipe_named_journal(journals: Journals, tmp_path: Path) -> None:
    """SQLite opens the journal to read its first byte; a pipe waits for a writer forever.
    The welcome screen's list of recent workshops reads files the same way."""
    path = beside(tmp_path, journals.saved, os.mkfifo)
    run = in_subprocess("status", path, timeout=10)
    assert run.code is not None, "status still waits on the pipe after 10 s"
    assert "journal" in run.err


def test_status_names_a_folder_named_journal(journals: Journals, tmp_path: Path) -> None:
    path = beside(tmp_path, journals.saved, Path.mkdir)
    run = in_process("status", path)
    assert run.code == 1
    assert "journal" in run.err, run.err
