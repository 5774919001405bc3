"""The stages of a workshop, how far along each one is, and the advice that belongs to it.

The navigator shows each stage as empty, in progress or complete with a count of open advice;
each stage's advice panel lists the same items. Advice never blocks: it is what a good
facilitator would point out, phrased so the room can act on it.
"""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.advice import Advice, metric_advice
from workshop_app.domain.checkins import MeetingState, meetings
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import (
    CandidateStatus,
    DecisionKind,
    EstimateFact,
    StakeholderKind,
    Workshop,
)
from workshop_app.domain.progress import Verdict, metric_progress
from workshop_app.domain.ranking import (
    Readiness,
    missing_words,
    rank_candidates,
    readiness,
    recommendation,
)
from workshop_app.domain.records import record
from workshop_app.domain.stage import Progress, Stage
from workshop_app.domain.toolfirst import ToolFirstVocabulary, is_tool_first, recast_hint
from workshop_app.domain.validation import Issue, validate_document

__all__ = ["Progress", "Stage", "StageReport", "stage_of_path", "stage_reports"]


#: Which stage owns the problems found in each part of the document.
_STAGE_OF_PATH = {
    "workshop": Stage.SETUP,
    "stakeholders": Stage.SETUP,
    "problems": Stage.DIAGNOSE,
    "prior_attempts": Stage.DIAGNOSE,
    "candidates": Stage.CANDIDATES,
    "estimates": Stage.CANDIDATES,
    "decisions": Stage.RANK,
    "metrics": Stage.METRICS,
    "adoption": Stage.ADOPTION,
    "risks": Stage.ADOPTION,
    "signoffs": Stage.CHARTER,
    "checkins": Stage.FOLLOW_THROUGH,
}


#: The field of a candidate that holds each fact the room estimates.
_FACT_PATHS = {
    EstimateFact.OCCURRENCES: "frequency.count",
    EstimateFact.MINUTES: "minutes_per_occurrence",
    EstimateFact.PAIN: "pain",
}


def stage_of_path(path: str) -> Stage:
    """The stage where the field at a document path is edited."""
    head = path.split(".", 1)[0].split("[", 1)[0]
    return _STAGE_OF_PATH.get(head, Stage.SETUP)


@record(frozen=True)
class StageReport:
    """Where one stage stands: its progress and the advice still open in it."""

    stage: Stage
    progress: Progress
    advice: tuple[Advice, ...]


def _setup(workshop: Workshop) -> tuple[Progress, list[Advice]]:
    info = workshop.info
    kinds = {s.kind for s in workshop.stakeholders}
    advice = []
    if workshop.stakeholders and StakeholderKind.SPONSOR not in kinds:
        advice.append(
            Advice(
                "stakeholders",
                "No sponsor among the stakeholders: name who decides and keeps the work funded.",
            )
        )
    if workshop.stakeholders and StakeholderKind.DAILY_USER not in kinds:
        advice.append(
            Advice(
                "stakeholders",
                "No daily user in the room: the people who will "
                "use the workflow every day help define success.",
            )
        )
    filled = [info.organization, info.facilitator, info.location]
    if not workshop.stakeholders and not any(filled):
        return Progress.EMPTY, advice
    done = all(filled) and len(workshop.stakeholders) >= 2 and not advice
    return (Progress.COMPLETE if done else Progress.IN_PROGRESS), advice


def _diagnose(workshop: Workshop) -> tuple[Progress, list[Advice]]:
    advice = []
    for index, problem in enumerate(workshop.problems):
        if not problem.description.strip():
            advice.append(
                Advice(
                    f"problems[{index}].description",
                    f"{problem.title}: describe what happens today, how often, "
                    "how long it takes and what it costs.",
                )
            )
        if not problem.symptoms:
            advice.append(
                Advice(
                    f"problems[{index}].symptoms",
                    f"{problem.title}: tag where time, quality or money is lost.",
                )
            )
    if not workshop.problems:
        return Progress.EMPTY, advice
    return (Progress.COMPLETE if not advice else Progress.IN_PROGRESS), advice


def _candidates(
    workshop: Workshop, vocabulary: ToolFirstVocabulary
) -> tuple[Progress, list[Advice]]:
    advice = []
    for index, candidate in enumerate(workshop.candidates):
        if is_tool_first(candidate, vocabulary):
            advice.append(
                Advice(
                    f"candidates[{index}].name",
                    f"{candidate.name}: {recast_hint(candidate, vocabulary)}",
                )
            )
        if not candidate.problem_ids and workshop.problems:
            advice.append(
                Advice(
                    f"candidates[{index}].problem_ids",
                    f"{candidate.name}: link it to the problem it solves.",
                )
            )
        if not candidate.estimated:
            advice.append(
                Advice(
                    f"candidates[{index}].{_FACT_PATHS[candidate.unestimated[0]]}",
                    f"{candidate.name} awaits estimates: estimate its "
                    f"{missing_words(candidate)} (it is not ranked until then).",
                )
            )
    if not workshop.candidates:
        return Progress.EMPTY, advice
    done = len(workshop.candidates) >= 2 and not advice
    return (Progress.COMPLETE if done else Progress.IN_PROGRESS), advice


def _choice_reason(workshop: Workshop, candidate_id: str) -> str:
    """The reason logged when the room last chose this candidate ("" when none was given)."""
    for decision in reversed(workshop.decisions):
        if decision.kind == DecisionKind.CHOSEN and decision.candidate_id == candidate_id:
            return decision.reason.strip()
    return ""


def _rank(workshop: Workshop) -> tuple[Progress, list[Advice]]:
    advice = []
    chosen = workshop.chosen
    ranked = rank_candidates(workshop.candidates)
    best = recommendation(ranked)
    if len(chosen) > 1:
        advice.append(Advice("", "More than one workflow is chosen: keep exactly one."))
    waiting = [c.name for c in workshop.candidates if not c.estimated]
    if waiting:
        named = ", ".join(waiting[:3]) + (
            f" and {len(waiting) - 3} more" if len(waiting) > 3 else ""
        )
        advice.append(
            Advice(
                "",
                (
                    f"1 candidate awaits estimates and is not ranked ({named}): estimate its "
                    if len(waiting) == 1
                    else f"{len(waiting)} candidates await estimates and are not ranked "
                    f"({named}): estimate their "
                )
                + "occurrences, minutes and pain in Candidates, or in a round of blind "
                "estimates on the Rank page.",
            )
        )
    for candidate in chosen:
        verdict, reasons = readiness(candidate)
        if verdict is Readiness.BLOCKED:
            advice.append(
                Advice(
                    "",
                    f"{candidate.name} is blocked ({reasons[0]}); it cannot "
                    "show a result within 30 days.",
                )
            )
    if (
        len(chosen) == 1
        and best is not None
        and best.candidate is not chosen[0]
        and not _choice_reason(workshop, chosen[0].id)
    ):
        advice.append(
            Advice(
                "",
                f"The room chose {chosen[0].name} over the recommended "
                f"{best.candidate.name}: note why in the decision.",
            )
        )
    undecided = [c for c in workshop.candidates if c.status is CandidateStatus.CANDIDATE]
    if chosen and undecided:
        advice.append(
            Advice(
                "",
                (
                    "1 candidate is neither chosen nor parked: park it"
                    if len(undecided) == 1
                    else f"{len(undecided)} candidates are neither chosen nor parked: park them"
                )
                + " with a reason so the backlog is kept.",
            )
        )
    for index, candidate in enumerate(workshop.candidates):
        if candidate.status is CandidateStatus.PARKED and not candidate.parked_reason.strip():
            advice.append(
                Advice(
                    f"candidates[{index}].parked_reason",
                    f"{candidate.name} is parked without a reason.",
                )
            )
    if (
        not chosen
        and not any(c.votes for c in workshop.candidates)
        and not any(c.status is CandidateStatus.PARKED for c in workshop.candidates)
    ):
        return Progress.EMPTY, advice
    done = len(chosen) == 1 and not undecided and not advice
    return (Progress.COMPLETE if done else Progress.IN_PROGRESS), advice


def _metrics(workshop: Workshop) -> tuple[Progress, list[Advice]]:
    chosen = workshop.chosen
    if len(chosen) != 1:
        return Progress.EMPTY, []
    advice = metric_advice(workshop, chosen[0].id)
    if not workshop.metrics_of(chosen[0].id):
        return Progress.EMPTY, advice
    gaps = [gap for gap in gate_gaps(workshop) if "metric" in gap]
    return (Progress.COMPLETE if not gaps else Progress.IN_PROGRESS), advice


def _adoption(workshop: Workshop) -> tuple[Progress, list[Advice]]:
    plan = workshop.adoption
    advice = [
        Advice("adoption", gap)
        for gap in gate_gaps(workshop)
        if "champion" in gap or "adoption owner" in gap or "daily user" in gap
    ]
    for index, risk in enumerate(workshop.risks):
        if not risk.mitigation.strip() or risk.owner_id is None:
            advice.append(
                Advice(
                    f"risks[{index}]",
                    f"Risk “{risk.description[:60]}” needs a mitigation and an owner.",
                )
            )
    started = any(
        [
            plan.champion_id,
            plan.owner_id,
            plan.users_involved,
            plan.trust_measures,
            plan.training,
            plan.feedback_channel,
            workshop.risks,
        ]
    )
    if not started:
        return Progress.EMPTY, advice
    if not workshop.risks:
        advice.append(Advice("risks", "No risks recorded: check the typical ways launches stall."))
    return (Progress.COMPLETE if not advice else Progress.IN_PROGRESS), advice


def _charter(workshop: Workshop) -> tuple[Progress, list[Advice]]:
    gaps = gate_gaps(workshop)
    advice = [Advice("", gap) for gap in gaps]
    if not workshop.chosen and not workshop.signoffs:
        return Progress.EMPTY, advice
    return (Progress.COMPLETE if not gaps else Progress.IN_PROGRESS), advice


def _follow_through(workshop: Workshop, today: dt.date) -> tuple[Progress, list[Advice]]:
    chosen = workshop.chosen
    if len(chosen) != 1 or not workshop.checkins:
        return Progress.EMPTY, []
    advice = [
        Advice("checkin_plan", f"The day-{m.day} check-in ({m.date:%d %b}) is overdue.")
        for m in meetings(workshop, today)
        if m.state is MeetingState.OVERDUE
    ]
    for metric in workshop.metrics_of(chosen[0].id):
        progress = metric_progress(workshop, metric)
        if progress.verdict is Verdict.OFF_TRACK:
            advice.append(Advice("checkins", f"{metric.name} is off track: {progress.explanation}"))
    done = all(m.state is MeetingState.DONE for m in meetings(workshop, today))
    return (Progress.COMPLETE if done and not advice else Progress.IN_PROGRESS), advice


def _issues_by_stage(issues: list[Issue]) -> dict[Stage, list[Advice]]:
    grouped: dict[Stage, list[Advice]] = {}
    for issue in issues:
        grouped.setdefault(stage_of_path(issue.path), []).append(Advice(issue.path, issue.message))
    return grouped


def stage_reports(
    workshop: Workshop, vocabulary: ToolFirstVocabulary, today: dt.date | None = None
) -> dict[Stage, StageReport]:
    """Progress and open advice of every editing stage, invalid values first."""
    invalid = _issues_by_stage(validate_document(workshop_to_document(workshop)))
    computed = {
        Stage.SETUP: _setup(workshop),
        Stage.DIAGNOSE: _diagnose(workshop),
        Stage.CANDIDATES: _candidates(workshop, vocabulary),
        Stage.RANK: _rank(workshop),
        Stage.METRICS: _metrics(workshop),
        Stage.ADOPTION: _adoption(workshop),
        Stage.CHARTER: _charter(workshop),
        Stage.FOLLOW_THROUGH: _follow_through(workshop, today or dt.date.today()),
    }
    reports = {}
    for stage, (progress, advice) in computed.items():
        errors = invalid.get(stage, [])
        shown = Progress.IN_PROGRESS if errors and progress is Progress.COMPLETE else progress
        reports[stage] = StageReport(stage, shown, tuple(errors + advice))
    return reports
