"""A journal beside a workshop file is rolled back into it only when it belongs to it (issue 14,
point 3), told by the revision every write draws (schema version 8): the journal of a crash of
this file is, and the file opens as it was last saved; one left by another copy's crash, one
that is not SQLite's, or one that is not a file is refused by name, and the file and the
journal keep their bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.operations import Step
from workshop_app.store.errors import DamagedWorkshop
from workshop_app.store.journal import StrayJournal, journal_of
from workshop_app.store.schema import MIGRATIONS
from workshop_app.store.strict_tables import V7_TABLE_NAMES
from workshop_app.store.workshop_file import Schema, WorkshopFile

from ..damage import FIXTURES, digest, tamper
from .file_rows import every_row, query

#: A child that starts an edit as the app writes one (a new revision, then its rows), makes it
#: big enough that SQLite writes pages into the file before the commit, and dies before it.
CRASH = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 10")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE file_state SET previous = revision, revision = lower(hex(randomblob(16)))")
# The new revision starts with the nonce SQLite drew for this journal (store/row_sync.py).
with open(sys.argv[1] + "-journal", "rb") as journal:
    nonce = journal.read(16)[12:].hex()
conn.execute("UPDATE file_state SET revision = ? || substr(revision, 9)", (nonce,))
conn.execute("UPDATE candidates SET description = ?", ("lost " * 6000,))
conn.execute("UPDATE workshop SET title = 'Never saved'")
os._exit(9)
"""


def crash_an_edit(path: Path) -> Path:
    """Leave ``path`` as a crash in the middle of an edit leaves it; returns its journal."""
    subprocess.run([sys.executable, "-c", CRASH, str(path)], check=False, timeout=60)
    journal = journal_of(path)
    assert journal.stat().st_size > 0
    return journal


def saved(path: Path) -> dict[str, object]:
    with WorkshopFile.open(path, read_only=True) as opened:
        return workshop_to_document(opened.workshop)


def rename(path: Path, title: str) -> None:
    with WorkshopFile.open(path) as opened:
        opened.change(Step(op.set_field, (Part.WORKSHOP, None, "title", title)))


def test_the_journal_of_a_crash_of_this_file_is_rolled_back(demo_file: Path) -> None:
    before = saved(demo_file)
    revision = query(demo_file, "SELECT revision FROM file_state")
    crash_an_edit(demo_file)
    assert saved(demo_file) == before
    assert query(demo_file, "SELECT revision FROM file_state") == revision
    assert not journal_of(demo_file).exists()  # rolled back, as SQLite finishes it


def test_every_write_draws_a_new_revision_and_keeps_the_one_it_replaced(
    demo_file: Path,
) -> None:
    [(first, _)] = query(demo_file, "SELECT revision, previous FROM file_state")
    rename(demo_file, "Renamed once")
    [(second, previous)] = query(demo_file, "SELECT revision, previous FROM file_state")
    assert previous == first and second != first and len(second) == 32


def test_the_journal_of_another_copy_is_refused_by_name(demo_file: Path, tmp_path: Path) -> None:
    """Two copies of one workshop part; the other is renamed, then crashes in an edit; its
    journal is put beside this file."""
    other = tmp_path / "other" / demo_file.name
    other.parent.mkdir()
    shutil.copyfile(demo_file, other)
    rename(other, "The other copy")
    journal = crash_an_edit(other)
    stray = journal_of(demo_file)
    shutil.move(journal, stray)
    bytes_before, journal_before = digest(demo_file), digest(stray)

    for read_only in (True, False):
        with pytest.raises(StrayJournal) as caught:
            WorkshopFile.open(demo_file, read_only=read_only)
        assert str(caught.value) == (
            f"{demo_file}: the journal beside it ({stray.name}) was left by a crash of "
            "another copy of this workshop (or of another file); rolling it back would mix "
            "that copy into this one; neither was changed. Move the journal out of the "
            "folder to open the file as it was last saved"
        )
    assert (digest(demo_file), digest(stray)) == (bytes_before, journal_before)

    stray.unlink()  # as the message says
    assert saved(demo_file)["workshop"]["title"] != "The other copy"


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda j: j.write_bytes(b"not a journal at all" * 40), "is not a journal SQLite wrote"),
        (lambda j: j.mkdir(), "is a folder, not a journal"),
        (lambda j: os.mkfifo(j), "is not a file (it is a link, pipe, socket or device)"),
    ],
    ids=["garbage", "folder", "pipe"],
)
def test_a_journal_that_is_not_sqlites_is_refused_and_kept(
    demo_file: Path, make: object, said: str
) -> None:
    journal = journal_of(demo_file)
    make(journal)  # type: ignore[operator]
    before = digest(demo_file)
    with pytest.raises(StrayJournal) as caught:
        WorkshopFile.open(demo_file)
    assert f"({journal.name}) {said}; neither was changed" in str(caught.value)
    assert digest(demo_file) == before
    assert os.path.lexists(journal)
    if journal.is_file():
        assert journal.read_bytes() == b"not a journal at all" * 40


def test_an_empty_journal_is_nothing_to_roll_back(demo_file: Path) -> None:
    before = saved(demo_file)
    journal_of(demo_file).write_bytes(b"")
    assert saved(demo_file) == before


def test_the_journal_of_another_file_altogether_is_refused(demo_file: Path, tmp_path: Path) -> None:
    """A bigger workshop's pages do not fit this file's: rolled back, they would break it."""
    other = tmp_path / "other.workshop"
    shutil.copyfile(demo_file, other)
    with WorkshopFile.open(other) as opened:
        for candidate in opened.workshop.candidates:
            field = (Part.CANDIDATES, candidate.id, "description", "long " * 7000)
            opened.change(Step(op.set_field, field))
    stray = journal_of(demo_file)
    shutil.move(crash_an_edit(other), stray)
    before, journal_before = digest(demo_file), digest(stray)
    with pytest.raises(StrayJournal) as caught:
        WorkshopFile.open(demo_file, read_only=True)
    assert f"({stray.name})" in str(caught.value)
    assert (digest(demo_file), digest(stray)) == (before, journal_before)


def test_a_version_seven_file_is_backed_up_then_given_its_first_revision(
    tmp_path: Path,
) -> None:
    old = tmp_path / "v7.workshop"
    shutil.copyfile(FIXTURES / "version7.workshop", old)
    before = every_row(old, V7_TABLE_NAMES, with_types=True)
    with WorkshopFile.open(old, read_only=True, schema=Schema(MIGRATIONS, 7)) as seven:
        expected = workshop_to_document(seven.workshop)

    with WorkshopFile.open(old) as opened:
        assert workshop_to_document(opened.workshop) == expected
        assert opened.upgrade()  # what its first change does

    backup = tmp_path / "v7.workshop.v7-backup"
    assert query(backup, "PRAGMA user_version") == [(7,)]
    assert every_row(backup, V7_TABLE_NAMES, with_types=True) == before
    assert every_row(old, V7_TABLE_NAMES, with_types=True) == before
    assert query(old, "PRAGMA user_version") == [(8,)]
    [(revision, previous)] = query(old, "SELECT revision, previous FROM file_state")
    assert len(revision) == 32 and previous == ""


def test_a_file_without_its_revision_row_is_refused(demo_file: Path) -> None:
    tamper(demo_file, "DELETE FROM file_state")
    before = digest(demo_file)
    with pytest.raises(DamagedWorkshop) as caught:
        WorkshopFile.open(demo_file)
    assert str(caught.value) == (
        f"{demo_file}: file_state: its row is missing (the file's revision)"
    )
    assert digest(demo_file) == before


def test_a_journal_sqlite_never_synced_restores_nothing_and_the_file_opens(
    demo_file: Path,
) -> None:
    """Killed before SQLite made its journal safe, an edit never reached the file: the
    journal's magic is still zero (SQLite writes it at the first sync), and there is nothing
    to roll back."""
    before = saved(demo_file)
    # magic, record count, nonce, pages before the edit, sector size, page size
    sizes = b"".join(n.to_bytes(4, "big") for n in (35, 512, 4096))
    header = bytes(8) + bytes(4) + os.urandom(4) + sizes
    journal_of(demo_file).write_bytes(header + bytes(4096))
    assert saved(demo_file) == before
