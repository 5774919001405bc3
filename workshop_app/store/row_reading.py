"""Read a workshop file's rows as an interchange document, and check it exactly as an imported
document is checked (:func:`~workshop_app.domain.validation.validate_document`) before anything
uses it; each problem is placed in the file by table, row and column.

A row holds whatever another program wrote into it: text in a number column, binary data,
JSON that does not parse. Nothing is converted on the way in — a value goes into the document
as it is, and the rules of the format say what is wrong with it, in the words an import uses:
``candidates c3.minutes_per_occurrence: must be a number, got text 'abc'``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path
from typing import Any

from workshop_app.domain.document import build_workshop
from workshop_app.domain.fields import FieldSpec
from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record
from workshop_app.domain.validation import FORMAT, Issue, validate_document
from workshop_app.store.rows import TABLES, Row, TableMap

#: What the items of each list that has references are called.
_NOUNS = {"candidates": "candidate", "metrics": "metric", "adoption": "adoption plan"}
_PATH = re.compile(
    r"(?P<key>[a-z_]+)(?:\[(?P<index>[0-9]+)\])?(?P<fields>(?:\.[a-z_]+)*)(?:\[(?P<sub>[0-9]+)\])?"
    r"(?P<rest>.*)"
)


class RowProblems(ValueError):
    """Rows of a file that break the rules; ``issues`` places each, one line apiece."""

    def __init__(self, issues: list[str], contents: FileContents) -> None:
        self.issues = issues
        self.contents = contents
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(issues[0] + more)


@record
class FileContents:
    """A file's rows as a document, and where each item of it lives in the file.

    Attributes:
        document: the interchange document the rows make, values as they are in the file.
        keys: list name → the primary key (id or position) of each item's row, in order.
        join_keys: (list, item index, field) → the position of each reference's row.
        problems: what is wrong before any value is looked at (a missing row, a reference
            row of no item), already placed.
    """

    document: dict[str, Any] = field(default_factory=dict)
    keys: dict[str, list[Any]] = field(default_factory=dict)
    join_keys: dict[tuple[str, int | None, str], list[Any]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def place(self, issue: Issue) -> str:
        """``issue`` as a place in the file: ``candidates c3.frequency_count: …``."""
        found = _PATH.fullmatch(issue.path)
        if found is None or (found["index"] is None and found["key"] not in SINGLETONS):
            return str(issue)
        key, fields, sub = found["key"], found["fields"].lstrip("."), found["sub"]
        index = None if found["index"] is None else int(found["index"])
        row = key if index is None else f"{key} {_row_name(key, self.keys[key][index])}"
        if not fields:
            return f"{row}{found['rest']}: {issue.message}"
        specs = _table(key).specs
        if sub is not None and _spec(specs, fields).kind == "refs":
            positions = self.join_keys.get((key, index, fields), [])
            owner = 1 if index is None else self.keys[key][index]
            position = positions[int(sub)] if int(sub) < len(positions) else sub
            join = f"{key}__{fields} ({_shown(owner)}, {position})"
            return f"{join}.ref_id{found['rest']}: {issue.message}"
        column = fields.replace(".", "_")
        subscript = "" if sub is None else f"[{sub}]"
        return f"{row}.{column}{subscript}{found['rest']}: {issue.message}"


SINGLETONS = ("workshop", "adoption")


def _table(key: str) -> TableMap:
    return next(table for table in TABLES if table.key == key)


def _spec(specs: tuple[FieldSpec, ...], fields: str) -> FieldSpec:
    *parents, name = fields.split(".")
    for parent in parents:
        specs = next(spec for spec in specs if spec.name == parent).nested
    return next(spec for spec in specs if spec.name == name)


def _shown(key: Any) -> str:
    """A row's key as a message shows it: a plain id as it is, anything else quoted."""
    if isinstance(key, str) and key.isprintable() and key and not any(c.isspace() for c in key):
        return key
    return repr(key)


def _row_name(key: str, pk: Any) -> str:
    return _shown(pk) if _table(key).keyed_by_id else f"row {_shown(pk)}"


def _rows(conn: sqlite3.Connection, tables: set[str], name: str, order: str) -> list[Row]:
    """The rows of one table in ``order``; none when the table is not there (an older file)."""
    if name not in tables:
        return []
    cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}')
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor]


def _parsed(raw: Any, kind: type) -> Any:
    """JSON text as the value it holds when that is a ``kind``; anything else as it is, for
    the rules to name."""
    if not isinstance(raw, str):
        return raw
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return raw
    return value if isinstance(value, kind) else raw


def _values(row: Row, specs: Iterable[FieldSpec], prefix: str = "") -> dict[str, Any]:
    """One item of the document from its row (the references are added from their rows)."""
    values: dict[str, Any] = {}
    for spec in specs:
        column = prefix + spec.name
        if spec.kind == "refs":
            values[spec.name] = []
        elif spec.kind == "object":
            values[spec.name] = _values(row, spec.nested, column + "_")
        elif column not in row:
            continue  # a column added later: an older file has none
        elif spec.kind == "enums":
            values[spec.name] = _parsed(row[column], list)
        elif spec.kind == "document":
            values[spec.name] = _parsed(row[column], dict)
        else:
            values[spec.name] = row[column]
    return values


def _add_references(
    conn: sqlite3.Connection, tables: set[str], table: TableMap, contents: FileContents
) -> None:
    items = contents.document[table.key]
    owners: dict[Any, int] = {1: 0} if table.singleton else {}
    if not table.singleton:
        for number, pk in enumerate(contents.keys[table.key]):
            owners.setdefault(pk, number)
    for spec in table.joins:
        join = table.join_table(spec)
        for row in _rows(conn, tables, join, "owner_id, position"):
            owner, position = row["owner_id"], row["position"]
            index = owners.get(owner)
            if index is None:
                noun = _NOUNS[table.key]
                contents.problems.append(
                    f"{join} ({_shown(owner)}, {position}).owner_id: no {noun} has the id {owner!r}"
                )
                continue
            item = items if table.singleton else items[index]
            item[spec.name].append(row["ref_id"])
            place = (table.key, None if table.singleton else index, spec.name)
            contents.join_keys.setdefault(place, []).append(position)


def read_contents(conn: sqlite3.Connection) -> FileContents:
    """Every row of an open file as a document, unchecked (the file's layout is checked).

    Text is decoded by SQLite's own UTF-8 decoding, a third faster than the connection's
    tolerant one on a large workshop; text that is not UTF-8 makes the read fail, and the
    rows are then read again with the connection's own (which keeps each bad byte for the
    rules of text to name)."""
    tolerant = conn.text_factory
    conn.text_factory = str
    try:
        return _read_contents(conn)
    except sqlite3.OperationalError:
        conn.text_factory = tolerant
        return _read_contents(conn)
    finally:
        conn.text_factory = tolerant


def _read_contents(conn: sqlite3.Connection) -> FileContents:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    contents = FileContents(document={"format": FORMAT})
    for table in TABLES:
        rows = _rows(conn, tables, table.key, "id" if table.singleton else "position")
        if table.singleton:
            if not rows:
                noun = "workshop's details" if table.key == "workshop" else "adoption plan"
                contents.problems.append(f"{table.key}: its row is missing (the {noun})")
                continue
            contents.document[table.key] = _values(rows[0], table.specs)
        else:
            contents.document[table.key] = [_values(row, table.specs) for row in rows]
            contents.keys[table.key] = [row[table.pk] for row in rows]
        if table.key in contents.document:
            _add_references(conn, tables, table, contents)
    return contents


def _issues(contents: FileContents) -> list[str]:
    missing = {problem.split(":")[0] for problem in contents.problems}
    found = [
        contents.place(issue)
        for issue in validate_document(contents.document)
        if issue.path not in missing
    ]
    return contents.problems + found


def load(conn: sqlite3.Connection) -> Workshop:
    """The workshop in an open file, checked as an import is; :class:`RowProblems` places
    every problem otherwise."""
    contents = read_contents(conn)
    issues = _issues(contents)
    if issues:
        raise RowProblems(issues, contents)
    return build_workshop(contents.document)


def what_can_be_read(problems: RowProblems) -> tuple[Workshop, list[str]] | None:
    """The workshop made of what can be read of a file with ``problems``, and every value
    left out (placed in the file); None when not even its own details can be read."""
    from workshop_app.domain.salvage import salvage  # only for a file that breaks the rules

    contents = problems.contents
    salvaged = salvage(contents.document)
    if salvaged is None:
        return None
    placed = [contents.place(issue) for issue in salvaged.left_out]
    return build_workshop(salvaged.document), contents.problems + placed


#: What reading a damaged file's rows may raise besides :class:`RowProblems`.
UNREADABLE = (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError)


def load_checked(path: Path, conn: sqlite3.Connection) -> Workshop:
    """The workshop in an open file, every row checked; a file whose rows break the rules,
    or cannot be read, is refused naming ``path``."""
    from workshop_app.store import errors
    from workshop_app.store.damage_words import damage

    try:
        return load(conn)
    except RowProblems as exc:
        raise errors.InvalidContents(path, exc.issues) from None
    except UNREADABLE as exc:
        raise errors.DamagedWorkshop(path, f"cannot be read: {damage(exc)}") from None
