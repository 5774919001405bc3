"""The decision log's operations and reference-keeping edits, on the bundled demo workshop."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop_app.domain import decisions as d
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.edits import move, next_id, remove, restore
from workshop_app.domain.gate import is_agreed
from workshop_app.domain.model import (
    CandidateStatus,
    DecisionKind,
    Signoff,
    SignoffChannel,
    SignoffDecision,
    Stakeholder,
    Workshop,
)
from workshop_app.domain.validation import validate_document

AT = "2026-11-10T12:00:00"
CHOSEN, UNCHOSEN, PARKED = DecisionKind.CHOSEN, DecisionKind.UNCHOSEN, DecisionKind.PARKED
UNPARKED, GATE_PASSED = DecisionKind.UNPARKED, DecisionKind.GATE_PASSED


def kinds(log: list) -> list[DecisionKind]:
    return [entry.kind for entry in log]


def test_choose_unchooses_the_previous_choice_and_clears_a_parked_reason(demo_workshop) -> None:
    w = demo_workshop
    added = d.choose(w, "c2", "Better idea", AT)
    assert kinds(added) == [UNCHOSEN, CHOSEN]
    replaced = "Replaced by Route and answer order status enquiries."
    assert (added[0].candidate_id, added[0].reason) == ("c1", replaced)
    assert (added[1].candidate_id, added[1].reason, added[1].at) == ("c2", "Better idea", AT)
    assert [c.id for c in w.chosen] == ["c2"] and w.candidate("c2").parked_reason == ""
    assert w.candidate("c1").status is CandidateStatus.CANDIDATE
    assert w.decisions[-2:] == added


def test_choosing_the_chosen_again_changes_nothing(demo_workshop: Workshop) -> None:
    before = len(demo_workshop.decisions)
    assert d.choose(demo_workshop, "c1", "again", AT) == []
    assert len(demo_workshop.decisions) == before


@pytest.mark.parametrize("reason", ["", "   "])
def test_park_requires_a_reason(demo_workshop: Workshop, reason: str) -> None:
    with pytest.raises(d.DecisionRefused, match="a parked candidate needs a reason"):
        d.park(demo_workshop, "c1", reason, AT)
    assert demo_workshop.candidate("c1").status is CandidateStatus.CHOSEN


def test_parking_the_chosen_records_unchosen_then_parked(demo_workshop: Workshop) -> None:
    added = d.park(demo_workshop, "c1", "  Not now  ", AT)
    assert kinds(added) == [UNCHOSEN, PARKED]
    c1 = demo_workshop.candidate("c1")
    assert (c1.status, c1.parked_reason) == (CandidateStatus.PARKED, "Not now")
    assert added[1].reason == "Not now"


def test_unpark_clears_the_reason_and_ignores_unparked(demo_workshop: Workshop) -> None:
    assert kinds(d.unpark(demo_workshop, "c2", "Tracking arrived", AT)) == [UNPARKED]
    c2 = demo_workshop.candidate("c2")
    assert (c2.status, c2.parked_reason) == (CandidateStatus.CANDIDATE, "")
    assert d.unpark(demo_workshop, "c1", "x", AT) == []


def test_override_sets_scores_and_logs_them(demo_workshop: Workshop) -> None:
    [entry] = d.override_scores(demo_workshop, "c4", 3, 2, " Room view ", AT)
    overrides = demo_workshop.candidate("c4").overrides
    assert (overrides.friction, overrides.frequency, overrides.reason) == (3, 2, "Room view")
    assert entry.kind is DecisionKind.OVERRIDE and entry.candidate_id == "c4"
    assert entry.reason == "Friction set to 3, frequency set to 2: Room view"
    [entry] = d.override_scores(demo_workshop, "c4", None, None, "", AT)
    assert (overrides.any, overrides.reason, entry.reason) == (False, "", "Overrides removed")


# fmt: off
REFUSED_OVERRIDES = [
    (0, None, "r", "the friction override must be 1 to 5, got 0"),
    (None, 6, "r", "the frequency override must be 1 to 5, got 6"),
    (4, None, "  ", "an overridden score needs a written reason"),
]
# fmt: on


@pytest.mark.parametrize(("friction", "frequency", "reason", "words"), REFUSED_OVERRIDES)
def test_override_is_refused_out_of_range_or_without_reason(
    demo_workshop: Workshop, friction, frequency, reason: str, words: str
) -> None:
    before = len(demo_workshop.decisions)
    with pytest.raises(d.DecisionRefused, match=words):
        d.override_scores(demo_workshop, "c4", friction, frequency, reason, AT)
    assert len(demo_workshop.decisions) == before
    assert not demo_workshop.candidate("c4").overrides.any


def test_gate_passed_is_logged_when_a_choice_makes_the_gate_pass(demo_workshop) -> None:
    assert kinds(d.unchoose(demo_workshop, "c1", "Rethink", AT)) == [UNCHOSEN]
    assert not is_agreed(demo_workshop)
    added = d.choose(demo_workshop, "c1", "Back again", AT)
    assert kinds(added) == [CHOSEN, GATE_PASSED]
    assert added[1].candidate_id == "c1"


def test_gate_passed_is_not_logged_again_while_the_gate_already_passes(demo_workshop) -> None:
    assert kinds(d.park(demo_workshop, "c4", "Still later", AT)) == [PARKED]
    assert is_agreed(demo_workshop)


def test_gate_passed_is_logged_when_parking_gives_the_missing_reason(demo_workshop) -> None:
    demo_workshop.candidate("c8").parked_reason = ""
    added = d.park(demo_workshop, "c8", "Too small", AT)
    assert kinds(added) == [PARKED, GATE_PASSED]


def test_gate_passed_is_logged_when_unparking_makes_the_gate_pass(demo_workshop) -> None:
    demo_workshop.candidate("c8").parked_reason = ""
    added = d.unpark(demo_workshop, "c8", "Back in play", AT)
    assert is_agreed(demo_workshop)
    assert kinds(added) == [UNPARKED, GATE_PASSED]


def test_gate_passed_is_logged_when_unchoosing_leaves_exactly_one(demo_workshop) -> None:
    demo_workshop.candidate("c2").status = CandidateStatus.CHOSEN
    added = d.unchoose(demo_workshop, "c2", "One at a time", AT)
    assert is_agreed(demo_workshop)
    assert kinds(added) == [UNCHOSEN, GATE_PASSED]


def test_sign_replaces_an_earlier_signoff_and_logs_signed(demo_workshop: Workshop) -> None:
    changes = SignoffDecision.CHANGES_REQUESTED
    [entry] = d.sign(demo_workshop, "s1", changes, " Dates? ", "2026-11-11T09:00:00")
    assert demo_workshop.signoffs == [
        Signoff("s1", "2026-11-11", changes, "Dates?", channel=SignoffChannel.ROOM)
    ]
    assert (entry.kind, entry.candidate_id) == (DecisionKind.SIGNED, None)
    assert entry.reason == "Margaret Okafor requested changes: Dates?"
    [entry] = d.sign(demo_workshop, "s3", SignoffDecision.APPROVED, "", AT)
    assert entry.reason == "Priya Nair approved." and len(demo_workshop.signoffs) == 2


# fmt: off
UNKNOWN_IDS = [
    (lambda w: d.choose(w, "c99", "r", AT), "no candidate has the id 'c99'"),
    (lambda w: d.unchoose(w, "c99", "r", AT), "no candidate has the id 'c99'"),
    (lambda w: d.park(w, "c99", "r", AT), "no candidate has the id 'c99'"),
    (lambda w: d.unpark(w, "c99", "r", AT), "no candidate has the id 'c99'"),
    (lambda w: d.override_scores(w, "c99", 2, None, "r", AT), "no candidate has the id 'c99'"),
    (lambda w: d.sign(w, "s99", SignoffDecision.APPROVED, "", AT),
     "no stakeholder has the id 's99'"),
]
# fmt: on


@pytest.mark.parametrize(("call", "words"), UNKNOWN_IDS)
def test_unknown_ids_are_refused(demo_workshop: Workshop, call, words: str) -> None:
    before = workshop_to_document(demo_workshop)
    with pytest.raises(d.DecisionRefused, match=words):
        call(demo_workshop)
    assert workshop_to_document(demo_workshop) == before


def test_timestamp_is_written_to_the_second() -> None:
    assert d.timestamp(dt.datetime(2026, 11, 10, 10, 42, 5, 999)) == "2026-11-10T10:42:05"


def test_removing_a_stakeholder_clears_every_reference_and_restores(demo_workshop) -> None:
    w = demo_workshop
    w.adoption.owner_id = "s3"
    w.signoffs.append(Signoff("s3", "2026-11-10"))
    before = workshop_to_document(w)
    removal = remove(w, "stakeholders", 2)
    assert w.stakeholder("s3") is None
    assert w.problems[5].raised_by is None and w.metric("m3").owner_id is None
    assert w.metric("m1").agreed_by == ["s2", "s4"]
    assert w.metric("m2").agreed_by == ["s1", "s2", "s5"]
    assert (w.adoption.champion_id, w.adoption.owner_id) == (None, None)
    assert w.adoption.users_involved == ["s4"]
    assert w.risks[3].owner_id is None
    assert [s.stakeholder_id for s in w.signoffs] == ["s1"]
    assert validate_document(workshop_to_document(w)) == []
    restore(w, removal)
    assert workshop_to_document(w) == before


def test_removing_a_candidate_takes_its_metrics_and_readings_and_restores(demo_workshop) -> None:
    w = demo_workshop
    before = workshop_to_document(w)
    removal = remove(w, "candidates", 0)
    assert w.candidate("c1") is None and w.metrics == [] and w.checkins == []
    assert all(entry.candidate_id != "c1" for entry in w.decisions)
    assert [e.candidate_id for e in w.decisions if e.kind is GATE_PASSED] == [None]
    assert len(w.decisions) == len(before["decisions"])
    assert validate_document(workshop_to_document(w)) == []
    restore(w, removal)
    assert workshop_to_document(w) == before


def test_removing_a_metric_takes_only_its_readings(demo_workshop: Workshop) -> None:
    before = workshop_to_document(demo_workshop)
    removal = remove(demo_workshop, "metrics", 0)
    assert [c.metric_id for c in demo_workshop.checkins] == ["m2"]
    restore(demo_workshop, removal)
    assert workshop_to_document(demo_workshop) == before


def test_removing_a_problem_shortens_the_candidates_problem_lists(demo_workshop) -> None:
    remove(demo_workshop, "problems", 1)
    assert demo_workshop.candidate("c2").problem_ids == []
    assert demo_workshop.candidate("c7").problem_ids == []
    assert demo_workshop.candidate("c1").problem_ids == ["p1"]


def test_move_puts_an_item_at_its_new_place(demo_workshop: Workshop) -> None:
    move(demo_workshop, "stakeholders", 0, 2)
    assert [s.id for s in demo_workshop.stakeholders][:4] == ["s2", "s3", "s1", "s4"]
    move(demo_workshop, "stakeholders", 2, 0)
    assert [s.id for s in demo_workshop.stakeholders][:3] == ["s1", "s2", "s3"]


def test_next_id_is_the_list_letter_and_a_free_number(demo_workshop: Workshop) -> None:
    keys = ("stakeholders", "problems", "prior_attempts", "candidates", "metrics", "risks")
    assert [next_id(demo_workshop, key) for key in keys] == ["s9", "p7", "a2", "c9", "m5", "r6"]
    assert next_id(Workshop(), "candidates") == "c1"
    crowded = Workshop(stakeholders=[Stakeholder("s2"), Stakeholder("s3")])
    assert next_id(crowded, "stakeholders") not in {"s2", "s3"}
