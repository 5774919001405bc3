"""The charter: what it shows (a workshop turned into plain, safe values), and its page.

Templates stay simple and safe: every user text is already broken into words layout can wrap,
every number already formatted, every enum already in words. ``make_charter`` renders the page
to PDF with the workshop's interchange JSON attached, so the charter carries its data.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING, Any

from workshop_app.domain.advice import metric_advice
from workshop_app.domain.document import ATTACHMENT_NAME
from workshop_app.domain.estimates import latest_rounds
from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import (
    UNTITLED,
    CandidateStatus,
    DecisionKind,
    Direction,
    Estimate,
    Workshop,
)
from workshop_app.domain.ranking import (
    Awaiting,
    Scored,
    awaiting_estimates,
    missing_words,
    rank_candidates,
    recommendation,
)
from workshop_app.domain.schedule import checkin_dates
from workshop_app.domain.toolfirst import ToolFirstVocabulary, is_tool_first
from workshop_app.domain.versions import charter_fingerprint
from workshop_app.domain.words import in_words
from workshop_app.report.formatting import hours, long_date, number, sentence, text
from workshop_app.report.making import ReportKind, check_paper, make_report
from workshop_app.report.matrix import matrix_geometry
from workshop_app.report.signoffs import signoffs_context
from workshop_app.report.sureness import sureness_context
from workshop_app.report.templates import render

if TYPE_CHECKING:  # WeasyPrint is imported only when a PDF is made
    from workshop_app.report.pdf import Rendered

Context = dict[str, Any]

#: A real workshop's lists are printed whole. Past these lengths a list of the charter is cut
#: (a line says how many are left out, and that the attached workshop.json holds them all), so
#: the largest workshop the format allows still makes a charter within the bound measured in
#: docs/performance.md: each printed line or block costs layout time. The ranking stops after
#: this many ranks (the chosen workflow is printed wherever it ranks) ...
RANKS_PRINTED = 300
#: ... the parked backlog after this many candidates, highest priority first ...
BACKLOG_PRINTED = 100
#: ... each list of candidates by name, awaiting estimates or estimated blind, after this many ...
CANDIDATES_LISTED = 50
#: ... and the decision log prints its last entries, this many.
LOG_PRINTED = 100

#: Where everything a charter leaves out can be found.
_ATTACHED = f"the {ATTACHMENT_NAME} attached to this PDF holds them all"


def _left_out(printed: int, total: int, what: str) -> str:
    """The line under a list cut at ``printed`` of ``total`` items, or "" when it is whole."""
    if total <= printed:
        return ""
    return text(f"{total - printed:,} more {what} are not printed here: {_ATTACHED}.")


def _ranks_left_out(total: int, chosen_below: bool) -> str:
    """The line under a ranking cut after :data:`RANKS_PRINTED` ranks, or ""."""
    if total <= RANKS_PRINTED:
        return ""
    but = ", except the chosen workflow (the last line above)" if chosen_below else ""
    return text(
        f"Ranks {RANKS_PRINTED + 1:,} to {total:,} are not printed here{but}: {_ATTACHED}, "
        "and workshop-app rank lists them."
    )


def _names(workshop: Workshop, ids: list[str]) -> list[str]:
    return [text(person.name) for person in (workshop.stakeholder(i) for i in ids) if person]


def _name(workshop: Workshop, stakeholder_id: str | None) -> str:
    person = workshop.stakeholder(stakeholder_id)
    return text(person.name) if person else ""


def _ranking(rows: list[Scored], vocabulary: ToolFirstVocabulary) -> list[Context]:
    out = []
    for row in rows:
        candidate = row.candidate
        override = None
        if candidate.overrides.any:
            parts = []
            if candidate.overrides.friction is not None:
                parts.append(f"friction {row.computed_friction} to {row.friction_score}")
            if candidate.overrides.frequency is not None:
                parts.append(f"frequency {row.computed_frequency} to {row.frequency_score}")
            override = {"change": ", ".join(parts), "reason": text(candidate.overrides.reason)}
        out.append(
            {
                "id": candidate.id,
                "rank": row.rank,
                "name": text(candidate.name),
                "friction": row.friction_score,
                "frequency": row.frequency_score,
                "priority": row.priority,
                "hours": hours(row.hours_per_month),
                "per_month": number(round(row.per_month, 1)),
                "readiness": str(row.readiness),
                "readiness_reasons": [text(reason) for reason in row.readiness_reasons],
                "quadrant": str(row.quadrant),
                "votes": candidate.votes,
                "status": str(candidate.status),
                "reason": text(row.reason),
                "place": _place(row),
                "override": override,
                "tool_first": is_tool_first(candidate, vocabulary),
            }
        )
    return out


#: What the charter prints for a fact the room has not estimated yet.
NOT_ESTIMATED = "not estimated"


def _estimated(workshop: Workshop) -> tuple[list[Context], int]:
    """The first :data:`CANDIDATES_LISTED` candidates the room estimated blind, each with the
    last round of each fact in words, and how many it estimated in all.

    Each candidate's rounds are read from its own answers (a copy of the workshop that holds
    only those), not by searching all of them once per candidate and fact.
    """
    answers: dict[str, list[Estimate]] = {}
    for estimate in workshop.estimates:
        answers.setdefault(estimate.candidate_id, []).append(estimate)
    found: list[Context] = []
    estimated = 0
    for candidate in workshop.candidates:
        own = answers.get(candidate.id)
        if not own:
            continue
        alone = copy.copy(workshop)
        alone.candidates, alone.estimates = [candidate], own
        rounds = latest_rounds(alone, candidate.id)
        if not rounds:
            continue
        estimated += 1
        if len(found) < CANDIDATES_LISTED:
            found.append({"name": text(candidate.name), "rounds": [r.words() for r in rounds]})
    return found, estimated


def _awaiting(rows: list[Awaiting]) -> list[Context]:
    """The candidates left out of the ranking until the room estimates them: each fact as
    given, or "not estimated"."""
    out = []
    for row in rows:
        candidate = row.candidate
        count, minutes, pain = (
            candidate.frequency.count,
            candidate.minutes_per_occurrence,
            candidate.pain,
        )
        out.append(
            {
                "id": candidate.id,
                "name": text(candidate.name),
                "missing": missing_words(candidate),
                "occurrences": NOT_ESTIMATED
                if count is None
                else f"{number(count)} a {candidate.frequency.per}",
                "minutes": NOT_ESTIMATED if minutes is None else f"{number(minutes)} min",
                "pain": NOT_ESTIMATED if pain is None else f"{pain} of 5",
                "readiness": str(row.readiness),
                "votes": candidate.votes,
                "status": str(candidate.status),
            }
        )
    return out


def _place(row: Scored) -> str:
    """How a tie on priority was settled (``Below X on the same priority: …``), or "".

    The rest of the rank's reason (the scores, the override, the hours) has its own columns in
    the ranking table.
    """
    return text(sentence(str(row.tie_break))) if row.tie_break else ""


def _running_title(title: str, organization: str, limit: int = 90) -> str:
    """The page header's title: short enough for one line of the margin box."""
    title = " ".join(title.split()) or UNTITLED
    organization = " ".join(organization.split())
    if len(title) > limit:
        title = title[: limit - 1].rstrip() + "…"
    if organization:
        room = max(limit - len(title), 24)
        if len(organization) > room:
            organization = organization[: room - 1].rstrip() + "…"
        title = f"{title} · {organization}"
    return text(title)


def _duties(workshop: Workshop) -> dict[str, list[str]]:
    """What each stakeholder is named for in the charter, in words, by stakeholder id."""
    duties: dict[str, list[str]] = {s.id: [] for s in workshop.stakeholders}
    plan = workshop.adoption
    if plan.champion_id in duties:
        duties[plan.champion_id].append("champion")
    if plan.owner_id in duties:
        duties[plan.owner_id].append("adoption owner")
    for person_id in dict.fromkeys(plan.users_involved):
        if person_id in duties:
            duties[person_id].append("daily user involved")
    chosen = workshop.chosen
    metrics = workshop.metrics_of(chosen[0].id) if len(chosen) == 1 else []
    for person_id, items in duties.items():
        owned = sum(1 for m in metrics if m.owner_id == person_id)
        if owned:
            items.append(f"owns {owned} metric{'s' if owned > 1 else ''}")
        risks = sum(1 for r in workshop.risks if r.owner_id == person_id)
        if risks:
            items.append(f"owns {risks} risk{'s' if risks > 1 else ''}")
    return duties


def _why_chosen(workshop: Workshop, candidate_id: str) -> str:
    for decision in reversed(workshop.decisions):
        if decision.kind is DecisionKind.CHOSEN and decision.candidate_id == candidate_id:
            return text(decision.reason)
    return ""


def _metrics(workshop: Workshop, candidate_id: str) -> list[Context]:
    out = []
    for metric in workshop.metrics_of(candidate_id):
        arrow = "up" if metric.direction is Direction.INCREASE else "down"
        out.append(
            {
                "id": metric.id,
                "name": text(metric.name),
                "kind": in_words(metric.kind),
                "unit": text(metric.unit),
                "direction": f"should go {arrow}",
                "baseline": number(metric.baseline),
                "target": number(metric.target),
                "method": text(metric.method),
                "owner": _name(workshop, metric.owner_id),
                "agreed_by": _names(workshop, metric.agreed_by),
            }
        )
    return out


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
            "why": _why_chosen(workshop, the_one.id),
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
    estimated, estimated_total = _estimated(workshop)
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
    duties = _duties(workshop)
    return {
        "lang": "en",
        "paper": paper,
        "title": text(info.title) or UNTITLED,
        "running_title": _running_title(info.title, info.organization),
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
        "targets": _metrics(workshop, the_one.id) if the_one else [],
        "metric_advice": advice,
        "problems": [
            {
                "title": text(p.title),
                "description": text(p.description),
                "affected": text(p.affected),
                "symptoms": [in_words(s) for s in p.symptoms],
                "raised_by": _name(workshop, p.raised_by),
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
        "ranking": _ranking(printed_rows, vocabulary),
        "ranking_total": len(rows),
        "ranks_printed": min(len(rows), RANKS_PRINTED),
        "ranking_left_out": _ranks_left_out(len(rows), len(printed_rows) > RANKS_PRINTED),
        "awaiting": _awaiting(waiting[:CANDIDATES_LISTED]),
        "awaiting_total": len(waiting),
        "awaiting_left_out": _left_out(
            CANDIDATES_LISTED, len(waiting), "candidates awaiting estimates"
        ),
        "estimated": estimated,
        "estimated_left_out": _left_out(
            CANDIDATES_LISTED, estimated_total, "candidates the room estimated"
        ),
        "matrix": matrix_geometry(rows),
        "parked": parked[:BACKLOG_PRINTED],
        "parked_left_out": _left_out(
            BACKLOG_PRINTED,
            len(parked),
            "parked candidates, lower in priority, with their reasons,",
        ),
        "undecided": [text(candidate.name) for candidate in undecided[:CANDIDATES_LISTED]],
        "undecided_left_out": _left_out(CANDIDATES_LISTED, len(undecided), "undecided candidates"),
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
            "champion": _name(workshop, plan.champion_id),
            "owner": _name(workshop, plan.owner_id),
            "users": _names(workshop, plan.users_involved),
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
                "owner": _name(workshop, r.owner_id),
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
