"""The 30-day gate: is this charter ready to sign, and if not, what is missing?

A charter is *agreed* only when every condition holds; until then it is a *draft* and each
unmet condition is one line the room can act on.
"""

from __future__ import annotations

from workshop_app.domain.model import CandidateStatus, Metric, MetricKind, StakeholderKind, Workshop
from workshop_app.domain.ranking import Readiness, missing_words, readiness


def _complete(metric: Metric) -> bool:
    return (
        metric.baseline is not None
        and metric.target is not None
        and bool(metric.method.strip())
        and metric.owner_id is not None
    )


def gate_gaps(workshop: Workshop) -> list[str]:
    """Every unmet condition of the 30-day gate, one line each; empty when the gate passes."""
    gaps: list[str] = []
    chosen = workshop.chosen
    if not chosen:
        gaps.append("No workflow is chosen yet: the room chooses exactly one.")
    elif len(chosen) > 1:
        names = ", ".join(c.name for c in chosen)
        gaps.append(f"{len(chosen)} workflows are chosen ({names}): keep exactly one.")
    else:
        verdict, reasons = readiness(chosen[0])
        if verdict is Readiness.BLOCKED:
            gaps.append(f"The chosen workflow is blocked: {'; '.join(reasons[:1])}.")
        if not chosen[0].estimated:
            gaps.append(
                f"The chosen workflow awaits estimates: estimate its {missing_words(chosen[0])}."
            )
    adoption = workshop.adoption
    if workshop.stakeholder(adoption.champion_id) is None:
        gaps.append("No champion is named.")
    if workshop.stakeholder(adoption.owner_id) is None:
        gaps.append("No adoption owner is named for after the technical team moves on.")
    daily = [
        s
        for s in (workshop.stakeholder(i) for i in adoption.users_involved)
        if s is not None and s.kind is StakeholderKind.DAILY_USER
    ]
    if not daily:
        gaps.append("No daily user is involved in defining success.")
    if len(chosen) == 1:
        metrics = workshop.metrics_of(chosen[0].id)
        for kind in (MetricKind.ADOPTION, MetricKind.OUTCOME):
            of_kind = [metric for metric in metrics if metric.kind is kind]
            if not of_kind:
                gaps.append(f"No {kind} metric is agreed.")
            elif not any(_complete(metric) for metric in of_kind):
                gaps.append(f"No {kind} metric has a baseline, target, method and owner.")
    parked = [
        c
        for c in workshop.candidates
        if c.status is CandidateStatus.PARKED and not c.parked_reason.strip()
    ]
    for candidate in parked:
        gaps.append(f"{candidate.name} is parked without a reason.")
    return gaps


def is_agreed(workshop: Workshop) -> bool:
    """True when the charter passes the 30-day gate."""
    return not gate_gaps(workshop)
