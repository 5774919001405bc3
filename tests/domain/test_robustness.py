"""How sure is #1: the margins on the demo and on hand-built candidates, the sentence, the
fragile flags, the seeded draws and the ranges read from the room's estimates."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any

import pytest

from workshop_app.domain.draws import (
    Draws,
    Fact,
    draw_share,
    facts_seed,
    ranges_from_estimates,
)
from workshop_app.domain.margins import amount_words, percent_words
from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    DataReadiness,
    Frequency,
    Level,
    Period,
    Workshop,
)
from workshop_app.domain.robustness import Move, Robustness, Role, how_sure

PARKED, CHOSEN = CandidateStatus.PARKED, CandidateStatus.CHOSEN


def cand(ident: str, name: str = "", **facts: Any) -> Candidate:
    """A ready candidate (data ready, integration and governance low)."""
    facts.setdefault("frequency", Frequency(10, Period.MONTH))
    facts.setdefault("minutes_per_occurrence", 30)
    facts.setdefault("pain", 3)
    return Candidate(
        id=ident,
        name=name or ident,
        data_readiness=DataReadiness.READY,
        integration_effort=Level.LOW,
        governance=Level.LOW,
        **facts,
    )


def sure(*candidates: Candidate, **options: Any) -> Robustness:
    result = how_sure(Workshop(candidates=list(candidates)), **options)
    assert result is not None
    return result


def margin_of(result: Robustness, ident: str, fact: Fact) -> Any:
    return next(
        (m for m in result.margins if m.candidate.id == ident and m.fact is fact),
        None,
    )


# ---------------------------------------------------------------------------- the demo


def test_the_demo_leader_is_the_chosen_workflow_against_every_unblocked_candidate(
    demo_workshop: Workshop,
) -> None:
    result = how_sure(demo_workshop)
    assert result is not None
    assert result.leader.id == "c1" and result.chosen and result.first
    # Parked candidates count once the room has chosen; blocked ones (c3, c5) never do.
    assert [c.id for c in result.rivals] == ["c6", "c2", "c7", "c4", "c8"]
    assert result.runner_up is not None and result.runner_up.id == "c6"


def test_the_demo_margins_are_exact(demo_workshop: Workshop) -> None:
    result = how_sure(demo_workshop)
    assert result is not None
    found = {(m.candidate.id, m.fact): m for m in result.margins}
    assert set(found) == {
        ("c1", Fact.PAIN),
        ("c1", Fact.MINUTES),
        ("c1", Fact.OCCURRENCES),
        ("c6", Fact.MINUTES),
        ("c4", Fact.OCCURRENCES),
        ("c7", Fact.MINUTES),
    }
    # 55 a day stays "many a day" down to 100 a month, and "daily" (priority 4 × 4 = 16, still
    # above the runner-up's 15) down to 20 a month: 20/21 a day. At 20/21 itself it holds.
    occurrences = found["c1", Fact.OCCURRENCES]
    assert (occurrences.threshold, occurrences.inclusive) == (Fraction(20, 21), False)
    assert occurrences.move is Move.DOWN and occurrences.takes_first.id == "c6"
    # Below 5 minutes friction falls to 3 (priority 15, as the runner-up's): the hours tie at
    # 63 h = 55 × 21 × m / 60, m = 36/11, where Draft quotes still wins on votes (7 to 2).
    minutes = found["c1", Fact.MINUTES]
    assert (minutes.threshold, minutes.inclusive) == (Fraction(36, 11), False)
    pain = found["c1", Fact.PAIN]
    assert (pain.threshold, pain.inclusive, pain.distance) == (1, True, 4)
    # The runner-up needs friction 4 (60 minutes or more) and then more hours than 423.5 h.
    runner = found["c6", Fact.MINUTES]
    assert runner.role is Role.RUNNER_UP and runner.move is Move.UP
    assert (runner.threshold, runner.inclusive) == (Fraction(605, 6), False)
    # At exactly 240 minutes the AI chatbot reaches friction 4 and far more hours.
    chatbot = found["c7", Fact.MINUTES]
    assert (chatbot.threshold, chatbot.inclusive) == (240, True)
    # Sorted from the most fragile (the smallest relative change).
    relatives = [m.relative for m in result.margins]
    assert relatives == sorted(relatives)  # type: ignore[type-var]


def test_the_demo_sentence_and_tornado(plain_demo_workshop: Workshop) -> None:
    result = how_sure(plain_demo_workshop)
    assert result is not None
    assert result.sentence == (
        "Draft quotes from emailed quote requests stays #1 unless its pain rating is at least "
        "4 points lower than estimated, or its minutes more than 85% lower, or its "
        "occurrences more than 98% lower."
    )
    assert [(b.candidate.id, b.fact) for b in result.bars] == [
        ("c1", Fact.OCCURRENCES),
        ("c1", Fact.MINUTES),
        ("c1", Fact.PAIN),
        ("c6", Fact.OCCURRENCES),
        ("c6", Fact.MINUTES),
        ("c6", Fact.PAIN),
    ]
    leader_bars, runner_bars = result.bars[:3], result.bars[3:]
    assert all(b.up is None and b.down is not None for b in leader_bars)
    assert [b.up is not None for b in runner_bars] == [False, True, False]
    assert all(b.fragile is None for b in result.bars)  # no estimates, so no verdict
    assert result.draws is None and not result.estimated
    assert result.summary == result.sentence


def test_before_the_choice_the_rivals_are_those_the_recommendation_considers(
    demo_workshop: Workshop,
) -> None:
    for candidate in demo_workshop.candidates:
        candidate.status = CandidateStatus.CANDIDATE
    demo_workshop.candidates[5].status = PARKED  # c6, the runner-up, set aside
    result = how_sure(demo_workshop)
    assert result is not None and not result.chosen
    assert result.leader.id == "c1"
    assert [c.id for c in result.rivals] == ["c2", "c7", "c4", "c8"]
    assert result.runner_up is not None and result.runner_up.id == "c2"
    with_parked = how_sure(demo_workshop, include_parked=True)
    assert with_parked is not None and with_parked.runner_up is not None
    assert with_parked.runner_up.id == "c6"


# ------------------------------------------------------------------- hand-built cases


def test_a_rival_level_on_priority_takes_first_exactly_when_its_hours_pass() -> None:
    # Both priority 4 × 3 = 12 (20 a month, 15 minutes, pain 3). A has 10 h, B 5 h.
    a = cand("a", "A", frequency=Frequency(40, Period.MONTH), minutes_per_occurrence=15)
    b = cand("b", "B", frequency=Frequency(20, Period.MONTH), minutes_per_occurrence=15, votes=1)
    result = sure(a, b)
    assert result.leader.id == "a" and result.first
    # B's occurrences up: its hours tie A's at 40 a month and B wins the tie on votes.
    occurrences = margin_of(result, "b", Fact.OCCURRENCES)
    assert (occurrences.threshold, occurrences.inclusive) == (40, True)
    assert occurrences.relative == 1
    assert amount_words(occurrences) == "at least 100% higher"
    # A's occurrences down: 20 a month (the band edge) ties the hours; below it the frequency
    # falls to 3. At exactly 20 B wins the tie on votes, so A loses at 20 itself.
    down = margin_of(result, "a", Fact.OCCURRENCES)
    assert (down.threshold, down.inclusive, down.relative) == (20, True, Fraction(1, 2))


def test_votes_then_name_settle_the_tie_at_the_threshold() -> None:
    a = cand("a", "Alpha", frequency=Frequency(40, Period.MONTH), minutes_per_occurrence=15)
    b = cand("b", "Beta", frequency=Frequency(20, Period.MONTH), minutes_per_occurrence=15)
    # Equal votes: at equal hours "Alpha" comes before "Beta", so Beta must pass A's hours.
    occurrences = margin_of(sure(a, b), "b", Fact.OCCURRENCES)
    assert (occurrences.threshold, occurrences.inclusive) == (40, False)
    assert amount_words(occurrences) == "more than 100% higher"


def test_pain_margins_are_whole_points() -> None:
    # A: 30 minutes (score 3) and pain 5 → friction 4; B: friction 3 (pain 3). Same frequency.
    a = cand("a", "A", pain=5, minutes_per_occurrence=30)
    b = cand("b", "B", pain=3, minutes_per_occurrence=30, frequency=Frequency(12, Period.MONTH))
    result = sure(a, b)
    pain = margin_of(result, "a", Fact.PAIN)
    # Pain 4 still gives friction 4 ((3 + 4 + 1) // 2); pain 3 gives 3, and B has more hours.
    assert (pain.threshold, pain.distance, pain.inclusive) == (3, 2, True)
    assert amount_words(pain) == "at least 2 points lower"
    rival_pain = margin_of(result, "b", Fact.PAIN)
    # B at pain 4: friction 4 ((3 + 4 + 1) // 2) as A's, and B has more hours.
    assert (rival_pain.threshold, rival_pain.distance) == (4, 1)


def test_a_fact_that_cannot_change_first_holds_for_any_value() -> None:
    a = cand("a", "A", frequency=Frequency(200, Period.MONTH), minutes_per_occurrence=300, pain=5)
    b = cand("b", "B", frequency=Frequency(1, Period.YEAR), minutes_per_occurrence=1, pain=1)
    result = sure(a, b)
    # B reaches priority 5 × 1 = 5 at most through one fact; A has 25 and keeps at least 5 ×
    # 1 = 5 with far more hours (occurrences), 5 × 3 = 15 (minutes or pain) through one of its.
    assert result.margins == ()
    assert result.sentence == "A stays #1 whatever the value of any one fact, its own or a rival's."
    bars = {(bar.candidate.id, bar.fact): bar for bar in result.bars}
    assert bars["b", Fact.MINUTES].up is None and bars["b", Fact.MINUTES].down is None


def test_overridden_scores_leave_only_the_hours() -> None:
    a = cand("a", "A", frequency=Frequency(10, Period.MONTH), minutes_per_occurrence=30)
    a.overrides.friction, a.overrides.reason = 5, "the room says so"
    b = cand("b", "B", frequency=Frequency(1, Period.MONTH), minutes_per_occurrence=30)
    b.overrides.friction, b.overrides.reason = 5, "the room says so"
    result = sure(a, b)
    # Pain no longer moves either score; B passes A only on hours (votes equal, "A" < "B").
    assert margin_of(result, "a", Fact.PAIN) is None
    assert margin_of(result, "b", Fact.PAIN) is None
    minutes = margin_of(result, "b", Fact.MINUTES)
    # B is weekly-or-less (frequency 2) against A's 3: no minutes make up a lower priority.
    assert minutes is None
    occurrences = margin_of(result, "b", Fact.OCCURRENCES)
    assert (occurrences.threshold, occurrences.inclusive) == (10, False)


def test_a_margin_of_zero_says_even_slightly() -> None:
    # A sits exactly on the "daily" edge (20 a month); B is one priority point-step below
    # only through frequency: any fewer occurrences drop A below B.
    a = cand("a", "A", frequency=Frequency(20, Period.MONTH), minutes_per_occurrence=30)
    b = cand("b", "B", frequency=Frequency(19, Period.MONTH), minutes_per_occurrence=30, pain=5)
    result = sure(a, b)
    # A: 4 × 3 = 12. B: 3 × 4 = 12 with 9.5 h against A's 10 h.
    down = margin_of(result, "a", Fact.OCCURRENCES)
    assert (down.threshold, down.inclusive, down.relative) == (20, False, 0)
    assert amount_words(down) == "even slightly lower"
    assert "its occurrences are even slightly lower than estimated" in result.sentence


def test_a_chosen_candidate_that_is_not_first() -> None:
    a = cand("a", "A", frequency=Frequency(100, Period.MONTH), minutes_per_occurrence=60)
    b = cand("b", "B", frequency=Frequency(20, Period.MONTH), minutes_per_occurrence=60)
    b.status = CHOSEN
    result = sure(a, b)
    assert result.leader.id == "b" and result.chosen and not result.first
    assert result.runner_up is not None and result.runner_up.id == "a"
    up = margin_of(result, "b", Fact.OCCURRENCES)
    assert up.move is Move.UP and up.threshold == 100 and up.takes_first.id == "b"
    down = margin_of(result, "a", Fact.OCCURRENCES)
    assert down.move is Move.DOWN and down.takes_first.id == "b"
    assert result.sentence.startswith("B is not #1 (A is); it would be if ")


def test_no_rival_and_no_leader() -> None:
    alone = sure(cand("a", "A"))
    assert alone.margins == () and alone.first
    assert alone.sentence == "A has no rival in play, so no single fact can change #1."
    blocked = cand("a", "A")
    blocked.data_readiness = DataReadiness.MISSING
    assert how_sure(Workshop(candidates=[blocked])) is None
    assert how_sure(Workshop()) is None


def test_percent_words_round_towards_zero() -> None:
    assert percent_words(Fraction(357, 1000)) == "35%"
    assert percent_words(Fraction(20175, 1000)) == "2,017%"
    assert percent_words(Fraction(4, 1000)) == "0.4%"


# ------------------------------------------------------------------- estimates and draws


def two_close() -> tuple[Candidate, Candidate]:
    # A: 40 a month × 15 min = 10 h; B: 20 a month × 15 min = 5 h; both priority 12.
    a = cand("a", "A", frequency=Frequency(40, Period.MONTH), minutes_per_occurrence=15)
    b = cand("b", "B", frequency=Frequency(20, Period.MONTH), minutes_per_occurrence=15)
    return a, b


def test_fragile_when_the_room_disagrees_by_more_than_the_margin() -> None:
    a, b = two_close()
    # B overtakes above 40 a month (a 20-a-month margin); the room said 15 to 45: fragile.
    ranges = {"b": {"occurrences": (15, 45)}}
    result = sure(a, b, ranges=ranges)
    margin = margin_of(result, "b", Fact.OCCURRENCES)
    assert margin.spread == 30 and margin.fragile is True
    assert result.fragile == (margin,)
    assert "(within the room's own disagreement)" in result.sentence
    # 18 to 22: the room agrees more closely than the margin.
    calm = sure(a, b, ranges={"b": {"occurrences": (18, 22)}})
    assert margin_of(calm, "b", Fact.OCCURRENCES).fragile is False
    assert margin_of(calm, "a", Fact.OCCURRENCES).fragile is None  # A was not estimated


def test_draws_are_deterministic_for_the_same_workshop() -> None:
    a, b = two_close()
    ranges = {"a": {"occurrences": (30, 50)}, "b": {"occurrences": (15, 45)}}
    first = sure(a, b, ranges=ranges).draws
    again = sure(*two_close(), ranges=ranges).draws
    assert isinstance(first, Draws) and first == again
    assert first.count == 2000 and first.drawn == 2
    assert 0 < first.share < 1


def test_a_changed_fact_changes_the_seed() -> None:
    a, b = two_close()
    ranges = {"b": {"occurrences": (15, 45)}}
    seed = facts_seed([a, b], ranges)
    assert seed == facts_seed([b, a], ranges)  # the order of the list does not matter
    changed = dataclasses.replace(a, minutes_per_occurrence=16)
    assert facts_seed([changed, b], ranges) != seed
    assert facts_seed([a, b], {"b": {"occurrences": (15, 46)}}) != seed


def test_draw_shares_at_the_extremes() -> None:
    a, b = two_close()
    # Ranges that sit on the values in use: nothing moves, A stays first in every draw.
    fixed = {"a": {"occurrences": (40, 40)}}
    assert draw_share(a, [b], fixed, seed=1) == Draws(2000, 2000, 1, 1)
    # B's whole range is above anything A can reach: A is never first.
    beaten = {"b": {"occurrences": (100, 200), "minutes": (300, 400)}}
    result = draw_share(a, [b], beaten, seed=1)
    assert result is not None and result.first == 0
    assert draw_share(a, [b], {}, seed=1) is None


def test_the_draws_sentence() -> None:
    a, b = two_close()
    result = sure(a, b, ranges={"b": {"occurrences": (15, 45)}})
    assert result.draws is not None
    assert result.summary.startswith(result.sentence + " It is #1 in ")
    assert result.summary.endswith("% of 2,000 draws within the room's estimates.")


def test_ranges_from_the_room_estimates() -> None:
    from workshop_app.domain.model import Estimate, EstimateFact

    a, b = two_close()
    a.frequency = Frequency(10, Period.WEEK)
    occurrences, minutes = EstimateFact.OCCURRENCES, EstimateFact.MINUTES
    workshop = Workshop(
        candidates=[a, b],
        estimates=[
            Estimate("a", occurrences, 1, "s1", 100, Period.MONTH),  # an earlier round
            Estimate("a", occurrences, 2, "s1", 2, Period.DAY),  # 42 a month
            Estimate("a", occurrences, 2, "s2", 13, Period.MONTH),
            Estimate("a", occurrences, 2, "s3", None, None),  # a pass
            Estimate("b", minutes, 1, "s1", 10),
            Estimate("b", minutes, 1, "s2", 25),
            Estimate("b", minutes, 2, "s1", None),  # a round of passes only
        ],
    )
    ranges = ranges_from_estimates(workshop)
    # Per week: 2 a day is 42 a month, i.e. 42 × 12/52 a week; 13 a month is 3 a week.
    assert ranges == {
        "a": {"occurrences": (Fraction(3), Fraction(42 * 12, 52))},
        "b": {"minutes": (Fraction(10), Fraction(25))},
    }
    result = how_sure(workshop)
    assert result is not None and result.draws is not None


def test_a_workshop_without_estimates_has_no_ranges(plain_demo_workshop: Workshop) -> None:
    assert ranges_from_estimates(plain_demo_workshop) == {}


@pytest.mark.parametrize("draws", [0])
def test_no_draws_when_asked_for_none(draws: int) -> None:
    a, b = two_close()
    assert sure(a, b, ranges={"b": {"occurrences": (15, 45)}}, draws=draws).draws is None
