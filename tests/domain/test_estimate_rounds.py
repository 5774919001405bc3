"""The reveal of a round of blind estimates (low, high, median, quartiles, who, the
disagreement rule at its edges, the spread in words) and adopting a value from it: the
candidate's fact set, the decision log entry with the round's figures, and an exact undo."""

from __future__ import annotations

import copy
from fractions import Fraction

import pytest

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Refused
from workshop_app.domain.estimates import disagrees, summarise
from workshop_app.domain.model import (
    Candidate,
    DecisionKind,
    Estimate,
    EstimateFact,
    Frequency,
    Period,
    Stakeholder,
    Workshop,
)

OCC, MIN, PAIN = EstimateFact.OCCURRENCES, EstimateFact.MINUTES, EstimateFact.PAIN
AT = "2026-11-10T14:30:00"


def room(*answers: Estimate) -> Workshop:
    """One candidate counted per day, three named people, and the answers given."""
    return Workshop(
        stakeholders=[Stakeholder("s1", "Ann"), Stakeholder("s2", "Ben"), Stakeholder("s3", "Cy")],
        candidates=[
            Candidate("c1", "Quotes", frequency=Frequency(30, Period.DAY), minutes_per_occurrence=9)
        ],
        estimates=list(answers),
    )


def minutes(who: str | None, value: float | None, round_number: int = 1) -> Estimate:
    return Estimate("c1", MIN, round_number, who, value)


def count(who: str | None, value: float | None, per: Period = Period.DAY) -> Estimate:
    return Estimate("c1", OCC, 1, who, value, per)


def pain(who: str | None, value: int | None) -> Estimate:
    return Estimate("c1", PAIN, 1, who, value)


# ---------------------------------------------------------------- the summary


def test_a_round_with_a_pass_and_an_anonymous_answer() -> None:
    workshop = room(
        minutes("s1", 15),
        minutes("s2", None),
        minutes(None, 40),
        minutes("s3", 22),
        minutes(None, 15),
        minutes("s1", 99, round_number=2),  # another round: not counted
    )
    summary = summarise(workshop, "c1", MIN, 1)
    assert summary is not None
    assert summary.values == (15, 15, 22, 40)
    assert summary.passes == 1 and len(summary.answers) == 5
    assert (summary.low, summary.high, summary.median) == (15, 40, Fraction(37, 2))
    assert (summary.lower_quartile, summary.upper_quartile) == (15, Fraction(53, 2))
    assert summary.lowest_by == ("s1", None) and summary.highest_by == (None,)
    assert not summary.disagreement  # 40 is 2.67 times 15
    assert summary.spread_words == (
        "from 15 to 40 minutes; median 18.5; the highest is 2.6 times the lowest — close enough"
    )


def test_counts_in_other_periods_are_converted_to_the_candidates_exactly() -> None:
    workshop = room(count("s1", 10), count("s2", 210, Period.WEEK), count(None, 40))
    summary = summarise(workshop, "c1", OCC, 1)
    assert summary is not None
    # 210 a week = 210 × 52/12 a month = 910 a month = 910/21 a day = 130/3 a day.
    assert summary.values == (10, 40, Fraction(130, 3))
    assert summary.median == 40 and summary.period is Period.DAY
    assert summary.converted == 1 and summary.answers[1].given == 210
    assert summary.highest_by == ("s2",) and summary.disagreement
    assert summary.spread_words == (
        "from 10 to 43.33 a day (1 converted to a day from another period); median 40; "
        "the highest is 4.3 times the lowest — the room disagrees"
    )


def test_the_example_of_the_issue_reads_as_written() -> None:
    summary = summarise(room(count("s1", 10), count("s2", 20), count("s3", 40)), "c1", OCC, 1)
    assert summary is not None
    assert summary.spread_words == (
        "from 10 to 40 a day; median 20; the highest is four times the lowest — the room disagrees"
    )


def test_one_answer_and_equal_answers_agree() -> None:
    one = summarise(room(pain("s1", 4)), "c1", PAIN, 1)
    same = summarise(room(minutes("s1", 5), minutes(None, 5)), "c1", MIN, 1)
    assert one is not None and same is not None
    assert (one.spread_words, one.disagreement) == ("one answer: 4 — the room agrees", False)
    assert same.spread_words == "all 2 answers 5 minutes — the room agrees"
    assert same.lower_quartile == same.upper_quartile == 5


@pytest.mark.parametrize(
    "answers",
    [
        [],
        [minutes("s1", None), minutes(None, None)],
    ],
)
def test_a_round_without_a_number_has_no_summary(answers: list[Estimate]) -> None:
    assert summarise(room(*answers), "c1", MIN, 1) is None


def test_an_unknown_candidate_has_no_summary() -> None:
    assert summarise(room(minutes("s1", 5)), "c404", MIN, 1) is None


def test_the_quartiles_are_linear_between_the_sorted_answers() -> None:
    summary = summarise(room(*(minutes(None, v) for v in (1, 2, 3, 4, 10))), "c1", MIN, 1)
    assert summary is not None
    assert (summary.lower_quartile, summary.median, summary.upper_quartile) == (2, 3, 4)


# ---------------------------------------------------------------- the disagreement rule


@pytest.mark.parametrize(
    ("fact", "low", "high", "period", "expected"),
    [
        (MIN, 10, 30, None, True),  # exactly three times
        (MIN, 10, Fraction(2999, 100), None, False),  # just under
        (MIN, 1, 4, None, False),  # both under 5 minutes: they score the same
        (MIN, 1, 15, None, True),  # 1 counts as 5; 15 is three times that
        (MIN, 1, Fraction(1499, 100), None, False),
        (OCC, 0, 0, Period.MONTH, False),  # nobody thinks it happens
        (OCC, 0, 3, Period.MONTH, True),  # 0 counts as once a month
        (OCC, 0, Fraction(29, 10), Period.MONTH, False),
        (OCC, 0, Fraction(3, 21), Period.DAY, True),  # once a month is 1/21 a day
        (OCC, 0, Fraction(2, 21), Period.DAY, False),
        (PAIN, 2, 4, None, True),  # two points always move friction
        (PAIN, 1, 2, None, False),
        (PAIN, 4, 5, None, False),
        (PAIN, 1, 3, None, True),
    ],
)
def test_the_disagreement_rule_at_its_edges(
    fact: EstimateFact, low: int, high: Fraction, period: Period | None, expected: bool
) -> None:
    assert disagrees(fact, Fraction(low), Fraction(high), period) is expected


def test_pain_is_judged_in_points_not_as_a_ratio() -> None:
    summary = summarise(room(pain("s1", 2), pain("s2", 3), pain(None, 4)), "c1", PAIN, 1)
    assert summary is not None and summary.disagreement
    assert summary.spread_words == "from 2 to 4; median 3; 2 points apart — the room disagrees"


def test_zero_and_tiny_counts_are_said_against_the_scoring_floor() -> None:
    workshop = room(count("s1", 0, Period.MONTH), count("s2", 4, Period.MONTH))
    workshop.candidates[0].frequency = Frequency(2, Period.MONTH)
    summary = summarise(workshop, "c1", OCC, 1)
    assert summary is not None and summary.disagreement
    assert summary.spread_words == (
        "from 0 to 4 a month; median 2; counting the lowest as 1 a month (every answer under "
        "it scores the same), the highest is four times that — the room disagrees"
    )
    tiny = summarise(room(minutes("s1", 1), minutes("s2", 4)), "c1", MIN, 1)
    assert tiny is not None and not tiny.disagreement
    assert tiny.spread_words.endswith(
        "every answer is under 5 minutes, where they all score the same — close enough"
    )


# ---------------------------------------------------------------- adopting a value


def rounds() -> Workshop:
    """Round 2 of minutes: 5 numbers and 1 pass, 15 to 40, median 22."""
    return room(
        minutes("s1", 10),
        minutes("s1", 15, 2),
        minutes("s2", 22, 2),
        minutes("s3", None, 2),
        minutes(None, 20, 2),
        minutes(None, 40, 2),
        minutes(None, 30, 2),
        count("s1", 10),
        count("s2", 210, Period.WEEK),
        count(None, 40),
    )


def test_adopting_the_median_sets_the_fact_and_logs_the_figures() -> None:
    workshop = rounds()
    op.adopt_estimate(workshop, "c1", MIN, 22, "", 2, AT)
    assert workshop.candidates[0].minutes_per_occurrence == 22
    entry = workshop.decisions[-1]
    assert (entry.kind, entry.candidate_id, entry.at) == (DecisionKind.ESTIMATED, "c1", AT)
    assert entry.reason == (
        "Minutes each: 22 minutes from round 2 (5 numbers and 1 pass; 15 to 40 minutes, "
        "median 22). Median taken."
    )


def test_another_value_needs_a_reason_and_the_log_gives_both() -> None:
    workshop = rounds()
    before = copy.deepcopy(workshop)
    with pytest.raises(Refused, match=r"30 minutes is not the median of round 2 \(22 minutes\)"):
        op.adopt_estimate(workshop, "c1", MIN, 30, "   ", 2, AT)
    assert workshop == before
    op.adopt_estimate(workshop, "c1", MIN, 30, "Rush orders take longer", 2, AT)
    assert workshop.candidates[0].minutes_per_occurrence == 30
    assert workshop.decisions[-1].reason.endswith(
        "; 30 taken instead of the median 22: Rush orders take longer"
    )


def test_occurrences_set_the_count_in_the_candidates_period() -> None:
    workshop = rounds()
    op.adopt_estimate(workshop, "c1", OCC, 40, "", 1, AT)
    assert workshop.candidates[0].frequency == Frequency(40, Period.DAY)
    assert workshop.decisions[-1].reason == (
        "Occurrences: 40 a day from round 1 (3 numbers; 10 to 43.33 a day, median 40; "
        "1 given in another period, converted; the room disagreed). Median taken."
    )


def test_pain_is_kept_whole_and_a_median_between_points_needs_a_reason() -> None:
    workshop = room(pain("s1", 3), pain("s2", 4))
    with pytest.raises(Refused, match="not the median"):
        op.adopt_estimate(workshop, "c1", PAIN, 4, "", 1, AT)
    op.adopt_estimate(workshop, "c1", PAIN, 4.0, "Ben handles the complaints", 1, AT)
    assert workshop.candidates[0].pain == 4 and type(workshop.candidates[0].pain) is int


@pytest.mark.parametrize(
    ("fact", "value", "words"),
    [
        (PAIN, 7, "Pain must be 1 to 5"),
        (PAIN, 2.5, "Pain must be a whole number"),
        (OCC, 0, "Occurrences must be more than 0"),
        (MIN, -1, "Minutes each must be"),
        (MIN, True, "must be a number"),
    ],
)
def test_a_value_is_checked_as_if_typed(fact: EstimateFact, value: float, words: str) -> None:
    workshop = room(pain("s1", 3), count("s1", 10), minutes("s1", 5))
    before = copy.deepcopy(workshop)
    with pytest.raises(Refused, match=words):
        op.adopt_estimate(workshop, "c1", fact, value, "A reason", 1, AT)
    assert workshop == before


def test_a_round_without_numbers_or_a_bad_time_is_refused() -> None:
    workshop = room(minutes("s1", None))
    with pytest.raises(Refused, match="no answer with a number"):
        op.adopt_estimate(workshop, "c1", MIN, 5, "", 1, AT)
    with pytest.raises(Refused, match="no candidate"):
        op.adopt_estimate(workshop, "c404", MIN, 5, "", 1, AT)
    workshop = room(minutes("s1", 5))
    with pytest.raises(Refused, match="entry's at"):
        op.adopt_estimate(workshop, "c1", MIN, 5, "", 1, "yesterday")


def test_a_reason_too_long_for_the_log_with_the_figures_is_refused() -> None:
    workshop = rounds()
    with pytest.raises(Refused, match="limit is 1000"):
        op.adopt_estimate(workshop, "c1", MIN, 30, "x" * 950, 2, AT)


def test_undo_gives_back_the_value_and_the_log_exactly_and_redo_again() -> None:
    workshop = rounds()
    before = copy.deepcopy(workshop)
    outcome = op.adopt_estimate(workshop, "c1", MIN, 30, "Rush orders take longer", 2, AT)
    after = copy.deepcopy(workshop)
    redo = outcome.undo(workshop)
    assert workshop == before
    assert type(workshop.candidates[0].minutes_per_occurrence) is int  # 9 stays 9
    redo.undo(workshop)
    assert workshop == after
