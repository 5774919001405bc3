"""Keep a workshop file in step with the workshop in memory, row by row.

A :data:`Snapshot` is every row the workshop maps to (see :mod:`workshop_app.store.rows`).
Saving compares the snapshot of the workshop now with the one last written: the rows that
differ are written in one transaction, and the same difference says what changed
(:class:`~workshop_app.domain.changes.Changes`). Plain ``sqlite3`` is enough for all of it.
Reading a file is :mod:`workshop_app.store.row_reading`'s, which checks every row first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import field
from typing import Any

from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record
from workshop_app.store.journal_format import nonce_of_open_journal
from workshop_app.store.rows import TABLES, Row, item_rows, items_of, join_rows
from workshop_app.store.tables import NEW_REVISION

#: Every row of a workshop: table name → primary key → row.
Snapshot = dict[str, dict[Any, Row]]


def _write_order() -> list[str]:
    order: list[str] = []
    for table in TABLES:
        order.append(table.key)
        order.extend(table.join_table(spec) for spec in table.joins)
    return order


#: Every table, parents before children: rows are written in this order, deleted in reverse.
WRITE_ORDER = _write_order()
_OWNER_OF = {table.join_table(spec): table.key for table in TABLES for spec in table.joins}
_JOIN_KEY = ("owner_id", "position")


def _key_columns(name: str) -> tuple[str, ...]:
    for table in TABLES:
        if table.key == name:
            return (table.pk,)
    return _JOIN_KEY


def snapshot(workshop: Workshop) -> Snapshot:
    """Every row ``workshop`` maps to."""
    snap: Snapshot = {}
    for table in TABLES:
        items = items_of(workshop, table)
        snap[table.key] = item_rows(table, items)
        for spec in table.joins:
            snap[table.join_table(spec)] = join_rows(table, spec, items)
    return snap


@record(frozen=True)
class RowDiff:
    """The rows to delete and to write (insert or update) to bring a file from one snapshot
    to the next.

    Attributes:
        deletes: table name → primary keys of rows that are gone.
        upserts: table name → rows that are new or differ.
    """

    deletes: dict[str, list[Any]] = field(default_factory=dict)
    upserts: dict[str, list[Row]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.deletes or self.upserts)

    def changes(self) -> Changes:
        """What these rows are, in the words of the workshop: the parts and items touched."""
        parts: set[Part] = set()
        ids: dict[Part, set[str]] = {}
        for name in set(self.deletes) | set(self.upserts):
            owner = _OWNER_OF.get(name, name)
            part = Part(owner)
            parts.add(part)
            table = next(t for t in TABLES if t.key == owner)
            if not table.keyed_by_id:
                continue
            touched = ids.setdefault(part, set())
            if name == owner:
                touched.update(self.deletes.get(name, []))
                touched.update(row["id"] for row in self.upserts.get(name, []))
            else:
                touched.update(key[0] for key in self.deletes.get(name, []))
                touched.update(row["owner_id"] for row in self.upserts.get(name, []))
        return Changes(frozenset(parts), {part: frozenset(items) for part, items in ids.items()})


def diff(old: Snapshot, new: Snapshot) -> RowDiff:
    """The rows that differ between ``old`` (on disk) and ``new`` (in memory)."""
    result = RowDiff()
    for name in WRITE_ORDER:
        before, after = old.get(name, {}), new[name]
        gone = [key for key in before if key not in after]
        changed = [row for key, row in after.items() if before.get(key) != row]
        if gone:
            result.deletes[name] = gone
        if changed:
            result.upserts[name] = changed
    return result


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _delete(conn: sqlite3.Connection, name: str, keys: list[Any]) -> None:
    columns = _key_columns(name)
    where = " AND ".join(f'"{column}" = ?' for column in columns)
    values = [key if isinstance(key, tuple) else (key,) for key in keys]
    conn.executemany(f'DELETE FROM "{name}" WHERE {where}', values)


def _upsert(conn: sqlite3.Connection, name: str, rows: list[Row]) -> None:
    keys = _key_columns(name)
    by_columns: dict[tuple[str, ...], list[Row]] = {}
    for row in rows:
        by_columns.setdefault(tuple(row), []).append(row)
    for columns, same in by_columns.items():
        others = [column for column in columns if column not in keys]
        update = (
            "DO UPDATE SET " + ", ".join(f'"{column}" = excluded."{column}"' for column in others)
            if others
            else "DO NOTHING"
        )
        conn.executemany(
            f'INSERT INTO "{name}" ({_quoted(columns)}) '
            f"VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT ({_quoted(keys)}) {update}",
            [tuple(row[column] for column in columns) for row in same],
        )


#: Every write moves the file to a new revision (:data:`workshop_app.store.tables.FILE_STATE`).
_NEXT_REVISION = f"UPDATE file_state SET previous = revision, revision = {NEW_REVISION}"
_JOURNAL_REVISION = "UPDATE file_state SET revision = ? || substr(revision, 9)"


def write(conn: sqlite3.Connection, rows: RowDiff) -> None:
    """Write ``rows`` in one transaction, with a new revision of the file: all of it, or (on
    any error) none."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        # First, so that the page holding the revision is the journal's first: every part
        # of the journal SQLite would roll back then holds it (store/journal.py). The new
        # revision starts with the nonce SQLite drew for this transaction's journal, which
        # ties the journal to the state of the file it was written for.
        conn.execute(_NEXT_REVISION)
        drawn = nonce_of_open_journal(conn)
        if drawn is not None:
            conn.execute(_JOURNAL_REVISION, (drawn,))
        for name in reversed(WRITE_ORDER):
            if name in rows.deletes:
                _delete(conn, name, rows.deletes[name])
        for name in WRITE_ORDER:
            if name in rows.upserts:
                _upsert(conn, name, rows.upserts[name])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
