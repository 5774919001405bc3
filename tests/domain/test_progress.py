"""Progress verdicts: each metric against its straight path from baseline to the 30-day target,
and the workflow's overall verdict with adoption on its own line."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    Checkin,
    Direction,
    Metric,
    MetricKind,
    Workshop,
    WorkshopInfo,
)
from workshop_app.domain.progress import Verdict, metric_progress, overall_progress, path_value

UP, DOWN = Direction.INCREASE, Direction.DECREASE
ON, RISK, OFF, NONE = Verdict.ON_TRACK, Verdict.AT_RISK, Verdict.OFF_TRACK, Verdict.NO_DATA
START = dt.date(2026, 11, 10)


def on(day: int) -> str:
    return (START + dt.timedelta(days=day)).isoformat()


def metric(
    mid: str = "m1",
    kind: MetricKind = MetricKind.OUTCOME,
    direction: Direction = UP,
    baseline: float | None = 0,
    target: float | None = 30,
) -> Metric:
    return Metric(mid, "c1", f"Metric {mid}", kind, "", direction, baseline, target)


def workshop(
    *metrics: Metric, readings: tuple[Checkin, ...] = (), date: str = START.isoformat()
) -> Workshop:
    return Workshop(
        info=WorkshopInfo(title="W", date=date),
        candidates=[Candidate("c1", "Flow", status=CandidateStatus.CHOSEN)],
        metrics=list(metrics),
        checkins=list(readings),
    )


def judge(m: Metric, *readings: tuple[int, float]):
    w = workshop(m, readings=tuple(Checkin(m.id, on(day), value) for day, value in readings))
    return metric_progress(w, m)


# Increase: baseline 0, target 30, so the path stands at `day` on day `day` (until day 30).
# Decrease: baseline 30, target 0, so the path stands at 30 - day.
@pytest.mark.parametrize(
    ("direction", "day", "value", "expected"),
    [
        (UP, 10, 10, ON),  # exactly on the path
        (UP, 10, 9.9, RISK),  # just behind, moved the right way
        (UP, 10, 0.1, RISK),
        (UP, 10, 0, OFF),  # not moved
        (UP, 10, -1, OFF),  # wrong way
        (UP, 10, 12, ON),  # beyond the path
        (UP, 30, 30, ON),
        (UP, 30, 45, ON),  # beyond the target
        (UP, 45, 30, ON),  # after day 30 the path stays at the target
        (UP, 45, 29.9, RISK),
        (UP, 0, 0, ON),  # the workshop day: the path is the baseline
        (UP, 0, -0.5, OFF),
        (DOWN, 10, 20, ON),
        (DOWN, 10, 20.1, RISK),
        (DOWN, 10, 29.9, RISK),
        (DOWN, 10, 30, OFF),
        (DOWN, 10, 31, OFF),
        (DOWN, 10, 15, ON),
        (DOWN, 30, -5, ON),
        (DOWN, 60, 0, ON),
        (DOWN, 60, 0.1, RISK),
        (DOWN, 0, 30, ON),
        (DOWN, 0, 30.5, OFF),
    ],
)
def test_verdict_boundaries(
    direction: Direction, day: int, value: float, expected: Verdict
) -> None:
    baseline, target = (0, 30) if direction is UP else (30, 0)
    progress = judge(metric(direction=direction, baseline=baseline, target=target), (day, value))
    assert progress.verdict is expected, progress.explanation
    assert progress.expected == pytest.approx(path_value(progress.metric, day))


def test_the_path_after_day_30_stays_at_the_target() -> None:
    m = metric(baseline=26, target=8, direction=DOWN)
    assert path_value(m, 30) == 8
    assert path_value(m, 90) == 8
    assert path_value(m, -3) == 26
    assert judge(m, (45, 9)).expected == 8


@pytest.mark.parametrize(("day", "value"), [(26, 10.4), (5, 23), (7, 21.8)])
def test_a_reading_exactly_on_a_decimal_path_is_on_track(day: int, value: float) -> None:
    # The demo's outcome metric: 26 hours down to 8; on day 26 the path is exactly 10.4 hours.
    progress = judge(metric(direction=DOWN, baseline=26, target=8), (day, value))
    assert progress.verdict is ON, progress.explanation


def test_the_explanation_gives_the_numbers_and_the_reason() -> None:
    progress = judge(metric(direction=DOWN, baseline=26, target=8), (7, 23.5))
    assert progress.verdict is RISK
    assert "Day 7" in progress.explanation
    assert "23.5" in progress.explanation and "21.8" in progress.explanation
    assert "behind the path" in progress.explanation
    assert "not moved" in judge(metric(), (5, 0)).explanation
    assert "wrong way" in judge(metric(), (5, -2)).explanation


@pytest.mark.parametrize(
    ("direction", "value", "expected"),
    [
        (UP, 50, ON),
        (UP, 51, ON),
        (UP, 49.9, OFF),
        (DOWN, 50, ON),
        (DOWN, 49, ON),
        (DOWN, 50.1, OFF),
    ],
)
def test_baseline_equal_to_target_means_hold_the_level(
    direction: Direction, value: float, expected: Verdict
) -> None:
    for day in (0, 12, 30, 40):
        progress = judge(metric(direction=direction, baseline=50, target=50), (day, value))
        assert progress.verdict is expected
        assert progress.expected == 50
        assert "level to keep" in progress.explanation


def test_the_newest_reading_by_date_is_judged_not_the_last_in_the_list() -> None:
    m = metric()
    readings = (Checkin("m1", on(20), 25), Checkin("m1", on(5), 0), Checkin("m1", on(12), 3))
    progress = metric_progress(workshop(m, readings=readings), m)
    assert progress.latest == readings[0]
    assert progress.verdict is ON
    assert [r.date for r in progress.readings] == [on(5), on(12), on(20)]


def test_readings_of_other_metrics_are_ignored() -> None:
    m1, m2 = metric("m1"), metric("m2")
    w = workshop(m1, m2, readings=(Checkin("m2", on(10), 20),))
    assert metric_progress(w, m1).verdict is NONE
    assert metric_progress(w, m2).verdict is ON


def test_no_readings_is_no_data_yet() -> None:
    progress = judge(metric())
    assert (progress.verdict, progress.latest, progress.expected) == (NONE, None, None)
    assert progress.explanation


@pytest.mark.parametrize(("baseline", "target"), [(None, 30), (0, None), (None, None)])
def test_missing_baseline_or_target_is_no_data_with_a_reason(
    baseline: float | None, target: float | None
) -> None:
    progress = judge(metric(baseline=baseline, target=target), (10, 10))
    assert progress.verdict is NONE
    assert "baseline or the target is missing" in progress.explanation


@pytest.mark.parametrize("date", ["", "soon", "10/11/2026"])
def test_missing_workshop_date_is_no_data_with_a_reason(date: str) -> None:
    m = metric()
    w = workshop(m, readings=(Checkin("m1", on(10), 10),), date=date)
    progress = metric_progress(w, m)
    assert progress.verdict is NONE
    assert "workshop date is missing" in progress.explanation


def lines(adoption: tuple[int, float] | None, outcome: tuple[int, float] | None):
    """A workflow with an adoption metric (0 → 30) and an outcome metric (30 → 0)."""
    a = metric("a", MetricKind.ADOPTION)
    o = metric("o", MetricKind.OUTCOME, DOWN, 30, 0)
    readings = [Checkin(mid, on(r[0]), r[1]) for mid, r in (("a", adoption), ("o", outcome)) if r]
    return overall_progress(workshop(a, o, readings=tuple(readings)), "c1")


def test_overall_with_no_readings_is_no_data() -> None:
    result = lines(None, None)
    assert (result.verdict, result.adoption, result.outcome) == (NONE, NONE, NONE)
    assert "No readings" in result.summary


def test_outcome_moved_while_adoption_flat_is_at_risk_not_success() -> None:
    result = lines((10, 0), (10, 15))  # adoption not moved; outcome beyond its path
    assert (result.adoption, result.outcome) == (OFF, ON)
    assert result.verdict is RISK
    assert "adoption is flat" in result.summary
    assert lines((10, 0), (10, 25)).verdict is RISK  # outcome merely moving


def test_both_on_track_is_on_track() -> None:
    result = lines((10, 10), (10, 20))
    assert (result.verdict, result.adoption, result.outcome) == (ON, ON, ON)
    assert "relying on the new workflow" in result.summary


@pytest.mark.parametrize(
    ("adoption", "outcome", "expected"),
    [
        ((10, 5), (10, 20), RISK),
        ((10, 10), (10, 25), RISK),
        ((10, 10), (10, 30), OFF),
        ((10, 5), (10, 31), OFF),
        ((10, 0), (10, 30), OFF),  # nothing moved at all
        ((10, -1), (10, 35), OFF),
    ],
)
def test_the_worst_line_wins(adoption, outcome, expected: Verdict) -> None:
    assert lines(adoption, outcome).verdict is expected


def test_outcome_readings_without_adoption_readings_are_never_success() -> None:
    result = lines(None, (10, 15))
    assert (result.adoption, result.outcome) == (NONE, ON)
    assert result.verdict is RISK
    assert "adoption has none" in result.summary
    assert lines(None, (10, 35)).verdict is OFF


def test_adoption_readings_without_outcome_readings_do_not_claim_the_outcome_moved() -> None:
    result = lines((10, 10), None)
    assert (result.adoption, result.outcome) == (ON, NONE)
    assert "outcome is moving" not in result.summary, result.summary


def test_demo_gives_one_on_track_one_at_risk_and_at_risk_overall(demo_workshop: Workshop) -> None:
    by_id = {m.id: metric_progress(demo_workshop, m) for m in demo_workshop.metrics}
    assert by_id["m1"].verdict is ON
    assert by_id["m2"].verdict is RISK
    assert by_id["m2"].expected == pytest.approx(21.8)
    result = overall_progress(demo_workshop, "c1")
    assert (result.verdict, result.adoption, result.outcome) == (RISK, ON, RISK)
