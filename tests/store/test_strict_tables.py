"""Schema version 7: every table STRICT with CHECK constraints. A version-6 file is backed up
first and keeps every row, value and type; the tables then refuse what the app would refuse
(types, ranges, choices, dates, lengths), and are never stricter than the app: a workshop at
the edge of every rule is written through them."""

from __future__ import annotations

import copy
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.store.file_rows import every_row, query
from workshop_app.domain.document import workshop_from_document, workshop_to_document
from workshop_app.domain.fields import ADOPTION, LISTS, WORKSHOP, FieldSpec
from workshop_app.domain.text import CODE_POINTS_PER_CHARACTER
from workshop_app.domain.validation import validate_document
from workshop_app.store.schema import MIGRATIONS, SCHEMA_VERSION
from workshop_app.store.strict_tables import V7_TABLE_NAMES
from workshop_app.store.tables import make_strict
from workshop_app.store.workshop_file import Schema, WorkshopFile, write_new_file

from ..damage import VERSION_6


def _every_row(path: Path) -> dict[str, list[Any]]:
    """Every row of every table but the record of steps, with each value's type."""
    return every_row(path, V7_TABLE_NAMES, with_types=True)


def test_a_version_six_file_is_backed_up_then_made_strict_keeping_every_row(
    tmp_path: Path,
) -> None:
    copy_ = tmp_path / "v6.workshop"
    shutil.copyfile(VERSION_6, copy_)
    before = _every_row(copy_)
    assert before["candidates"] and before["signoffs"] and before["candidates__problem_ids"]
    with WorkshopFile.open(VERSION_6, read_only=True, schema=Schema(MIGRATIONS, 6)) as old:
        expected = workshop_to_document(old.workshop)

    with WorkshopFile.open(copy_) as opened:
        assert workshop_to_document(opened.workshop) == expected
        assert opened.upgrade()  # what its first change does

    assert _every_row(tmp_path / "v6.workshop.v6-backup") == before
    assert query(tmp_path / "v6.workshop.v6-backup", "PRAGMA user_version") == [(6,)]
    assert _every_row(copy_) == before  # every value, and every value's type
    assert query(copy_, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    strict = {row[1]: row[5] for row in query(copy_, "PRAGMA table_list") if row[0] == "main"}
    assert all(strict[table] == 1 for table in V7_TABLE_NAMES)
    assert query(copy_, "PRAGMA foreign_key_check") == []
    assert query(copy_, "PRAGMA integrity_check") == [("ok",)]
    indexes = {row[0] for row in query(copy_, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"candidates_position", "metrics_candidate", "checkins_metric"} <= indexes
    assert "estimates_candidate" in indexes


def test_the_rebuild_refuses_to_run_with_foreign_keys_on_while_rows_refer_to_rows(
    tmp_path: Path,
) -> None:
    copy_ = tmp_path / "v6.workshop"
    shutil.copyfile(VERSION_6, copy_)
    before = _every_row(copy_)
    conn = sqlite3.connect(copy_, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        with pytest.raises(RuntimeError, match="foreign keys on"):
            make_strict(conn)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    assert _every_row(copy_) == before


REFUSED = [
    ("candidates", "pain = 99", "id = 'c3'"),
    ("candidates", "pain = 'high'", "id = 'c3'"),
    ("candidates", "minutes_per_occurrence = 'abc'", "id = 'c3'"),
    ("candidates", "minutes_per_occurrence = -5", "id = 'c3'"),
    ("candidates", "minutes_per_occurrence = 9e999", "id = 'c3'"),
    ("candidates", "frequency_count = 0", "id = 'c3'"),
    ("candidates", "frequency_per = 'fortnight'", "id = 'c3'"),
    ("candidates", "votes = 2.5", "id = 'c3'"),
    ("candidates", "people = x'00ff'", "id = 'c3'"),
    ("candidates", "overrides_friction = 4, overrides_reason = ' '", "id = 'c3'"),
    ("candidates", "name = ' '", "id = 'c3'"),
    ("candidates", "example = printf('%.513c', 'x')", "id = 'c3'"),
    ("stakeholders", "kind = 'boss'", "id = 's1'"),
    ("stakeholders", "id = ''", "id = 's1'"),
    ("problems", "symptoms = 'time_sink'", "id = 'p1'"),
    ("metrics", "baseline = 2e12", "id = 'm1'"),
    ("metrics", "target = 'lots'", "id = 'm1'"),
    ("workshop", "date = '9999-12-31'", "id = 1"),
    ("workshop", "date = '2026-02-30'", "id = 1"),
    ("workshop", "notes = printf('%.40001c', 'x')", "id = 1"),
    ("checkins", "date = 'soon'", "position = 0"),
    ("checkins", "value = NULL", "position = 0"),
    ("checkin_plan", "day = 99999999", "position = 0"),
    ("signoffs", "version = 'NOT-A-PRINT'", "position = 0"),
    ("signoffs", "channel = 'pigeon'", "position = 0"),
    ("decisions", "at = '2026-11-10 09:00:00'", "position = 0"),
    ("decisions", "kind = 'vetoed'", "position = 0"),
    ("estimates", "value = 4.5, fact = 'pain', per = NULL", "position = 0"),
    ("estimates", "per = NULL, fact = 'occurrences'", "position = 0"),
    ("estimates", "per = 'day', fact = 'minutes'", "position = 0"),
    ("risks", "likelihood = 6", "id = 'r1'"),
]


@pytest.mark.parametrize(("table", "change", "where"), REFUSED)
def test_another_program_cannot_write_what_the_app_would_refuse(
    table: str, change: str, where: str, demo_file: Path
) -> None:
    conn = sqlite3.connect(demo_file)
    try:
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone() == (1,)
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(f"UPDATE {table} SET {change} WHERE {where}")
    finally:
        conn.close()


def _fields(specs: tuple[FieldSpec, ...], prefix: tuple[str, ...] = ()) -> list[Any]:
    """(path, spec) of every number and text field, nested ones by their path."""
    found: list[Any] = []
    for spec in specs:
        if spec.kind == "object":
            found += _fields(spec.nested, (*prefix, spec.name))
        elif spec.kind in ("int", "number", "text"):
            found.append(((*prefix, spec.name), spec))
    return found


def _at_the_edge(spec: FieldSpec, high: bool) -> Any:
    """The value at one edge of what the app accepts in a field."""
    if spec.kind == "text":
        if not high:
            return "x"  # the least a required text may be
        letter = "e" + "\u0301" * (CODE_POINTS_PER_CHARACTER - 1)  # é with its marks
        return letter * spec.limit
    if high:
        return spec.high
    if spec.above_zero:
        return 1e-9
    return spec.low


#: Fields whose edges depend on another field: an estimate's value and period on its fact, a
#: sign-off's version is a charter's fingerprint.
_DEPENDENT = {("estimates", ("value",)), ("estimates", ("per",)), ("signoffs", ("version",))}


@pytest.mark.parametrize("high", [False, True])
def test_a_workshop_at_the_edge_of_every_rule_is_written_through_the_tables(
    high: bool, demo_document: dict[str, Any], tmp_path: Path
) -> None:
    """Every number at its least or its most, every text at its longest (each character
    carrying the most marks allowed): the app accepts it, so the tables must take it."""
    document = copy.deepcopy(demo_document)
    places = [
        ("workshop", WORKSHOP, document["workshop"]),
        ("adoption", ADOPTION, document["adoption"]),
    ]
    places += [(key, specs, document[key][0]) for key, specs, _cls in LISTS if document.get(key)]
    for key, specs, item in places:
        for path, spec in _fields(specs):
            if (key, path) in _DEPENDENT:
                continue
            holder = item
            for part in path[:-1]:
                holder = holder[part]
            holder[path[-1]] = _at_the_edge(spec, high)
    assert validate_document(document) == []
    path = tmp_path / "edge.workshop"
    write_new_file(path, workshop_from_document(document))
    with WorkshopFile.open(path) as opened:
        assert workshop_to_document(opened.workshop) == workshop_to_document(
            workshop_from_document(document)
        )
