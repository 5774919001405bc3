"""Advice on the success metrics of a workflow: gentle, never blocking.

Success is behaviour change, not a deliverable. These rules point out a plan that measures
only activity, lacks an adoption or outcome metric, leaves a metric without a baseline, target,
method or owner, or sets a target that moves the wrong way.
"""

from __future__ import annotations

from workshop_app.domain.model import Direction, Metric, MetricKind, Workshop
from workshop_app.domain.records import record


@record(frozen=True)
class Advice:
    """One piece of advice: where it applies (a document path, or "" for the whole plan)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def split_path(path: str) -> tuple[str, int | None, str]:
    """``candidates[2].frequency.count`` → (``candidates``, 2, ``frequency.count``)."""
    head, _, rest = path.partition(".")
    if "[" in head and head.endswith("]"):
        key, _, number = head[:-1].partition("[")
        return key, int(number), rest
    return head, None, rest


def _missing_parts(metric: Metric) -> list[str]:
    missing = []
    if metric.baseline is None:
        missing.append("baseline")
    if metric.target is None:
        missing.append("target")
    if not metric.method.strip():
        missing.append("measurement method")
    if metric.owner_id is None:
        missing.append("owner")
    return missing


def target_moves_wrong_way(metric: Metric) -> bool:
    """True when the target does not move from the baseline in the metric's direction."""
    if metric.baseline is None or metric.target is None:
        return False
    if metric.direction is Direction.INCREASE:
        return metric.target <= metric.baseline
    return metric.target >= metric.baseline


def metric_advice(workshop: Workshop, candidate_id: str) -> list[Advice]:
    """Advice on the metrics of one candidate, the plan-wide points first."""
    indexed = [
        (index, metric)
        for index, metric in enumerate(workshop.metrics)
        if metric.candidate_id == candidate_id
    ]
    kinds = {metric.kind for _index, metric in indexed}
    advice: list[Advice] = []
    if not indexed:
        advice.append(
            Advice(
                "",
                "No success metrics yet: agree at least one adoption metric "
                "and one outcome metric.",
            )
        )
    else:
        if kinds == {MetricKind.ACTIVITY}:
            advice.append(
                Advice(
                    "",
                    "Only activity metrics: they show that something was done, "
                    "not that people work differently. Add adoption and "
                    "outcome metrics.",
                )
            )
        if MetricKind.ADOPTION not in kinds:
            advice.append(
                Advice(
                    "",
                    "No adoption metric: measure whether people actually rely "
                    "on the new workflow (share of cases handled with it, "
                    "weekly active users among the intended users).",
                )
            )
        if MetricKind.OUTCOME not in kinds:
            advice.append(
                Advice(
                    "",
                    "No outcome metric: measure what the business gains "
                    "(hours, cycle time, error rate, leads followed up).",
                )
            )
    for index, metric in indexed:
        path = f"metrics[{index}]"
        missing = _missing_parts(metric)
        if missing and metric.kind is not MetricKind.ACTIVITY:
            advice.append(
                Advice(path, f"{metric.name or 'This metric'} has no " + ", ".join(missing) + ".")
            )
        if metric.kind is MetricKind.ACTIVITY:
            advice.append(
                Advice(
                    path,
                    f"{metric.name or 'This metric'} measures activity, not "
                    "behaviour change; keep it as a milestone, not as proof "
                    "of success.",
                )
            )
        if target_moves_wrong_way(metric):
            verb = "above" if metric.direction is Direction.INCREASE else "below"
            advice.append(
                Advice(
                    f"{path}.target",
                    f"the target of {metric.name or 'this metric'} should be "
                    f"{verb} its baseline, since it should {metric.direction}.",
                )
            )
    return advice
