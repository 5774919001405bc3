"""Map domain objects to table rows, driven by the domain's field specs (reading rows back is
:mod:`workshop_app.store.row_reading`'s).

A list of the format (``candidates``) is a table of the same name with a ``position`` column;
an embedded object (``frequency``) becomes prefixed columns (``frequency_count``); a list of
enum tags is a JSON text column; a list of references (``problem_ids``) is a join table
``candidates__problem_ids`` of (owner_id, position, ref_id).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from workshop_app.domain import model as m
from workshop_app.domain.fields import ADOPTION, LISTS, WORKSHOP, FieldSpec
from workshop_app.domain.records import record

Row = dict[str, Any]


@record(frozen=True)
class TableMap:
    """How one list (or singleton) of the workshop is laid out in the file.

    Attributes:
        key: the list's name in the format, and the table's name.
        specs: the fields of its items.
        cls: the dataclass of its items.
        keyed_by_id: items carry their own ``id``; otherwise ``position`` is the key.
        singleton: one row with id 1 (``workshop``, ``adoption``).
    """

    key: str
    specs: tuple[FieldSpec, ...]
    cls: type
    keyed_by_id: bool
    singleton: bool = False

    @property
    def pk(self) -> str:
        return "id" if self.keyed_by_id or self.singleton else "position"

    @property
    def joins(self) -> list[FieldSpec]:
        return [spec for spec in self.specs if spec.kind == "refs"]

    def join_table(self, spec: FieldSpec) -> str:
        return f"{self.key}__{spec.name}"


#: Every table, parents before children (the order writes go in).
TABLES: tuple[TableMap, ...] = (
    TableMap("workshop", WORKSHOP, m.WorkshopInfo, keyed_by_id=False, singleton=True),
    *(
        TableMap(key, specs, cls, keyed_by_id=specs[0].kind == "id")
        for key, specs, cls in LISTS
        if key in ("stakeholders", "problems", "prior_attempts", "candidates", "metrics")
    ),
    TableMap("adoption", ADOPTION, m.Adoption, keyed_by_id=False, singleton=True),
    *(
        TableMap(key, specs, cls, keyed_by_id=specs[0].kind == "id")
        for key, specs, cls in LISTS
        if key
        in (
            "risks",
            "checkins",
            "signoffs",
            "decisions",
            "checkin_plan",
            "estimates",
            "versions",
        )
    ),
)


def _flatten(obj: Any, specs: tuple[FieldSpec, ...], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for spec in specs:
        value = getattr(obj, spec.name)
        column = prefix + spec.name
        if spec.kind == "refs":
            continue
        if spec.kind == "object":
            yield from _flatten(value, spec.nested, column + "_")
        elif spec.kind == "enums":
            yield column, json.dumps([str(item) for item in value])
        elif spec.kind == "enum":
            yield column, None if value is None else str(value)
        elif spec.kind == "document":
            # ASCII escapes: any text a document carries can be written and read back.
            yield column, json.dumps(value, separators=(",", ":"))
        else:
            yield column, value


def item_rows(table: TableMap, items: list[Any]) -> dict[Any, Row]:
    """The rows of one table keyed by primary key, from the in-memory items."""
    rows: dict[Any, Row] = {}
    for position, item in enumerate(items):
        row: Row = dict(_flatten(item, table.specs))
        if table.singleton:
            row["id"] = 1
        else:
            row["position"] = position
        rows[row[table.pk]] = row
    return rows


def join_rows(table: TableMap, spec: FieldSpec, items: list[Any]) -> dict[Any, Row]:
    """The rows of one join table, keyed by (owner_id, position)."""
    rows: dict[Any, Row] = {}
    for item in items:
        owner = 1 if table.singleton else item.id
        for position, ref in enumerate(getattr(item, spec.name)):
            rows[(owner, position)] = {"owner_id": owner, "position": position, "ref_id": ref}
    return rows


def items_of(workshop: m.Workshop, table: TableMap) -> list[Any]:
    """The in-memory items a table mirrors (singletons as a one-item list)."""
    if table.key == "workshop":
        return [workshop.info]
    if table.key == "adoption":
        return [workshop.adoption]
    items: list[Any] = getattr(workshop, table.key)
    return items
