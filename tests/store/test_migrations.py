"""Older files stay readable: opening one writes nothing, its first change upgrades it after a
backup, and an upgrade is whole or not at all."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import Workshop
from workshop_app.domain.operations import Step
from workshop_app.store import errors
from workshop_app.store.schema import MIGRATIONS, SCHEMA_VERSION
from workshop_app.store.workshop_file import Schema, WorkshopFile, write_new_file


def _version_two() -> Schema:
    """The real steps plus a made-up step 2, the way the next schema change will look."""
    steps = Migrations("first-workflow")
    for step in MIGRATIONS._migrations:
        steps(name=step.name)(step.fn)

    @steps(name="0099_candidate_colour")
    def add_colour(db: Database) -> None:
        db.execute("ALTER TABLE candidates ADD COLUMN colour TEXT NOT NULL DEFAULT ''")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    return Schema(steps, SCHEMA_VERSION + 1)


def test_opening_an_older_file_backs_it_up_then_upgrades_it(
    tmp_path: Path, demo_workshop: Workshop
) -> None:
    path = tmp_path / "old.workshop"
    write_new_file(path, demo_workshop)
    original = path.read_bytes()

    with WorkshopFile.open(path, schema=_version_two()) as opened:
        assert workshop_to_document(opened.workshop) == workshop_to_document(demo_workshop)
        assert path.read_bytes() == original  # opening writes nothing
        assert opened.upgrade()  # what its first change does

    backup = tmp_path / f"old.workshop.v{SCHEMA_VERSION}-backup"
    assert backup.exists()
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    with WorkshopFile.open(backup, read_only=True) as old:
        assert workshop_to_document(old.workshop) == workshop_to_document(demo_workshop)
    assert path.read_bytes() != original
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    columns = {row[1] for row in conn.execute("PRAGMA table_info(candidates)")}
    conn.close()
    assert "colour" in columns


def test_the_shipped_version_one_fixture_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "version1.workshop"
    copy = tmp_path / "v1.workshop"
    copy.write_bytes(fixture.read_bytes())
    with WorkshopFile.open(copy) as opened:
        assert opened.workshop.info.title == "Choosing our first AI workflow"
        assert len(opened.workshop.candidates) == 8
        assert opened.workshop.checkin_plan == []  # version 1 had no plan: the default applies
        opened.change(Step(op.set_field, (Part.WORKSHOP, None, "notes", "Upgraded")))
    backup = tmp_path / "v1.workshop.v1-backup"
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with (
        WorkshopFile.open(fixture, read_only=True, schema=Schema(MIGRATIONS, 1)) as old,
        WorkshopFile.open(backup, read_only=True, schema=Schema(MIGRATIONS, 1)) as kept,
    ):
        assert workshop_to_document(kept.workshop) == workshop_to_document(old.workshop)
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "checkin_plan" in tables


def _failing_step() -> Schema:
    """The real steps plus a made-up last step that fails after changing the file."""
    steps = Migrations("first-workflow")
    for step in MIGRATIONS._migrations:
        steps(name=step.name)(step.fn)

    @steps(name="0099_fails")
    def fails(db: Database) -> None:
        db.execute("ALTER TABLE candidates ADD COLUMN colour TEXT NOT NULL DEFAULT ''")
        db.execute("INSERT INTO no_such_table VALUES (1)")

    return Schema(steps, SCHEMA_VERSION + 1)


def test_opening_an_older_file_to_edit_it_writes_nothing_until_its_first_change(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "v6.workshop"
    shutil.copyfile(Path(__file__).parent.parent / "fixtures" / "version6.workshop", copy)
    original = copy.read_bytes()
    with WorkshopFile.open(copy) as opened:
        assert not opened.read_only
        assert opened.workshop.info.title
    assert copy.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v6.workshop"]


def test_an_upgrade_that_fails_leaves_the_file_as_it_was_and_no_backup(
    tmp_path: Path, demo_workshop: Workshop
) -> None:
    path = tmp_path / "old.workshop"
    write_new_file(path, demo_workshop)
    original = path.read_bytes()
    with pytest.raises(errors.DamagedWorkshop, match="cannot be brought up to version"):
        WorkshopFile.open(path, schema=_failing_step())
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.workshop"]


def test_the_steps_of_an_upgrade_run_in_one_transaction(
    tmp_path: Path, demo_workshop: Workshop
) -> None:
    """A step that fails undoes the steps before it: the file keeps every byte."""
    from workshop_app.store.schema import migrate

    path = tmp_path / "old.workshop"
    write_new_file(path, demo_workshop)
    original = path.read_bytes()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            migrate(conn, _failing_step().migrations)
    finally:
        conn.close()
    assert path.read_bytes() == original
