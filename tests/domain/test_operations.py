"""The named operations, without Qt: each changes what it names, refuses what the rules forbid
without changing anything, logs the 30-day gate passing once, and its undo gives back exactly
the workshop it started from — decision log included."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Changes, Part, Refused
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.gate import is_agreed
from workshop_app.domain.model import (
    Candidate,
    Checkin,
    DecisionKind,
    Estimate,
    EstimateFact,
    Frequency,
    Metric,
    MetricKind,
    Period,
    Risk,
    Signoff,
    SignoffChannel,
    SignoffDecision,
    Workshop,
)
from workshop_app.domain.operations import Outcome, Step
from workshop_app.domain.operations.step import nothing
from workshop_app.store.workshop_file import UndeclaredChange, WorkshopFile

AT = "2026-11-10T12:00:00"


def _from_example_then_estimate(workshop: Workshop) -> Outcome:
    """Add a candidate with empty facts, then type its pain: the undo gives None back."""
    added = op.add_candidate_from_example(workshop, FROM_EXAMPLE, EXAMPLE_METRICS)
    typed = op.set_field(workshop, Part.CANDIDATES, "c99", "pain", 4)
    return Outcome.made(added | typed, Step(_undo_both, (typed.undo, added.undo)))


#: A round of minutes about c2 (median 12), recorded before an estimate is adopted from it.
MINUTES_ROUND = [
    Estimate("c2", EstimateFact.MINUTES, 1, "s1", 6),
    Estimate("c2", EstimateFact.MINUTES, 1, "s2", 12),
    Estimate("c2", EstimateFact.MINUTES, 1, None, 20),
]


def _undo_both(workshop: Workshop, later: Step, earlier: Step) -> Outcome:
    redo_later = later(workshop)
    return Outcome.made(redo_later | earlier(workshop), Step(nothing))


def _round_then_adopt(workshop: Workshop, value: float, reason: str) -> Outcome:
    """Record the minutes round, then adopt from it: the demo has no rounds of its own."""
    recorded = op.add_estimates(workshop, copy.deepcopy(MINUTES_ROUND))
    adopted = op.adopt_estimate(workshop, "c2", EstimateFact.MINUTES, value, reason, 1, AT)
    return Outcome.made(recorded | adopted, Step(_undo_both, (adopted.undo, recorded.undo)))


#: A candidate as "Add from examples" makes it: no facts yet, the example's id, two metrics.
FROM_EXAMPLE = Candidate(
    "c99",
    "Triage and route incoming customer service emails",
    description="Emails are sorted by hand.",
    frequency=Frequency(None, Period.DAY),
    minutes_per_occurrence=None,
    pain=None,
    example="service-email-triage",
)
EXAMPLE_METRICS = [
    Metric("m99", "c99", "Emails routed by the new workflow", MetricKind.ADOPTION, "%"),
    Metric("m100", "c99", "Hours to first reply", MetricKind.OUTCOME, "h", method="Inbox"),
]

#: name → a step on the demo workshop that changes something.
STEPS: dict[str, Step] = {
    "add_candidate_from_example": Step(
        op.add_candidate_from_example, (FROM_EXAMPLE, EXAMPLE_METRICS)
    ),
    "set_field_of_an_unestimated_fact": Step(_from_example_then_estimate, ()),
    "set_field": Step(op.set_field, (Part.CANDIDATES, "c2", "frequency.count", 41)),
    "set_field_singleton": Step(op.set_field, (Part.WORKSHOP, None, "title", "Renamed")),
    "add_item": Step(op.add_item, (Part.RISKS, Risk("r99", "Nobody reads the report"), 0)),
    "remove_stakeholder": Step(op.remove_item, (Part.STAKEHOLDERS, "s1")),
    "remove_candidate": Step(op.remove_item, (Part.CANDIDATES, "c1")),
    "move_item": Step(op.move_item, (Part.CANDIDATES, "c1", 3)),
    "set_votes": Step(op.set_votes, ("c3", 9)),
    "choose": Step(op.choose, ("c2", "Quicker to prove", AT)),
    "unchoose": Step(op.unchoose, ("c1", "Rethink", AT)),
    "park": Step(op.park, ("c2", "Later", AT)),
    "unpark": Step(op.unpark, ("c8", "Worth a look", AT)),
    "override_scores": Step(op.override_scores, ("c3", 5, None, "The room knows better", AT)),
    "sign": Step(op.sign, ("s2", SignoffDecision.APPROVED, "Fine", AT)),
    "record_signoff": Step(
        op.record_signoff,
        (
            Signoff(
                "s3",
                "2026-11-09",
                SignoffDecision.CHANGES_REQUESTED,
                version="abcdefghij",
                channel=SignoffChannel.FORM,
                signed_as="Marco",
                comment_metrics="Lower the target.",
            ),
            AT,
        ),
    ),
    "record_export": Step(op.record_export, ({"format": "first-workflow/1", "workshop": {}}, AT)),
    "add_checkin": Step(op.add_checkin, (Checkin("m1", "2026-11-09", 12),)),
    "add_readings": Step(
        op.add_readings, ([Checkin("m1", "2026-11-09", 1), Checkin("m2", "2026-11-21", 2)],)
    ),
    "plan_checkin_day": Step(op.plan_checkin_day, (60,)),
    "drop_checkin_day": Step(op.drop_checkin_day, (14,)),
    "note_checkin_day": Step(op.note_checkin_day, (7, "Numbers reviewed")),
    "add_estimates": Step(
        op.add_estimates,
        (
            [
                Estimate("c2", EstimateFact.OCCURRENCES, 1, "s1", 35, Period.DAY),
                Estimate("c2", EstimateFact.OCCURRENCES, 1, None, None, Period.DAY),
                Estimate("c2", EstimateFact.MINUTES, 1, "s1", 4.5),
            ],
        ),
    ),
    "adopt_estimate": Step(_round_then_adopt, (12, "")),
    "adopt_estimate_not_the_median": Step(_round_then_adopt, (15, "Rush orders take longer")),
}


def document(workshop: Workshop) -> dict[str, Any]:
    return workshop_to_document(copy.deepcopy(workshop))


@pytest.mark.parametrize("name", sorted(STEPS))
def test_undo_gives_back_exactly_the_workshop_and_redo_the_change(
    demo_workshop: Workshop, name: str
) -> None:
    before = document(demo_workshop)
    outcome = STEPS[name](demo_workshop)
    after = document(demo_workshop)
    assert after != before
    assert isinstance(outcome, Outcome) and outcome
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    assert changed <= {str(part) for part in outcome.lists}

    redo = outcome.undo(demo_workshop)
    assert document(demo_workshop) == before
    assert changed <= {str(part) for part in redo.lists}

    STEPS[name](demo_workshop)
    assert document(demo_workshop) == after


@pytest.mark.parametrize(
    ("step", "words"),
    [
        (Step(op.set_field, (Part.CANDIDATES, "c404", "name", "x")), "no item 'c404'"),
        (Step(op.add_item, (Part.RISKS, Risk("r1", "Again"), None)), "already has"),
        (Step(op.remove_item, (Part.METRICS, "m404")), "no item 'm404'"),
        (Step(op.move_item, (Part.CANDIDATES, "c1", 99)), "no place 99"),
        (Step(op.set_votes, ("c1", -1)), "votes must be 0 to 10,000"),
        (Step(op.park, ("c2", "  ", AT)), "needs a reason"),
        (Step(op.override_scores, ("c2", 9, None, "Why not", AT)), "1 to 5"),
        (Step(op.sign, ("s404", SignoffDecision.APPROVED, "", AT)), "no stakeholder"),
        (
            Step(op.record_signoff, (Signoff("s2", "2099-01-01", version="abcdefghij"), AT)),
            "in the future",
        ),
        (
            Step(op.record_signoff, (Signoff("s2", "2026-11-09", version="not a version"), AT)),
            "not a charter version",
        ),
        (
            Step(op.record_signoff, (Signoff("s2", "2026-11-09", comment="a\x00b"), AT)),
            "control character",
        ),
        (Step(op.add_checkin, (Checkin("m404", "2026-11-09", 1),)), "no metric"),
        (Step(op.plan_checkin_day, (14,)), "already planned"),
        (Step(op.plan_checkin_day, (0,)), "1 to 366"),
        (Step(op.drop_checkin_day, (15,)), "No check-in is planned on day 15"),
        (Step(op.note_checkin_day, (7, "x" * 5001)), "limit is 5000"),
        (Step(op.add_estimates, ([Estimate("c404", EstimateFact.PAIN, 1, None, 3)],)), "c404"),
        (
            Step(op.add_estimates, ([Estimate("c1", EstimateFact.MINUTES, 1, "s1", 0)],)),
            "Margaret Okafor.*minutes estimate must be more than 0",
        ),
        (Step(op.remove_estimate_round, ("c1", 5)), "No round 5 of estimates"),
        (
            Step(op.adopt_estimate, ("c1", EstimateFact.PAIN, 4, "", 1, AT)),
            "Round 1 of pain estimates for .* has no answer",
        ),
        (
            Step(op.set_field, (Part.CANDIDATES, "c2", "minutes_per_occurrence", None)),
            "not emptied again",
        ),
        (
            Step(op.add_candidate_from_example, (Candidate("c1", "Again"), [])),
            "already has an item with the id 'c1'",
        ),
        (
            Step(
                op.add_candidate_from_example,
                (FROM_EXAMPLE, [Metric("m1", "c99", "Taken id", MetricKind.ADOPTION)]),
            ),
            "already has an item with the id 'm1'",
        ),
        (
            Step(
                op.add_candidate_from_example,
                (FROM_EXAMPLE, [Metric("m99", "c1", "Someone else's", MetricKind.ADOPTION)]),
            ),
            "belongs to 'c1'",
        ),
        (
            Step(op.add_candidate_from_example, (Candidate("c99", "Bad", pain=9), [])),
            "pain must be 1 to 5",
        ),
        (
            Step(
                op.add_candidate_from_example,
                (FROM_EXAMPLE, [Metric("m99", "c99", "", MetricKind.ADOPTION)]),
            ),
            "Metric 1's name is required",
        ),
    ],
)
def test_a_refused_operation_changes_nothing(
    demo_workshop: Workshop, step: Step, words: str
) -> None:
    before = document(demo_workshop)
    with pytest.raises(Refused, match=words):
        step(demo_workshop)
    assert document(demo_workshop) == before


def test_the_last_check_in_meeting_cannot_be_dropped(demo_workshop: Workshop) -> None:
    op.drop_checkin_day(demo_workshop, 7)
    op.drop_checkin_day(demo_workshop, 14)
    with pytest.raises(Refused, match="at least one"):
        op.drop_checkin_day(demo_workshop, 30)
    assert [meeting.day for meeting in demo_workshop.checkin_plan] == [30]


def _draft(workshop: Workshop) -> Workshop:
    """The demo one edit short of agreed: its outcome metric has no method."""
    metric = next(m for m in workshop.metrics if m.kind == "outcome" and m.candidate_id == "c1")
    metric.method = ""
    assert not is_agreed(workshop)
    return workshop


def test_an_ordinary_edit_that_passes_the_gate_logs_it_once(demo_workshop: Workshop) -> None:
    workshop = _draft(demo_workshop)
    metric = next(m for m in workshop.metrics if not m.method)
    logged = len(workshop.decisions)
    outcome = op.set_field(workshop, Part.METRICS, metric.id, "method", "Count in the CRM")
    assert Part.DECISIONS in outcome.lists
    assert [d.kind for d in workshop.decisions[logged:]] == [DecisionKind.GATE_PASSED]
    # Still agreed after another edit: no second entry.
    op.set_field(workshop, Part.METRICS, metric.id, "unit", "leads")
    assert len(workshop.decisions) == logged + 1
    # The undo of the edit that passed the gate takes its log entry back too.
    outcome.undo(workshop)
    assert len(workshop.decisions) == logged


def test_a_choice_that_passes_the_gate_logs_it_once(demo_workshop: Workshop) -> None:
    op.unchoose(demo_workshop, "c1", "Rethink", AT)
    logged = len(demo_workshop.decisions)
    op.choose(demo_workshop, "c1", "Back again", AT)
    kinds = [d.kind for d in demo_workshop.decisions[logged:]]
    assert kinds == [DecisionKind.CHOSEN, DecisionKind.GATE_PASSED]


def test_setting_a_field_to_its_value_changes_nothing(demo_workshop: Workshop) -> None:
    name = demo_workshop.candidate("c2").name
    assert not op.set_field(demo_workshop, Part.CANDIDATES, "c2", "name", name)


def test_removing_a_stakeholder_names_every_list_it_cleared(demo_workshop: Workshop) -> None:
    outcome = op.remove_item(demo_workshop, Part.STAKEHOLDERS, "s1")
    assert {Part.STAKEHOLDERS, Part.PROBLEMS, Part.METRICS} <= outcome.lists


def test_changes_combine_and_cover() -> None:
    one = Changes.of(Part.CANDIDATES, "c1")
    both = one | Changes.of(Part.CANDIDATES, "c2") | Changes.of(Part.DECISIONS)
    assert both.ids[Part.CANDIDATES] == {"c1", "c2"}
    assert Part.DECISIONS not in both.ids  # a whole part stays whole
    assert both.covers(one) and not one.covers(both)
    assert Changes.of(Part.CANDIDATES).covers(one)
    assert not one.covers(Changes.of(Part.CANDIDATES, "c3"))


# ---------------------------------------------------------------- through the store


def test_the_store_saves_what_an_operation_changed(demo_file: Path) -> None:
    with WorkshopFile.open(demo_file) as opened:
        outcome, written = opened.change(Step(op.set_votes, ("c3", 9)))
        assert written == Changes.of(Part.CANDIDATES, "c3")
        assert outcome.covers(written)
    with WorkshopFile.open(demo_file, read_only=True) as again:
        assert again.workshop.candidate("c3").votes == 9


def _lying(workshop: Workshop) -> Outcome:
    workshop.info.title = "Changed behind the views' backs"
    return Outcome.made(Changes.of(Part.CANDIDATES), Step(_lying))


def test_an_operation_that_writes_more_than_it_says_is_caught(demo_file: Path) -> None:
    with WorkshopFile.open(demo_file) as opened, pytest.warns(UndeclaredChange, match="workshop"):
        opened.change(Step(_lying))
    with WorkshopFile.open(demo_file, read_only=True) as again:
        assert again.workshop.info.title == "Changed behind the views' backs"  # still saved
