"""Operations on the items of a workshop's lists and on its two singletons: set one field, add,
remove (with everything that depends on the item) and move an item."""

from __future__ import annotations

import copy
from typing import Any

from workshop_app.domain import edits
from workshop_app.domain.changes import Changes, Part, Refused
from workshop_app.domain.fields import LISTS
from workshop_app.domain.limits import metrics_room_problem, room_problem
from workshop_app.domain.model import Metric, Workshop
from workshop_app.domain.operations.step import Outcome, Step, nothing, operation


def _touched(part: Part, item: Any) -> Changes:
    item_id = getattr(item, "id", None)
    return Changes.of(part, item_id) if isinstance(item_id, str) else Changes.of(part)


def _put(workshop: Workshop, part: Part, item_id: str | None, field: str, value: Any) -> Outcome:
    try:
        old = copy.deepcopy(edits.get_value(workshop, part, item_id, field))
    except (KeyError, AttributeError):
        raise Refused(f"{part} has no item {item_id!r} with a field {field!r}") from None
    edits.set_value(workshop, part, item_id, field, copy.deepcopy(value))
    if edits.get_value(workshop, part, item_id, field) == old:
        return nothing()
    by_id = item_id is not None and not part.singleton and not item_id.startswith("#")
    changed = Changes.of(part, item_id) if by_id and item_id else Changes.of(part)
    return Outcome.made(changed, Step(_put, (part, item_id, field, old)))


#: A candidate's facts the room estimates: once given a value, they keep one.
_ESTIMATED_FACTS = frozenset({"frequency.count", "minutes_per_occurrence", "pain"})


@operation
def set_field(
    workshop: Workshop, part: Part, item_id: str | None, field: str, value: Any
) -> Outcome:
    """Set one (possibly nested, ``frequency.count``) field of one item; ``item_id`` is None for
    the workshop details and the adoption plan. The value is taken as the model keeps it.

    A candidate's estimated fact (occurrences, minutes, pain) can be changed but not emptied
    again: "not estimated" is where a candidate from an example starts, not a value to type.
    """
    if part is Part.CANDIDATES and field in _ESTIMATED_FACTS and value is None:
        try:
            current = edits.get_value(workshop, part, item_id, field)
        except (KeyError, AttributeError):
            current = None
        if current is not None:
            raise Refused(
                "an estimated fact can be changed but not emptied again; type the room's value"
            )
    return _put(workshop, part, item_id, field, value)


def _take_out(workshop: Workshop, part: Part, index: int) -> Outcome:
    removal = edits.remove(workshop, part, index)
    return Outcome.made(_removal_changes(removal), Step(_put_back, (removal,)))


def _put_back(workshop: Workshop, removal: edits.Removal) -> Outcome:
    edits.restore(workshop, removal)
    changes = _removal_changes(removal)
    first = removal.removed[0]
    return Outcome.made(changes, Step(_take_out, (Part(first[0]), first[1])))


def _removal_changes(removal: edits.Removal) -> Changes:
    changes = Changes()
    for key, _index, _item in removal.removed:
        changes |= Changes.of(Part(key))
    for owner, _name, _previous in removal.cleared:
        changes |= Changes.of(_part_of(owner))
    return changes


def _part_of(owner: Any) -> Part:
    for key, _specs, cls in LISTS:
        if isinstance(owner, cls):
            return Part(key)
    return Part.ADOPTION


@operation
def add_item(workshop: Workshop, part: Part, item: Any, index: int | None = None) -> Outcome:
    """Put a new item into a list, at ``index`` or at the end; refused when the list has the
    most items the format allows (and a metric, when its candidate has the most metrics)."""
    items: list[Any] = getattr(workshop, part)
    place = len(items) if index is None else index
    if not 0 <= place <= len(items):
        raise Refused(f"{part} has no place {place}")
    full = room_problem(workshop, part)
    if full is None and isinstance(item, Metric):
        full = metrics_room_problem(workshop, item.candidate_id)
    if full is not None:
        raise Refused(full)
    item_id = getattr(item, "id", None)
    if item_id is not None and any(getattr(other, "id", None) == item_id for other in items):
        raise Refused(f"{part} already has an item with the id {item_id!r}")
    edits.insert(workshop, part, item, place)
    return Outcome.made(Changes.of(part), Step(_take_out, (part, place)))


@operation
def remove_item(workshop: Workshop, part: Part, item_id: str) -> Outcome:
    """Take an item out of its list with everything that depends on it: removing a stakeholder
    clears them from problems, metrics, risks and the adoption plan and makes their estimates
    anonymous; removing a candidate takes its metrics, their readings and its estimates. The
    undo puts all of it back in place."""
    try:
        index = edits.index_of(workshop, part, item_id)
    except KeyError:
        raise Refused(f"{part} has no item {item_id!r}") from None
    return _take_out(workshop, part, index)


def _shift(workshop: Workshop, part: Part, index: int, new_index: int) -> Outcome:
    edits.move(workshop, part, index, new_index)
    return Outcome.made(Changes.of(part), Step(_shift, (part, new_index, index)))


@operation
def move_item(workshop: Workshop, part: Part, item_id: str, new_index: int) -> Outcome:
    """Move one item of a list to another place (Alt+Up, Alt+Down)."""
    try:
        index = edits.index_of(workshop, part, item_id)
    except KeyError:
        raise Refused(f"{part} has no item {item_id!r}") from None
    if not 0 <= new_index < len(getattr(workshop, part)):
        raise Refused(f"{part} has no place {new_index}")
    return _shift(workshop, part, index, new_index)
