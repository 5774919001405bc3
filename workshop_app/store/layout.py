"""The exact layout of a workshop file of each schema version, and the check that a file has it:
its tables with their columns, keys and constraints, its indexes, no view or trigger, and the
record of the steps that made it.

The layout a version must have is what the app's own steps make (:func:`tables.lay_out`, run in
memory once per version and process; the newest version's is read from its own statements,
which a test holds to the same). The two are compared statement by statement as SQLite keeps
them in ``sqlite_master``: the same text, or else the same tokens, so spacing, letter case and
quotes around names do not matter, and everything else does. Another program may add tables of
its own (they are left alone), but nothing that changes what the app reads or writes: a view in
place of a table, a trigger, an index on one of our tables, a virtual table, or a foreign key
into our tables.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache

from workshop_app.domain.records import record
from workshop_app.store.strict_tables import V7_INDEXES, V7_TABLE_NAMES, V7_TABLES
from workshop_app.store.tables import (
    FILE_STATE,
    MIGRATION_SET,
    RECORDS,
    SCHEMA_VERSION,
    STEPS,
    lay_out,
)

_TOKEN = re.compile(
    r"""
      (?P<text>'(?:[^']|'')*')
    | "(?P<double>(?:[^"]|"")*)"
    | `(?P<back>(?:[^`]|``)*)`
    | \[(?P<square>[^\]]*)\]
    | (?P<skip>\s+|--[^\n]*|/\*.*?(?:\*/|$))
    | (?P<word>(?:[^\x00-\x7f]|[A-Za-z_])(?:[^\x00-\x7f]|[A-Za-z0-9_$])*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
#: SQLite's own objects that change nothing the app reads or writes.
_SQLITE_OWN = ("sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4", "sqlite_sequence")


def tokens(sql: str) -> tuple[str, ...]:
    """A statement as SQLite reads it: without spaces and comments, names and keywords in
    lower case and unquoted, literals as they are."""
    out: list[str] = []
    for found in _TOKEN.finditer(sql):
        kind = found.lastgroup
        if kind == "skip":
            continue
        if kind in ("text", "other"):
            out.append(found.group())
        else:
            value = found.group(kind or "other")
            if kind == "double":
                value = value.replace('""', '"')
            elif kind == "back":
                value = value.replace("``", "`")
            out.append(value.lower())
    return tuple(out)


@record(frozen=True)
class SchemaObject:
    """One entry of ``sqlite_master``.

    Attributes:
        type: table, index, view or trigger.
        name, table: its name and the table it belongs to, in lower case.
        text: its statement as SQLite keeps it.
        columns: a table's column names, in order.
    """

    type: str
    name: str
    table: str
    text: str
    columns: tuple[str, ...] = ()

    @property
    def sql(self) -> tuple[str, ...]:
        """The statement as tokens (empty for the indexes SQLite makes for keys)."""
        return tokens(self.text) if self.text else ()

    def same_as(self, other: SchemaObject) -> bool:
        """Whether the two statements say the same: the same text (as a file the app made
        has), or else the same tokens."""
        return self.text == other.text or self.sql == other.sql


def _objects(conn: sqlite3.Connection) -> dict[str, SchemaObject]:
    objects: dict[str, SchemaObject] = {}
    for kind, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
    ):
        key = str(name).lower()
        if key.startswith("sqlite_autoindex_"):
            continue  # made by SQLite for a table's keys: it follows from the table
        objects[key] = SchemaObject(
            str(kind), key, str(table).lower(), sql if isinstance(sql, str) else ""
        )
    return objects


def _with_columns(conn: sqlite3.Connection, found: SchemaObject) -> SchemaObject:
    rows = conn.execute(f'PRAGMA table_info("{found.name}")').fetchall()
    columns = tuple(str(row[1]).lower() for row in rows)
    return SchemaObject(found.type, found.name, found.table, found.text, columns)


@cache
def laid_out(version: int) -> dict[str, SchemaObject]:
    """Every object a file of ``version`` has, as the app's steps make it in memory (about
    12 ms for version 7), with each table's columns."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        lay_out(memory, version)
        objects = _objects(memory)
        return {
            name: _with_columns(memory, found) if found.type == "table" else found
            for name, found in objects.items()
        }
    finally:
        memory.close()


def _made_by(statement: str) -> SchemaObject:
    """The object a ``CREATE TABLE`` or ``CREATE [UNIQUE] INDEX`` statement makes."""
    words = tokens(statement.split("(", 1)[0])  # the names come before the first bracket
    if words[1] == "table":
        return SchemaObject("table", words[2], words[2], statement.strip())
    at = words.index("index")
    return SchemaObject("index", words[at + 1], words[at + 3], statement.strip())


@cache
def _newest() -> dict[str, SchemaObject]:
    """The newest version's layout without SQLite: version 7 made every table again and
    version 8 added one, so the record of steps and those statements are the whole of it
    (held to the layout the steps make by ``tests/store/test_layout.py``)."""
    statements = [*RECORDS, *V7_TABLES.split(";")]
    statements += [V7_INDEXES[name] for name in V7_TABLE_NAMES if name in V7_INDEXES]
    statements.append(FILE_STATE)
    return {found.name: found for found in map(_made_by, statements)}


def expected_layout(version: int) -> dict[str, SchemaObject]:
    """Every object a file of ``version`` has. The newest is known from its statements; an
    older one is laid out in memory once per process."""
    return _newest() if version == SCHEMA_VERSION == 8 else laid_out(version)


def _shown(name: str) -> str:
    return name if name.isprintable() and name.isascii() else repr(name)


def _table_problem(conn: sqlite3.Connection, want: SchemaObject, version: int) -> str:
    """What differs between a table of the file and ours, as precisely as the columns say."""
    got = _with_columns(conn, want).columns
    wanted = laid_out(version)[want.name].columns
    missing = [column for column in wanted if column not in got]
    extra = [column for column in got if column not in wanted]
    if missing:
        return f"the table {want.name} has no column {missing[0]}"
    if extra:
        extra_column = _shown(extra[0])
        return f"the table {want.name} has a column {extra_column} First Workflow does not make"
    return (
        f"the table {want.name} is defined differently from First Workflow's version {version} "
        "(a type, a key or a check of it differs)"
    )


def _ours_missing_or_changed(
    conn: sqlite3.Connection, found: dict[str, SchemaObject], version: int
) -> list[str]:
    problems = []
    gone: set[str] = set()  # tables missing or replaced: their indexes go without saying
    for name, want in expected_layout(version).items():
        got = found.get(name)
        if want.type == "index" and want.table in gone:
            continue
        if got is None or got.type != want.type:
            gone.add(name)
        if got is None:
            problems.append(f"the {want.type} {name} is missing")
        elif got.type != want.type:
            problems.append(f"the {want.type} {name} has been replaced by a {got.type}")
        elif not got.same_as(want):
            if want.type == "table":
                problems.append(_table_problem(conn, want, version))
            else:
                problems.append(f"the {want.type} {name} is defined differently")
    return problems


def _refers_to_ours(conn: sqlite3.Connection, table: str, ours: set[str]) -> str | None:
    if not (table.isprintable() and table.isascii()):
        return table
    for row in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
        if str(row[2]).lower() in ours:
            return str(row[2]).lower()
    return None


def _foreign(conn: sqlite3.Connection, found: dict[str, SchemaObject], version: int) -> list[str]:
    """What another program added that changes what the app reads or writes."""
    ours = expected_layout(version)
    tables = {name for name, want in ours.items() if want.type == "table"}
    problems = []
    for name, got in found.items():
        if name in ours or name in _SQLITE_OWN:
            continue
        shown = _shown(name)
        if got.type == "trigger":
            problems.append(
                f"it has a trigger {shown} (on {_shown(got.table)}) that First Workflow does "
                "not make: a trigger changes data behind the app's back"
            )
        elif got.type == "view":
            problems.append(f"it has a view {shown} that First Workflow does not make")
        elif got.type == "index" and got.table in tables:
            problems.append(
                f"it has an index {shown} on {got.table} that First Workflow does not make"
            )
        elif got.type == "table" and got.sql[:3] == ("create", "virtual", "table"):
            problems.append(f"it has a virtual table {shown} that First Workflow does not make")
        elif got.type == "table" and (target := _refers_to_ours(conn, name, tables)):
            problems.append(
                f"its own table {shown} refers to First Workflow's table {_shown(target)}"
            )
    return problems


def _steps_problem(conn: sqlite3.Connection, version: int) -> str | None:
    recorded = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
            (MIGRATION_SET,),
        )
    ]
    if recorded != [name for name, _step in STEPS[:version]]:
        return f"its record of schema steps (_sqlite_migrations) does not match version {version}"
    return None


def layout_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """Every way the file open on ``conn`` differs from the layout of ``version``; none when
    it is exactly ours (own tables another program added aside)."""
    found = _objects(conn)
    problems = _ours_missing_or_changed(conn, found, version) + _foreign(conn, found, version)
    if not problems:
        step = _steps_problem(conn, version)
        if step:
            problems.append(step)
    return problems
