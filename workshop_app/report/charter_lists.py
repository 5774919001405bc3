"""The charter's lists and the words around them (:mod:`workshop_app.report.charter`): the
ranking, the candidates estimated blind and those awaiting estimates, each person's duties, the
chosen workflow's metrics and why it was chosen, each list cut at the length printed, with a
line that says what was left out."""

from __future__ import annotations

import copy
from typing import Any

from workshop_app.domain.document import ATTACHMENT_NAME
from workshop_app.domain.estimates import latest_rounds
from workshop_app.domain.model import UNTITLED, DecisionKind, Direction, Estimate, Workshop
from workshop_app.domain.ranking import Awaiting, Scored, missing_words
from workshop_app.domain.toolfirst import ToolFirstVocabulary, is_tool_first
from workshop_app.domain.words import in_words
from workshop_app.report.formatting import hours, number, sentence, text

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
ATTACHED = f"the {ATTACHMENT_NAME} attached to this PDF holds them all"


def left_out(printed: int, total: int, what: str) -> str:
    """The line under a list cut at ``printed`` of ``total`` items, or "" when it is whole."""
    if total <= printed:
        return ""
    return text(f"{total - printed:,} more {what} are not printed here: {ATTACHED}.")


def ranks_left_out(total: int, chosen_below: bool) -> str:
    """The line under a ranking cut after :data:`RANKS_PRINTED` ranks, or ""."""
    if total <= RANKS_PRINTED:
        return ""
    but = ", except the chosen workflow (the last line above)" if chosen_below else ""
    return text(
        f"Ranks {RANKS_PRINTED + 1:,} to {total:,} are not printed here{but}: {ATTACHED}, "
        "and workshop-app rank lists them."
    )


def stakeholder_names(workshop: Workshop, ids: list[str]) -> list[str]:
    return [text(person.name) for person in (workshop.stakeholder(i) for i in ids) if person]


def stakeholder_name(workshop: Workshop, stakeholder_id: str | None) -> str:
    person = workshop.stakeholder(stakeholder_id)
    return text(person.name) if person else ""


def ranking_rows(rows: list[Scored], vocabulary: ToolFirstVocabulary) -> list[Context]:
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
                "place": place_words(row),
                "override": override,
                "tool_first": is_tool_first(candidate, vocabulary),
            }
        )
    return out


#: What the charter prints for a fact the room has not estimated yet.
NOT_ESTIMATED = "not estimated"


def estimated_rows(workshop: Workshop) -> tuple[list[Context], int]:
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


def awaiting_rows(rows: list[Awaiting]) -> list[Context]:
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


def place_words(row: Scored) -> str:
    """How a tie on priority was settled (``Below X on the same priority: …``), or "".

    The rest of the rank's reason (the scores, the override, the hours) has its own columns in
    the ranking table.
    """
    return text(sentence(str(row.tie_break))) if row.tie_break else ""


def running_title(title: str, organization: str, limit: int = 90) -> str:
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


def duties_by_person(workshop: Workshop) -> dict[str, list[str]]:
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


def why_chosen(workshop: Workshop, candidate_id: str) -> str:
    for decision in reversed(workshop.decisions):
        if decision.kind is DecisionKind.CHOSEN and decision.candidate_id == candidate_id:
            return text(decision.reason)
    return ""


def metric_rows(workshop: Workshop, candidate_id: str) -> list[Context]:
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
                "owner": stakeholder_name(workshop, metric.owner_id),
                "agreed_by": stakeholder_names(workshop, metric.agreed_by),
            }
        )
    return out
