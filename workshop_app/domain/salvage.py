"""What can be read of a document that breaks the rules, for showing a damaged workshop
read-only: every broken value is left out, and every value left out is listed.

Each problem is mended the least it takes, in this order: text that cannot be stored is cut
back to what can (controls dropped, broken characters replaced, cut to the limit); an optional
value is emptied; an optional group of values (a score override) is emptied; a list item that
still breaks a rule is left out, and then whatever referred to it; a list longer than the format
allows keeps its first items up to the cap (the versions: the last ones that fit). The
workshop's own title and date are never made up: a document without them readable has nothing
to show.

Nothing here is ever written over the file the document came from; a copy written from it
(Save As) is a new, valid file.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from workshop_app.domain.fields import LISTS, FieldSpec, field_spec
from workshop_app.domain.limits import LIST_CAPS, MOST_VERSION_ITEMS, document_items
from workshop_app.domain.records import record
from workshop_app.domain.text import readable_text, text_problem
from workshop_app.domain.validation import FORMAT, Issue, validate_document

#: Each round mends every problem found, so a few rounds settle any real file; a document
#: that is still invalid after this many has nothing reliable to show.
MOST_ROUNDS = 50

_PATH = re.compile(
    r"(?P<key>[a-z_]+)(?:\[(?P<index>[0-9]+)\])?(?P<fields>(?:\.[a-z_]+)*)(?:\[(?P<sub>[0-9]+)\])?"
)
_LIST_KEYS = {key for key, _specs, _cls in LISTS}


@record(frozen=True)
class Salvaged:
    """A valid document made of what could be read, and what was left out to make it.

    Attributes:
        document: the document, valid.
        left_out: every problem mended, placed in the document as it was given
            (``candidates[2].pain``), in the order found.
    """

    document: dict[str, Any]
    left_out: list[Issue]


class _Cannot(Exception):
    """The document has nothing reliable to show."""


class _Mender:
    def __init__(self, document: dict[str, Any]) -> None:
        self.doc = document
        #: For each list, the index each of its items had in the document as given.
        self.origin = {
            key: list(range(len(document[key])))
            for key in _LIST_KEYS
            if isinstance(document.get(key), list)
        }
        self.emptied: set[tuple[Any, ...]] = set()
        self.removals: dict[str, set[int]] = {}
        self.element_removals: dict[tuple[str, int | None, str], set[int]] = {}

    def as_given(self, issue: Issue) -> Issue:
        """``issue`` placed in the document as it was given (items left out shift the rest)."""
        found = _PATH.fullmatch(issue.path)
        if not found or found["index"] is None or found["key"] not in self.origin:
            return issue
        index = self.origin[found["key"]][int(found["index"])]
        start, end = found.span("index")
        return Issue(f"{issue.path[:start]}{index}{issue.path[end:]}", issue.message)

    def mend(self, issue: Issue) -> None:
        found = _PATH.fullmatch(issue.path)
        if found is None:
            raise _Cannot(issue)
        key, fields = found["key"], found["fields"].lstrip(".")
        index = None if found["index"] is None else int(found["index"])
        if key == "format":
            self.doc["format"] = FORMAT
        elif key in _LIST_KEYS and index is None and isinstance(self.doc.get(key), list):
            self._cut(key)  # a list too long: what fits is read
        elif key in _LIST_KEYS and index is None:
            self.doc[key] = None  # a list that is not a list: nothing of it can be read
        elif key in _LIST_KEYS:
            assert index is not None
            self._mend_item(key, index, fields, found["sub"], issue)
        elif key in ("workshop", "adoption") and isinstance(self.doc.get(key), Mapping):
            self._mend_singleton(key, fields, found["sub"], issue)
        elif key == "adoption":
            self.doc["adoption"] = None
        else:
            raise _Cannot(issue)

    def _cut(self, key: str) -> None:
        """Cut a list down to its cap: its first items; the versions, the last ones whose
        documents fit together."""
        items: list[Any] = self.doc[key]
        keep = range(min(len(items), LIST_CAPS[key].most))
        if key == "versions":
            held, last = 0, len(items)
            while last > 0 and len(items) - last < LIST_CAPS[key].most:
                size = (
                    document_items(items[last - 1].get("document"))
                    if isinstance(items[last - 1], Mapping)
                    else 0
                )
                if held + size > MOST_VERSION_ITEMS:
                    break
                held, last = held + size, last - 1
            keep = range(last, len(items))
        self.doc[key] = [items[index] for index in keep]
        self.origin[key] = [self.origin[key][index] for index in keep]

    def _mend_item(self, key: str, index: int, fields: str, sub: str | None, issue: Issue) -> None:
        item = self.doc[key][index]
        if not fields or not isinstance(item, Mapping):
            self.removals.setdefault(key, set()).add(index)
        elif sub is not None:
            self.element_removals.setdefault((key, index, fields), set()).add(int(sub))
        elif not self._mend_value(key, item, fields, (key, self.origin[key][index], fields)):
            self.removals.setdefault(key, set()).add(index)

    def _mend_singleton(self, key: str, fields: str, sub: str | None, issue: Issue) -> None:
        if sub is not None:
            self.element_removals.setdefault((key, None, fields), set()).add(int(sub))
        elif not self._mend_value(key, self.doc[key], fields, (key, fields)):
            raise _Cannot(issue)

    def _mend_value(self, key: str, item: Any, fields: str, place: tuple[Any, ...]) -> bool:
        """Mend one field of ``item``; False when only leaving the item out would do."""
        *parents, name = fields.split(".")
        holder = item
        for parent in parents:
            holder = holder.get(parent) if isinstance(holder, Mapping) else None
        if not isinstance(holder, dict):
            return False
        spec = field_spec(key, fields)
        value = holder.get(name)
        if isinstance(value, str) and _mendable_text(value, spec):
            holder[name] = readable_text(value, spec.limit)
            return True
        if place not in self.emptied and not spec.required:
            self.emptied.add(place)
            holder[name] = None
            return True
        group_place = (*place[:-1], parents[0]) if parents else place
        if parents and group_place not in self.emptied:
            group = field_spec(key, parents[0])
            if not group.required and isinstance(item, dict):
                self.emptied.add(group_place)
                item[parents[0]] = None
                return True
        return False

    def apply_removals(self) -> None:
        for (key, index, fields), subs in self.element_removals.items():
            holder = self.doc[key] if index is None else self.doc[key][index]
            values = holder.get(fields) if isinstance(holder, Mapping) else None
            if isinstance(values, list):
                holder[fields] = [v for n, v in enumerate(values) if n not in subs]
        for key, indexes in self.removals.items():
            for index in sorted(indexes, reverse=True):
                del self.doc[key][index]
                del self.origin[key][index]
        self.removals, self.element_removals = {}, {}


def _mendable_text(value: str, spec: FieldSpec) -> bool:
    """Text of a text field that breaks only the rules of text: it can be cut back."""
    return (
        spec.kind == "text"
        and text_problem(value, spec.limit) is not None
        and bool(readable_text(value, spec.limit).strip() or not spec.required)
    )


def salvage(document: Mapping[str, Any]) -> Salvaged | None:
    """What can be read of ``document``; None when not even the workshop's own details can.

    A valid document comes back as it is, with nothing left out.
    """
    doc = copy.deepcopy(dict(document))
    if not validate_document(doc):
        return Salvaged(doc, [])
    mender = _Mender(doc)
    left_out: list[Issue] = []
    seen: set[str] = set()
    for _round in range(MOST_ROUNDS):
        issues = validate_document(doc)
        if not issues:
            return Salvaged(doc, left_out)
        for issue in issues:
            placed = mender.as_given(issue)
            if str(placed) not in seen:
                seen.add(str(placed))
                left_out.append(placed)
        try:
            for issue in issues:
                mender.mend(issue)
        except _Cannot:
            return None
        mender.apply_removals()
    return None
