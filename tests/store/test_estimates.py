"""Estimates in the workshop file: schema version 3 upgrades a version-2 file after a backup,
answers are written and read through ``WorkshopFile.change``, removals keep the file and memory
in step, and the JSON interchange carries them both ways."""

from __future__ import annotations

import json
import shutil
import sqlite3
import warnings
from pathlib import Path

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import Estimate, EstimateFact, Period
from workshop_app.domain.operations import Step
from workshop_app.store.interchange import export_text, import_document
from workshop_app.store.schema import MIGRATIONS, SCHEMA_VERSION
from workshop_app.store.tables import STEPS
from workshop_app.store.workshop_file import Schema, WorkshopFile

FIXTURE = Path(__file__).parent.parent / "fixtures" / "version2.workshop"

ROUND = [
    Estimate("c1", EstimateFact.OCCURRENCES, 1, "s1", 50, Period.DAY),
    Estimate("c1", EstimateFact.OCCURRENCES, 1, "s2", 2.5, Period.WEEK),
    Estimate("c1", EstimateFact.OCCURRENCES, 1, None, None, Period.DAY),
    Estimate("c1", EstimateFact.MINUTES, 1, "s2", 12),
    Estimate("c1", EstimateFact.PAIN, 1, None, 4),
    Estimate("c2", EstimateFact.PAIN, 1, "s2", 3),
]


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_a_version_two_file_is_backed_up_then_upgraded_to_three(tmp_path: Path) -> None:
    copy = tmp_path / "v2.workshop"
    shutil.copyfile(FIXTURE, copy)
    assert _version(copy) == 2 and "estimates" not in _tables(copy)
    version_two = Schema(MIGRATIONS, 2)
    with WorkshopFile.open(FIXTURE, read_only=True, schema=version_two) as old:
        expected = workshop_to_document(old.workshop)
    with WorkshopFile.open(copy) as opened:
        assert workshop_to_document(opened.workshop) == expected
        assert opened.workshop.estimates == []
        assert len(opened.workshop.checkin_plan) == 3  # version 2's table is kept whole
        assert opened.upgrade()  # what its first change does
    backup = tmp_path / "v2.workshop.v2-backup"
    assert _version(backup) == 2 and "estimates" not in _tables(backup)
    with WorkshopFile.open(backup, read_only=True, schema=version_two) as kept:
        assert workshop_to_document(kept.workshop) == expected
    assert _version(copy) == SCHEMA_VERSION and "estimates" in _tables(copy)
    conn = sqlite3.connect(copy)
    steps = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert steps[:3] == ["0001_workshop_tables", "0002_checkin_plan", "0003_estimates"]
    assert len(steps) == len(STEPS)  # and every later step
    # The upgraded file takes estimates like a new one.
    with WorkshopFile.open(copy) as opened:
        opened.change(Step(op.add_estimates, (ROUND,)))
    with WorkshopFile.open(copy, read_only=True) as again:
        assert again.workshop.estimates == ROUND


def test_a_version_one_file_is_brought_through_both_steps(tmp_path: Path) -> None:
    copy = tmp_path / "v1.workshop"
    shutil.copyfile(FIXTURE.with_name("version1.workshop"), copy)
    with WorkshopFile.open(copy) as opened:
        opened.change(Step(op.add_estimates, (ROUND[:1],)))
    assert _version(copy) == SCHEMA_VERSION
    with WorkshopFile.open(copy, read_only=True) as again:
        assert again.workshop.estimates == ROUND[:1]


def test_a_round_is_written_and_read_back_exactly(plain_demo_file: Path) -> None:
    with WorkshopFile.open(plain_demo_file) as opened:
        outcome, written = opened.change(Step(op.add_estimates, (ROUND,)))
        assert written == Changes.of(Part.ESTIMATES) and outcome.covers(written)
    with WorkshopFile.open(plain_demo_file, read_only=True) as again:
        kept = again.workshop.estimates
    assert kept == ROUND
    assert type(kept[0].value) is int and type(kept[1].value) is float
    assert kept[0].fact is EstimateFact.OCCURRENCES and kept[0].per is Period.DAY
    assert kept[3].per is None and kept[2].value is None and kept[2].who is None


def test_removals_and_their_undo_keep_file_and_memory_in_step(plain_demo_file: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an undeclared change would fail here
        with WorkshopFile.open(plain_demo_file) as opened:
            opened.change(Step(op.add_estimates, (ROUND,)))
            before = workshop_to_document(opened.workshop)
            steps = [
                Step(op.remove_item, (Part.STAKEHOLDERS, "s2")),
                Step(op.remove_item, (Part.CANDIDATES, "c1")),
                Step(op.remove_estimate_round, ("c2", 1)),
            ]
            undos = []
            for step in steps:
                outcome, written = opened.change(step)
                assert Part.ESTIMATES in written.lists
                undos.append(outcome.undo)
            assert opened.workshop.estimates == []
            for undo in reversed(undos):
                opened.change(undo)
            assert workshop_to_document(opened.workshop) == before
    with WorkshopFile.open(plain_demo_file, read_only=True) as again:
        assert workshop_to_document(again.workshop) == before


def test_removing_a_stakeholder_keeps_their_figures_on_disk(plain_demo_file: Path) -> None:
    with WorkshopFile.open(plain_demo_file) as opened:
        opened.change(Step(op.add_estimates, (ROUND,)))
        opened.change(Step(op.remove_item, (Part.STAKEHOLDERS, "s2")))
    with WorkshopFile.open(plain_demo_file, read_only=True) as again:
        kept = again.workshop.estimates
    assert [e.value for e in kept] == [e.value for e in ROUND]
    assert [e.who for e in kept] == ["s1", None, None, None, None, None]


def test_estimates_travel_through_the_interchange_both_ways(
    tmp_path: Path, plain_demo_file: Path
) -> None:
    with WorkshopFile.open(plain_demo_file) as opened:
        opened.change(Step(op.add_estimates, (ROUND,)))
        text = export_text(opened.workshop)
    document = json.loads(text)
    assert list(document)[-1] == "estimates"
    assert document["estimates"][2] == {
        "candidate_id": "c1",
        "fact": "occurrences",
        "round": 1,
        "who": None,
        "value": None,
        "per": "day",
    }
    source = tmp_path / "with-estimates.json"
    source.write_text(text, encoding="utf-8")
    imported = import_document(source, tmp_path / "back.workshop")
    assert imported.estimates == ROUND
    with WorkshopFile.open(tmp_path / "back.workshop", read_only=True) as again:
        assert export_text(again.workshop) == text
