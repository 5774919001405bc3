"""Candidates awaiting estimates in the workshop file: schema version 4 rebuilds the candidates
table so its three facts may be NULL (a version-3 file is backed up first and keeps every row),
NULLs and the example's id travel through a real file and through the JSON interchange, and an
older document imports and exports exactly as before."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils.migrations import Migrations

from tests.store.file_rows import every_row, query
from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.document import workshop_from_document, workshop_to_document
from workshop_app.domain.model import Candidate, Frequency, Period, Workshop
from workshop_app.domain.operations import Step
from workshop_app.store.interchange import export_text, import_document
from workshop_app.store.schema import MIGRATIONS
from workshop_app.store.tables import allow_unestimated
from workshop_app.store.workshop_file import Schema, WorkshopFile, write_new_file

FIXTURE = Path(__file__).parent.parent / "fixtures" / "version3.workshop"
#: The app's steps up to version 4, this file's step (later steps change other tables).
UP_TO_FOUR = Schema(Migrations("first-workflow"), 4)
for _step in MIGRATIONS._migrations[:4]:
    UP_TO_FOUR.migrations(name=_step.name)(_step.fn)
FACTS = {"frequency_count", "minutes_per_occurrence", "pain"}


def _columns(path: Path, table: str) -> list[tuple[Any, ...]]:
    """(name, type, not null, default, primary key) of each column."""
    return [row[1:] for row in query(path, f'PRAGMA table_info("{table}")')]


def test_a_version_three_file_is_backed_up_then_rebuilt_keepingevery_row(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "v3.workshop"
    shutil.copyfile(FIXTURE, copy)
    before = every_row(copy)
    columns_before = _columns(copy, "candidates")
    assert query(copy, "PRAGMA user_version") == [(3,)]
    assert len(before["candidates"]) == 8 and len(before["estimates"]) == 6
    assert before["metrics"] and before["candidates__problem_ids"] and before["decisions"]
    with WorkshopFile.open(FIXTURE, read_only=True, schema=Schema(MIGRATIONS, 3)) as old:
        expected = workshop_to_document(old.workshop)

    with WorkshopFile.open(copy, schema=UP_TO_FOUR) as opened:
        assert workshop_to_document(opened.workshop) == expected
        assert opened.upgrade()  # what its first change does

    backup = tmp_path / "v3.workshop.v3-backup"
    assert query(backup, "PRAGMA user_version") == [(3,)]
    assert every_row(backup) == before
    assert query(copy, "PRAGMA user_version") == [(4,)]
    # Every row kept, each candidate with a NULL example at the end of its row.
    after = every_row(copy)
    assert {t: rows for t, rows in after.items() if t != "candidates"} == {
        t: rows for t, rows in before.items() if t != "candidates"
    }
    assert after["candidates"] == sorted((*row, None) for row in before["candidates"])
    # The same columns and constraints, but for the three facts that may now be NULL.
    relaxed = [
        (name, kind, 0 if name in FACTS else not_null, default, key)
        for name, kind, not_null, default, key in columns_before
    ]
    assert _columns(copy, "candidates") == [*relaxed, ("example", "TEXT", 0, None, 0)]
    assert query(copy, "PRAGMA foreign_key_check") == []
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    assert ("candidates_position",) in query(
        copy, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'candidates'"
    )
    # The tables that refer to candidates still do, with their actions.
    for table in ("metrics", "estimates", "decisions", "candidates__problem_ids"):
        targets = {row[2] for row in query(copy, f'PRAGMA foreign_key_list("{table}")')}
        assert "candidates" in targets
    # Deleting a candidate still cascades to its metrics: the references are live.
    with WorkshopFile.open(copy) as opened:
        opened.change(Step(op.remove_item, (Part.CANDIDATES, "c1")))
    assert query(copy, "SELECT COUNT(*) FROM metrics WHERE candidate_id = 'c1'") == [(0,)]


def test_the_rebuild_refuses_to_run_on_rows_with_foreign_keys_on(tmp_path: Path) -> None:
    copy = tmp_path / "v3.workshop"
    shutil.copyfile(FIXTURE, copy)
    before = every_row(copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        with pytest.raises(RuntimeError, match="foreign keys on"):
            allow_unestimated(conn)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    assert every_row(copy) == before


def _awaiting(candidate_id: str = "c9") -> Candidate:
    return Candidate(
        candidate_id,
        "Check returns and prepare refunds",
        frequency=Frequency(None, Period.DAY),
        minutes_per_occurrence=None,
        pain=None,
        example="service-returns-refunds",
    )


def test_empty_facts_and_the_example_travel_through_a_real_file(
    tmp_path: Path, demo_workshop: Workshop
) -> None:
    demo_workshop.candidates.append(_awaiting())
    path = tmp_path / "w.workshop"
    write_new_file(path, demo_workshop)
    assert query(
        path,
        "SELECT frequency_count, minutes_per_occurrence, pain, example FROM candidates "
        "WHERE id = 'c9'",
    ) == [(None, None, None, "service-returns-refunds")]
    with WorkshopFile.open(path) as opened:
        kept = opened.workshop.candidate("c9")
        assert kept == _awaiting()
        typed, _written = opened.change(Step(op.set_field, (Part.CANDIDATES, "c9", "pain", 4)))
    with WorkshopFile.open(path) as opened:
        assert opened.workshop.candidate("c9").pain == 4
        opened.change(typed.undo)
    with WorkshopFile.open(path, read_only=True) as again:
        assert again.workshop.candidate("c9") == _awaiting()


def test_the_interchange_keeps_nulls_and_the_example_both_ways(
    tmp_path: Path, demo_workshop: Workshop
) -> None:
    demo_workshop.candidates.append(_awaiting())
    text = export_text(demo_workshop)
    record = json.loads(text)["candidates"][-1]
    assert record["frequency"] == {"count": None, "per": "day"}
    assert record["minutes_per_occurrence"] is None and record["pain"] is None
    assert record["example"] == "service-returns-refunds"
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    imported = import_document(source, tmp_path / "back.workshop")
    assert imported.candidate("c9") == _awaiting()
    with WorkshopFile.open(tmp_path / "back.workshop", read_only=True) as again:
        assert export_text(again.workshop) == text


def test_an_older_document_imports_and_exports_unchanged(
    tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    assert all("example" not in c for c in demo_document["candidates"])
    workshop = workshop_from_document(demo_document)
    assert all(c.example is None and c.estimated for c in workshop.candidates)
    assert workshop_to_document(workshop) == demo_document
    source = tmp_path / "old.json"
    source.write_text(json.dumps(demo_document), encoding="utf-8")
    import_document(source, tmp_path / "old.workshop")
    with WorkshopFile.open(tmp_path / "old.workshop", read_only=True) as again:
        assert workshop_to_document(again.workshop) == demo_document
