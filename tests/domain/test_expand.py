"""Then expand: the next workshop made from the demo carries its parked backlog back into play
and records the chosen workflow as an earlier attempt with what it proved."""

from __future__ import annotations

import copy
import datetime as dt

from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.expand import next_workshop
from workshop_app.domain.model import (
    CandidateStatus,
    Checkin,
    DecisionKind,
    Estimate,
    EstimateFact,
    Period,
    StallSign,
    Workshop,
)
from workshop_app.domain.outcome import Result, workflow_outcome
from workshop_app.domain.text import LONG, MEDIUM
from workshop_app.domain.validation import validate_document

NOW = dt.datetime(2026, 12, 14, 9, 30, 5)
AT = "2026-12-14T09:30:05"


def expanded(workshop: Workshop) -> Workshop:
    return next_workshop(workshop, "harrowfield.workshop", NOW)


def test_the_old_workshop_is_left_as_it_was(demo_workshop: Workshop) -> None:
    before = copy.deepcopy(workshop_to_document(demo_workshop))
    expanded(demo_workshop)
    assert workshop_to_document(demo_workshop) == before


def test_details_stakeholders_and_problems_come_along(demo_workshop: Workshop) -> None:
    new = expanded(demo_workshop)
    assert new.info.title == "Choosing our first AI workflow — next workflow"
    assert new.info.date == "2026-12-14"
    old = demo_workshop.info
    assert (new.info.organization, new.info.facilitator, new.info.location, new.info.notes) == (
        old.organization,
        old.facilitator,
        old.location,
        old.notes,
    )
    assert new.stakeholders == demo_workshop.stakeholders
    assert new.problems == demo_workshop.problems
    assert new.stakeholders is not demo_workshop.stakeholders


def test_expanding_twice_does_not_repeat_the_title_suffix(demo_workshop: Workshop) -> None:
    again = next_workshop(expanded(demo_workshop), "next.workshop", NOW)
    assert again.info.title == "Choosing our first AI workflow — next workflow"


def test_the_parked_candidates_are_back_in_play_with_their_facts(demo_workshop: Workshop) -> None:
    new = expanded(demo_workshop)
    parked = [c for c in demo_workshop.candidates if c.status is CandidateStatus.PARKED]
    assert [c.id for c in new.candidates] == [c.id for c in parked]
    for old, back in zip(parked, new.candidates, strict=True):
        assert back.status is CandidateStatus.CANDIDATE and back.parked_reason == ""
        assert back.votes == 0
        assert (back.name, back.problem_ids, back.frequency, back.minutes_per_occurrence) == (
            old.name,
            old.problem_ids,
            old.frequency,
            old.minutes_per_occurrence,
        )
        assert (back.pain, back.data_readiness, back.governance, back.overrides) == (
            old.pain,
            old.data_readiness,
            old.governance,
            old.overrides,
        )
    c2 = new.candidate("c2")
    assert c2 is not None and c2.overrides.friction == 3 and c2.overrides.reason


def test_their_blind_estimates_come_along_and_the_chosen_ones_stay_behind(
    demo_workshop: Workshop,
) -> None:
    answers = [
        Estimate("c3", EstimateFact.OCCURRENCES, 1, "s2", 12, Period.WEEK),
        Estimate("c3", EstimateFact.OCCURRENCES, 1, None, None, Period.WEEK),
        Estimate("c5", EstimateFact.PAIN, 2, "s7", 4),
    ]
    demo_workshop.estimates.extend(answers)
    new = expanded(demo_workshop)
    assert new.estimates == answers
    assert all(e.candidate_id == "c1" for e in demo_workshop.estimates[: -len(answers)])


def test_the_chosen_workflow_becomes_an_earlier_attempt_that_names_its_verdicts(
    demo_workshop: Workshop,
) -> None:
    new = expanded(demo_workshop)
    assert new.candidate("c1") is None
    assert [a.id for a in new.prior_attempts] == ["a1", "a2"]
    assert new.prior_attempts[0] == demo_workshop.prior_attempts[0]
    attempt = new.prior_attempts[1]
    assert attempt.what.startswith("Draft quotes from emailed quote requests: the first workflow")
    assert "10 November 2026" in attempt.what and "(partly adopted)" in attempt.what
    notes = attempt.notes
    assert "Result on 14 December 2026, day 34 after the workshop: partly adopted." in notes
    assert "Overall at risk (adoption on track, outcome at risk)" in notes
    assert "(adoption, 1 reading): on track. Day 7: 18 % of quote requests" in notes
    assert "(outcome, 1 reading): at risk. Day 7: 23.5 hours" in notes
    assert "(trust, 0 readings): no data yet." in notes
    assert "- Day 7: First look at the numbers with Margaret" in notes
    # Day 14 and 30 passed with neither notes nor readings: nobody followed up.
    assert attempt.stall_signs == [StallSign.SPONSORS_DISENGAGED]
    assert "sponsors lost interest (no check-in on day 14 and day 30)" in notes


def test_a_workflow_people_stopped_using_has_stalled(demo_workshop: Workshop) -> None:
    demo_workshop.checkins += [
        Checkin("m1", "2026-12-10", 0),  # adoption back at its baseline
        Checkin("m2", "2026-12-10", 20),
        Checkin("m3", "2026-12-10", 60),  # trust below its baseline
    ]
    chosen = demo_workshop.candidate("c1")
    assert chosen is not None
    outcome = workflow_outcome(demo_workshop, chosen, dt.date(2026, 12, 14))
    assert outcome.result is Result.STALLED
    assert outcome.stall_signs == (StallSign.UNUSED_OUTPUTS, StallSign.DISTRUST)
    assert "Stall signs the follow-through showed: outputs went unused" in outcome.text


def test_a_workflow_on_track_is_adopted_without_stall_signs(demo_workshop: Workshop) -> None:
    demo_workshop.checkins += [
        Checkin("m1", "2026-12-10", 62),
        Checkin("m2", "2026-12-10", 8),
        Checkin("m3", "2026-12-10", 90),
    ]
    demo_workshop.checkin_plan[1].note = "Reps use it daily."
    chosen = demo_workshop.candidate("c1")
    assert chosen is not None
    outcome = workflow_outcome(demo_workshop, chosen, dt.date(2026, 12, 14))
    assert (outcome.result, outcome.stall_signs) == (Result.ADOPTED, ())
    assert outcome.text.endswith("No stall sign showed in the readings or the check-ins.")


def test_nothing_of_the_first_workflows_plan_comes_along(demo_workshop: Workshop) -> None:
    new = expanded(demo_workshop)
    assert new.metrics == [] and new.risks == [] and new.checkins == [] and new.signoffs == []
    assert new.checkin_plan == []
    assert new.adoption.champion_id is None and new.adoption.users_involved == []
    assert new.adoption.training == ""


def test_the_log_starts_with_where_it_came_from(demo_workshop: Workshop) -> None:
    new = expanded(demo_workshop)
    first = new.decisions[0]
    assert (first.at, first.kind, first.candidate_id) == (AT, DecisionKind.EXPANDED, None)
    assert first.reason == (
        "Started from the workshop “Choosing our first AI workflow” of 10 November 2026 "
        "(file “harrowfield.workshop”): its first workflow “Draft quotes from emailed quote "
        "requests” is now an earlier attempt; 7 parked candidates back in play."
    )


def test_each_parked_reason_is_kept_in_the_log(demo_workshop: Workshop) -> None:
    new = expanded(demo_workshop)
    rest = new.decisions[1:]
    assert [d.kind for d in rest] == [DecisionKind.UNPARKED] * 7
    assert [d.candidate_id for d in rest] == [c.id for c in new.candidates]
    old = demo_workshop.candidate("c3")
    assert old is not None
    assert rest[1].reason == (
        f"Parked in “Choosing our first AI workflow”: {old.parked_reason} "
        "Back in play for the next workflow."
    )


def test_references_stay_valid_and_the_result_validates(demo_workshop: Workshop) -> None:
    demo_workshop.estimates.append(Estimate("c6", EstimateFact.MINUTES, 1, "s8", 25))
    new = expanded(demo_workshop)
    assert validate_document(workshop_to_document(new)) == []
    stakeholders = {s.id for s in new.stakeholders}
    problems = {p.id for p in new.problems}
    candidates = {c.id for c in new.candidates}
    assert all(p.raised_by in stakeholders for p in new.problems if p.raised_by)
    assert all(set(c.problem_ids) <= problems for c in new.candidates)
    assert all(e.candidate_id in candidates for e in new.estimates)
    assert all(e.who in stakeholders for e in new.estimates if e.who)
    assert all(d.candidate_id in candidates for d in new.decisions if d.candidate_id)


def test_long_texts_are_cut_to_the_formats_limits(demo_workshop: Workshop) -> None:
    demo_workshop.info.title = "T" * 200
    chosen = demo_workshop.candidate("c1")
    assert chosen is not None
    chosen.name = "N " * 100
    demo_workshop.checkin_plan[0].note = "word " * 1000
    for metric in demo_workshop.metrics:
        metric.name = "M " * 100
    park = demo_workshop.candidate("c2")
    assert park is not None
    park.parked_reason = "R" * 1000
    new = next_workshop(demo_workshop, "x" * 255 + ".workshop", NOW)
    assert validate_document(workshop_to_document(new)) == []
    assert len(new.info.title) == 200 and new.info.title.endswith("— next workflow")
    assert len(new.prior_attempts[-1].notes) <= LONG
    assert all(len(d.reason) <= MEDIUM for d in new.decisions)


def test_a_workshop_without_a_chosen_workflow_still_expands(demo_workshop: Workshop) -> None:
    chosen = demo_workshop.candidate("c1")
    assert chosen is not None
    chosen.status = CandidateStatus.CANDIDATE
    chosen.votes = 7
    new = expanded(demo_workshop)
    assert [a.id for a in new.prior_attempts] == ["a1"]
    assert new.candidate("c1") is not None and new.candidate("c1").votes == 0  # type: ignore[union-attr]
    assert "it had no chosen workflow; 7 parked candidates back in play" in new.decisions[0].reason
    assert validate_document(workshop_to_document(new)) == []
