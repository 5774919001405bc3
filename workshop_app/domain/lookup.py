"""Finding things in a workshop without changing it: an item by its id (or by its position,
for items without an id), a field's value, and a fresh id for a new item."""

from __future__ import annotations

from typing import Any

from workshop_app.domain.model import Workshop


def next_id(workshop: Workshop, key: str) -> str:
    """A fresh id for a new item of ``key``: its list's letter and the next free number."""
    prefix = {
        "stakeholders": "s",
        "problems": "p",
        "prior_attempts": "a",
        "candidates": "c",
        "metrics": "m",
        "risks": "r",
    }[key]
    taken = {item.id for item in getattr(workshop, key)}
    number = len(taken) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def find(workshop: Workshop, key: str, item_id: str | None) -> Any:
    """The item ``item_id`` of list ``key``; the singletons ``workshop`` and ``adoption`` take
    ``None``. Raises ``KeyError`` when there is no such item."""
    if key == "workshop":
        return workshop.info
    if key == "adoption":
        return workshop.adoption
    return getattr(workshop, key)[index_of(workshop, key, item_id or "")]


def position_id(index: int) -> str:
    """The id an item without an id of its own (a reading, a sign-off) goes by: ``#3``."""
    return f"#{index}"


def index_of(workshop: Workshop, key: str, item_id: str) -> int:
    """The position of item ``item_id`` (an id, or a position id ``#n``) in list ``key``."""
    items = getattr(workshop, key)
    if item_id.startswith("#") and item_id[1:].isdigit():
        index = int(item_id[1:])
        if index < len(items) and getattr(items[index], "id", None) is None:
            return index
    for index, item in enumerate(items):
        if getattr(item, "id", None) == item_id:
            return index
    raise KeyError(f"no item {item_id!r} in {key}")


def get_value(workshop: Workshop, key: str, item_id: str | None, field_path: str) -> Any:
    """The value of a (possibly nested, ``frequency.count``) field of one item."""
    target = find(workshop, key, item_id)
    for name in field_path.split("."):
        target = getattr(target, name)
    return target
