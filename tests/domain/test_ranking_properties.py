"""Properties of the ranking that hold for any candidates hypothesis can think of."""

from __future__ import annotations

import dataclasses
import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    friction_score,
    hours_per_month,
    minutes_score,
    occurrences_per_month,
    rank_candidates,
)

#: As many examples as the Hypothesis profile asks for (tests/conftest.py: 200 in the whole
#: suite, fewer in `make check`).
FAST = settings(deadline=None, database=None)
#: Lists of candidates cost more per example: half as many.
LISTS = settings(FAST, max_examples=max(FAST.max_examples // 2, 1))

counts = st.floats(0.01, 100_000, allow_nan=False, allow_infinity=False)
minutes = st.floats(0, 100_000, allow_nan=False, allow_infinity=False)
pains = st.integers(1, 5)
periods = st.sampled_from(list(Period))
scores = st.one_of(st.none(), st.integers(1, 5))
#: Few distinct values, so ties on priority, hours, votes and names are common.
tie_counts = st.one_of(st.sampled_from([1, 2, 4, 20, 100]), counts)
tie_minutes = st.one_of(st.sampled_from([0, 5, 15, 60, 240]), minutes)


@st.composite
def candidates(
    draw: st.DrawFn,
    ident: str = "c1",
    count: st.SearchStrategy[float] = counts,
    mins: st.SearchStrategy[float] = minutes,
) -> Candidate:
    friction, frequency = draw(scores), draw(scores)
    reason = "room decision" if friction is not None or frequency is not None else ""
    return Candidate(
        id=ident,
        name=draw(st.sampled_from(["alpha", "Alpha", "beta", "Beta", "gamma", ""])),
        frequency=Frequency(draw(count), draw(periods)),
        minutes_per_occurrence=draw(mins),
        pain=draw(pains),
        votes=draw(st.integers(0, 3)),
        data_readiness=draw(st.sampled_from(list(DataReadiness))),
        integration_effort=draw(st.sampled_from(list(Level))),
        governance=draw(st.sampled_from(list(Level))),
        status=draw(st.sampled_from(list(CandidateStatus))),
        overrides=Overrides(friction, frequency, reason),
    )


@st.composite
def candidate_lists(draw: st.DrawFn) -> list[Candidate]:
    size = draw(st.integers(1, 8))
    return [draw(candidates(f"c{index}", tie_counts, tie_minutes)) for index in range(size)]


def with_count(candidate: Candidate, count: float) -> Candidate:
    return dataclasses.replace(candidate, frequency=Frequency(count, candidate.frequency.per))


@FAST
@given(candidates(), counts, counts)
def test_more_occurrences_never_lower_frequency_or_priority(
    candidate: Candidate, first: float, second: float
) -> None:
    fewer, more = sorted((first, second))
    low = rank_candidates([with_count(candidate, fewer)])[0]
    high = rank_candidates([with_count(candidate, more)])[0]
    assert high.frequency_score >= low.frequency_score
    assert high.priority >= low.priority
    assert high.hours_per_month >= low.hours_per_month


@FAST
@given(minutes, minutes, pains)
def test_more_minutes_never_lower_friction(first: float, second: float, pain: int) -> None:
    fewer, more = sorted((first, second))
    assert minutes_score(more) >= minutes_score(fewer)
    assert friction_score(more, pain) >= friction_score(fewer, pain)


@LISTS
@given(candidate_lists(), st.randoms(use_true_random=False))
def test_ranking_is_the_same_whatever_the_input_order(cands: list[Candidate], rnd) -> None:
    shuffled = list(cands)
    rnd.shuffle(shuffled)
    first = [row.candidate.id for row in rank_candidates(cands)]
    second = [row.candidate.id for row in rank_candidates(shuffled)]
    assert first == second


@LISTS
@given(candidate_lists())
def test_ranks_are_one_to_n_and_every_candidate_appears_once(cands: list[Candidate]) -> None:
    ranked = rank_candidates(cands)
    assert [row.rank for row in ranked] == list(range(1, len(cands) + 1))
    assert sorted(row.candidate.id for row in ranked) == sorted(c.id for c in cands)


@LISTS
@given(candidate_lists())
def test_priority_is_friction_times_frequency_within_1_to_25(cands: list[Candidate]) -> None:
    for row in rank_candidates(cands):
        assert 1 <= row.friction_score <= 5 and 1 <= row.frequency_score <= 5
        assert row.priority == row.friction_score * row.frequency_score
        assert 1 <= row.priority <= 25
        assert row.hours_per_month >= 0


@LISTS
@given(candidate_lists())
def test_order_follows_priority_then_hours_then_votes_then_name(cands: list[Candidate]) -> None:
    ranked = rank_candidates(cands)
    for above, below in itertools.pairwise(ranked):
        assert above.priority >= below.priority
        if above.priority != below.priority:
            continue
        assert above.hours_per_month >= below.hours_per_month
        if above.hours_per_month != below.hours_per_month:
            continue
        assert above.candidate.votes >= below.candidate.votes
        if above.candidate.votes == below.candidate.votes:
            assert above.candidate.name.casefold() <= below.candidate.name.casefold()


@FAST
@given(candidates(), minutes)
def test_hours_per_month_are_occurrences_times_minutes_over_60(
    candidate: Candidate, mins: float
) -> None:
    candidate.minutes_per_occurrence = mins
    shown = rank_candidates([candidate])[0].hours_per_month
    exact = occurrences_per_month(candidate) * Fraction(mins) / 60
    assert shown == pytest.approx(float(exact), rel=1e-12)
    assert shown == pytest.approx(hours_per_month(candidate), rel=1e-12)  # one formula
