"""A stakeholder's review form: page 1 says what they are asked to approve (the workflow, its
30-day metrics, their own part in it, the charter version), then fields they fill in on a phone
or a desktop (a decision, a comment per section, their typed name, the date).

The form is a plain PDF (not PDF/A: PDF/A forbids form fields as WeasyPrint writes them), made
from our templates with our fonts and fetcher, then finished by
:mod:`workshop_app.report.form_fields` so every viewer shows the fields' values. It carries
the charter document it was made from (``charter-version.json``), whose fingerprint is the one
in every field name. Field names follow :mod:`workshop_app.domain.review_fields`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from workshop_app.domain.fingerprint import canonical_json, fingerprint_of
from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import Direction, Stakeholder, Workshop
from workshop_app.domain.records import record
from workshop_app.domain.review_fields import (
    ATTACHED_NAME,
    COMMENTS,
    DECISIONS,
    FormPart,
    field_name,
    form_file_stem,
    id_token,
)
from workshop_app.domain.schedule import checkin_dates
from workshop_app.domain.versions import charter_document, charter_fingerprint
from workshop_app.domain.words import in_words
from workshop_app.report.formatting import long_date, number, text
from workshop_app.report.making import check_paper
from workshop_app.report.templates import render

if TYPE_CHECKING:  # WeasyPrint is imported only when a PDF is made
    from workshop_app.report.pdf import Rendered

Context = dict[str, Any]

#: The template of the form; its stylesheet sits beside it.
TEMPLATE = "review-form.html.j2"
#: The description of the charter document a form carries (so a returned form says exactly
#: what was reviewed).
_ATTACHED_NOTE = (
    "The charter document this review form was made from (First Workflow, interchange "
    "format version 1, without check-ins); its fingerprint is in every field name"
)


def _name(workshop: Workshop, stakeholder_id: str | None) -> str:
    person = workshop.stakeholder(stakeholder_id)
    return text(person.name) if person else ""


def _asks(workshop: Workshop, person: Stakeholder, metrics: list[Context]) -> list[Context]:
    """What the charter asks of ``person``: each role with what it means, sign-off last."""
    plan = workshop.adoption
    asks: list[Context] = []
    if plan.champion_id == person.id:
        asks.append(
            {
                "role": "Champion",
                "what": "Show the team the new way of working, collect their questions and "
                "make sure the workflow is used from day one.",
            }
        )
    if plan.owner_id == person.id:
        asks.append(
            {
                "role": "Adoption owner",
                "what": "Own adoption after the technical team moves on: training, the "
                "feedback channel and the check-ins of the 30 days.",
            }
        )
    owned = [m["name"] for m in metrics if m["owner_id"] == person.id]
    if owned:
        asks.append(
            {
                "role": "Metric owner",
                "what": "Measure and report at each check-in: " + "; ".join(owned) + ".",
            }
        )
    if person.id in plan.users_involved:
        asks.append(
            {
                "role": "Daily user involved",
                "what": "Help shape the workflow and say early whether it really helps.",
            }
        )
    risks = [text(r.description) for r in workshop.risks if r.owner_id == person.id]
    if risks:
        asks.append(
            {"role": "Risk owner", "what": "Carry out the mitigation of: " + "; ".join(risks)}
        )
    asks.append(
        {
            "role": "Sign-off",
            "what": "Approve this charter, or say what must change before you can.",
        }
    )
    return asks


def _metrics(workshop: Workshop, candidate_id: str) -> list[Context]:
    return [
        {
            "name": text(m.name),
            "kind": in_words(m.kind),
            "baseline": number(m.baseline),
            "target": number(m.target),
            "unit": text(m.unit),
            "direction": "up" if m.direction is Direction.INCREASE else "down",
            "method": text(m.method),
            "owner": _name(workshop, m.owner_id),
            "owner_id": m.owner_id,
        }
        for m in workshop.metrics_of(candidate_id)
    ]


def review_context(
    workshop: Workshop,
    stakeholder_id: str,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
    fingerprint: str | None = None,
) -> Context:
    """Everything one stakeholder's form shows, and the names of its fields."""
    person = workshop.stakeholder(stakeholder_id)
    if person is None:
        raise ValueError(f"there is no stakeholder {stakeholder_id!r}")
    version = fingerprint or charter_fingerprint(workshop)
    info = workshop.info
    chosen = workshop.chosen
    the_one = chosen[0] if len(chosen) == 1 else None
    metrics = _metrics(workshop, the_one.id) if the_one else []
    plan = workshop.adoption
    try:
        planned = [
            {"label": p.label, "date": long_date(p.date.isoformat())}
            for p in checkin_dates(info.date)
        ]
    except ValueError:
        planned = []
    gaps = gate_gaps(workshop)
    return {
        "lang": "en",
        "paper": paper,
        "title": text(info.title),
        "organization": text(info.organization),
        "workshop_date": long_date(info.date),
        "facilitator": text(info.facilitator),
        "generated": long_date((today or dt.date.today()).isoformat()),
        "version": version,
        "status": "agreed" if not gaps else "draft",
        "open_points": len(gaps),
        "chosen": {"name": text(the_one.name), "description": text(the_one.description)}
        if the_one
        else None,
        "undecided": len(chosen) != 1,
        "metrics": metrics,
        "checkins": planned,
        "person": {
            "name": text(person.name) or person.id,
            "role": text(person.role),
            "department": text(person.department),
            "kind": in_words(person.kind),
        },
        "asks": _asks(workshop, person, metrics),
        "adoption": {
            "champion": _name(workshop, plan.champion_id),
            "owner": _name(workshop, plan.owner_id),
            "users": [_name(workshop, i) for i in plan.users_involved if workshop.stakeholder(i)],
            "training": text(plan.training),
            "feedback_channel": text(plan.feedback_channel),
        },
        "fields": {part.value: field_name(version, person.id, part) for part in FormPart},
        "decisions": [{"value": d.value, "words": in_words(d)} for d in DECISIONS],
        "comments": [
            {"name": field_name(version, person.id, part), "section": section}
            for part, section in COMMENTS
        ],
    }


def review_html(
    workshop: Workshop,
    stakeholder_id: str,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
) -> str:
    """One stakeholder's form as HTML (our template, our CSS), ready for the renderer."""
    check_paper(paper)
    return render(TEMPLATE, review_context(workshop, stakeholder_id, paper=paper, today=today))


@record(frozen=True)
class CharterShown:
    """What every form of one workshop carries, worked out once for all of them (for a large
    workshop, reading the whole charter document takes longer than laying out a form).

    Attributes:
        attached: the charter document as the forms attach it.
        fingerprint: its fingerprint, in every field name.
    """

    attached: bytes
    fingerprint: str

    @classmethod
    def of(cls, workshop: Workshop) -> CharterShown:
        document = charter_document(workshop)
        text_of = json.dumps(json.loads(canonical_json(document)), ensure_ascii=False, indent=1)
        return cls(text_of.encode(), fingerprint_of(document))


@record(frozen=True)
class ReviewForm:
    """One stakeholder's finished form.

    Attributes:
        stakeholder_id: whose it is.
        file_stem: a safe file name for it, without ``.pdf`` (``Review Ana Lopez``).
        rendered: the PDF and the renderer's notes.
    """

    stakeholder_id: str
    file_stem: str
    rendered: Rendered


def make_review_form(
    workshop: Workshop,
    stakeholder_id: str,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
    shown: CharterShown | None = None,
) -> ReviewForm:
    """One stakeholder's review form as PDF, its fields with appearance streams; ``shown`` is
    the workshop's charter as the forms carry it, when the caller has it already.

    Raises :class:`~workshop_app.report.pdf.ReportError` when the renderer fails.
    """
    from workshop_app.report.form_fields import finish_form
    from workshop_app.report.pdf import Attached, Rendered, render_pdf

    shown = shown or CharterShown.of(workshop)
    check_paper(paper)
    context = review_context(
        workshop, stakeholder_id, paper=paper, today=today, fingerprint=shown.fingerprint
    )
    html = render(TEMPLATE, context)
    attached = Attached(ATTACHED_NAME, shown.attached, _ATTACHED_NOTE)
    raw = render_pdf(
        html, title="review form", attachments=[attached], base=TEMPLATE, variant=None, forms=True
    )
    person = workshop.stakeholder(stakeholder_id)
    stem = form_file_stem(person.name if person else "", stakeholder_id)
    pdf, notes = finish_form(raw.pdf)
    return ReviewForm(stakeholder_id, stem, Rendered(pdf, raw.warnings + notes))


def review_file_stems(workshop: Workshop) -> dict[str, str]:
    """Each stakeholder's form's file name without ``.pdf``, by id; two people with the same
    name get distinct names (``Review Ana Lopez (s7)``)."""
    stems = {p.id: form_file_stem(p.name, p.id) for p in workshop.stakeholders}
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[stem.casefold()] = counts.get(stem.casefold(), 0) + 1
    return {
        person_id: f"{stem} ({id_token(person_id)})" if counts[stem.casefold()] > 1 else stem
        for person_id, stem in stems.items()
    }


def make_review_forms(
    workshop: Workshop, *, paper: str = "a4", today: dt.date | None = None
) -> list[ReviewForm]:
    """A form for every stakeholder, in the order of the workshop, named by
    :func:`review_file_stems`."""
    stems = review_file_stems(workshop)
    shown = CharterShown.of(workshop)
    forms = []
    for person in workshop.stakeholders:
        form = make_review_form(workshop, person.id, paper=paper, today=today, shown=shown)
        forms.append(ReviewForm(person.id, stems[person.id], form.rendered))
    return forms
