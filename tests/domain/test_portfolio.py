"""Where a workshop stands at a glance: draft, agreed or signed by n of m, the day of its 30
days counted from the workshop date, and the latest verdict on its workflow."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop_app.domain.model import (
    CandidateStatus,
    Checkin,
    Signoff,
    SignoffDecision,
    Workshop,
)
from workshop_app.domain.portfolio import Agreement, state_of
from workshop_app.domain.progress import Verdict

#: The demo workshop was held on 2026-11-10.
HELD = dt.date(2026, 11, 10)


def day(number: int) -> dt.date:
    return HELD + dt.timedelta(days=number)


def test_the_demo_is_agreed_signed_by_one_of_eight_and_at_risk(demo_workshop: Workshop) -> None:
    state = state_of(demo_workshop, day(14))
    assert state.agreement is Agreement.AGREED
    assert (state.approved, state.must_sign, state.changes_requested) == (1, 8, 0)
    assert state.state_words == "signed by 1 of 8"
    assert state.day == 14
    assert state.day_words == "day 14 of 30"
    assert state.workflow == "Draft quotes from emailed quote requests"
    assert state.verdict is Verdict.AT_RISK
    assert state.verdict_day == 7  # the demo's readings are from day 7
    assert state.verdict_words == "at risk on day 7"


def test_agreed_before_anyone_signs(demo_workshop: Workshop) -> None:
    demo_workshop.signoffs.clear()
    state = state_of(demo_workshop, day(1))
    assert state.state_words == "agreed"
    assert state.approved == 0


def test_a_draft_counts_its_open_points(demo_workshop: Workshop) -> None:
    demo_workshop.signoffs.clear()
    demo_workshop.adoption.champion_id = None
    state = state_of(demo_workshop, day(0))
    assert state.agreement is Agreement.DRAFT
    assert state.open_points == 1
    assert state.state_words == "draft (1 open point)"


def test_a_draft_without_a_chosen_workflow_has_no_verdict(demo_workshop: Workshop) -> None:
    demo_workshop.signoffs.clear()
    for candidate in demo_workshop.chosen:
        candidate.status = CandidateStatus.CANDIDATE
    state = state_of(demo_workshop, day(3))
    assert state.agreement is Agreement.DRAFT
    assert state.state_words == "draft (1 open point)"  # no workflow is chosen yet
    assert state.workflow == ""
    assert state.verdict is None and state.verdict_day is None
    assert state.verdict_words == "no workflow chosen"


def test_a_draft_someone_signed_says_both(demo_workshop: Workshop) -> None:
    demo_workshop.adoption.owner_id = None
    assert state_of(demo_workshop, day(3)).state_words == "draft, signed by 1 of 8"


def test_signed_by_everyone(demo_workshop: Workshop) -> None:
    demo_workshop.signoffs = [
        Signoff(person.id, "2026-11-12", SignoffDecision.APPROVED)
        for person in demo_workshop.stakeholders
    ]
    state = state_of(demo_workshop, day(3))
    assert state.approved == state.must_sign == 8
    assert state.state_words == "signed by all 8"


def test_changes_requested_is_not_a_signature(demo_workshop: Workshop) -> None:
    someone_else = demo_workshop.stakeholders[1].id
    demo_workshop.signoffs.append(
        Signoff(someone_else, "2026-11-12", SignoffDecision.CHANGES_REQUESTED, "Owner?")
    )
    state = state_of(demo_workshop, day(3))
    assert (state.approved, state.changes_requested) == (1, 1)
    assert state.state_words == "signed by 1 of 8, 1 asked for changes"


def test_a_sign_off_by_nobody_in_the_workshop_is_not_counted(demo_workshop: Workshop) -> None:
    demo_workshop.signoffs.append(Signoff("gone", "2026-11-12", SignoffDecision.APPROVED))
    assert state_of(demo_workshop, day(3)).approved == 1


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (-5, "in 5 days"),
        (-1, "in 1 day"),
        (0, "workshop day"),
        (1, "day 1 of 30"),
        (30, "day 30 of 30"),
        (31, "day 31, the 30 days are over"),
        (120, "day 120, the 30 days are over"),
    ],
)
def test_the_day_is_counted_from_the_workshop_date(
    demo_workshop: Workshop, number: int, words: str
) -> None:
    state = state_of(demo_workshop, day(number))
    assert state.day == number
    assert state.day_words == words


def test_without_a_workshop_date_there_is_no_day_and_no_verdict(demo_workshop: Workshop) -> None:
    demo_workshop.info.date = ""
    state = state_of(demo_workshop, day(3))
    assert state.day is None
    assert state.day_words == "no workshop date"
    assert state.verdict is Verdict.NO_DATA
    assert state.verdict_words == "no data yet"


def test_no_readings_yet(demo_workshop: Workshop) -> None:
    demo_workshop.checkins.clear()
    state = state_of(demo_workshop, day(3))
    assert state.verdict is Verdict.NO_DATA and state.verdict_day is None
    assert state.verdict_words == "no data yet"


def test_the_latest_readings_decide_the_verdict(demo_workshop: Workshop) -> None:
    # Every metric of the workflow at its 30-day target on day 21: on track, as of day 21.
    chosen = demo_workshop.chosen[0]
    for metric in demo_workshop.metrics_of(chosen.id):
        assert metric.target is not None
        demo_workshop.checkins.append(Checkin(metric.id, day(21).isoformat(), metric.target))
    state = state_of(demo_workshop, day(25))
    assert state.verdict is Verdict.ON_TRACK
    assert state.verdict_words == "on track on day 21"


def test_readings_of_other_workflows_do_not_date_the_verdict(demo_workshop: Workshop) -> None:
    demo_workshop.checkins.append(Checkin("not-a-metric", day(28).isoformat(), 1))
    assert state_of(demo_workshop, day(29)).verdict_day == 7
