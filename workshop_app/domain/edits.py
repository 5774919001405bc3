"""Edits of a workshop that keep every reference whole, and can be undone exactly.

Removing a stakeholder clears them from problems, metrics, risks and the adoption plan, and
makes their estimates anonymous; removing a candidate removes its metrics, their readings and
its estimates. :func:`remove` returns a
:class:`Removal` recording all of it, and :func:`restore` puts everything back in place.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from workshop_app.domain.fields import ADOPTION, LISTS, FieldSpec, field_spec
from workshop_app.domain.lookup import find, get_value, index_of, next_id, position_id
from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record

__all__ = [
    "Removal",
    "find",
    "get_value",
    "index_of",
    "insert",
    "move",
    "next_id",
    "position_id",
    "remove",
    "restore",
    "set_value",
]

_SPECS: dict[str, tuple[FieldSpec, ...]] = {key: specs for key, specs, _cls in LISTS}


@record
class Removal:
    """Everything one removal changed, in the order it changed it.

    Attributes:
        removed: (list key, index, item) for each item taken out, outermost first.
        cleared: (owner, field name, previous value) for each reference cleared or shortened.
    """

    removed: list[tuple[str, int, Any]] = field(default_factory=list)
    cleared: list[tuple[Any, str, Any]] = field(default_factory=list)


def _owners(workshop: Workshop) -> list[tuple[str, Any, tuple[FieldSpec, ...]]]:
    owners = [(key, item, specs) for key, specs, _cls in LISTS for item in getattr(workshop, key)]
    owners.append(("adoption", workshop.adoption, ADOPTION))
    return owners


def _remove(workshop: Workshop, key: str, index: int, removal: Removal) -> None:
    items: list[Any] = getattr(workshop, key)
    item = items.pop(index)
    removal.removed.append((key, index, item))
    if _SPECS[key][0].kind != "id":
        return
    for owner_key, owner, specs in _owners(workshop):
        for spec in specs:
            if spec.target != key:
                continue
            value = getattr(owner, spec.name)
            if spec.kind == "refs" and item.id in value:
                removal.cleared.append((owner, spec.name, list(value)))
                setattr(owner, spec.name, [ref for ref in value if ref != item.id])
            elif spec.kind == "ref" and value == item.id:
                if spec.required:
                    owner_items = getattr(workshop, owner_key)
                    place = next((i for i, o in enumerate(owner_items) if o is owner), None)
                    if place is not None:
                        _remove(workshop, owner_key, place, removal)
                else:
                    removal.cleared.append((owner, spec.name, value))
                    setattr(owner, spec.name, None)


def remove(workshop: Workshop, key: str, index: int) -> Removal:
    """Take item ``index`` out of list ``key``, with everything that depends on it."""
    removal = Removal()
    _remove(workshop, key, index, removal)
    return removal


def restore(workshop: Workshop, removal: Removal) -> None:
    """Undo a :func:`remove`: items back at their places, references as they were."""
    for owner, name, previous in reversed(removal.cleared):
        setattr(owner, name, previous)
    for key, index, item in reversed(removal.removed):
        getattr(workshop, key).insert(index, item)


def move(workshop: Workshop, key: str, index: int, new_index: int) -> None:
    """Move one item of a list to another place."""
    items: list[Any] = getattr(workshop, key)
    items.insert(new_index, items.pop(index))


def set_value(
    workshop: Workshop, key: str, item_id: str | None, field_path: str, value: Any
) -> None:
    """Set a (possibly nested) field of one item, converted to the model's types."""
    *parents, name = field_path.split(".")
    target = find(workshop, key, item_id)
    for parent in parents:
        target = getattr(target, parent)
    setattr(target, name, _typed(field_spec(key, field_path), value))


def _typed(spec: FieldSpec, value: Any) -> Any:
    """``value`` as the model keeps it: enum members for enum fields, fresh lists."""
    if spec.kind == "enum" and spec.enum is not None and value is not None:
        return spec.enum(value)
    if spec.kind == "enums" and spec.enum is not None:
        return [spec.enum(item) for item in value]
    if isinstance(value, list | tuple):
        return list(value)
    return value


def insert(workshop: Workshop, key: str, item: Any, index: int | None = None) -> None:
    """Put a new item into list ``key`` (at the end when ``index`` is None)."""
    items: list[Any] = getattr(workshop, key)
    items.insert(len(items) if index is None else index, item)
