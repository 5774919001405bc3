"""Turn a workshop into an interchange document (a plain ``dict``) and back.

Reading expects a document that :func:`validate_document` accepted; :func:`workshop_from_document`
checks it first and raises :class:`InvalidWorkshop` with every issue otherwise. Writing always
produces every key of the format's first edition, in its order, so two exports of one workshop
are identical; a list added later (``estimates``) follows them, and only when it is not empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workshop_app.domain import model as m
from workshop_app.domain.fields import ADOPTION, LATER_KEYS, LISTS, WORKSHOP, FieldSpec
from workshop_app.domain.validation import FORMAT, InvalidWorkshop, validate_document

#: The file name of the interchange document a report PDF carries as an attachment.
ATTACHMENT_NAME = "workshop.json"


def _read_value(raw: Any, spec: FieldSpec) -> Any:
    if spec.kind == "object":
        assert spec.cls is not None
        return _read_object(raw or {}, spec.nested, spec.cls)
    if raw is None or (raw == "" and spec.kind != "text"):
        if spec.kind in ("enums", "refs"):
            return []
        return spec.default
    if spec.kind == "enum":
        assert spec.enum is not None
        return spec.enum(raw)
    if spec.kind == "enums":
        assert spec.enum is not None
        return [spec.enum(item) for item in raw]
    if spec.kind == "refs":
        return list(raw)
    if spec.kind == "int":
        return int(raw)
    return raw


def _read_object(raw: Mapping[str, Any], specs: tuple[FieldSpec, ...], cls: type) -> Any:
    return cls(**{spec.name: _read_value(raw.get(spec.name), spec) for spec in specs})


def _write_value(value: Any, spec: FieldSpec) -> Any:
    if spec.kind == "object":
        return _write_object(value, spec.nested)
    if spec.kind in ("enums", "refs"):
        return [str(item) for item in value]
    if spec.kind == "enum":
        return None if value is None else str(value)
    return value


def _write_object(obj: Any, specs: tuple[FieldSpec, ...]) -> dict[str, Any]:
    return {
        spec.name: _write_value(getattr(obj, spec.name), spec)
        for spec in specs
        if not (spec.later and getattr(obj, spec.name) is None)
    }


def workshop_from_document(doc: Any) -> m.Workshop:
    """The workshop a document describes; raises :class:`InvalidWorkshop` listing every issue."""
    issues = validate_document(doc)
    if issues:
        raise InvalidWorkshop(issues)
    return build_workshop(doc)


def build_workshop(doc: Mapping[str, Any]) -> m.Workshop:
    """The workshop of a document that :func:`validate_document` has accepted (it is not
    checked again: the store checks a file's rows once, then builds)."""
    workshop = m.Workshop(
        info=_read_object(doc["workshop"], WORKSHOP, m.WorkshopInfo),
        adoption=_read_object(doc.get("adoption") or {}, ADOPTION, m.Adoption),
    )
    for key, specs, cls in LISTS:
        items = [_read_object(raw, specs, cls) for raw in doc.get(key) or []]
        setattr(workshop, key, items)
    return workshop


def workshop_to_document(workshop: m.Workshop) -> dict[str, Any]:
    """The interchange document of a workshop, in the format's order: every key of its first
    edition, then each later list that has items."""
    doc: dict[str, Any] = {"format": FORMAT, "workshop": _write_object(workshop.info, WORKSHOP)}
    lists = {
        key: [_write_object(item, specs) for item in getattr(workshop, key)]
        for key, specs, _cls in LISTS
    }
    adoption = _write_object(workshop.adoption, ADOPTION)
    for key in ("stakeholders", "problems", "prior_attempts", "candidates", "metrics"):
        doc[key] = lists[key]
    doc["adoption"] = adoption
    for key in ("risks", "checkins", "signoffs", "decisions", "checkin_plan"):
        doc[key] = lists[key]
    for key in LATER_KEYS:
        if lists[key]:
            doc[key] = lists[key]
    return doc


def normalize_document(doc: Any) -> dict[str, Any]:
    """A valid document as an export of it would read: defaults filled in, keys in order."""
    return workshop_to_document(workshop_from_document(doc))
