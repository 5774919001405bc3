"""A new workshop file is laid out without sqlite-utils, yet is the very file the migrations
make: the same tables, the same version, and every step recorded, so a later step upgrades it
like any other file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlite_utils import Database

from workshop_app.domain.model import Workshop
from workshop_app.store.schema import MIGRATIONS, migrate
from workshop_app.store.tables import SCHEMA_VERSION, STEPS
from workshop_app.store.workshop_file import write_new_file


def _layout(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        return {
            "objects": sorted(
                conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
            ),
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
            "steps": [
                (row[0], row[1])
                for row in conn.execute(
                    "SELECT migration_set, name FROM _sqlite_migrations ORDER BY id"
                )
            ],
            "rows": {
                table: conn.execute(f'SELECT * FROM "{table}"').fetchall()
                for (table,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT IN ('_sqlite_migrations', 'file_state')"
                )
            },
            # Each file draws its own revision; both have one.
            "revisions": conn.execute(
                "SELECT count(*), min(length(revision)) FROM file_state"
            ).fetchall(),
        }
    finally:
        conn.close()


def test_a_new_file_is_what_the_migrations_make(tmp_path: Path) -> None:
    laid_out = tmp_path / "new.workshop"
    write_new_file(laid_out, Workshop())
    migrated = tmp_path / "migrated.workshop"
    conn = sqlite3.connect(migrated, isolation_level=None)
    try:
        assert migrate(conn) == [name for name, _step in STEPS]
    finally:
        conn.close()

    assert _layout(laid_out) == _layout(migrated)
    assert _layout(laid_out)["user_version"] == SCHEMA_VERSION
    conn = sqlite3.connect(laid_out)
    try:
        assert MIGRATIONS.pending(Database(conn)) == []
    finally:
        conn.close()


def test_writing_a_new_file_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from workshop_app.domain.model import Workshop, WorkshopInfo\n"
        "from workshop_app.store.workshop_file import WorkshopFile, write_new_file\n"
        f"path = Path({str(tmp_path / 'w.workshop')!r})\n"
        "write_new_file(path, Workshop(WorkshopInfo('Untitled', date='2026-12-01')))\n"
        "with WorkshopFile.open(path) as opened:\n"
        "    opened.change(lambda workshop: setattr(workshop.info, 'title', 'Kestrel'))\n"
        "print(sorted(name for name in sys.modules if name.startswith('sqlite_utils')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
