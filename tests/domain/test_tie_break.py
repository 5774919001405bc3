"""What settled a candidate's place on a shared priority, as data: hours, votes or the name."""

from __future__ import annotations

from workshop_app.domain.model import Candidate, DataReadiness, Frequency, Period
from workshop_app.domain.ranking import DecidedBy, rank_candidates


def cand(ident: str, name: str, count: float = 1, votes: int = 0) -> Candidate:
    return Candidate(
        ident,
        name,
        frequency=Frequency(count, Period.DAY),
        minutes_per_occurrence=20,
        pain=3,
        votes=votes,
        data_readiness=DataReadiness.READY,
    )


def test_more_hours_decide_and_both_rows_name_their_neighbour() -> None:
    first, second = rank_candidates([cand("a", "Fewer", 1, votes=9), cand("b", "More", 2)])
    assert first.tie_break is not None and second.tie_break is not None
    assert (first.tie_break.above, first.tie_break.neighbour.id) == (True, "a")
    assert (second.tie_break.above, second.tie_break.neighbour.id) == (False, "b")
    assert first.tie_break.decided_by is second.tie_break.decided_by is DecidedBy.HOURS
    assert str(second.tie_break) == (
        "below More on the same priority: more hours at stake (14.0 h against 7.0 h)"
    )


def test_votes_then_the_name_decide_when_hours_are_equal() -> None:
    rows = rank_candidates([cand("c", "Cee", votes=1), cand("b", "Bee"), cand("a", "Ay", votes=1)])
    assert [row.candidate.id for row in rows] == ["a", "c", "b"]
    decided = [row.tie_break.decided_by if row.tie_break else None for row in rows]
    # each row is placed against the row above it when that one shares its priority
    assert decided == [DecidedBy.NAME, DecidedBy.NAME, DecidedBy.VOTES]


def test_the_reason_ends_with_the_tie_break_in_words() -> None:
    for row in rank_candidates([cand("a", "Ay"), cand("b", "Bee", 2), cand("c", "Cee", 9)]):
        assert row.tie_break is None or row.reason.endswith(f"; {row.tie_break}")


def test_a_candidate_alone_on_its_priority_has_no_tie_break() -> None:
    rows = rank_candidates([cand("a", "Ay", 1), cand("b", "Bee", 30)])
    assert rows[0].priority != rows[1].priority
    assert [row.tie_break for row in rows] == [None, None]
