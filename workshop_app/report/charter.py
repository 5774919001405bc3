"""The charter: what it shows (a workshop turned into plain, safe values), and its page.

Templates stay simple and safe: every user text is already broken into words layout can wrap,
every number already formatted, every enum already in words. ``make_charter`` renders the page
to PDF with the workshop's interchange JSON attached, so the charter carries its data.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from workshop_app.domain.advice import metric_advice
from workshop_app.domain.document import ATTACHMENT_NAME
from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import UNTITLED, CandidateStatus, Workshop
from workshop_app.domain.ranking import awaiting_estimates, rank_candidates, recommendation
from workshop_app.domain.schedule import checkin_dates
from workshop_app.domain.toolfirst import ToolFirstVocabulary
from workshop_app.domain.versions import charter_fingerprint
from workshop_app.domain.words import in_words
from workshop_app.report.charter_lists import (
    BACKLOG_PRINTED,
    CANDIDATES_LISTED,
    LOG_PRINTED,
    RANKS_PRINTED,
    Context,
    awaiting_rows,
    duties_by_person,
    estimated_rows,
    left_out,
    metric_rows,
    ranking_rows,
    ranks_left_out,
    running_title,
    stakeholder_name,
    stakeholder_names,
    why_chosen,
)
from workshop_app.report.formatting import hours, long_date, number, text
from workshop_app.report.making import ReportKind, check_paper, make_report
from workshop_app.report.matrix import matrix_geometry
from workshop_app.report.signoffs import signoffs_context
from workshop_app.report.sureness import sureness_context
from workshop_app.report.templates import render

if TYPE_CHECKING:  # WeasyPrint is imported only when a PDF is made
    from workshop_app.report.pdf import Rendered


def charter_context(
    workshop: Workshop,
    vocabulary: ToolFirstVocabulary,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
) -> Context:
    """Everything the charter template shows, in the order of the charter."""
    info = workshop.info
    rows = rank_candidates(workshop.candidates)
    waiting = awaiting_estimates(workshop.candidates)
    gaps = gate_gaps(workshop)
    chosen = workshop.chosen
    the_one = chosen[0] if len(chosen) == 1 else None
    chosen_row = next((row for row in rows if row.candidate is the_one), None)
    best = recommendation(rows)
    problems_by_id = {p.id: p for p in workshop.problems}
    try:
        planned = checkin_dates(info.date)
    except ValueError:
        planned = []
    chosen_context = None
    if the_one is not None and chosen_row is not None:
        chosen_context = {
            "id": the_one.id,
            "name": text(the_one.name),
            "description": text(the_one.description),
            "why": why_chosen(workshop, the_one.id),
            "recommended": best is not None and best.candidate is the_one,
            "priority": chosen_row.priority,
            "friction": chosen_row.friction_score,
            "frequency": chosen_row.frequency_score,
            "hours": hours(chosen_row.hours_per_month),
            "per_month": number(round(chosen_row.per_month, 1)),
            "minutes": number(the_one.minutes_per_occurrence),
            "people": the_one.people,
            "readiness": str(chosen_row.readiness),
            "readiness_reasons": [text(r) for r in chosen_row.readiness_reasons],
            "quadrant": str(chosen_row.quadrant),
            "problems": [
                text(problems_by_id[i].title) for i in the_one.problem_ids if i in problems_by_id
            ],
        }
    advice = [text(a.message) for a in metric_advice(workshop, the_one.id)] if the_one else []
    candidates_by_id = {c.id: c for c in workshop.candidates}
    printed_rows = rows[:RANKS_PRINTED] + [
        row for row in rows[RANKS_PRINTED:] if row.candidate.status is CandidateStatus.CHOSEN
    ]
    estimated, estimated_total = estimated_rows(workshop)
    parked = [
        {
            "name": text(row.candidate.name),
            "reason": text(row.candidate.parked_reason),
            "priority": row.priority,
            "hours": hours(row.hours_per_month),
            "readiness": str(row.readiness),
        }
        for row in rows
        if row.candidate.status is CandidateStatus.PARKED
    ] + [
        {
            "name": text(row.candidate.name),
            "reason": text(row.candidate.parked_reason),
            "priority": None,
            "hours": None,
            "readiness": str(row.readiness),
        }
        for row in waiting
        if row.candidate.status is CandidateStatus.PARKED
    ]
    undecided = [
        candidate
        for candidate in [row.candidate for row in rows] + [row.candidate for row in waiting]
        if candidate.status is CandidateStatus.CANDIDATE
    ]
    log = workshop.decisions[-LOG_PRINTED:]
    risks = sorted(workshop.risks, key=lambda r: (-r.exposure, -r.impact))
    plan = workshop.adoption
    duties = duties_by_person(workshop)
    return {
        "lang": "en",
        "paper": paper,
        "title": text(info.title) or UNTITLED,
        "running_title": running_title(info.title, info.organization),
        "recommendation": text(best.candidate.name) if best is not None else "",
        "organization": text(info.organization),
        "date": long_date(info.date),
        "facilitator": text(info.facilitator),
        "location": text(info.location),
        "notes": text(info.notes),
        "status": "agreed" if not gaps else "draft",
        "gaps": [text(gap) for gap in gaps],
        "generated": long_date((today or dt.date.today()).isoformat()),
        "version": charter_fingerprint(workshop),
        "chosen": chosen_context,
        "how_sure": sureness_context(workshop),
        "targets": metric_rows(workshop, the_one.id) if the_one else [],
        "metric_advice": advice,
        "problems": [
            {
                "title": text(p.title),
                "description": text(p.description),
                "affected": text(p.affected),
                "symptoms": [in_words(s) for s in p.symptoms],
                "raised_by": stakeholder_name(workshop, p.raised_by),
            }
            for p in workshop.problems
        ],
        "prior_attempts": [
            {
                "what": text(a.what),
                "notes": text(a.notes),
                "stall_signs": [in_words(s) for s in a.stall_signs],
            }
            for a in workshop.prior_attempts
        ],
        # Each list the charter may cut comes with its whole length (``…_total``).
        "ranking": ranking_rows(printed_rows, vocabulary),
        "ranking_total": len(rows),
        "ranks_printed": min(len(rows), RANKS_PRINTED),
        "ranking_left_out": ranks_left_out(len(rows), len(printed_rows) > RANKS_PRINTED),
        "awaiting": awaiting_rows(waiting[:CANDIDATES_LISTED]),
        "awaiting_total": len(waiting),
        "awaiting_left_out": left_out(
            CANDIDATES_LISTED, len(waiting), "candidates awaiting estimates"
        ),
        "estimated": estimated,
        "estimated_left_out": left_out(
            CANDIDATES_LISTED, estimated_total, "candidates the room estimated"
        ),
        "matrix": matrix_geometry(rows),
        "parked": parked[:BACKLOG_PRINTED],
        "parked_left_out": left_out(
            BACKLOG_PRINTED,
            len(parked),
            "parked candidates, lower in priority, with their reasons,",
        ),
        "undecided": [text(candidate.name) for candidate in undecided[:CANDIDATES_LISTED]],
        "undecided_left_out": left_out(CANDIDATES_LISTED, len(undecided), "undecided candidates"),
        "checkins": [{"label": p.label, "date": long_date(p.date.isoformat())} for p in planned],
        "stakeholders": [
            {
                "name": text(s.name),
                "kind": in_words(s.kind),
                "role": text(s.role),
                "department": text(s.department),
                "email": text(s.email),
                "duties": duties.get(s.id, []),
            }
            for s in workshop.stakeholders
        ],
        "adoption": {
            "champion": stakeholder_name(workshop, plan.champion_id),
            "owner": stakeholder_name(workshop, plan.owner_id),
            "users": stakeholder_names(workshop, plan.users_involved),
            "trust_measures": text(plan.trust_measures),
            "training": text(plan.training),
            "feedback_channel": text(plan.feedback_channel),
        },
        "risks": [
            {
                "description": text(r.description),
                "category": in_words(r.category),
                "likelihood": r.likelihood,
                "impact": r.impact,
                "exposure": r.exposure,
                "mitigation": text(r.mitigation),
                "owner": stakeholder_name(workshop, r.owner_id),
            }
            for r in risks
        ],
        "signoffs": signoffs_context(workshop),
        "decisions": [
            {
                "at": d.at.replace("T", " ")[:16],
                "kind": in_words(d.kind),
                "candidate": text(candidates_by_id[d.candidate_id].name)
                if d.candidate_id in candidates_by_id
                else "",
                "reason": text(d.reason),
            }
            for d in log
        ],
        "decisions_left_out": text(
            f"The last {LOG_PRINTED} of {len(workshop.decisions):,} entries are printed here; "
            f"the whole log is in the {ATTACHMENT_NAME} attached to this PDF."
        )
        if len(workshop.decisions) > LOG_PRINTED
        else "",
    }


def charter_html(
    workshop: Workshop,
    vocabulary: ToolFirstVocabulary,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
) -> str:
    """The charter as HTML (our template, our CSS), ready for the renderer."""
    check_paper(paper)
    context = charter_context(workshop, vocabulary, paper=paper, today=today)
    return render(ReportKind.CHARTER.template, context)


def make_charter(
    workshop: Workshop,
    vocabulary: ToolFirstVocabulary,
    interchange_json: str,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
) -> Rendered:
    """The charter PDF with the workshop's interchange JSON attached."""
    html = charter_html(workshop, vocabulary, paper=paper, today=today)
    return make_report(ReportKind.CHARTER, html, interchange_json)
