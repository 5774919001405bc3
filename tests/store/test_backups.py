"""Automatic backups, without Qt: where they go, when one is made (on opening to edit, after
five minutes of editing, on closing after edits — never when nothing changed), that each is
checked before it counts, that the newest ten are kept, and that a backup that cannot be made
never fails the edit."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.domain.model import Stakeholder, Workshop
from workshop_app.store.backup_making import make_backup
from workshop_app.store.backup_schedule import BackupPolicy
from workshop_app.store.backups import (
    ENVIRONMENT,
    KEEP,
    BackupFailed,
    backups_root,
    content_of,
    folder_of,
    list_backups,
)
from workshop_app.store.workshop_file import WorkshopFile

from ..damage import digest, tamper


class Clock:
    """Seconds the test moves by hand, and the wall-clock time backups are named after."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.start = dt.datetime(2026, 11, 24, 9, 0)

    def __call__(self) -> float:
        return self.seconds

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=self.seconds)

    def advance(self, minutes: float) -> None:
        self.seconds += minutes * 60


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def policy(clock: Clock) -> BackupPolicy:
    return BackupPolicy(clock=clock, now=clock.now)


def _add_person(number: int) -> Callable[[Workshop], None]:
    def add(workshop: Workshop) -> None:
        workshop.stakeholders.append(Stakeholder(f"k{number}", f"Person {number}"))

    return add


def _ids(path: Path) -> set[str]:
    with WorkshopFile.open(path, read_only=True) as opened:
        return {s.id for s in opened.workshop.stakeholders}


def test_backups_go_to_a_folder_of_the_users_named_after_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "chosen"))
    assert backups_root() == tmp_path / "chosen"
    monkeypatch.delenv(ENVIRONMENT)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert backups_root() == tmp_path / "data" / "first-workflow" / "backups"
    monkeypatch.setenv("XDG_DATA_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert backups_root() == tmp_path / "home" / ".local" / "share" / "first-workflow" / "backups"

    one, other = tmp_path / "a" / "Quotes 2026!.workshop", tmp_path / "b" / "Quotes 2026!.workshop"
    assert folder_of(one, tmp_path).name.startswith("Quotes-2026-")
    assert folder_of(one, tmp_path) != folder_of(other, tmp_path)  # same name, other folder
    assert folder_of(one, tmp_path) == folder_of(tmp_path / "b" / ".." / "a" / one.name, tmp_path)


def test_opening_to_edit_keeps_the_state_read_and_read_only_opens_keep_none(
    demo_file: Path, policy: BackupPolicy, backups_root: Path
) -> None:
    with WorkshopFile.open(demo_file, read_only=True, backups=policy):
        pass
    with WorkshopFile.open(demo_file):  # no policy: the commands that only record a version
        pass
    assert list_backups(demo_file) == []

    before = digest(demo_file)
    with WorkshopFile.open(demo_file, backups=policy) as opened:
        [backup] = list_backups(demo_file)
        assert backup.reason == "opened" and backup.number == 1
        assert backup.path.parent == folder_of(demo_file, backups_root)
        assert backup.title == opened.workshop.info.title
        assert backup.candidates == len(opened.workshop.candidates) == 8
        assert backup.content == content_of(opened.workshop)
        assert backup.made_at == dt.datetime(2026, 11, 24, 9, 0)
    assert digest(demo_file) == before  # the backup is a copy; the file is not touched
    with WorkshopFile.open(backup.path, read_only=True) as kept:
        assert content_of(kept.workshop) == backup.content

    with WorkshopFile.open(demo_file, backups=policy):  # nothing changed since: no new one
        pass
    assert len(list_backups(demo_file)) == 1


def test_the_backup_as_opened_can_wait_but_never_for_a_change_or_the_closing(
    demo_file: Path, clock: Clock
) -> None:
    """The app's start leaves the backup of the file as opened for after its first paint; the
    backup still holds the file as it was opened, whatever comes first."""
    later = BackupPolicy(clock=clock, now=clock.now, opened_later=True)
    with WorkshopFile.open(demo_file, backups=later) as opened:
        assert list_backups(demo_file) == []  # waiting
        as_opened = content_of(opened.workshop)
        opened.back_up_opened()
        opened.back_up_opened()  # once only
        [backup] = list_backups(demo_file)
        assert (backup.reason, backup.content) == ("opened", as_opened)

    other = demo_file.with_name("other.workshop")
    other.write_bytes(demo_file.read_bytes())
    with WorkshopFile.open(other, backups=later) as opened:
        as_opened = content_of(opened.workshop)
        opened.change(_add_person(1))  # the first change writes the backup as opened first
        first = list_backups(other)[-1]
        assert (first.reason, first.content) == ("opened", as_opened)
        assert content_of(opened.workshop) != as_opened

    third = demo_file.with_name("third.workshop")
    third.write_bytes(demo_file.read_bytes())
    WorkshopFile.open(third, backups=later).close()  # closed before the app asked
    [closed] = list_backups(third)
    assert closed.reason == "opened"


def test_edits_are_backed_up_every_five_minutes_and_on_closing(
    demo_file: Path, policy: BackupPolicy, clock: Clock
) -> None:
    with WorkshopFile.open(demo_file, backups=policy) as opened:
        clock.advance(4)
        opened.change(_add_person(1))
        assert len(list_backups(demo_file)) == 1  # four minutes: not yet
        clock.advance(1)
        opened.change(_add_person(2))
        newest = list_backups(demo_file)[0]
        assert newest.reason == "edited" and newest.number == 2
        assert {"k1", "k2"} <= _ids(newest.path)
        clock.advance(10)
        opened.change(_add_person(3))  # ten minutes later: one more
        clock.advance(1)
        opened.change(_add_person(4))
    backups = list_backups(demo_file)
    assert [b.reason for b in backups] == ["closed", "edited", "edited", "opened"]
    assert [b.number for b in backups] == [4, 3, 2, 1]
    assert {"k1", "k2", "k3", "k4"} <= _ids(backups[0].path)
    assert "k4" not in _ids(backups[1].path)


def test_an_edit_undone_before_the_backup_makes_none(
    demo_file: Path, policy: BackupPolicy, clock: Clock
) -> None:
    with WorkshopFile.open(demo_file, backups=policy) as opened:
        opened.change(_add_person(1))
        opened.change(lambda w: w.stakeholders.pop())
        clock.advance(6)
        opened.change(lambda w: None)  # an edit that changes nothing after all
    assert [b.reason for b in list_backups(demo_file)] == ["opened"]


def test_the_newest_ten_are_kept(demo_file: Path, policy: BackupPolicy, clock: Clock) -> None:
    with WorkshopFile.open(demo_file, backups=policy) as opened:
        for number in range(KEEP + 3):
            clock.advance(5)
            opened.change(_add_person(number))
    backups = list_backups(demo_file)
    assert len(backups) == KEEP
    assert [b.number for b in backups] == list(range(KEEP + 4, 4, -1))
    files = sorted(p.name for p in backups[0].path.parent.iterdir())
    assert len(files) == 2 * KEEP  # each backup and its details, nothing else


def test_a_backup_that_cannot_be_made_never_fails_the_edit_and_is_said_once(
    demo_file: Path, tmp_path: Path, clock: Clock
) -> None:
    blocked = tmp_path / "not a folder"
    blocked.write_text("a file where the backups folder should be", encoding="utf-8")
    policy = BackupPolicy(root=blocked / "backups", clock=clock, now=clock.now)
    with WorkshopFile.open(demo_file, backups=policy) as opened:
        problem = opened.take_backup_problem()
        assert problem is not None and problem.startswith("no backup could be made in ")
        assert opened.take_backup_problem() is None  # said once
        clock.advance(5)
        opened.change(_add_person(1))  # saved all the same
        assert opened.take_backup_problem() is None  # still failing: not said again
        assert not opened.unsaved
        blocked.unlink()  # the folder can be made again
        clock.advance(5)
        opened.change(_add_person(2))
        assert opened.take_backup_problem() is None
        assert opened.backups is not None and opened.backups.problem is None
    assert {"k1", "k2"} <= _ids(demo_file)
    assert list_backups(demo_file, policy.root)[0].reason == "edited"


def test_a_copy_that_fails_the_checks_never_counts(
    demo_file: Path, tmp_path: Path, backups_root: Path
) -> None:
    tamper(demo_file, "UPDATE candidates SET pain = 99 WHERE id = 'c3'")  # what another tool wrote
    conn = sqlite3.connect(demo_file)
    try:
        with pytest.raises(BackupFailed) as refused:
            make_backup(conn, demo_file, "opened")
    finally:
        conn.close()
    assert "candidates c3.pain: must be 1 to 5, got 99" in str(refused.value)
    assert list_backups(demo_file) == []
    assert list(folder_of(demo_file).iterdir()) == []  # no leftover either


def test_what_an_interrupted_backup_left_is_never_listed_and_cleaned_by_the_next(
    demo_file: Path, policy: BackupPolicy, clock: Clock, backups_root: Path
) -> None:
    with WorkshopFile.open(demo_file, backups=policy):
        pass
    folder = folder_of(demo_file)
    (folder / ".0002_2026-11-24_09-05-00.1a2b3c4d.tmp").write_bytes(b"SQLite format 3\x00half")
    (folder / "0003_2026-11-24_09-06-00.json").write_text("{}", encoding="utf-8")
    assert [b.number for b in list_backups(demo_file)] == [1]
    with WorkshopFile.open(demo_file, backups=policy) as opened:
        clock.advance(5)
        opened.change(_add_person(1))
    names = sorted(p.name for p in folder.iterdir())
    assert not any(name.startswith(".") for name in names)
    assert [b.number for b in list_backups(demo_file)] == [2, 1]
    assert len(names) == 4


def test_save_as_starts_the_backups_of_the_copy(
    demo_file: Path, policy: BackupPolicy, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.workshop"
    with WorkshopFile.open(demo_file, backups=policy) as opened:
        opened.save_as(copy)
    [kept] = list_backups(copy)
    assert kept.reason == "saved as"
    assert len(list_backups(demo_file)) == 1
