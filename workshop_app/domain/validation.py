"""Check a whole interchange document and report every problem at once.

Each problem names where it is (``candidates[2].pain``) and what is wrong in plain words
(``must be 1 to 5, got 7``), so a facilitator or a script author can fix all of them in one go.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from typing import Any

from workshop_app.domain.dates import date_problem, datetime_problem, is_date
from workshop_app.domain.fields import (
    ADOPTION,
    LISTS,
    WORKSHOP,
    FieldSpec,
    field_spec,
    per_problem,
    value_problem,
)
from workshop_app.domain.fingerprint import NOT_THE_CHARTER, PATTERN, fingerprint_of
from workshop_app.domain.limits import (
    LIST_CAPS,
    MOST_METRICS_EACH,
    MOST_VERSION_ITEMS,
    document_items,
    too_many,
)
from workshop_app.domain.model import EstimateFact, Workshop
from workshop_app.domain.records import record
from workshop_app.domain.text import text_problem
from workshop_app.domain.value_words import described, is_number, number_shown

FORMAT = "first-workflow/1"


@record(frozen=True)
class Issue:
    """One thing wrong with a document: where, and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InvalidWorkshop(ValueError):
    """A document that cannot become a workshop; ``issues`` lists every reason."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        first = str(issues[0]) if issues else "invalid workshop"
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(first + more)


@cache
def _values_of(enum: type[StrEnum]) -> tuple[str, ...]:
    """The values a choice allows, in their order (looked up once per choice)."""
    return tuple(member.value for member in enum)


class _Checker:
    def __init__(self) -> None:
        self.issues: list[Issue] = []
        self.ids: dict[str, set[str]] = {}
        self.pending_refs: list[tuple[str, str, str]] = []  # path, target list, id
        #: Lists refused for their length, whose items are not checked (nor what they hold).
        self.too_long: set[str] = set()

    def add(self, path: str, message: str) -> None:
        self.issues.append(Issue(path, message))

    def check_object(self, value: Any, specs: tuple[FieldSpec, ...], path: str) -> None:
        if not isinstance(value, Mapping):
            self.add(path, f"must be an object, got {described(value, typed=True)}")
            return
        for spec in specs:
            self.check_field(value.get(spec.name), spec, f"{path}.{spec.name}")

    def check_field(self, value: Any, spec: FieldSpec, path: str) -> None:
        empty = value is None or (
            isinstance(value, str)
            and not value.strip()
            and spec.kind in ("id", "text", "ref", "date", "datetime")
        )
        if empty:
            if spec.required:
                self.add(path, "is required")
            elif value is not None and spec.kind != "text":
                self.add(path, f"must be null when not set, got {described(value)}")
            elif isinstance(value, str):
                self._check_text(value, spec, path)
            return
        kind = spec.kind
        if kind in ("id", "text", "ref", "date", "datetime") and not isinstance(value, str):
            self.add(path, f"must be text, got {described(value, typed=True)}")
        elif kind in ("id", "text"):
            self._check_text(value, spec, path)
        elif kind == "ref":
            self.pending_refs.append((path, spec.target, value))
        elif kind == "date":
            self._check_date(value, path)
        elif kind == "datetime":
            self._check_datetime(value, path)
        elif kind == "enum":
            self._check_enum(value, spec, path)
        elif kind in ("enums", "refs"):
            self._check_list_of(value, spec, path)
        elif kind in ("int", "number"):
            self._check_number(value, spec, path)
        elif kind == "object":
            self.check_object(value, spec.nested, path)
        elif kind == "document" and not isinstance(value, Mapping):
            self.add(path, f"must be an object, got {described(value, typed=True)}")

    def _check_text(self, value: str, spec: FieldSpec, path: str) -> None:
        problem = text_problem(value, spec.limit)
        if problem:
            self.add(path, problem)

    def _check_date(self, value: str, path: str) -> None:
        problem = date_problem(value)
        if problem:
            self.add(path, problem)

    def _check_datetime(self, value: str, path: str) -> None:
        problem = datetime_problem(value)
        if problem:
            self.add(path, problem)

    def _check_enum(self, value: Any, spec: FieldSpec, path: str) -> None:
        assert spec.enum is not None
        allowed = _values_of(spec.enum)
        if value not in allowed:
            self.add(path, f"must be one of {', '.join(allowed)}; got {described(value)}")

    def _check_list_of(self, value: Any, spec: FieldSpec, path: str) -> None:
        if not isinstance(value, list):
            self.add(path, f"must be a list, got {described(value, typed=True)}")
            return
        if spec.most is not None:
            problem = too_many(len(value), spec.most, spec.most_words.format(most=spec.most))
            if problem:
                self.add(path, problem)
                return
        seen: set[Any] = set()
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            if spec.kind == "enums":
                self._check_enum(item, spec, item_path)
            elif not isinstance(item, str) or not item:
                self.add(item_path, f"must be an id, got {described(item, typed=True)}")
                continue
            else:
                self.pending_refs.append((item_path, spec.target, item))
            if isinstance(item, str) and item in seen:
                self.add(item_path, f"{described(item)} is listed twice")
            seen.add(item if isinstance(item, str) else repr(item))

    def _check_number(self, value: Any, spec: FieldSpec, path: str) -> None:
        whole = spec.kind == "int"
        if not is_number(value) or (isinstance(value, float) and not math.isfinite(value)):
            noun = "a whole number" if whole else "a number"
            self.add(path, f"must be {noun}, got {described(value, typed=True)}")
            return
        if whole and isinstance(value, float) and not value.is_integer():
            self.add(path, f"must be a whole number, got {number_shown(value)}")
            return
        if spec.above_zero:
            if value <= 0:
                self.add(path, f"must be more than 0, got {number_shown(value)}")
            elif spec.high is not None and value > spec.high:
                most = number_shown(spec.high)
                self.add(path, f"must be at most {most}, got {number_shown(value)}")
        elif spec.low is not None and spec.high is not None and not spec.low <= value <= spec.high:
            low, high = number_shown(spec.low), number_shown(spec.high)
            self.add(path, f"must be {low} to {high}, got {number_shown(value)}")

    def resolve_refs(self) -> None:
        nouns = {
            "stakeholders": "stakeholder",
            "problems": "problem",
            "candidates": "candidate",
            "metrics": "metric",
        }
        for path, target, ref in self.pending_refs:
            if target in self.too_long:
                continue  # its ids were not read: the list's length is the problem
            if ref not in self.ids.get(target, set()):
                self.add(path, f"no {nouns.get(target, target)} has the id {described(ref)}")


def _items(checker: _Checker, doc: Mapping[str, Any], key: str) -> list[Any]:
    """The items of list ``key`` whose rules across items are checked: none when it is not a
    list or is refused for its length."""
    items = doc.get(key)
    return items if isinstance(items, list) and key not in checker.too_long else []


def _check_lists(checker: _Checker, doc: Mapping[str, Any]) -> None:
    for key, specs, _cls in LISTS:
        items = doc.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            checker.add(key, f"must be a list, got {described(items, typed=True)}")
            continue
        cap = LIST_CAPS[key]
        problem = too_many(len(items), cap.most, cap.words())
        if problem:
            checker.add(key, problem)
            checker.too_long.add(key)
            continue
        known = checker.ids.setdefault(key, set())
        for index, item in enumerate(items):
            path = f"{key}[{index}]"
            checker.check_object(item, specs, path)
            if isinstance(item, Mapping) and specs[0].kind == "id":
                ident = item.get("id")
                if isinstance(ident, str) and ident:
                    if ident in known:
                        checker.add(f"{path}.id", f"the id {described(ident)} is used twice")
                    known.add(ident)


def _check_estimates(checker: _Checker, doc: Mapping[str, Any]) -> None:
    """Each answer's value fits its fact, occurrences say their period, and a named person
    answers once per candidate, fact and round."""
    facts = {str(fact) for fact in EstimateFact}
    answered: set[tuple[Any, ...]] = set()
    for index, estimate in enumerate(_items(checker, doc, "estimates")):
        if not isinstance(estimate, Mapping):
            continue
        path, fact = f"estimates[{index}]", estimate.get("fact")
        if fact not in facts:
            continue
        problem = value_problem(fact, estimate.get("value"))
        if problem:
            checker.add(f"{path}.value", problem)
        problem = per_problem(fact, estimate.get("per"))
        if problem:
            checker.add(f"{path}.per", problem)
        who, candidate, round_ = (estimate.get(key) for key in ("who", "candidate_id", "round"))
        if not (isinstance(who, str) and who and isinstance(candidate, str)):
            continue
        if isinstance(round_, float) and round_.is_integer():
            round_ = int(round_)
        if not isinstance(round_, int) or isinstance(round_, bool):
            continue
        key = (candidate, fact, round_, who)
        if key in answered:
            checker.add(
                f"{path}.who",
                f"{described(who)} already answered {fact} of {described(candidate)} in round "
                f"{round_}; keep one answer per person and round",
            )
        answered.add(key)


def _check_metrics_each(checker: _Checker, doc: Mapping[str, Any]) -> None:
    """No candidate has more than :data:`MOST_METRICS_EACH` metrics: each metric past them
    is named (its candidate's metrics are all printed in the charter and the progress report)."""
    counts: dict[str, int] = {}
    for index, metric in enumerate(_items(checker, doc, "metrics")):
        owner = metric.get("candidate_id") if isinstance(metric, Mapping) else None
        if not isinstance(owner, str):
            continue
        counts[owner] = counts.get(owner, 0) + 1
        if counts[owner] > MOST_METRICS_EACH:
            checker.add(
                f"metrics[{index}].candidate_id",
                f"candidate {described(owner)} already has {MOST_METRICS_EACH} metrics; a "
                f"candidate may have at most {MOST_METRICS_EACH}",
            )


def _check_rules(checker: _Checker, doc: Mapping[str, Any]) -> None:
    """Rules that span fields: override reasons, metrics per candidate, one sign-off each,
    readings after the day."""
    for index, cand in enumerate(_items(checker, doc, "candidates")):
        overrides = cand.get("overrides") if isinstance(cand, Mapping) else None
        if isinstance(overrides, Mapping):
            has_override = (
                overrides.get("friction") is not None or overrides.get("frequency") is not None
            )
            reason = overrides.get("reason")
            if has_override and not (isinstance(reason, str) and reason.strip()):
                checker.add(
                    f"candidates[{index}].overrides.reason",
                    "an overridden score needs a written reason",
                )
    _check_metrics_each(checker, doc)
    days: set[int] = set()
    for index, meeting in enumerate(_items(checker, doc, "checkin_plan")):
        day = meeting.get("day") if isinstance(meeting, Mapping) else None
        if isinstance(day, int) and not isinstance(day, bool):
            if day in days:
                checker.add(f"checkin_plan[{index}].day", f"day {day} is planned twice")
            days.add(day)
    signed: set[str] = set()
    for index, signoff in enumerate(_items(checker, doc, "signoffs")):
        who = signoff.get("stakeholder_id") if isinstance(signoff, Mapping) else None
        if isinstance(who, str) and who:
            if who in signed:
                checker.add(
                    f"signoffs[{index}].stakeholder_id",
                    f"{described(who)} has signed off twice; keep one sign-off each",
                )
            signed.add(who)
    info = doc.get("workshop")
    day = info.get("date") if isinstance(info, Mapping) else None
    if not (isinstance(day, str) and is_date(day)):
        return
    for index, reading in enumerate(_items(checker, doc, "checkins")):
        when = reading.get("date") if isinstance(reading, Mapping) else None
        if isinstance(when, str) and is_date(when) and when < day:
            checker.add(f"checkins[{index}].date", f"{when} is before the workshop date {day}")


def _check_versions(checker: _Checker, doc: Mapping[str, Any]) -> None:
    """Each exported version is a valid charter document whose fingerprint is its name,
    listed once; each sign-off names its version as a fingerprint."""
    for index, signoff in enumerate(_items(checker, doc, "signoffs")):
        version = signoff.get("version") if isinstance(signoff, Mapping) else None
        if isinstance(version, str) and version and not PATTERN.fullmatch(version):
            checker.add(
                f"signoffs[{index}].version",
                f"must be a charter fingerprint (10 of a-z and 2-7), got {described(version)}",
            )
    versions = _items(checker, doc, "versions")
    held = sum(document_items(v.get("document")) for v in versions if isinstance(v, Mapping))
    if held > MOST_VERSION_ITEMS:
        checker.add(
            "versions",
            f"their charter documents hold {held:,} list items together; the versions of a "
            f"workshop may hold at most {MOST_VERSION_ITEMS:,} (the oldest can be left out)",
        )
        return
    seen: set[str] = set()
    for index, version in enumerate(versions):
        if not isinstance(version, Mapping):
            continue
        path = f"versions[{index}]"
        name, document = version.get("fingerprint"), version.get("document")
        if not isinstance(name, str) or not isinstance(document, Mapping):
            continue
        kept = [key for key in NOT_THE_CHARTER if key in document]
        if kept:
            checker.add(f"{path}.document", f"must not hold {', '.join(kept)}")
            continue
        inner = validate_document(document)
        if inner:
            checker.add(f"{path}.document", f"is not a valid charter: {inner[0]}")
        elif fingerprint_of(document) != name:
            checker.add(
                f"{path}.fingerprint",
                f"{described(name)} is not the fingerprint of its document "
                f"({fingerprint_of(document)})",
            )
        if name in seen:
            checker.add(f"{path}.fingerprint", f"version {described(name)} is listed twice")
        seen.add(name)


def validate_document(doc: Any) -> list[Issue]:
    """Every problem with an interchange document; an empty list means it can be imported."""
    checker = _Checker()
    if not isinstance(doc, Mapping):
        return [Issue("", f"the document must be a JSON object, got {described(doc, typed=True)}")]
    fmt = doc.get("format")
    if fmt != FORMAT:
        checker.add("format", f"must be {FORMAT!r}, got {described(fmt)}")
    if "workshop" not in doc:
        checker.add("workshop", "is required")
    else:
        checker.check_object(doc["workshop"], WORKSHOP, "workshop")
    _check_lists(checker, doc)
    if doc.get("adoption") is not None:
        checker.check_object(doc["adoption"], ADOPTION, "adoption")
    checker.resolve_refs()
    _check_rules(checker, doc)
    _check_estimates(checker, doc)
    _check_versions(checker, doc)
    return checker.issues


def field_problem(workshop: Workshop, key: str, field_path: str, value: Any) -> str | None:
    """Why ``value`` cannot go into one field of a workshop, or None when it can.

    The editors ask this before an edit becomes an undo command, so a bad value is refused
    with the reason and never stored.
    """
    checker = _Checker()
    for name in ("stakeholders", "problems", "candidates", "metrics"):
        checker.ids[name] = {item.id for item in getattr(workshop, name)}
    checker.check_field(value, field_spec(key, field_path), field_path)
    checker.resolve_refs()
    return checker.issues[0].message if checker.issues else None
