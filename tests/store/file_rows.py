"""Reading a workshop file's rows straight from SQLite, for tests that hold a migration or a
rebuild to keeping every row."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def query(path: Path, sql: str) -> list[Any]:
    """The rows ``sql`` gives on the file at ``path`` (opened and closed again)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def table_names(path: Path) -> list[str]:
    """Every table of the file, by name."""
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    return [name for (name,) in query(path, sql)]


def every_row(
    path: Path, tables: Iterable[str] | None = None, *, with_types: bool = False
) -> dict[str, list[Any]]:
    """Every row of ``tables`` (by default every table but the record of migrations), in a
    stable order; with each value's type as well when ``with_types``."""
    names = (
        tables
        if tables is not None
        else (name for name in table_names(path) if name != "_sqlite_migrations")
    )
    result: dict[str, list[Any]] = {}
    for table in names:
        rows = query(path, f'SELECT * FROM "{table}"')
        if with_types:
            rows = [tuple((value, type(value).__name__) for value in row) for row in rows]
        result[table] = sorted(rows, key=repr)
    return result
