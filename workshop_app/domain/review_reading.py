"""Reading a filled review form back: what the stakeholder said, checked against the workshop.

The form's fields (:mod:`workshop_app.domain.review_fields`) arrive as a plain mapping of full
field names to values, however they were read from the PDF. :func:`read_form` says what they
hold, or refuses the whole form with one message; :func:`check_review` matches it with the
workshop — the stakeholder, the version reviewed and what changed since, the day it was signed —
and :meth:`ReviewCheck.signoff` is what :func:`~workshop_app.domain.operations.record_signoff`
then records. Nothing here changes a workshop.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import field
from typing import Any

from workshop_app.domain.changes import Refused
from workshop_app.domain.charter_changes import changes_since
from workshop_app.domain.estimates import plural
from workshop_app.domain.fingerprint import charter_part, fingerprint_of
from workshop_app.domain.model import Signoff, SignoffChannel, SignoffDecision, Workshop
from workshop_app.domain.records import record
from workshop_app.domain.review_fields import COMMENTS, DECISIONS, FormPart, parse_field_name
from workshop_app.domain.text import LONG, SHORT, clean_typed_text
from workshop_app.domain.versions import charter_document, charter_fingerprint, version_named


class ReviewRefused(Refused):
    """A review form that cannot be recorded, with the reason in plain words."""


#: The values an unticked radio button group can have.
_NO_CHOICE = {"", "off"}


@record(frozen=True)
class FilledForm:
    """What one filled review form says.

    Attributes:
        fingerprint: the charter version it was made from.
        stakeholder_id: whose form it is.
        decision: approved, or changes requested.
        comments: the comment on each part of the charter (empty text when none).
        signed_as: the name they typed.
        typed_date: the date as they typed it.
    """

    fingerprint: str
    stakeholder_id: str
    decision: SignoffDecision
    comments: dict[FormPart, str]
    signed_as: str
    typed_date: str


def _text(value: Any) -> str:
    return clean_typed_text(value if isinstance(value, str) else "").strip()


def _ours(fields: Mapping[str, Any]) -> dict[FormPart, Any]:
    """The values of the form's own fields, by part; refuses a PDF that holds none, or the
    fields of more than one form."""
    named = [(parse_field_name(name), value) for name, value in fields.items()]
    ours = [(parsed, value) for parsed, value in named if parsed is not None]
    if not ours:
        if not fields:
            raise ReviewRefused("has no form fields: it is not a First Workflow review form")
        raise ReviewRefused(
            "has form fields, but none of a First Workflow review form: it is another form"
        )
    forms = {(parsed.fingerprint, parsed.stakeholder_id) for parsed, _value in ours}
    if len(forms) > 1:
        raise ReviewRefused(
            f"holds the fields of {len(forms)} review forms at once; each stakeholder's form "
            "must come back as its own file"
        )
    return {parsed.part: value for parsed, value in ours}


def _decision(value: Any) -> SignoffDecision | None:
    if value is not None and not isinstance(value, str):
        raise ReviewRefused("its decision field holds several values at once")
    word = (value or "").strip().lstrip("/")
    if word.lower() in _NO_CHOICE:
        return None
    for decision in DECISIONS:
        if word == decision.value:
            return decision
    raise ReviewRefused(
        f"its decision field holds {word[:40]!r}, which is neither Approved nor Changes requested"
    )


def read_form(fields: Mapping[str, Any]) -> FilledForm:
    """What a filled review form says, from its fields (full name → value: text, a radio
    button's state name, or None); :class:`ReviewRefused` when it is not a whole, filled-in,
    consistent review form of ours."""
    ours = _ours(fields)
    missing = [part.value for part in FormPart if part not in ours]
    if missing:
        raise ReviewRefused(
            f"lacks the review form's field{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)}: it is not a whole First Workflow review form"
        )
    parsed = next(parse_field_name(name) for name in fields if parse_field_name(name))
    assert parsed is not None
    decision = _decision(ours[FormPart.DECISION])
    comments = {part: _text(ours[part]) for part, _section in COMMENTS}
    signed_as, typed_date = _text(ours[FormPart.NAME]), _text(ours[FormPart.DATE])
    if decision is None and not signed_as and not typed_date and not any(comments.values()):
        raise ReviewRefused("is blank: nothing was filled in")
    empty = []
    if decision is None:
        empty.append("no decision is chosen (Approved or Changes requested)")
    if not signed_as:
        empty.append("no name is typed (the typed name is the sign-off)")
    if not typed_date:
        empty.append("no date is typed")
    if empty:
        raise ReviewRefused(f"is not filled in: {'; '.join(empty)}")
    assert decision is not None
    if decision is SignoffDecision.CHANGES_REQUESTED and not any(comments.values()):
        raise ReviewRefused("asks for changes but does not say which: every comment box is empty")
    for part, section in COMMENTS:
        if len(comments[part]) > LONG:
            raise ReviewRefused(
                f"its comment on the {section} is {len(comments[part]):,} characters long; "
                f"at most {LONG:,} can be recorded"
            )
    if len(signed_as) > SHORT:
        raise ReviewRefused(f"its typed name is {len(signed_as):,} characters long")
    return FilledForm(
        parsed.fingerprint,
        parsed.stakeholder_id,
        decision,
        comments,
        signed_as,
        typed_date,
    )


# ---------------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_YEAR_LAST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.? ([a-z]+)\.?,? (\d{4})")
_MONTH_DAY = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_readings(typed: str) -> list[dt.date]:
    """Every date ``typed`` can mean, earliest first: ``2026-12-02``, ``2.12.2026``,
    ``12/2/2026`` (day or month first: both readings), ``2 December 2026``, ``Dec 2, 2026``.
    Empty when it is not a date."""
    text = " ".join(typed.lower().replace(",", ", ").split()).replace(" ,", ",")
    found: set[dt.date | None] = set()
    if match := _YEAR_FIRST.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        found.add(_day(year, month, day))
    elif match := _YEAR_LAST.fullmatch(text):
        first, second, year = (int(part) for part in match.groups())
        year += 2000 if year < 100 else 0
        found |= {_day(year, second, first), _day(year, first, second)}
    elif (match := _DAY_MONTH.fullmatch(text)) and match.group(2) in _MONTHS:
        found.add(_day(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1))))
    elif (match := _MONTH_DAY.fullmatch(text)) and match.group(1) in _MONTHS:
        found.add(_day(int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2))))
    return sorted(day for day in found if day is not None)


def signed_on(typed: str, earliest: dt.date, latest: dt.date) -> tuple[dt.date | None, str]:
    """The day a typed date means, between ``earliest`` and ``latest``; or None with the
    reason it cannot be told (not a date, outside those days, or two readings within them)."""
    readings = date_readings(typed)
    shown = f"“{typed[:40]}”"
    if not readings:
        return None, f"the typed date {shown} is not a date"
    fitting = [day for day in readings if earliest <= day <= latest]
    if len(fitting) == 1:
        return fitting[0], ""
    if len(fitting) > 1:
        options = " or ".join(f"{day:%d %B %Y}".lstrip("0") for day in fitting)
        return None, f"the typed date {shown} could be {options}"
    if all(day > latest for day in readings):
        return None, f"the typed date {shown} is in the future"
    return None, f"the typed date {shown} is before the workshop ({earliest.isoformat()})"


# ------------------------------------------------------------------------- the workshop


@record(frozen=True)
class ReviewCheck:
    """A filled form matched with the workshop: what recording it would do.

    Attributes:
        form: what the form says.
        name: the stakeholder's name in the workshop.
        current: the form is of the charter as it is now.
        changes: for an older version, what changed since it that a stakeholder signs for
            (empty when only other parts changed); empty for the current version.
        exported_at: when that version was exported, when the workshop recorded it.
        date: the day it was signed, when the typed date tells it.
        date_problem: why the typed date does not tell the day (then a date must be given).
        replaces: the stakeholder's sign-off that recording this replaces.
        same: the very same review is already recorded (recording it changes nothing).
    """

    form: FilledForm
    name: str
    current: bool
    changes: list[str] = field(default_factory=list)
    exported_at: str | None = None
    date: dt.date | None = None
    date_problem: str = ""
    replaces: Signoff | None = None
    same: bool = False

    def signoff(self, date: dt.date | None = None) -> Signoff:
        """The sign-off to record: signed on ``date`` when given, else on the form's date
        (:class:`ReviewRefused` when neither is known)."""
        day = date or self.date
        if day is None:
            raise ReviewRefused(f"{self.date_problem}; give the date it was signed")
        comments = self.form.comments
        return Signoff(
            self.form.stakeholder_id,
            day.isoformat(),
            self.form.decision,
            "",
            version=self.form.fingerprint,
            channel=SignoffChannel.FORM,
            signed_as=self.form.signed_as,
            comment_workflow=comments[FormPart.COMMENT_WORKFLOW] or None,
            comment_metrics=comments[FormPart.COMMENT_METRICS] or None,
            comment_adoption=comments[FormPart.COMMENT_ADOPTION] or None,
        )

    def changes_words(self) -> list[str]:
        """What changed since the reviewed version, for the facilitator to read first."""
        if self.current:
            return []
        return self.changes or ["other parts of the charter (what they sign for is unchanged)"]


def _attached_version(fingerprint: str, attached: Any) -> dict[str, Any] | None:
    """The charter document a form carries, when it is a valid document of that version."""
    from workshop_app.domain.validation import validate_document

    if not isinstance(attached, Mapping):
        return None
    try:
        document = charter_part(attached)
        if validate_document(document) or fingerprint_of(document) != fingerprint:
            return None
    except (TypeError, ValueError, RecursionError):
        return None
    return document


def check_review(
    workshop: Workshop,
    form: FilledForm,
    today: dt.date,
    attached: Any = None,
) -> ReviewCheck:
    """Match ``form`` with ``workshop``: the stakeholder must be one of its people, and the
    version reviewed one it has had (exported, or the charter document the form carries).
    ``today`` bounds the day it was signed. :class:`ReviewRefused` otherwise."""
    fingerprint = form.fingerprint
    current = fingerprint == charter_fingerprint(workshop)
    recorded = version_named(workshop, fingerprint)
    old = recorded.document if recorded is not None else _attached_version(fingerprint, attached)
    if not current and old is None:
        raise ReviewRefused(
            f"is a review of charter version {fingerprint}, which this workshop has never "
            "had (and the form carries no readable copy of it): is it another workshop's form?"
        )
    person = workshop.stakeholder(form.stakeholder_id)
    if person is None:
        raise ReviewRefused(
            f"is the form of a stakeholder (id {form.stakeholder_id!r}) who is not in this "
            f"workshop; it has {plural(len(workshop.stakeholders), 'stakeholder', 'stakeholders')}"
        )
    changes = [] if current or old is None else _changes(old, workshop)
    earliest = dt.date.fromisoformat(workshop.info.date)
    day, problem = signed_on(form.typed_date, min(earliest, today), today + dt.timedelta(days=1))
    earlier = next((s for s in workshop.signoffs if s.stakeholder_id == person.id), None)
    check = ReviewCheck(
        form,
        person.name,
        current,
        changes,
        recorded.exported_at if recorded is not None else None,
        day,
        problem,
        earlier,
    )
    if earlier is not None and day is not None and earlier == check.signoff():
        return dataclasses.replace(check, same=True)
    return check


def _changes(old: Mapping[str, Any], workshop: Workshop) -> list[str]:
    return changes_since(old, charter_document(workshop), signoffs=False)
