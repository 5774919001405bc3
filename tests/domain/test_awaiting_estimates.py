"""Candidates awaiting estimates (a fact of occurrences, minutes or pain still empty): never
scored or ranked, listed apart, refused as THE workflow, ignored by how sure #1 is, named by the
gate and the stage advice, and given their first value by an adopted estimate."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.test_ranking_properties import LISTS, candidate_lists
from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part, Refused
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.draws import facts_seed, ranges_from_estimates
from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    Estimate,
    EstimateFact,
    Frequency,
    Period,
    Workshop,
)
from workshop_app.domain.ranking import (
    AwaitsEstimates,
    awaiting_estimates,
    hours_per_month,
    occurrences_per_month,
    rank_candidates,
    recommendation,
)
from workshop_app.domain.robustness import how_sure
from workshop_app.domain.stage import Stage
from workshop_app.domain.stages import stage_reports
from workshop_app.libraries import tool_first_vocabulary

AT = "2026-11-10T12:00:00"


def _awaiting(candidate_id: str = "c9", **facts: Any) -> Candidate:
    values: dict[str, Any] = {"count": None, "minutes": None, "pain": None, **facts}
    return Candidate(
        candidate_id,
        f"Waiting {candidate_id}",
        frequency=Frequency(values["count"], Period.WEEK),
        minutes_per_occurrence=values["minutes"],
        pain=values["pain"],
        votes=50,  # many votes: still not ranked
    )


def test_a_candidate_is_estimated_only_with_all_three_facts() -> None:
    assert Candidate("c1").estimated and Candidate("c1").unestimated == ()
    assert _awaiting().unestimated == (
        EstimateFact.OCCURRENCES,
        EstimateFact.MINUTES,
        EstimateFact.PAIN,
    )
    partly = _awaiting(count=20, minutes=10)
    assert not partly.estimated and partly.unestimated == (EstimateFact.PAIN,)


def test_it_is_neither_scored_nor_ranked_but_listed_after(demo_workshop: Workshop) -> None:
    ranked_before = [
        (r.candidate.id, r.rank, r.priority) for r in rank_candidates(demo_workshop.candidates)
    ]
    demo_workshop.candidates.insert(0, _awaiting("c9"))
    demo_workshop.candidates.append(_awaiting("c10", count=3, pain=4))
    ranked = rank_candidates(demo_workshop.candidates)
    assert [(r.candidate.id, r.rank, r.priority) for r in ranked] == ranked_before
    waiting = awaiting_estimates(demo_workshop.candidates)
    assert [w.candidate.id for w in waiting] == ["c9", "c10"]
    assert (
        waiting[0].reason == "not ranked: its occurrences, minutes and pain are not estimated yet"
    )
    assert waiting[1].reason == "not ranked: its minutes are not estimated yet"
    assert waiting[1].missing == (EstimateFact.MINUTES,)
    assert str(waiting[0].readiness) == "needs work"  # readiness needs none of the facts
    assert hours_per_month(waiting[1].candidate) is None
    with pytest.raises(AwaitsEstimates):
        occurrences_per_month(waiting[0].candidate)
    best = recommendation(ranked)
    assert best is not None and best.candidate.estimated


def test_the_room_cannot_choose_it(demo_workshop: Workshop) -> None:
    demo_workshop.candidates.append(_awaiting())
    before = workshop_to_document(copy.deepcopy(demo_workshop))
    with pytest.raises(Refused, match="estimate its occurrences, minutes and pain first"):
        op.choose(demo_workshop, "c9", "Everyone likes it", AT)
    assert workshop_to_document(demo_workshop) == before
    # Parking it is fine: it waits in the backlog with a reason.
    op.park(demo_workshop, "c9", "Estimate it next time", AT)
    assert demo_workshop.candidate("c9").status is CandidateStatus.PARKED


def test_how_sure_is_one_ignores_it(demo_workshop: Workshop) -> None:
    plain = how_sure(demo_workshop)
    seed = facts_seed(demo_workshop.candidates, ranges_from_estimates(demo_workshop))
    demo_workshop.candidates.append(_awaiting())
    demo_workshop.estimates.append(Estimate("c9", EstimateFact.PAIN, 1, None, 5))
    ranges = ranges_from_estimates(demo_workshop)
    assert facts_seed(demo_workshop.candidates, ranges) == seed
    sure = how_sure(demo_workshop)
    assert plain is not None and sure is not None
    assert sure.sentence == plain.sentence and sure.margins == plain.margins
    assert all(rival.id != "c9" for rival in sure.rivals)
    # Before any choice, it is never the recommendation, however many votes it has.
    for candidate in demo_workshop.candidates:
        candidate.status = CandidateStatus.CANDIDATE
    before_choice = how_sure(demo_workshop)
    assert before_choice is not None and before_choice.leader.id != "c9"


def test_a_chosen_candidate_without_estimates_is_named_by_the_gate(
    demo_workshop: Workshop,
) -> None:
    chosen = demo_workshop.chosen[0]
    chosen.pain = None  # as an imported document may have it
    assert how_sure(demo_workshop) is None
    assert "The chosen workflow awaits estimates: estimate its pain." in gate_gaps(demo_workshop)


def test_the_stage_advice_points_at_its_empty_facts(demo_workshop: Workshop) -> None:
    demo_workshop.candidates.append(_awaiting(count=5))
    reports = stage_reports(demo_workshop, tool_first_vocabulary())
    candidates = [a for a in reports[Stage.CANDIDATES].advice if "awaits estimates" in a.message]
    assert [(a.path, a.message) for a in candidates] == [
        (
            "candidates[8].minutes_per_occurrence",
            "Waiting c9 awaits estimates: estimate its minutes and pain (it is not ranked "
            "until then).",
        )
    ]
    rank = [a.message for a in reports[Stage.RANK].advice if "awaits estimates" in a.message]
    assert rank == [
        "1 candidate awaits estimates and is not ranked (Waiting c9): estimate its "
        "occurrences, minutes and pain in Candidates, or in a round of blind estimates on the "
        "Rank page."
    ]


def test_an_adopted_estimate_fills_an_empty_fact_and_its_undo_empties_it(
    demo_workshop: Workshop,
) -> None:
    demo_workshop.candidates.append(_awaiting())
    op.add_estimates(
        demo_workshop,
        [
            Estimate("c9", EstimateFact.MINUTES, 1, "s1", 10),
            Estimate("c9", EstimateFact.MINUTES, 1, "s2", 20),
        ],
    )
    before = workshop_to_document(copy.deepcopy(demo_workshop))
    outcome = op.adopt_estimate(demo_workshop, "c9", EstimateFact.MINUTES, 15, "", 1, AT)
    assert demo_workshop.candidate("c9").minutes_per_occurrence == 15
    outcome.undo(demo_workshop)
    assert demo_workshop.candidate("c9").minutes_per_occurrence is None
    assert workshop_to_document(demo_workshop) == before


def test_typing_the_last_fact_ranks_it(demo_workshop: Workshop) -> None:
    demo_workshop.candidates.append(_awaiting(count=40, minutes=30))
    assert "c9" not in {r.candidate.id for r in rank_candidates(demo_workshop.candidates)}
    op.set_field(demo_workshop, Part.CANDIDATES, "c9", "pain", 5)
    assert "c9" in {r.candidate.id for r in rank_candidates(demo_workshop.candidates)}
    assert awaiting_estimates(demo_workshop.candidates) == []


@LISTS
@given(
    candidate_lists(),
    st.lists(st.sets(st.sampled_from(["count", "minutes", "pain"]), min_size=1), max_size=4),
    st.integers(0, 8),
)
def test_adding_unestimated_candidates_never_changes_the_others_ranks(
    cands: list[Candidate], emptied: list[set[str]], place: int
) -> None:
    ranked = [(r.candidate.id, r.rank, r.priority, r.reason) for r in rank_candidates(cands)]
    waiting = []
    for number, empty in enumerate(emptied):
        base = cands[number % len(cands)]
        waiting.append(
            dataclasses.replace(
                base,
                id=f"w{number}",
                frequency=Frequency(
                    None if "count" in empty else base.frequency.count, base.frequency.per
                ),
                minutes_per_occurrence=None if "minutes" in empty else base.minutes_per_occurrence,
                pain=None if "pain" in empty else base.pain,
                votes=base.votes + 100,
            )
        )
    mixed = cands[:place] + waiting + cands[place:]
    assert [
        (r.candidate.id, r.rank, r.priority, r.reason) for r in rank_candidates(mixed)
    ] == ranked
    assert [w.candidate.id for w in awaiting_estimates(mixed)] == [w.id for w in waiting]
