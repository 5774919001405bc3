"""A journal that does not belong to its workshop (issue 14, point 3) is set aside on request:
renamed in the same folder to a name SQLite never reads as a journal, its bytes kept, nothing
overwritten; the workshop then opens as it was last saved. A journal that belongs to the file,
a missing one, or one whose file another process has open is refused, and nothing moves."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.journal import StrayJournal, journal_of, set_aside
from workshop_app.store.lock import WorkshopLocked, lock_path
from workshop_app.store.workshop_file import WorkshopFile

from ..damage import digest
from .test_journals import crash_an_edit, rename, saved

#: What a set-aside journal is called: the journal's name, then when it was set aside.
ASIDE = re.compile(r"demo\.workshop-journal\.set-aside-(\d{8}-\d{6})(-\d+)?")


def journal_of_another_copy(path: Path, folder: Path) -> Path:
    """Beside ``path``: the journal of a crash of another copy of it, which was renamed
    "The other copy" first (as a sync tool or a careless copy leaves one)."""
    other = folder / "other" / path.name
    other.parent.mkdir()
    shutil.copyfile(path, other)
    rename(other, "The other copy")
    stray = journal_of(path)
    shutil.move(crash_an_edit(other), stray)
    return stray


def test_a_journal_of_another_copy_is_set_aside_whole_and_the_file_opens_as_last_saved(
    demo_file: Path, tmp_path: Path
) -> None:
    title = saved(demo_file)["workshop"]["title"]  # type: ignore[index]
    stray = journal_of_another_copy(demo_file, tmp_path)
    journal_bytes, file_before = stray.read_bytes(), digest(demo_file)
    with pytest.raises(StrayJournal):
        WorkshopFile.open(demo_file)

    aside = set_aside(demo_file)

    assert aside.parent == demo_file.parent
    found = ASIDE.fullmatch(aside.name)
    assert found is not None
    assert dt.datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")  # when, readable
    assert aside.read_bytes() == journal_bytes
    assert not os.path.lexists(stray)
    assert digest(demo_file) == file_before  # the workshop itself is not touched
    assert not os.path.lexists(lock_path(demo_file))  # the lock is let go
    assert saved(demo_file)["workshop"]["title"] == title  # as last saved, not the other copy
    assert aside.read_bytes() == journal_bytes  # opening never takes the set-aside journal


@pytest.mark.parametrize(
    "make",
    [
        lambda j: j.write_bytes(b"not a journal at all" * 40),
        lambda j: (j.mkdir(), (j / "inside.txt").write_text("kept", encoding="utf-8")),
        lambda j: os.mkfifo(j),
        lambda j: j.symlink_to(j.with_name("elsewhere")),
    ],
    ids=["garbage", "folder", "pipe", "link"],
)
def test_whatever_stands_in_the_journals_place_is_renamed_as_it_is(
    demo_file: Path, make: object
) -> None:
    journal = journal_of(demo_file)
    make(journal)  # type: ignore[operator]
    before = os.lstat(journal)
    with pytest.raises(StrayJournal):
        WorkshopFile.open(demo_file)

    aside = set_aside(demo_file)

    after = os.lstat(aside)
    assert after.st_ino == before.st_ino
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
    if stat.S_ISDIR(after.st_mode):
        assert (aside / "inside.txt").read_text(encoding="utf-8") == "kept"
    assert not os.path.lexists(journal)
    with WorkshopFile.open(demo_file, read_only=True) as opened:
        assert opened.workshop.info.title


def test_a_name_that_is_taken_is_never_overwritten(demo_file: Path) -> None:
    """Every name the next seconds could give is taken: the counter finds a free one."""
    now = dt.datetime.now()
    taken = {}
    for seconds in range(-1, 30):
        stamp = (now + dt.timedelta(seconds=seconds)).strftime("%Y%m%d-%H%M%S")
        place = demo_file.with_name(f"demo.workshop-journal.set-aside-{stamp}")
        place.write_bytes(stamp.encode())
        taken[place] = stamp.encode()
    journal_of(demo_file).write_bytes(b"a journal of nobody's" * 30)

    aside = set_aside(demo_file)

    found = ASIDE.fullmatch(aside.name)
    assert found is not None and found.group(2) == "-2"
    assert aside.read_bytes() == b"a journal of nobody's" * 30
    assert all(place.read_bytes() == data for place, data in taken.items())


def test_a_journal_of_a_crash_of_this_file_is_not_set_aside(demo_file: Path) -> None:
    """It is what makes the file whole: opening rolls it back."""
    journal = crash_an_edit(demo_file)
    journal_bytes, file_before = journal.read_bytes(), digest(demo_file)

    with pytest.raises(WorkshopFileError) as refused:
        set_aside(demo_file)

    assert str(refused.value) == (
        f"{demo_file}: the journal beside it (demo.workshop-journal) belongs to it: it is "
        "rolled back when the file is opened, so it was not set aside"
    )
    assert (journal.read_bytes(), digest(demo_file)) == (journal_bytes, file_before)
    assert [p.name for p in demo_file.parent.iterdir() if "set-aside" in p.name] == []


def test_without_a_journal_nothing_is_set_aside(demo_file: Path) -> None:
    with pytest.raises(WorkshopFileError) as refused:
        set_aside(demo_file)
    assert str(refused.value) == (
        f"{demo_file}: there is no journal beside it (demo.workshop-journal) to set aside"
    )


def test_a_journal_is_not_moved_while_the_workshop_is_open_to_be_changed(
    demo_file: Path,
) -> None:
    """Beside a file open for writing, a journal may be a change being written."""
    with WorkshopFile.open(demo_file):
        journal = journal_of(demo_file)
        journal.write_bytes(b"being written" * 40)
        with pytest.raises(WorkshopLocked):
            set_aside(demo_file)
        assert journal.read_bytes() == b"being written" * 40
        journal.unlink()
