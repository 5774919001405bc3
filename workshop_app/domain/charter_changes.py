"""What changed between two versions of the charter, in the facilitator's words.

Only what a stakeholder signs for is compared: the chosen workflow (its name and description),
its 30-day metrics (added, removed, renamed, their baselines, targets and owners), the champion
and the adoption owner, and the sign-offs. Each change is one short line, such as
``Target of 'Median time to quote' 8 → 6 hours``. Both sides are charter documents (plain
dicts of the interchange format, perhaps written by an older version of the app), so every
value is read with care and nothing is assumed present.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Document = Mapping[str, Any]

#: A name longer than this is shortened in a line, so each line stays short.
LONGEST_NAME = 48


def _list(document: Document, key: str) -> list[Mapping[str, Any]]:
    items = document.get(key)
    return [item for item in items if isinstance(item, Mapping)] if isinstance(items, list) else []


def _quoted(name: Any) -> str:
    text = " ".join(str(name or "").split()) or "unnamed"
    if len(text) > LONGEST_NAME:
        text = text[: LONGEST_NAME - 1].rstrip() + "…"
    return f"'{text}'"


def _number(value: Any, unit: str) -> str:
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return "none"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    shown = f"{value:,}"
    if not unit:
        return shown
    return f"{shown}{unit}" if unit.startswith("%") and len(unit) == 1 else f"{shown} {unit}"


class _People:
    """Stakeholder names by id, from the newer document first."""

    def __init__(self, old: Document, new: Document) -> None:
        self.names: dict[str, str] = {}
        for document in (old, new):
            for person in _list(document, "stakeholders"):
                if isinstance(person.get("id"), str):
                    self.names[person["id"]] = " ".join(str(person.get("name") or "").split())

    def __call__(self, stakeholder_id: Any) -> str:
        if stakeholder_id is None:
            return "nobody"
        return self.names.get(stakeholder_id) or str(stakeholder_id)


def _chosen(document: Document) -> Mapping[str, Any] | None:
    return next((c for c in _list(document, "candidates") if c.get("status") == "chosen"), None)


def _workflow(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> list[str]:
    if old is None and new is None:
        return []
    if old is None:
        assert new is not None
        return [f"Workflow chosen: {_quoted(new.get('name'))}"]
    if new is None:
        return [f"Workflow {_quoted(old.get('name'))} is no longer chosen"]
    if old.get("id") != new.get("id"):
        return [f"Workflow {_quoted(old.get('name'))} → {_quoted(new.get('name'))}"]
    lines = []
    if old.get("name") != new.get("name"):
        lines.append(f"Workflow renamed {_quoted(old.get('name'))} → {_quoted(new.get('name'))}")
    if old.get("description") != new.get("description"):
        lines.append(f"Description of the workflow {_quoted(new.get('name'))} changed")
    return lines


def _metrics_of(
    document: Document, chosen: Mapping[str, Any] | None
) -> dict[str, Mapping[str, Any]]:
    if chosen is None:
        return {}
    return {
        str(m.get("id")): m
        for m in _list(document, "metrics")
        if m.get("candidate_id") == chosen.get("id")
    }


def _metric_changes(old: Mapping[str, Any], new: Mapping[str, Any], people: _People) -> list[str]:
    lines = []
    name = _quoted(new.get("name"))
    if old.get("name") != new.get("name"):
        lines.append(f"Metric renamed {_quoted(old.get('name'))} → {name}")
    for key, label in (("baseline", "Baseline"), ("target", "Target")):
        before, after = old.get(key), new.get(key)
        if _number(before, "") != _number(after, ""):  # 8 and 8.0 are printed alike
            unit = str(new.get("unit") or "")
            lines.append(f"{label} of {name} {_number(before, '')} → {_number(after, unit)}")
    if old.get("owner_id") != new.get("owner_id"):
        lines.append(
            f"Owner of {name} {people(old.get('owner_id'))} → {people(new.get('owner_id'))}"
        )
    return lines


def _metrics(old: Document, new: Document, people: _People) -> list[str]:
    before = _metrics_of(old, _chosen(old))
    after = _metrics_of(new, _chosen(new))
    lines = [
        f"Metric removed: {_quoted(m.get('name'))}" for k, m in before.items() if k not in after
    ]
    for key, metric in after.items():
        if key not in before:
            lines.append(f"Metric added: {_quoted(metric.get('name'))}")
        else:
            lines.extend(_metric_changes(before[key], metric, people))
    return lines


def _owners(old: Document, new: Document, people: _People) -> list[str]:
    lines = []
    old_plan, new_plan = old.get("adoption"), new.get("adoption")
    old_plan = old_plan if isinstance(old_plan, Mapping) else {}
    new_plan = new_plan if isinstance(new_plan, Mapping) else {}
    for key, label in (("champion_id", "Champion"), ("owner_id", "Adoption owner")):
        if old_plan.get(key) != new_plan.get(key):
            lines.append(f"{label} {people(old_plan.get(key))} → {people(new_plan.get(key))}")
    return lines


_DECIDED = {"approved": "approved", "changes_requested": "requested changes"}


def _signoffs(old: Document, new: Document, people: _People) -> list[str]:
    before = {s.get("stakeholder_id"): s for s in _list(old, "signoffs")}
    after = {s.get("stakeholder_id"): s for s in _list(new, "signoffs")}
    lines = [f"Sign-off of {people(who)} removed" for who in before if who not in after]
    for who, signoff in after.items():
        decided = _DECIDED.get(str(signoff.get("decision")), str(signoff.get("decision")))
        earlier = before.get(who)
        if earlier is None:
            lines.append(f"{people(who)} {decided}")
        elif earlier.get("decision") != signoff.get("decision"):
            lines.append(f"{people(who)} now {decided}")
        elif earlier.get("comment") != signoff.get("comment"):
            lines.append(f"{people(who)} changed their comment")
    return lines


def changes_since(
    old_document: Document, new_document: Document, *, signoffs: bool = True
) -> list[str]:
    """What changed from ``old_document`` to ``new_document`` that a stakeholder signs for,
    one short line each, in the charter's order; empty when none of it changed.

    ``signoffs=False`` leaves the sign-offs out (what one person signed does not change when
    another signs).
    """
    people = _People(old_document, new_document)
    lines = _workflow(_chosen(old_document), _chosen(new_document))
    lines += _metrics(old_document, new_document, people)
    lines += _owners(old_document, new_document, people)
    if signoffs:
        lines += _signoffs(old_document, new_document, people)
    return lines
