"""Version 1 files stay readable: a later schema step upgrades them after a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import Workshop
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
