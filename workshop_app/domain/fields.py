"""The interchange format's fields, described once.

Each entity is a tuple of :class:`FieldSpec` in the order the format lists them. Validation,
reading a document into objects and writing objects back to a document all walk these specs,
so a field added here is handled everywhere at once.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any, Literal

from workshop_app.domain import model as m
from workshop_app.domain.limits import MOST_PROBLEMS_NAMED, MOST_STAKEHOLDERS
from workshop_app.domain.records import record
from workshop_app.domain.text import LABEL, LONG, MEDIUM, SHORT

Kind = Literal[
    "id",
    "text",
    "enum",
    "enums",
    "int",
    "number",
    "ref",
    "refs",
    "date",
    "datetime",
    "object",
    "document",  # a whole interchange document, kept as it is (a charter version's)
]

#: Dot votes are counted, not typed: a bound keeps a stuck key from writing nonsense.
MOST_VOTES = 10_000

#: Numbers people type (baselines, targets, readings) stay within this magnitude.
LARGEST_NUMBER = 1e12


@record(frozen=True)
class FieldSpec:
    """One field of an entity.

    Attributes:
        name: the key in the document and the attribute of the dataclass.
        kind: how the value is checked and converted.
        required: a missing, null or empty value is an error.
        limit: the longest text, for text fields.
        low, high: the inclusive range of a number.
        above_zero: a number must be greater than zero (``low`` is then ignored).
        enum: the allowed values, for enum fields.
        target: the list a reference points into (``stakeholders``, ``candidates``…).
        nested: the fields of an embedded object, with ``cls`` building it.
        default: the value used when an optional field is absent.
        later: a field added to version 1 after its first edition: written only when it has
            a value, so a document that does not use it exports exactly as before.
        most: for a list of choices or references, the most items it may hold; ``most_words``
            says so in a sentence ending in the noun of the items (``a candidate may name at
            most {most:,} problems``, formatted with ``most``).
    """

    name: str
    kind: Kind
    required: bool = False
    limit: int = SHORT
    low: float | None = None
    high: float | None = None
    above_zero: bool = False
    enum: type[StrEnum] | None = None
    target: str = ""
    nested: tuple[FieldSpec, ...] = ()
    cls: type | None = None
    default: Any = None
    later: bool = False
    most: int | None = None
    most_words: str = ""


def _id() -> FieldSpec:
    return FieldSpec("id", "id", required=True, limit=LABEL)


def _text(name: str, limit: int = SHORT, *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, "text", required=required, limit=limit, default="")


def _enum(name: str, enum: type[StrEnum], default: StrEnum | None = None) -> FieldSpec:
    return FieldSpec(name, "enum", required=default is None, enum=enum, default=default)


def _int(
    name: str, low: int, high: int, *, default: int | None = None, required: bool = False
) -> FieldSpec:
    return FieldSpec(name, "int", required=required, low=low, high=high, default=default)


def _number(
    name: str,
    *,
    required: bool = False,
    above_zero: bool = False,
    low: float = -LARGEST_NUMBER,
    high: float = LARGEST_NUMBER,
) -> FieldSpec:
    return FieldSpec(
        name,
        "number",
        required=required,
        low=None if above_zero else low,
        high=high,
        above_zero=above_zero,
    )


def _ref(name: str, target: str, *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, "ref", required=required, target=target)


def _refs(name: str, target: str, most: int, words: str) -> FieldSpec:
    return FieldSpec(name, "refs", target=target, default=(), most=most, most_words=words)


def _choices(name: str, enum: type[StrEnum], words: str) -> FieldSpec:
    """A list of choices, each at most once: never longer than the choices there are."""
    return FieldSpec(name, "enums", enum=enum, default=(), most=len(enum), most_words=words)


WORKSHOP = (
    _text("title", required=True),
    _text("organization"),
    FieldSpec("date", "date", required=True),
    _text("facilitator"),
    _text("location"),
    _text("notes", LONG),
)

STAKEHOLDER = (
    _id(),
    _text("name", required=True),
    _text("role"),
    _text("department"),
    _text("email", 254),
    _enum("kind", m.StakeholderKind),
)

PROBLEM = (
    _id(),
    _text("title", required=True),
    _text("description", LONG),
    _text("affected", MEDIUM),
    _choices("symptoms", m.Symptom, "there are only {most} symptoms, each named once"),
    _ref("raised_by", "stakeholders"),
)

PRIOR_ATTEMPT = (
    _id(),
    _text("what", MEDIUM, required=True),
    _text("notes", LONG),
    _choices("stall_signs", m.StallSign, "there are only {most} stall signs, each named once"),
)

#: The three facts the room estimates may be null: not estimated yet (the candidate then
#: awaits estimates and is not ranked).
FREQUENCY = (
    _number("count", above_zero=True, high=100_000),
    _enum("per", m.Period),
)

OVERRIDES = (
    _int("friction", 1, 5),
    _int("frequency", 1, 5),
    _text("reason", MEDIUM),
)

CANDIDATE = (
    _id(),
    _text("name", required=True),
    _text("description", LONG),
    _refs(
        "problem_ids",
        "problems",
        MOST_PROBLEMS_NAMED,
        "a candidate may name at most {most:,} problems",
    ),
    FieldSpec("frequency", "object", required=True, nested=FREQUENCY, cls=m.Frequency),
    _number("minutes_per_occurrence", low=0, high=100_000),
    _int("people", 1, 100_000, default=1),
    _int("pain", 1, 5),
    _int("handoffs", 0, 1000, default=0),
    _enum("data_readiness", m.DataReadiness),
    _enum("integration_effort", m.Level),
    _enum("governance", m.Level),
    _int("appetite", 1, 5, default=3),
    _int("votes", 0, MOST_VOTES, default=0),
    _enum("status", m.CandidateStatus, m.CandidateStatus.CANDIDATE),
    _text("parked_reason", MEDIUM),
    FieldSpec("overrides", "object", nested=OVERRIDES, cls=m.Overrides),
    #: The id of the library example the candidate was added from (null when none).
    FieldSpec("example", "text", limit=LABEL, later=True),
)

METRIC = (
    _id(),
    _ref("candidate_id", "candidates", required=True),
    _text("name", required=True),
    _enum("kind", m.MetricKind),
    _text("unit", LABEL),
    _enum("direction", m.Direction),
    _number("baseline"),
    _number("target"),
    _text("method", MEDIUM),
    _ref("owner_id", "stakeholders"),
    _refs(
        "agreed_by",
        "stakeholders",
        MOST_STAKEHOLDERS,
        "a metric may be agreed by at most {most:,} people",
    ),
)

ADOPTION = (
    _ref("champion_id", "stakeholders"),
    _ref("owner_id", "stakeholders"),
    _refs(
        "users_involved",
        "stakeholders",
        MOST_STAKEHOLDERS,
        "the adoption plan may involve at most {most:,} daily users",
    ),
    _text("trust_measures", LONG),
    _text("training", LONG),
    _text("feedback_channel", MEDIUM),
)

RISK = (
    _id(),
    _text("description", MEDIUM, required=True),
    _enum("category", m.RiskCategory),
    _int("likelihood", 1, 5, required=True),
    _int("impact", 1, 5, required=True),
    _text("mitigation", MEDIUM),
    _ref("owner_id", "stakeholders"),
)

CHECKIN = (
    _ref("metric_id", "metrics", required=True),
    FieldSpec("date", "date", required=True),
    _number("value", required=True),
    _text("note", MEDIUM),
)

SIGNOFF = (
    _ref("stakeholder_id", "stakeholders", required=True),
    FieldSpec("date", "date", required=True),
    _enum("decision", m.SignoffDecision),
    _text("comment", LONG),
    #: The fingerprint of the charter signed (null for a sign-off from before versions).
    FieldSpec("version", "text", limit=LABEL, later=True),
    #: How the sign-off came (null for one recorded before this was kept).
    FieldSpec("channel", "enum", enum=m.SignoffChannel, later=True),
    #: The name typed on a review form.
    FieldSpec("signed_as", "text", limit=SHORT, later=True),
    #: The comments of a review form, one per part of the charter.
    FieldSpec("comment_workflow", "text", limit=LONG, later=True),
    FieldSpec("comment_metrics", "text", limit=LONG, later=True),
    FieldSpec("comment_adoption", "text", limit=LONG, later=True),
)

DECISION = (
    FieldSpec("at", "datetime", required=True),
    _enum("kind", m.DecisionKind),
    _ref("candidate_id", "candidates"),
    _text("reason", MEDIUM),
)

CHECKIN_PLAN = (
    _int("day", 1, 366, required=True),
    _text("note", LONG),
)

#: The most rounds of estimates of one fact (a room needs two, rarely three).
MOST_ROUNDS = 1000

#: The largest count or number of minutes an estimate may give, as for a candidate's facts.
LARGEST_ESTIMATE = 100_000

ESTIMATE = (
    _ref("candidate_id", "candidates", required=True),
    _enum("fact", m.EstimateFact),
    _int("round", 1, MOST_ROUNDS, required=True),
    _ref("who", "stakeholders"),
    _number("value", low=0, high=LARGEST_ESTIMATE),
    FieldSpec("per", "enum", enum=m.Period),
)

#: One exported version of the charter; the rules that span its fields (the fingerprint is
#: the document's, each version once) are in :mod:`workshop_app.domain.validation`.
VERSION = (
    FieldSpec("fingerprint", "text", required=True, limit=LABEL),
    FieldSpec("exported_at", "datetime", required=True),
    FieldSpec("document", "document", required=True),
)

#: The top-level lists in document order, with the class of their items.
LISTS: tuple[tuple[str, tuple[FieldSpec, ...], type], ...] = (
    ("stakeholders", STAKEHOLDER, m.Stakeholder),
    ("problems", PROBLEM, m.Problem),
    ("prior_attempts", PRIOR_ATTEMPT, m.PriorAttempt),
    ("candidates", CANDIDATE, m.Candidate),
    ("metrics", METRIC, m.Metric),
    ("risks", RISK, m.Risk),
    ("checkins", CHECKIN, m.Checkin),
    ("signoffs", SIGNOFF, m.Signoff),
    ("decisions", DECISION, m.Decision),
    ("checkin_plan", CHECKIN_PLAN, m.PlannedCheckin),
    ("estimates", ESTIMATE, m.Estimate),
    ("versions", VERSION, m.CharterVersion),
)


#: The top-level keys of every document, in the order the format shows them.
DOCUMENT_KEYS = (
    "format",
    "workshop",
    "stakeholders",
    "problems",
    "prior_attempts",
    "candidates",
    "metrics",
    "adoption",
    "risks",
    "checkins",
    "signoffs",
    "decisions",
    "checkin_plan",
)

#: Lists added to version 1 later, written after :data:`DOCUMENT_KEYS` and only when they are
#: not empty, so a workshop that does not use them exports exactly as it did before.
LATER_KEYS = ("estimates", "versions")


def specs_of(key: str) -> tuple[FieldSpec, ...]:
    """The fields of one list (or of ``workshop`` / ``adoption``)."""
    if key == "workshop":
        return WORKSHOP
    if key == "adoption":
        return ADOPTION
    for name, specs, _cls in LISTS:
        if name == key:
            return specs
    raise KeyError(f"unknown list {key!r}")


def field_spec(key: str, field_path: str) -> FieldSpec:
    """The spec of one (possibly nested, ``frequency.count``) field of list ``key``."""
    specs = specs_of(key)
    *parents, name = field_path.split(".")
    for parent in parents:
        specs = next(spec for spec in specs if spec.name == parent).nested
    for spec in specs:
        if spec.name == name:
            return spec
    raise KeyError(f"unknown field {key}.{field_path}")


def value_problem(fact: str, value: Any) -> str | None:
    """Why ``value`` cannot be an answer about ``fact``; None when it can (a pass always can).

    Only a number the field's own check accepts (finite, 0 up to the limit) is judged here.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if not 0 <= value <= LARGEST_ESTIMATE:
        return None
    shown = str(int(value)) if float(value).is_integer() else str(value)
    if fact == m.EstimateFact.MINUTES and value <= 0:
        return f"a minutes estimate must be more than 0, got {shown}"
    if fact == m.EstimateFact.PAIN and not (float(value).is_integer() and 1 <= value <= 5):
        return f"a pain estimate must be a whole number 1 to 5, got {shown}"
    return None


def per_problem(fact: str, per: Any) -> str | None:
    """Why ``per`` does not fit ``fact``: occurrences need their period, the others take none."""
    if fact == m.EstimateFact.OCCURRENCES and per is None:
        return "an occurrences estimate needs the period it counts in (day, week, month…)"
    if fact != m.EstimateFact.OCCURRENCES and per is not None:
        return f"must be null for a {fact} estimate; only occurrences count per period"
    return None
