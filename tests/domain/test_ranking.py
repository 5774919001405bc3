"""The ranking model of PRODUCT.md: every band, rule, tie-break, verdict and quadrant."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    DataReadiness,
    Frequency,
    Level,
    Overrides,
    Period,
)
from workshop_app.domain.ranking import (
    Quadrant,
    Readiness,
    Scored,
    frequency_score,
    friction_score,
    minutes_score,
    occurrences_per_month,
    quadrant,
    rank_candidates,
    readiness,
    recommendation,
)

DAY, WEEK, MONTH, QUARTER, YEAR = Period.DAY, Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR
MISSING, PARTIAL, READY = DataReadiness.MISSING, DataReadiness.PARTIAL, DataReadiness.READY
LOW, MEDIUM, HIGH = Level.LOW, Level.MEDIUM, Level.HIGH
PARKED, CHOSEN = CandidateStatus.PARKED, CandidateStatus.CHOSEN


def cand(ident: str = "c1", name: str = "", **facts: Any) -> Candidate:
    """A candidate whose data is ready and whose integration and governance are low."""
    frequency = Frequency(facts.pop("count", 1), facts.pop("per", MONTH))
    fields = {"data_readiness": READY, "integration_effort": LOW, "governance": LOW, **facts}
    fields["minutes_per_occurrence"] = fields.pop("minutes", 0)
    return Candidate(ident, name or ident, frequency=frequency, **fields)


def scored(candidate: Candidate) -> Scored:
    return rank_candidates([candidate])[0]


def ids(rows: list[Scored]) -> list[str]:
    return [row.candidate.id for row in rows]


# fmt: off
#: (count, period, expected frequency score) on each side of every band boundary.
FREQUENCY_CASES = [
    (0.01, MONTH, 1), (0.99, MONTH, 1), (1, MONTH, 2), (3.99, MONTH, 2), (4, MONTH, 3),
    (19, MONTH, 3), (20, MONTH, 4), (99, MONTH, 4), (100, MONTH, 5),
    # a day is 21 a month: 0.9/day = 18.9, 4.76/day = 99.96
    (0.19, DAY, 2), (0.2, DAY, 3), (0.9, DAY, 3), (1, DAY, 4), (4.76, DAY, 4), (4.77, DAY, 5),
    # a week is 52/12 a month: 1/week = 4.33, 23/week = 99.7, 24/week = 104
    (0.23, WEEK, 1), (0.24, WEEK, 2), (0.9, WEEK, 2), (1, WEEK, 3), (4.6, WEEK, 3),
    (4.7, WEEK, 4), (23, WEEK, 4), (24, WEEK, 5),
    (2.99, QUARTER, 1), (3, QUARTER, 2), (11.99, QUARTER, 2), (12, QUARTER, 3),
    (59, QUARTER, 3), (60, QUARTER, 4), (299, QUARTER, 4), (300, QUARTER, 5),
    (11, YEAR, 1), (12, YEAR, 2), (47, YEAR, 2), (48, YEAR, 3), (239, YEAR, 3), (240, YEAR, 4),
    (1199, YEAR, 4), (1200, YEAR, 5),
]
PER_MONTH = [
    (DAY, Fraction(21)), (WEEK, Fraction(52, 12)), (MONTH, Fraction(1)),
    (QUARTER, Fraction(1, 3)), (YEAR, Fraction(1, 12)),
]
MINUTES_CASES = [
    (0, 1), (4, 1), (4.99, 1), (5, 2), (14, 2), (14.99, 2), (15, 3), (59, 3), (59.99, 3),
    (60, 4), (239, 4), (239.99, 4), (240, 5), (100_000, 5),
]
#: (minutes, pain, friction); the comment gives the minutes score and the pain; halves round up.
FRICTION_CASES = [
    (15, 4, 4),  # 3 and 4
    (0, 2, 2),  # 1 and 2
    (240, 5, 5),  # 5 and 5
    (0, 1, 1), (15, 3, 3),
    (60, 1, 3),  # 4 and 1
    (5, 3, 3),  # 2 and 3
    (240, 2, 4),  # 5 and 2
]
HOURS_CASES = [
    (3, DAY, 20, 21.0), (1, WEEK, 60, 52 / 12), (2, MONTH, 90, 3.0), (5, DAY, 0, 0.0),
    (6, YEAR, 120, 1.0),
]
NO_DATA = "the data it needs is missing"
SOME_DATA = "the data it needs is only partly available"
GOVERNANCE = "governance sensitivity is high"
INTEGRATION = "integration effort is high"
VERDICTS = [
    (MISSING, LOW, LOW, Readiness.BLOCKED, [NO_DATA]),
    (READY, LOW, HIGH, Readiness.BLOCKED, [GOVERNANCE]),
    (PARTIAL, LOW, LOW, Readiness.NEEDS_WORK, [SOME_DATA]),
    (READY, HIGH, MEDIUM, Readiness.NEEDS_WORK, [INTEGRATION]),
    (PARTIAL, HIGH, HIGH, Readiness.BLOCKED, [GOVERNANCE, SOME_DATA, INTEGRATION]),
    (MISSING, HIGH, HIGH, Readiness.BLOCKED, [NO_DATA, GOVERNANCE, INTEGRATION]),
    (READY, MEDIUM, LOW, Readiness.READY,
     ["the data is ready", "integration effort is medium", "governance sensitivity is low"]),
]
QUADRANTS = [
    (3, 3, Quadrant.START_HERE), (3, 2, Quadrant.IRRITANT), (2, 3, Quadrant.SIMPLE_AUTOMATION),
    (2, 2, Quadrant.LEAVE), (5, 5, Quadrant.START_HERE), (5, 1, Quadrant.IRRITANT),
    (1, 5, Quadrant.SIMPLE_AUTOMATION), (1, 1, Quadrant.LEAVE),
]
# fmt: on


@pytest.mark.parametrize(("count", "per", "expected"), FREQUENCY_CASES)
def test_frequency_score_follows_the_bands_at_each_boundary(count, per, expected) -> None:
    candidate = cand(count=count, per=per)
    assert frequency_score(occurrences_per_month(candidate)) == expected
    assert scored(candidate).computed_frequency == expected


@pytest.mark.parametrize(("per", "factor"), PER_MONTH)
def test_each_period_converts_to_occurrences_per_month(per: Period, factor: Fraction) -> None:
    assert occurrences_per_month(cand(count=6, per=per)) == 6 * factor


def test_once_a_week_is_4_33_a_month_and_scores_weekly() -> None:
    row = scored(cand(count=1, per=WEEK))
    assert round(row.per_month, 2) == 4.33
    assert row.frequency_score == 3


@pytest.mark.parametrize(("minutes", "expected"), MINUTES_CASES)
def test_minutes_score_follows_the_bands_at_each_boundary(minutes: float, expected: int) -> None:
    assert minutes_score(minutes) == expected


@pytest.mark.parametrize(("minutes", "pain", "expected"), FRICTION_CASES)
def test_friction_is_the_mean_of_minutes_score_and_pain_rounded_half_up(
    minutes: float, pain: int, expected: int
) -> None:
    assert friction_score(minutes, pain) == expected
    assert scored(cand(minutes=minutes, pain=pain)).computed_friction == expected


def test_priority_is_friction_times_frequency_with_its_reason() -> None:
    row = scored(cand(count=3, per=DAY, minutes=20, pain=4))
    assert (row.friction_score, row.frequency_score, row.priority) == (4, 4, 16)
    assert row.reason == "priority 16 = friction 4 × frequency 4; 21.0 h a month at stake"


@pytest.mark.parametrize(("count", "per", "minutes", "hours"), HOURS_CASES)
def test_hours_per_month_is_occurrences_times_minutes_over_60(count, per, minutes, hours) -> None:
    row = scored(cand(count=count, per=per, minutes=minutes))
    assert row.hours_per_month == pytest.approx(hours)


def test_a_friction_override_replaces_the_score_and_shows_in_the_reason() -> None:
    overrides = Overrides(friction=1, reason="It is not painful")
    row = scored(cand(count=3, per=DAY, minutes=20, pain=4, overrides=overrides))
    assert (row.computed_friction, row.friction_score, row.frequency_score) == (4, 1, 4)
    assert row.priority == 4 and row.overridden
    assert "priority 4 = friction 1 × frequency 4 (overridden: It is not painful)" in row.reason


def test_a_frequency_override_replaces_the_score_and_the_quadrant() -> None:
    base = cand(count=1, per=MONTH, minutes=0, pain=2)
    assert (scored(base).priority, scored(base).quadrant) == (4, Quadrant.LEAVE)
    base.overrides = Overrides(frequency=5, reason="Seasonal peak")
    row = scored(base)
    assert (row.computed_frequency, row.frequency_score, row.priority) == (2, 5, 10)
    assert row.quadrant is Quadrant.SIMPLE_AUTOMATION
    assert "(overridden: Seasonal peak)" in row.reason


def test_an_override_can_lift_a_candidate_level_with_a_higher_computed_one() -> None:
    lifted = Overrides(friction=5, frequency=5, reason="Room decision")
    high = cand("hi", count=100, minutes=240, pain=5)
    ranked = rank_candidates([cand("lo", pain=1, overrides=lifted), high])
    assert [(row.candidate.id, row.priority) for row in ranked] == [("hi", 25), ("lo", 25)]
    assert not ranked[0].overridden and ranked[1].overridden
    assert "on the same priority" in ranked[1].reason


def test_a_score_without_override_has_no_override_note() -> None:
    row = scored(cand(count=3, per=DAY, minutes=20, pain=4))
    assert not row.overridden
    assert "overridden" not in row.reason


def test_a_tie_goes_to_more_hours_at_stake_and_says_so() -> None:
    fewer = cand("a", "Fewer hours", count=1, per=DAY, minutes=20, pain=3, votes=9)
    more = cand("b", "More hours", count=2, per=DAY, minutes=20, pain=3)
    ranked = rank_candidates([fewer, more])
    assert ids(ranked) == ["b", "a"]
    assert ranked[0].priority == ranked[1].priority == 12
    words = "more hours at stake (14.0 h against 7.0 h)"
    assert ranked[0].reason.endswith("; above Fewer hours on the same priority: " + words)
    assert ranked[1].reason.endswith("; below More hours on the same priority: " + words)


def test_with_equal_hours_a_tie_goes_to_more_votes_and_says_so() -> None:
    ranked = rank_candidates([cand("a", "Alpha", votes=1), cand("b", "Beta", votes=4)])
    assert ids(ranked) == ["b", "a"]
    assert ranked[0].reason.endswith("above Alpha on the same priority: more votes (4 against 1)")
    assert ranked[1].reason.endswith("below Beta on the same priority: more votes (4 against 1)")


def test_with_equal_hours_and_votes_a_tie_goes_by_name_ignoring_case() -> None:
    ranked = rank_candidates([cand("b", "Beta", votes=2), cand("a", "alpha", votes=2)])
    assert ids(ranked) == ["a", "b"]
    words = "on the same priority: equal on hours and votes, so listed by name"
    assert ranked[0].reason.endswith("above Beta " + words)
    assert ranked[1].reason.endswith("below alpha " + words)


def test_ranks_run_from_one_in_priority_order() -> None:
    high = cand("b", count=100, minutes=240, pain=5)
    ranked = rank_candidates([cand("a", pain=1), high, cand("c", count=20)])
    assert ids(ranked) == ["b", "c", "a"]
    assert [row.rank for row in ranked] == [1, 2, 3]
    assert "same priority" not in ranked[0].reason


@pytest.mark.parametrize(("data", "integration", "governance", "verdict", "reasons"), VERDICTS)
def test_readiness_verdict_lists_every_reason_gravest_first(
    data: DataReadiness, integration: Level, governance: Level, verdict: Readiness, reasons: list
) -> None:
    candidate = cand(data_readiness=data, integration_effort=integration, governance=governance)
    assert readiness(candidate) == (verdict, reasons)
    row = scored(candidate)
    assert (row.readiness, row.readiness_reasons) == (verdict, tuple(reasons))


@pytest.mark.parametrize(("friction", "frequency", "expected"), QUADRANTS)
def test_quadrants_split_at_three(friction: int, frequency: int, expected: Quadrant) -> None:
    assert quadrant(friction, frequency) is expected


def test_the_quadrant_of_a_ranked_candidate_uses_its_scores() -> None:
    assert scored(cand(count=4, minutes=15, pain=3)).quadrant is Quadrant.START_HERE
    assert scored(cand(count=1, minutes=15, pain=3)).quadrant is Quadrant.IRRITANT
    assert scored(cand(count=4, minutes=5, pain=2)).quadrant is Quadrant.SIMPLE_AUTOMATION
    assert scored(cand(count=1, minutes=5, pain=2)).quadrant is Quadrant.LEAVE


def test_recommendation_skips_blocked_and_parked_candidates() -> None:
    ranked = rank_candidates([
        cand("blocked", count=100, minutes=240, pain=5, data_readiness=MISSING),
        cand("parked", count=100, minutes=240, pain=4, status=PARKED),
        cand("work", count=20, minutes=60, pain=4, integration_effort=HIGH),
        cand("ready", count=4, minutes=60, pain=4),
    ])  # fmt: skip
    assert ids(ranked) == ["blocked", "parked", "work", "ready"]
    best = recommendation(ranked)
    assert best is not None and best.candidate.id == "work"
    assert best.readiness is Readiness.NEEDS_WORK


def test_recommendation_may_be_the_chosen_candidate() -> None:
    ranked = rank_candidates([cand("x", count=50, status=CHOSEN), cand("y")])
    best = recommendation(ranked)
    assert best is not None and best.candidate.id == "x"


def test_no_recommendation_when_every_candidate_is_blocked_or_parked() -> None:
    ranked = rank_candidates(
        [cand("a", governance=HIGH), cand("b", data_readiness=MISSING), cand("c", status=PARKED)]
    )
    assert recommendation(ranked) is None
    assert recommendation([]) is None


def test_the_demo_recommends_the_quote_workflow_below_a_blocked_top(demo_workshop) -> None:
    ranked = rank_candidates(demo_workshop.candidates)
    assert ranked[0].candidate.id == "c3" and ranked[0].readiness is Readiness.BLOCKED
    best = recommendation(ranked)
    assert best is not None and best.candidate.id == "c1" and best.priority == 20
    assert best.hours_per_month == pytest.approx(423.5)
