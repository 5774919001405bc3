"""Ways a workshop file gets damaged — a failing disk, a sync tool, another program that writes
it with its checks off — as Hypothesis strategies. Each draws a :class:`Damage`: numbers that
are resolved against the file it is applied to (which table, which row, which byte), so one
damage fits the demo and an older file alike, and whose ``apply`` says in words what it did.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ..damage import tamper

PAGE = 4096
HEADER = 100
INF = float("inf")


@contextlib.contextmanager
def another_program(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection as another program has one: checks and foreign keys off."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("PRAGMA foreign_keys = OFF")
        yield conn
    finally:
        conn.close()


def tables_of(conn: sqlite3.Connection) -> list[str]:
    """The file's tables, SQLite's own left out, in name order."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [str(row[0]) for row in rows]


def literal(value: Any) -> str:
    """``value`` as SQL text, for the words a failing example prints."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"x'{value.hex()}'"
    if isinstance(value, Undecodable):
        return f"CAST(x'{value.raw.hex()}' AS TEXT)"
    if isinstance(value, float):
        return {INF: "9e999", -INF: "-9e999"}.get(value, repr(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'" if value.isprintable() else repr(value)
    return str(value)


@dataclass(frozen=True)
class Undecodable:
    """Text whose bytes are not UTF-8 (another program's encoding, or a flipped bit)."""

    raw: bytes


def _bound(value: Any) -> tuple[str, tuple[Any, ...]]:
    """A placeholder and its parameters for ``value``; text that is not valid UTF-8 (a lone
    surrogate stands for a byte of it) is written as its bytes, cast to text."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            value = Undecodable(value.encode("utf-8", "surrogatepass"))
    if isinstance(value, Undecodable):
        return "CAST(? AS TEXT)", (value.raw,)
    return "?", (value,)


class Damage:
    """Something done to a file; ``apply`` does it and returns what it did, in words."""

    def apply(self, path: Path) -> str:
        raise NotImplementedError


# ---------------------------------------------------------------- bytes
def _schema_pages(data: bytes) -> list[int]:
    """The pages that hold the schema: the first, and those with CREATE statements."""
    pages = range(len(data) // PAGE)
    return [0] + [
        n for n in pages if n and re.search(rb"CREATE |CHECK \(", data[n * PAGE :][:PAGE])
    ]


@dataclass(frozen=True)
class FlipBytes(Damage):
    """Bytes flipped (``spots``: where, as numbers resolved in ``region``; and the bits)."""

    region: str  # "header", "schema" or "anywhere"
    spots: tuple[tuple[int, int], ...]

    def apply(self, path: Path) -> str:
        data = bytearray(path.read_bytes())
        if not data:
            return "no byte to flip"
        done = []
        for where, bits in self.spots:
            if self.region == "header":
                offset = where % HEADER
            elif self.region == "schema":
                pages = _schema_pages(bytes(data))
                offset = pages[where % len(pages)] * PAGE + (where // 7) % PAGE
            else:
                offset = where % len(data)
            offset = min(offset, len(data) - 1)
            data[offset] ^= bits
            done.append(f"byte {offset} ^= {bits:#04x}")
        path.write_bytes(bytes(data))
        return "flipped " + ", ".join(done)


@dataclass(frozen=True)
class Truncate(Damage):
    """The file cut short: at a byte, or at a page boundary."""

    at: int
    on_page: bool

    def apply(self, path: Path) -> str:
        size = path.stat().st_size
        if size < PAGE:
            return f"not cut: the file has {size} bytes"
        keep = (self.at % (size // PAGE)) * PAGE if self.on_page else self.at % size
        with path.open("r+b") as handle:
            handle.truncate(keep)
        return f"cut to {keep} of {size} bytes"


@dataclass(frozen=True)
class AppendGarbage(Damage):
    garbage: bytes

    def apply(self, path: Path) -> str:
        with path.open("ab") as handle:
            handle.write(self.garbage)
        return f"{len(self.garbage)} bytes appended"


# ---------------------------------------------------------------- rows
def _pick_row(conn: sqlite3.Connection, table: int, row: int) -> tuple[str, int] | None:
    names = tables_of(conn)
    if not names:
        return None
    name = names[table % len(names)]
    rowids = [r[0] for r in conn.execute(f'SELECT rowid FROM "{name}" ORDER BY rowid')]
    return (name, rowids[row % len(rowids)]) if rowids else None


def _loosened(sql: str) -> str:
    """A table's statement without STRICT and NOT NULL: what lets another program (or a
    damaged page) put any value in any column."""
    return re.sub(r"\)\s*STRICT\s*$", ")", sql.replace(" NOT NULL", ""))


def _set_statement(path: Path, name: str, sql: str) -> None:
    with another_program(path) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql, name)
        )


@dataclass(frozen=True)
class RewriteCell(Damage):
    """One value of one row of one table replaced, with the file's checks off; where the table's
    types or NOT NULL refuse it, they are loosened for the write and restored after."""

    table: int
    row: int
    column: int
    value: Any

    def apply(self, path: Path) -> str:
        with another_program(path) as conn:
            picked = _pick_row(conn, self.table, self.row)
            if picked is None:
                return "no row to rewrite"
            name, rowid = picked
            columns = [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{name}")')]
            column = columns[self.column % len(columns)]
            original = str(
                conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
            )
        placeholder, params = _bound(self.value)
        update = f'UPDATE "{name}" SET "{column}" = {placeholder} WHERE rowid = ?'
        said = f"UPDATE {name} SET {column} = {literal(self.value)} WHERE rowid = {rowid}"
        try:
            with another_program(path) as conn:
                conn.execute(update, (*params, rowid))
            return said
        except sqlite3.Error:
            pass
        try:
            _set_statement(path, name, _loosened(original))
            with another_program(path) as conn:
                conn.execute(update, (*params, rowid))
        except sqlite3.Error as exc:
            return f"{said}: refused by SQLite ({exc})"
        finally:
            _set_statement(path, name, original)
        return said + " (past the table's types)"


@dataclass(frozen=True)
class DeleteRows(Damage):
    table: int
    rows: tuple[int, ...]

    def apply(self, path: Path) -> str:
        gone = []
        with another_program(path) as conn:
            for row in self.rows:
                picked = _pick_row(conn, self.table, row)
                if picked is not None:
                    conn.execute(f'DELETE FROM "{picked[0]}" WHERE rowid = ?', (picked[1],))
                    gone.append(f"{picked[0]} rowid {picked[1]}")
        return "deleted " + (", ".join(gone) or "nothing")


# ---------------------------------------------------------------- schema
#: What another program does to the tables; {t} is one of the file's tables, {c} a column.
SCHEMA_CHANGES = {
    "drop a table": 'DROP TABLE "{t}"',
    "rename a table": 'ALTER TABLE "{t}" RENAME TO "{t}_old"',
    "a view in place of a table": 'ALTER TABLE "{t}" RENAME TO "{t}_data"; '
    'CREATE VIEW "{t}" AS SELECT * FROM "{t}_data"',
    "a view of its own": 'CREATE VIEW my_view AS SELECT * FROM "{t}"',
    "a trigger that does nothing": 'CREATE TRIGGER my_trigger AFTER UPDATE ON "{t}" '
    "BEGIN SELECT 1; END",
    "a trigger that deletes": 'CREATE TRIGGER my_trigger AFTER INSERT ON "{t}" '
    'BEGIN DELETE FROM "{t}"; END',
    "an index on one of ours": 'CREATE INDEX my_index ON "{t}"("{c}")',
    "a table of its own": "CREATE TABLE my_notes (note TEXT); "
    "CREATE INDEX my_notes_note ON my_notes(note); INSERT INTO my_notes VALUES ('kept')",
    "a table of its own that refers to ours": 'CREATE TABLE my_links (ref REFERENCES "{t}")',
    "a virtual table": "CREATE VIRTUAL TABLE my_search USING fts5(note)",
    "statistics": "ANALYZE",
    "a column added": 'ALTER TABLE "{t}" ADD COLUMN my_column TEXT',
    "a column dropped": 'ALTER TABLE "{t}" DROP COLUMN "{c}"',
    "a schema version": "PRAGMA user_version = {n}",
    "an application id": "PRAGMA application_id = {n}",
}


@dataclass(frozen=True)
class ChangeSchema(Damage):
    change: str
    table: int
    column: int
    number: int

    def apply(self, path: Path) -> str:
        with another_program(path) as conn:
            names = tables_of(conn)
            if not names:
                return "no table to change"
            name = names[self.table % len(names)]
            columns = [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{name}")')]
        sql = SCHEMA_CHANGES[self.change].format(
            t=name, c=columns[self.column % len(columns)], n=self.number
        )
        try:
            tamper(path, sql)
        except sqlite3.Error as exc:
            return f"{sql}: refused by SQLite ({exc})"
        return sql


#: How a statement in sqlite_master is edited in place (PRAGMA writable_schema).
EDITS = ("replace a character", "change a number", "cut short", "drop STRICT", "insert text")


@dataclass(frozen=True)
class EditStatement(Damage):
    """A ``CREATE`` statement in ``sqlite_master`` edited in place, as a schema editor (or a
    damaged page) leaves it."""

    entry: int
    edit: str
    at: int
    text: str

    def apply(self, path: Path) -> str:
        with another_program(path) as conn:
            rows = conn.execute(
                "SELECT rowid, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
            ).fetchall()
        if not rows:
            return "no statement to edit"
        rowid, name, sql = rows[self.entry % len(rows)]
        where = self.at % len(sql)
        if self.edit == "replace a character":
            new = sql[:where] + (self.text or "x")[0] + sql[where + 1 :]
        elif self.edit == "change a number":
            numbers = list(re.finditer(r"\d+", sql)) or list(re.finditer(r"\w+", sql))
            found = numbers[self.at % len(numbers)]
            new = sql[: found.start()] + str(self.at % 100003) + sql[found.end() :]
        elif self.edit == "cut short":
            new = sql[:where]
        elif self.edit == "drop STRICT":
            new = _loosened(sql)
        else:
            new = sql[:where] + self.text + sql[where:]
        with another_program(path) as conn:
            conn.execute("PRAGMA writable_schema = ON")
            placeholder, params = _bound(new)
            conn.execute(
                f"UPDATE sqlite_master SET sql = {placeholder} WHERE rowid = ?", (*params, rowid)
            )
        return f"the statement of {name} edited ({self.edit}): {new[:160]!r}"


# ---------------------------------------------------------------- strategies
DATES = [
    "1900-01-01", "2999-12-31", "1899-12-31", "3000-01-01", "2024-02-29", "2026-02-29",
    "2026-02-30", "9999-12-31", "0001-01-01", "2026-1-5", "26-11-10", "soon",
    "2026-11-10T09:00:00", "2026-11-10T25:61:00",
]  # fmt: skip
NUMBERS = [
    0, -1, 1, 2, 5, 6, 12, 100, 101, 365, 366, 367, 1000, 1001, 10000, 10001, 100000, 100001,
    10**12, 10**12 + 1, 2**31, 2**53 + 1, 2**63 - 1, -(2**63),
]  # fmt: skip
ODD_TEXTS = [
    "", " ", "  padded  ", "\x00", "a\x00b", "\t", "\u202e", "e\u0301", "[]", "[\"x\"]", "null",
    "{}", "[", "0", "1e999", "NaN", "x" * 5000, "\ud800",
]  # fmt: skip


def cell_values(words: list[str]) -> st.SearchStrategy[Any]:
    """A value of any SQLite type: near the rules' edges, words the file's checks name, ids
    of its rows, and anything."""
    return st.one_of(
        st.none(),
        st.sampled_from(NUMBERS),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.sampled_from([0.5, -0.0, 1e-320, 1e12, 1.5e12, INF, -INF]),
        st.floats(allow_nan=False),
        st.sampled_from(words + DATES + ODD_TEXTS),
        st.text(max_size=12),
        st.binary(min_size=1, max_size=6).map(Undecodable),
        st.binary(max_size=12),
    )


def damages(words: list[str]) -> st.SearchStrategy[Damage]:
    """Every kind of damage, each as likely to be drawn as the others (a rewritten value
    twice as likely: it has the most ways to go wrong)."""
    spot = st.tuples(st.integers(0, 2**31), st.integers(1, 255))
    anywhere = st.integers(0, 2**31)
    small = st.integers(0, 200)
    return st.one_of(
        st.builds(
            FlipBytes,
            st.sampled_from(["header", "schema", "anywhere"]),
            st.lists(spot, min_size=1, max_size=4).map(tuple),
        ),
        st.builds(Truncate, st.one_of(st.integers(0, 120), anywhere), st.booleans()),
        st.builds(
            AppendGarbage,
            st.one_of(
                st.binary(min_size=1, max_size=64), st.integers(1, 3).map(lambda n: bytes(n * PAGE))
            ),
        ),
        st.builds(RewriteCell, small, small, small, cell_values(words)),
        st.builds(RewriteCell, small, small, small, cell_values(words)),
        st.builds(DeleteRows, small, st.lists(small, min_size=1, max_size=3).map(tuple)),
        st.builds(
            ChangeSchema,
            st.sampled_from(sorted(SCHEMA_CHANGES)),
            small,
            small,
            st.sampled_from([0, 1, 6, 7, 8, 9, 1180125011, -1]),
        ),
        st.builds(
            EditStatement,
            small,
            st.sampled_from(EDITS),
            anywhere,
            st.sampled_from(["x", "(", ")", "'", "\u00e9", "\udcff", ",", " ", "0", "--"]),
        ),
    )


def apply_all(found: list[Damage], path: Path) -> list[str]:
    """Do each damage to the file in turn; what each did (or why it could not)."""
    said = []
    for damage in found:
        try:
            said.append(damage.apply(path))
        except (sqlite3.Error, UnicodeDecodeError) as exc:  # SQLite quotes a damaged schema
            said.append(f"{damage!r} could not be done: {exc}")
    return said


def words_of(path: Path) -> list[str]:
    """The quoted words of a file's CHECK constraints (its choices) and the ids of its rows."""
    with another_program(path) as conn:
        schema = " ".join(
            str(row[0])
            for row in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
        )
        ids = [
            str(row[0])
            for name in tables_of(conn)
            if "id" in [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            for row in conn.execute(f'SELECT id FROM "{name}"')
        ]
    choices = set(re.findall(r"'([A-Za-z_][A-Za-z_ -]*)'", schema))
    return sorted(choices) + sorted(set(ids))
