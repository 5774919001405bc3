"""The workshop file on disk: round trips, one transaction per change, refusing bad files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from workshop_app.domain import decisions, edits
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import Candidate, Frequency, Period, Stakeholder, Workshop
from workshop_app.store import errors
from workshop_app.store.schema import APPLICATION_ID, SCHEMA_VERSION
from workshop_app.store.workshop_file import WorkshopFile, inspect, write_new_file


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reopen(path: Path) -> dict:
    with WorkshopFile.open(path, read_only=True) as opened:
        return workshop_to_document(opened.workshop)


def test_demo_round_trips_through_a_real_file(demo_file: Path, demo_document: dict) -> None:
    assert reopen(demo_file) == demo_document


def test_file_is_marked_as_ours_and_versioned(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    finally:
        conn.close()
    assert {
        "workshop",
        "stakeholders",
        "problems",
        "prior_attempts",
        "candidates",
        "metrics",
        "adoption",
        "risks",
        "checkins",
        "signoffs",
        "decisions",
    } <= tables


def test_every_change_is_saved_at_once_and_survives_reopening(demo_file: Path) -> None:
    with WorkshopFile.open(demo_file) as opened:

        def vote(workshop: Workshop) -> None:
            workshop.candidates[0].votes = 11

        _, changes = opened.change(vote)
        assert changes.lists == {"candidates"}
        assert changes.ids["candidates"] == {opened.workshop.candidates[0].id}
        # Nothing is left in a journal: a plain copy of the file holds the change.
        assert not demo_file.with_name(demo_file.name + "-journal").exists()
        assert not demo_file.with_name(demo_file.name + "-wal").exists()
        copy = demo_file.with_name("copy.workshop")
        shutil.copyfile(demo_file, copy)
    assert reopen(copy)["candidates"][0]["votes"] == 11


def test_a_change_that_touches_nothing_writes_nothing(demo_file: Path) -> None:
    before = digest(demo_file)
    with WorkshopFile.open(demo_file) as opened:
        _, changes = opened.change(lambda workshop: None)
    assert not changes
    assert digest(demo_file) == before


def test_remove_and_restore_keep_file_and_memory_in_step(
    demo_file: Path, demo_document: dict
) -> None:
    with WorkshopFile.open(demo_file) as opened:
        chosen = next(i for i, c in enumerate(opened.workshop.candidates) if c.status == "chosen")
        removal, changes = opened.change(lambda w: edits.remove(w, "candidates", chosen))
        assert {"candidates", "metrics", "checkins", "decisions"} <= changes.lists
        after_remove = reopen(demo_file)
        assert after_remove == workshop_to_document(opened.workshop)
        assert after_remove["metrics"] == []
        assert after_remove["checkins"] == []
        opened.change(lambda w: edits.restore(w, removal))
    assert reopen(demo_file) == demo_document


def test_decisions_are_logged_in_the_same_transaction(demo_file: Path) -> None:
    with WorkshopFile.open(demo_file) as opened:
        parked = next(c for c in opened.workshop.candidates if c.status == "parked")
        opened.change(
            lambda w: decisions.unpark(w, parked.id, "Worth another look", "2026-11-10T13:00:00")
        )
    document = reopen(demo_file)
    assert document["decisions"][-1] == {
        "at": "2026-11-10T13:00:00",
        "kind": "unparked",
        "candidate_id": parked.id,
        "reason": "Worth another look",
    }
    assert next(c for c in document["candidates"] if c["id"] == parked.id)["status"] == "candidate"


def test_numbers_keep_their_exact_type(tmp_path: Path) -> None:
    workshop = Workshop()
    workshop.info.title, workshop.info.date = "Numbers", "2026-01-05"
    workshop.candidates.append(
        Candidate(
            id="c1",
            name="Reconcile invoices",
            frequency=Frequency(2.5, Period.DAY),
            minutes_per_occurrence=12,
            pain=3,
        )
    )
    path = tmp_path / "n.workshop"
    write_new_file(path, workshop)
    candidate = reopen(path)["candidates"][0]
    assert candidate["frequency"]["count"] == 2.5
    assert isinstance(candidate["minutes_per_occurrence"], int)


def test_a_failed_write_keeps_the_change_in_memory(demo_file: Path) -> None:
    opened = WorkshopFile.open(demo_file)
    try:
        opened._db.execute("PRAGMA query_only = ON")  # every write now fails, like a full disk

        def rename(workshop: Workshop) -> None:
            workshop.info.title = "Typed during the outage"

        with pytest.raises(errors.WriteFailed, match="kept in memory"):
            opened.change(rename)
        assert opened.unsaved
        assert opened.workshop.info.title == "Typed during the outage"
        target = demo_file.with_name("rescued.workshop")
        opened.save_as(target)
        assert not opened.unsaved
        assert opened.path == target
    finally:
        opened.close()
    assert reopen(target)["workshop"]["title"] == "Typed during the outage"


def test_read_only_refuses_changes_and_leaves_the_file_alone(demo_file: Path) -> None:
    before = digest(demo_file)
    with (
        WorkshopFile.open(demo_file, read_only=True) as opened,
        pytest.raises(errors.ReadOnlyWorkshop),
    ):
        opened.change(lambda w: w.stakeholders.append(Stakeholder("s99", "New")))
    assert digest(demo_file) == before


def test_create_refuses_to_replace_an_existing_file(
    tmp_path: Path, demo_workshop: Workshop
) -> None:
    target = tmp_path / "taken.workshop"
    target.write_bytes(b"precious")
    with pytest.raises(errors.FileExists):
        write_new_file(target, demo_workshop)
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.workshop"]


def _sqlite_file_of_another_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.commit()
    conn.close()


def _newer_file(path: Path, demo_workshop: Workshop) -> None:
    write_new_file(path, demo_workshop)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _truncated_file(path: Path, demo_workshop: Workshop) -> None:
    write_new_file(path, demo_workshop)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupt_file(path: Path, demo_workshop: Workshop) -> None:
    write_new_file(path, demo_workshop)
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 997):  # scribble over every page but the first
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda p, w: p.write_bytes(b""), errors.NotAWorkshop, "is empty"),
        (
            lambda p, w: p.write_text('{"format": "first-workflow/1"}'),
            errors.NotAWorkshop,
            "not an SQLite database",
        ),
        (
            lambda p, w: p.write_bytes(b"%PDF-1.7\n" + bytes(300)),
            errors.NotAWorkshop,
            "not an SQLite database",
        ),
        (lambda p, w: _sqlite_file_of_another_program(p), errors.NotAWorkshop, "another program"),
        (_newer_file, errors.NewerWorkshop, "newer version"),
        (_truncated_file, errors.DamagedWorkshop, "damaged"),
        (_corrupt_file, errors.DamagedWorkshop, "damaged"),
    ],
    ids=["empty", "json", "pdf", "foreign-sqlite", "newer", "truncated", "corrupt"],
)
def test_bad_files_are_refused_clearly_and_left_unchanged(
    tmp_path: Path, demo_workshop: Workshop, make, error, words
) -> None:
    path = tmp_path / "bad.workshop"
    make(path, demo_workshop)
    before = digest(path)
    with pytest.raises(error) as caught:
        WorkshopFile.open(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert words in message
    assert "\n" not in message
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.workshop"]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "typo.workshop"
    with pytest.raises(errors.FileMissing, match="no such file"):
        WorkshopFile.open(missing)
    assert not missing.exists()  # sqlite3 would have created it; we must not


def test_inspect_reports_the_version_without_writing(demo_file: Path) -> None:
    before = digest(demo_file)
    assert inspect(demo_file) == SCHEMA_VERSION
    assert digest(demo_file) == before


HALF_WRITTEN = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill the change into the file before it commits
conn.execute("BEGIN")
for number in range(3000):
    conn.execute("INSERT INTO stakeholders VALUES (?, ?, ?, '', '', '', 'other')",
                 (f"x{number}", 1000 + number, "n" * 200))
os._exit(0)  # a crash: no commit, no rollback, the journal stays behind
"""


def test_a_change_cut_off_by_a_crash_is_rolled_back_on_opening(
    demo_file: Path, demo_document: dict
) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", HALF_WRITTEN, str(demo_file)], check=True)
    assert demo_file.with_name(demo_file.name + "-journal").exists()
    with WorkshopFile.open(demo_file, read_only=True) as opened:
        assert workshop_to_document(opened.workshop) == demo_document
    assert not demo_file.with_name(demo_file.name + "-journal").exists()
