"""Is the business behaving differently? Verdicts for each metric after the workshop.

The path of a metric runs in a straight line from its baseline on the workshop day to its
target on day 30 (and stays at the target after that). The latest reading is judged against
where the path is on the reading's day, in the metric's direction:

* **on track** — at the path or beyond it;
* **at risk** — behind the path, but moved from the baseline in the right direction;
* **off track** — not moved from the baseline, or moved the wrong way;
* **no data yet** — no reading.

A metric whose target equals its baseline ("keep it where it is") is on track while the
reading is at the target or better, and off track otherwise; nothing is divided by zero.

The workflow's overall verdict gives adoption its own line: an outcome that moved while
adoption stayed flat is reported as such — the change may not come from the new workflow —
and never as success.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from workshop_app.domain.model import Checkin, Direction, Metric, MetricKind, Workshop
from workshop_app.domain.records import record
from workshop_app.domain.schedule import TARGET_DAY


class Verdict(StrEnum):
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    OFF_TRACK = "off track"
    NO_DATA = "no data yet"


#: Worse verdicts sort later.
_SEVERITY = {Verdict.ON_TRACK: 0, Verdict.AT_RISK: 1, Verdict.OFF_TRACK: 2, Verdict.NO_DATA: -1}


@record(frozen=True)
class MetricProgress:
    """Where one metric stands.

    Attributes:
        metric: the metric.
        readings: its readings, oldest first.
        latest: the reading judged (the newest), or None.
        expected: where the path stands on the latest reading's day, or None.
        verdict: the verdict.
        explanation: one sentence saying why, with the numbers.
    """

    metric: Metric
    readings: tuple[Checkin, ...]
    latest: Checkin | None
    expected: float | None
    verdict: Verdict
    explanation: str


def _day_of(start: dt.date, reading: Checkin) -> int:
    return (dt.date.fromisoformat(reading.date) - start).days


def path_value(metric: Metric, day: int) -> float:
    """Where the straight path from baseline (day 0) to target (day 30) is on ``day``."""
    assert metric.baseline is not None and metric.target is not None
    share = min(max(day, 0), TARGET_DAY) / TARGET_DAY
    return metric.baseline + (metric.target - metric.baseline) * share


#: Readings within this share of the path's value count as on it (floating-point noise:
#: 26 + (8 - 26) × 26/30 is 10.399999999999999, and a typed 10.4 is on the path).
TOLERANCE = 1e-9


def _better(metric: Metric, value: float, than: float) -> bool:
    """True when ``value`` is beyond ``than`` in the metric's direction (or equal)."""
    slack = TOLERANCE * max(1.0, abs(than))
    if metric.direction is Direction.INCREASE:
        return value >= than - slack
    return value <= than + slack


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def metric_progress(workshop: Workshop, metric: Metric) -> MetricProgress:
    """The verdict on one metric from its readings."""
    readings = sorted(
        (c for c in workshop.checkins if c.metric_id == metric.id), key=lambda c: c.date
    )
    latest = readings[-1] if readings else None
    unit = f" {metric.unit}" if metric.unit else ""
    if latest is None:
        return MetricProgress(
            metric, tuple(readings), None, None, Verdict.NO_DATA, "No reading yet."
        )
    if metric.baseline is None or metric.target is None:
        return MetricProgress(
            metric,
            tuple(readings),
            latest,
            None,
            Verdict.NO_DATA,
            "The baseline or the target is missing, so the reading cannot be judged.",
        )
    try:
        start = dt.date.fromisoformat(workshop.info.date)
        day = _day_of(start, latest)
    except ValueError:
        return MetricProgress(
            metric,
            tuple(readings),
            latest,
            None,
            Verdict.NO_DATA,
            "The workshop date is missing, so the path cannot be drawn.",
        )
    value = latest.value
    if metric.target == metric.baseline:
        verdict = Verdict.ON_TRACK if _better(metric, value, metric.target) else Verdict.OFF_TRACK
        words = "holds" if verdict is Verdict.ON_TRACK else "has slipped from"
        return MetricProgress(
            metric,
            tuple(readings),
            latest,
            metric.target,
            verdict,
            f"Day {day}: {_show(value)}{unit} {words} the level to keep "
            f"({_show(metric.target)}{unit}).",
        )
    expected = path_value(metric, day)
    moved_right_way = (
        value > metric.baseline
        if metric.direction is Direction.INCREASE
        else value < metric.baseline
    )
    if _better(metric, value, expected):
        verdict = Verdict.ON_TRACK
        why = "at or beyond the path"
    elif moved_right_way:
        verdict = Verdict.AT_RISK
        why = "behind the path but moving the right way"
    else:
        verdict = Verdict.OFF_TRACK
        why = "not moved from the baseline" if value == metric.baseline else "moving the wrong way"
    return MetricProgress(
        metric,
        tuple(readings),
        latest,
        expected,
        verdict,
        f"Day {day}: {_show(value)}{unit} against {_show(expected)}{unit} "
        f"expected on the path from {_show(metric.baseline)} to "
        f"{_show(metric.target)}: {why}.",
    )


@record(frozen=True)
class Overall:
    """The workflow's verdict, with adoption and outcome on their own lines."""

    verdict: Verdict
    adoption: Verdict
    outcome: Verdict
    summary: str


def _worst(verdicts: list[Verdict]) -> Verdict:
    judged = [v for v in verdicts if v is not Verdict.NO_DATA]
    if not judged:
        return Verdict.NO_DATA
    return max(judged, key=lambda v: _SEVERITY[v])


def overall_progress(workshop: Workshop, candidate_id: str) -> Overall:
    """The overall verdict on a workflow from its adoption and outcome metrics."""
    progress = [metric_progress(workshop, m) for m in workshop.metrics_of(candidate_id)]
    adoption = _worst([p.verdict for p in progress if p.metric.kind is MetricKind.ADOPTION])
    outcome = _worst([p.verdict for p in progress if p.metric.kind is MetricKind.OUTCOME])
    if adoption is Verdict.NO_DATA and outcome is Verdict.NO_DATA:
        return Overall(
            Verdict.NO_DATA,
            adoption,
            outcome,
            "No readings yet for the adoption and outcome metrics.",
        )
    if adoption is Verdict.OFF_TRACK and outcome in (Verdict.ON_TRACK, Verdict.AT_RISK):
        return Overall(
            Verdict.AT_RISK,
            adoption,
            outcome,
            "The outcome moved, but adoption is flat: people are not yet relying "
            "on the new workflow, so the change may not come from it.",
        )
    if adoption is Verdict.NO_DATA:
        return Overall(
            _worst([outcome, Verdict.AT_RISK]),
            adoption,
            outcome,
            "The outcome has readings but adoption has none: measure whether "
            "people use the workflow before calling it a success.",
        )
    if outcome is Verdict.NO_DATA:
        return Overall(
            adoption,
            adoption,
            outcome,
            "Adoption has readings but the outcome has none yet: people's use of the "
            "workflow is known, its effect on the business is not.",
        )
    verdict = _worst([adoption, outcome])
    summaries = {
        Verdict.ON_TRACK: "People are relying on the new workflow and the outcome is moving "
        "as planned.",
        Verdict.AT_RISK: "Moving the right way, but behind the path to the 30-day targets.",
        Verdict.OFF_TRACK: "Not moving, or moving the wrong way: the workflow needs attention now.",
    }
    return Overall(verdict, adoption, outcome, summaries[verdict])
