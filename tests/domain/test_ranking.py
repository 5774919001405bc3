"""The ranking model of PRODUCT.md: every band, rule, tie-break, verdict and quadrant."""

from __future__ import annotations

from fractions import Fraction

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


def cand(ident: str = "c1", name: str = "", count: float = 1, per: Period = MONTH,
         minutes: float = 0, pain: int = 3, votes: int = 0, *,
         data: DataReadiness = DataReadiness.READY, integration: Level = Level.LOW,
         governance: Level = Level.LOW, status: CandidateStatus = CandidateStatus.CANDIDATE,
         overrides: Overrides | None = None) -> Candidate:
    return Candidate(id=ident, name=name or ident, frequency=Frequency(count, per),
                     minutes_per_occurrence=minutes, pain=pain, votes=votes,
                     data_readiness=data, integration_effort=integration, governance=governance,
                     status=status, overrides=overrides or Overrides())


def scored(candidate: Candidate) -> Scored:
    return rank_candidates([candidate])[0]


def ids(rows: list[Scored]) -> list[str]:
    return [row.candidate.id for row in rows]


@pytest.mark.parametrize(("count", "per", "expected"), [
    (19, MONTH, 3), (20, MONTH, 4), (99, MONTH, 4), (100, MONTH, 5), (3.99, MONTH, 2),
    (4, MONTH, 3), (0.99, MONTH, 1), (1, MONTH, 2), (0.01, MONTH, 1),
    (0.9, DAY, 3), (1, DAY, 4), (4.76, DAY, 4), (4.77, DAY, 5), (0.19, DAY, 2), (0.2, DAY, 3),
    (1, WEEK, 3), (23, WEEK, 4), (24, WEEK, 5), (4.6, WEEK, 3), (4.7, WEEK, 4),
    (0.9, WEEK, 2), (0.23, WEEK, 1), (0.24, WEEK, 2),
    (2.99, QUARTER, 1), (3, QUARTER, 2), (11.99, QUARTER, 2), (12, QUARTER, 3),
    (59, QUARTER, 3), (60, QUARTER, 4), (299, QUARTER, 4), (300, QUARTER, 5),
    (11, YEAR, 1), (12, YEAR, 2), (47, YEAR, 2), (48, YEAR, 3), (239, YEAR, 3), (240, YEAR, 4),
    (1199, YEAR, 4), (1200, YEAR, 5),
])
def test_frequency_score_follows_the_bands_at_each_boundary(count: float, per: Period,
                                                           expected: int) -> None:
    candidate = cand(count=count, per=per)
    assert frequency_score(occurrences_per_month(candidate)) == expected
    assert scored(candidate).computed_frequency == expected


@pytest.mark.parametrize(("per", "factor"), [
    (DAY, Fraction(21)), (WEEK, Fraction(52, 12)), (MONTH, Fraction(1)),
    (QUARTER, Fraction(1, 3)), (YEAR, Fraction(1, 12)),
])
def test_each_period_converts_to_occurrences_per_month(per: Period, factor: Fraction) -> None:
    assert occurrences_per_month(cand(count=6, per=per)) == 6 * factor


def test_once_a_week_is_4_33_a_month_and_scores_weekly() -> None:
    row = scored(cand(count=1, per=WEEK))
    assert round(row.per_month, 2) == 4.33
    assert row.frequency_score == 3


@pytest.mark.parametrize(("minutes", "expected"), [
    (0, 1), (4, 1), (4.99, 1), (5, 2), (14, 2), (14.99, 2), (15, 3), (59, 3), (59.99, 3),
    (60, 4), (239, 4), (239.99, 4), (240, 5), (100_000, 5),
])
def test_minutes_score_follows_the_bands_at_each_boundary(minutes: float, expected: int) -> None:
    assert minutes_score(minutes) == expected


@pytest.mark.parametrize(("minutes", "pain", "expected"), [
    (15, 4, 4),  # 3 and 4: 3.5 rounds up
    (0, 2, 2),  # 1 and 2: 1.5 rounds up
    (240, 5, 5), (0, 1, 1), (15, 3, 3),
    (60, 1, 3),  # 4 and 1: 2.5 rounds up
    (5, 3, 3),  # 2 and 3
    (240, 2, 4),  # 5 and 2: 3.5 rounds up
    (60, 5, 5),  # 4 and 5
])
def test_friction_is_the_mean_of_minutes_score_and_pain_rounded_half_up(
        minutes: float, pain: int, expected: int) -> None:
    assert friction_score(minutes, pain) == expected
    assert scored(cand(minutes=minutes, pain=pain)).computed_friction == expected


def test_priority_is_friction_times_frequency_with_its_reason() -> None:
    row = scored(cand(count=3, per=DAY, minutes=20, pain=4))
    assert (row.friction_score, row.frequency_score, row.priority) == (4, 4, 16)
    assert row.reason == "priority 16 = friction 4 × frequency 4; 21.0 h a month at stake"


@pytest.mark.parametrize(("count", "per", "minutes", "hours"), [
    (3, DAY, 20, 21.0), (1, WEEK, 60, 52 / 12), (2, MONTH, 90, 3.0), (5, DAY, 0, 0.0),
    (6, YEAR, 120, 1.0),
])
def test_hours_per_month_is_occurrences_times_minutes_over_60(
        count: float, per: Period, minutes: float, hours: float) -> None:
    assert scored(cand(count=count, per=per, minutes=minutes)).hours_per_month == \
        pytest.approx(hours)


def test_a_friction_override_replaces_the_score_and_shows_in_the_reason() -> None:
    row = scored(cand(count=3, per=DAY, minutes=20, pain=4,
                      overrides=Overrides(friction=1, reason="It is not painful")))
    assert (row.computed_friction, row.friction_score, row.frequency_score) == (4, 1, 4)
    assert row.priority == 4
    assert row.overridden
    assert "priority 4 = friction 1 × frequency 4 (overridden: It is not painful)" in row.reason


def test_a_frequency_override_replaces_the_score_and_the_quadrant() -> None:
    base = cand(count=1, per=MONTH, minutes=0, pain=2)
    assert (scored(base).priority, scored(base).quadrant) == (4, Quadrant.LEAVE)
    base.overrides = Overrides(frequency=5, reason="Seasonal peak")
    row = scored(base)
    assert (row.computed_frequency, row.frequency_score, row.priority) == (2, 5, 10)
    assert row.quadrant is Quadrant.SIMPLE_AUTOMATION
    assert "(overridden: Seasonal peak)" in row.reason


def test_an_override_can_lift_a_candidate_above_a_higher_computed_one() -> None:
    high = cand("hi", count=100, minutes=240, pain=5)
    low = cand("lo", count=1, minutes=0, pain=1,
               overrides=Overrides(friction=5, frequency=5, reason="Room decision"))
    ranked = rank_candidates([high, low])
    assert [row.priority for row in ranked] == [25, 25]
    assert not ranked[0].overridden and ranked[1].overridden
    assert "on the same priority" in ranked[1].reason


def test_not_overridden_reason_has_no_override_note() -> None:
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
    ranked = rank_candidates([cand("a", "Alpha", count=2, votes=1),
                              cand("b", "Beta", count=2, votes=4)])
    assert ids(ranked) == ["b", "a"]
    assert ranked[0].reason.endswith("above Alpha on the same priority: more votes (4 against 1)")
    assert ranked[1].reason.endswith("below Beta on the same priority: more votes (4 against 1)")


def test_with_equal_hours_and_votes_a_tie_goes_by_name_ignoring_case() -> None:
    ranked = rank_candidates([cand("b", "Beta", votes=2), cand("a", "alpha", votes=2)])
    assert ids(ranked) == ["a", "b"]
    assert ranked[0].reason.endswith(
        "above Beta on the same priority: equal on hours and votes, so listed by name")
    assert ranked[1].reason.endswith(
        "below alpha on the same priority: equal on hours and votes, so listed by name")


def test_ranks_run_from_one_in_priority_order() -> None:
    ranked = rank_candidates([cand("a", minutes=0, pain=1), cand("b", count=100, minutes=240,
                                                                  pain=5), cand("c", count=20)])
    assert ids(ranked) == ["b", "c", "a"]
    assert [row.rank for row in ranked] == [1, 2, 3]
    assert "same priority" not in ranked[0].reason


@pytest.mark.parametrize(("data", "integration", "governance", "verdict", "reasons"), [
    (DataReadiness.MISSING, Level.LOW, Level.LOW, Readiness.BLOCKED,
     ["the data it needs is missing"]),
    (DataReadiness.READY, Level.LOW, Level.HIGH, Readiness.BLOCKED,
     ["governance sensitivity is high"]),
    (DataReadiness.PARTIAL, Level.LOW, Level.LOW, Readiness.NEEDS_WORK,
     ["the data it needs is only partly available"]),
    (DataReadiness.READY, Level.HIGH, Level.MEDIUM, Readiness.NEEDS_WORK,
     ["integration effort is high"]),
    (DataReadiness.PARTIAL, Level.HIGH, Level.HIGH, Readiness.BLOCKED,
     ["governance sensitivity is high", "the data it needs is only partly available",
      "integration effort is high"]),
    (DataReadiness.MISSING, Level.HIGH, Level.HIGH, Readiness.BLOCKED,
     ["the data it needs is missing", "governance sensitivity is high",
      "integration effort is high"]),
    (DataReadiness.READY, Level.MEDIUM, Level.LOW, Readiness.READY,
     ["the data is ready", "integration effort is medium", "governance sensitivity is low"]),
])
def test_readiness_verdict_lists_every_reason_gravest_first(
        data: DataReadiness, integration: Level, governance: Level, verdict: Readiness,
        reasons: list[str]) -> None:
    candidate = cand(data=data, integration=integration, governance=governance)
    assert readiness(candidate) == (verdict, reasons)
    row = scored(candidate)
    assert (row.readiness, row.readiness_reasons) == (verdict, tuple(reasons))


@pytest.mark.parametrize(("friction", "frequency", "expected"), [
    (3, 3, Quadrant.START_HERE), (3, 2, Quadrant.IRRITANT), (2, 3, Quadrant.SIMPLE_AUTOMATION),
    (2, 2, Quadrant.LEAVE), (5, 5, Quadrant.START_HERE), (5, 1, Quadrant.IRRITANT),
    (1, 5, Quadrant.SIMPLE_AUTOMATION), (1, 1, Quadrant.LEAVE),
])
def test_quadrants_split_at_three(friction: int, frequency: int, expected: Quadrant) -> None:
    assert quadrant(friction, frequency) is expected


def test_recommendation_skips_blocked_and_parked_candidates() -> None:
    ranked = rank_candidates([
        cand("blocked", count=100, minutes=240, pain=5, data=DataReadiness.MISSING),
        cand("parked", count=100, minutes=240, pain=4, status=CandidateStatus.PARKED),
        cand("work", count=20, minutes=60, pain=4, integration=Level.HIGH),
        cand("ready", count=4, minutes=60, pain=4),
    ])
    assert ids(ranked) == ["blocked", "parked", "work", "ready"]
    best = recommendation(ranked)
    assert best is not None and best.candidate.id == "work"
    assert best.readiness is Readiness.NEEDS_WORK


def test_recommendation_may_be_the_chosen_candidate() -> None:
    ranked = rank_candidates([cand("x", count=50, status=CandidateStatus.CHOSEN), cand("y")])
    best = recommendation(ranked)
    assert best is not None and best.candidate.id == "x"


def test_no_recommendation_when_every_candidate_is_blocked_or_parked() -> None:
    ranked = rank_candidates([
        cand("a", governance=Level.HIGH),
        cand("b", data=DataReadiness.MISSING),
        cand("c", status=CandidateStatus.PARKED),
    ])
    assert recommendation(ranked) is None
    assert recommendation([]) is None


def test_the_demo_recommends_the_quote_workflow_below_a_blocked_top(demo_workshop) -> None:
    ranked = rank_candidates(demo_workshop.candidates)
    assert ranked[0].candidate.id == "c3" and ranked[0].readiness is Readiness.BLOCKED
    best = recommendation(ranked)
    assert best is not None and best.candidate.id == "c1" and best.priority == 20
    assert best.hours_per_month == pytest.approx(423.5)
