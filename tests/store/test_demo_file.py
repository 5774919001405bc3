"""The demo is written by copying a workshop file we ship: it must be exactly what the demo
document makes, and each copy a new file of its own (a revision no other file has, its schema
steps recorded as applied when it was written)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from workshop_app.libraries import DEMO_WORKSHOP, demo_document
from workshop_app.paths import resource
from workshop_app.store import errors
from workshop_app.store.demo import DEMO_FILE, lay_out_demo, write_demo
from workshop_app.store.interchange import document_to_workshop
from workshop_app.store.workshop_file import WorkshopFile

#: What differs between two layouts of one document: each file's own revision, and when its
#: schema steps were applied.
_OWN_TO_EACH_FILE = {"file_state": ("revision", "previous"), "_sqlite_migrations": ("applied_at",)}


def _contents(path: Path) -> dict[str, Any]:
    """Everything a workshop file holds but what is its own (:data:`_OWN_TO_EACH_FILE`)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        rows = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            kept = [name for name in columns if name not in _OWN_TO_EACH_FILE.get(table, ())]
            listed = ", ".join(f'"{name}"' for name in kept)
            rows[table] = conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY rowid').fetchall()
        return {
            "objects": sorted(
                conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
            ),
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
            "rows": rows,
        }
    finally:
        conn.close()


def _own(path: Path) -> tuple[tuple[str, str], set[str]]:
    """A file's revision (and the one before it) and the times its steps were applied."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        revision = conn.execute("SELECT revision, previous FROM file_state").fetchone()
        applied = {row[0] for row in conn.execute("SELECT applied_at FROM _sqlite_migrations")}
        return revision, applied
    finally:
        conn.close()


def test_the_bundled_demo_file_is_the_demo_document_laid_out_anew(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.workshop"
    lay_out_demo(fresh)
    assert _contents(resource(DEMO_FILE)) == _contents(fresh), (
        f"resources/{DEMO_FILE} is not what the demo document and the schema make today: "
        "run `make demo-file`"
    )


def test_each_demo_copy_is_a_new_file_of_its_own(tmp_path: Path) -> None:
    bundled = resource(DEMO_FILE)
    bundled_bytes = hashlib.sha256(bundled.read_bytes()).hexdigest()
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    first, second = tmp_path / "first.workshop", tmp_path / "second.workshop"
    write_demo(first)
    write_demo(second)
    after = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)

    expected = document_to_workshop(demo_document(), DEMO_WORKSHOP)
    for path in (first, second):
        opened = WorkshopFile.open(path, read_only=True)
        try:
            assert opened.workshop == expected
        finally:
            opened.close()
        assert _contents(path) == _contents(bundled)
        _, applied = _own(path)
        assert len(applied) == 1
        assert before <= dt.datetime.fromisoformat(applied.pop()) <= after
    revisions = {_own(path)[0] for path in (first, second, bundled)}
    assert len({part for pair in revisions for part in pair}) == 6  # all six drawn anew
    assert hashlib.sha256(bundled.read_bytes()).hexdigest() == bundled_bytes
    assert sorted(item.name for item in tmp_path.iterdir()) == ["first.workshop", "second.workshop"]


def test_a_demo_copy_never_replaces_a_file_unasked(tmp_path: Path) -> None:
    taken = tmp_path / "taken.workshop"
    taken.write_bytes(b"someone else's")
    with pytest.raises(errors.FileExists):
        write_demo(taken)
    assert taken.read_bytes() == b"someone else's"
    write_demo(taken, overwrite=True)
    assert _contents(taken) == _contents(resource(DEMO_FILE))
    assert [item.name for item in tmp_path.iterdir()] == ["taken.workshop"]
