"""Blind estimates as data: the rules of an answer in a document, the round trip, the operations
that record and take back a round, and what removing a candidate or a stakeholder does to them."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part, Refused
from workshop_app.domain.document import workshop_from_document, workshop_to_document
from workshop_app.domain.estimates import estimates_of, latest_rounds, next_round, rounds_of
from workshop_app.domain.fields import DOCUMENT_KEYS
from workshop_app.domain.model import Estimate, EstimateFact, Period, Workshop
from workshop_app.domain.validation import validate_document

OCC, MIN, PAIN = EstimateFact.OCCURRENCES, EstimateFact.MINUTES, EstimateFact.PAIN

#: One round about c1 with every kind of answer: named, anonymous, a pass, each fact.
ROUND: list[dict[str, Any]] = [
    {"candidate_id": "c1", "fact": "occurrences", "round": 1, "who": "s1", "value": 50,
     "per": "day"},
    {"candidate_id": "c1", "fact": "occurrences", "round": 1, "who": "s2", "value": 2.5,
     "per": "week"},
    {"candidate_id": "c1", "fact": "occurrences", "round": 1, "who": None, "value": None,
     "per": "day"},
    {"candidate_id": "c1", "fact": "minutes", "round": 1, "who": "s1", "value": 12.5,
     "per": None},
    {"candidate_id": "c1", "fact": "minutes", "round": 1, "who": None, "value": 20, "per": None},
    {"candidate_id": "c1", "fact": "minutes", "round": 1, "who": None, "value": 20, "per": None},
    {"candidate_id": "c1", "fact": "pain", "round": 1, "who": "s2", "value": 4, "per": None},
    {"candidate_id": "c1", "fact": "pain", "round": 2, "who": "s2", "value": 5, "per": None},
]  # fmt: skip


def with_estimates(demo_document: dict, estimates: list[dict[str, Any]]) -> dict:
    doc = copy.deepcopy(demo_document)
    doc["estimates"] = copy.deepcopy(estimates)
    return doc


def messages(doc: Any) -> list[str]:
    return [str(issue) for issue in validate_document(doc)]


# ---------------------------------------------------------------- the document


def test_a_document_with_estimates_round_trips_exactly(demo_document: dict) -> None:
    doc = with_estimates(demo_document, ROUND)
    assert validate_document(doc) == []
    workshop = workshop_from_document(doc)
    assert workshop.estimates[0] == Estimate("c1", OCC, 1, "s1", 50, Period.DAY)
    assert workshop.estimates[2].who is None and workshop.estimates[2].passed
    assert workshop.estimates[3].per is None
    back = workshop_to_document(workshop)
    assert back == doc and list(back) == [*DOCUMENT_KEYS, "estimates"]
    assert type(back["estimates"][0]["value"]) is int  # 50 stays 50, 12.5 stays 12.5


def test_a_document_without_estimates_reads_none_and_writes_no_key(
    plain_demo_document: dict,
) -> None:
    workshop = workshop_from_document(plain_demo_document)
    assert workshop.estimates == []
    assert "estimates" not in workshop_to_document(workshop)
    assert workshop_to_document(
        workshop_from_document({**plain_demo_document, "estimates": []})
    ) == (plain_demo_document)


def _one(**changes: Any) -> list[dict[str, Any]]:
    return [{**ROUND[0], **changes}]


# fmt: off
BAD_ESTIMATES = [
    (_one(candidate_id="c99"), "estimates[0].candidate_id: no candidate has the id 'c99'"),
    (_one(who="s99"), "estimates[0].who: no stakeholder has the id 's99'"),
    (_one(fact="cost"),
     "estimates[0].fact: must be one of occurrences, minutes, pain; got 'cost'"),
    (_one(round=0), "estimates[0].round: must be 1 to 1000, got 0"),
    (_one(round=1.5), "estimates[0].round: must be a whole number, got 1.5"),
    (_one(value=-1), "estimates[0].value: must be 0 to 100000, got -1"),
    (_one(value="many"), "estimates[0].value: must be a number, got text 'many'"),
    (_one(per=None),
     "estimates[0].per: an occurrences estimate needs the period it counts in "
     "(day, week, month…)"),
    (_one(per="fortnight"),
     "estimates[0].per: must be one of day, week, month, quarter, year; got 'fortnight'"),
    (_one(fact="minutes", per=None, value=0),
     "estimates[0].value: a minutes estimate must be more than 0, got 0"),
    (_one(fact="minutes", per="day"),
     "estimates[0].per: must be null for a minutes estimate; only occurrences count per period"),
    (_one(fact="pain", per=None, value=6),
     "estimates[0].value: a pain estimate must be a whole number 1 to 5, got 6"),
    (_one(fact="pain", per=None, value=3.5),
     "estimates[0].value: a pain estimate must be a whole number 1 to 5, got 3.5"),
    (_one(candidate_id=None), "estimates[0].candidate_id: is required"),
    ([ROUND[0], {**ROUND[0], "value": 40}],
     "estimates[1].who: 's1' already answered occurrences of 'c1' in round 1; "
     "keep one answer per person and round"),
]
# fmt: on


@pytest.mark.parametrize(("estimates", "expected"), BAD_ESTIMATES)
def test_a_bad_estimate_gives_one_issue_at_its_place(
    demo_document: dict, estimates: list[dict[str, Any]], expected: str
) -> None:
    assert messages(with_estimates(demo_document, estimates)) == [expected]


def test_estimates_that_are_not_a_list_or_not_objects_are_named(demo_document: dict) -> None:
    assert messages(with_estimates(demo_document, {"a": 1})) == [  # type: ignore[arg-type]
        "estimates: must be a list, got an object"
    ]
    assert messages(with_estimates(demo_document, [7])) == [
        "estimates[0]: must be an object, got 7"
    ]


def test_anonymous_answers_and_other_rounds_may_repeat(demo_document: dict) -> None:
    again = [ROUND[2], ROUND[2], {**ROUND[0], "round": 2}, ROUND[0], {**ROUND[0], "fact": "pain",
             "per": None, "value": 2}]  # fmt: skip
    assert messages(with_estimates(demo_document, again)) == []


def test_a_huge_number_is_an_issue_not_a_crash(demo_document: dict) -> None:
    issues = validate_document(with_estimates(demo_document, _one(value=10**400, round=10**400)))
    assert [issue.path for issue in issues] == ["estimates[0].round", "estimates[0].value"]


# ---------------------------------------------------------------- the operations


def document(workshop: Workshop) -> dict[str, Any]:
    return workshop_to_document(copy.deepcopy(workshop))


@pytest.fixture
def estimated(demo_document: dict) -> Workshop:
    """The demo with the round above, and one answer about another candidate in between."""
    estimates = [*ROUND[:4], {**ROUND[6], "candidate_id": "c2"}, *ROUND[4:]]
    return workshop_from_document(with_estimates(demo_document, estimates))


def test_a_round_is_recorded_at_once_and_undone_exactly(plain_demo_workshop: Workshop) -> None:
    before = document(plain_demo_workshop)
    answers = [
        Estimate("c3", PAIN, 1, "s1", 4),
        Estimate("c3", PAIN, 1, "s2", None),
        Estimate("c3", PAIN, 1, None, 2),
        Estimate("c3", OCC, 1, "s1", 20, Period.WEEK),
    ]
    outcome = op.add_estimates(plain_demo_workshop, answers)
    assert outcome.lists == {Part.ESTIMATES}
    assert estimates_of(plain_demo_workshop, "c3", PAIN, 1) == answers[:3]
    assert (rounds_of(plain_demo_workshop, "c3"), next_round(plain_demo_workshop, "c3", PAIN)) == (
        [1],
        2,
    )
    answers[0].value = 1  # the workshop keeps its own copies
    assert plain_demo_workshop.estimates[0].value == 4
    outcome.undo(plain_demo_workshop)
    assert document(plain_demo_workshop) == before


def test_recorded_answers_take_the_model_types(plain_demo_workshop: Workshop) -> None:
    raw = Estimate("c3", "occurrences", 1, "s1", 3, "day")  # type: ignore[arg-type]
    op.add_estimates(plain_demo_workshop, [raw])
    kept = plain_demo_workshop.estimates[0]
    assert kept.fact is OCC and kept.per is Period.DAY


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ([Estimate("c1", PAIN, 1, "s1", 3), Estimate("c1", PAIN, 1, "s1", 4)], "already answered"),
        ([Estimate("c1", PAIN, 1, "s404", 3)], "who no stakeholder has the id 's404'"),
        ([Estimate("c1", PAIN, 0, "s1", 3)], "round must be 1 to 1000"),
        ([Estimate("c1", PAIN, 1, "s1", 2.5)], "whole number 1 to 5"),
        ([Estimate("c1", OCC, 1, "s1", 3)], "needs the period"),
        ([Estimate("c1", MIN, 1, None, 5, Period.DAY)], "anonymous answer.*must be null"),
        ([Estimate("c1", MIN, 1, None, float("nan"))], "must be a number"),
    ],
)
def test_a_refused_round_records_nothing(
    demo_workshop: Workshop, answers: list[Estimate], words: str
) -> None:
    op.add_estimates(demo_workshop, [Estimate("c2", PAIN, 1, "s1", 3)])
    before = document(demo_workshop)
    with pytest.raises(Refused, match=words):
        op.add_estimates(demo_workshop, [Estimate("c1", PAIN, 1, "s3", 3), *answers])
    assert document(demo_workshop) == before


def test_a_named_person_answers_once_per_round_across_calls(demo_workshop: Workshop) -> None:
    op.add_estimates(demo_workshop, [Estimate("c1", PAIN, 1, "s1", 3)])
    with pytest.raises(Refused, match="Margaret Okafor has already answered pain in round 1"):
        op.add_estimates(demo_workshop, [Estimate("c1", PAIN, 1, "s1", 4)])
    op.add_estimates(demo_workshop, [Estimate("c1", PAIN, 2, "s1", 4)])
    assert next_round(demo_workshop, "c1") == 3


def test_recording_nothing_changes_nothing(demo_workshop: Workshop) -> None:
    assert not op.add_estimates(demo_workshop, [])


@pytest.mark.parametrize(("fact", "left"), [(None, 2), (MIN, 6)])
def test_removing_a_round_takes_its_answers_and_undo_puts_them_back_in_place(
    estimated: Workshop, fact: EstimateFact | None, left: int
) -> None:
    before = document(estimated)
    outcome = op.remove_estimate_round(estimated, "c1", 1, fact)
    assert outcome.lists == {Part.ESTIMATES}
    assert len(estimated.estimates) == left
    assert estimates_of(estimated, "c1", fact, 1) == []
    assert estimates_of(estimated, "c2") and estimates_of(estimated, "c1", PAIN, 2)
    redo = outcome.undo(estimated)
    assert document(estimated) == before
    redo.undo(estimated)
    assert len(estimated.estimates) == left


def test_removing_a_round_that_is_not_there_is_refused(estimated: Workshop) -> None:
    with pytest.raises(Refused, match="No round 3 of estimates is recorded for Draft quotes"):
        op.remove_estimate_round(estimated, "c1", 3)
    with pytest.raises(Refused, match="No round 2 of minutes estimates"):
        op.remove_estimate_round(estimated, "c1", 2, MIN)
    with pytest.raises(Refused, match="no candidate has the id 'c404'"):
        op.remove_estimate_round(estimated, "c404", 1)


# ---------------------------------------------------------------- removals


def test_removing_a_candidate_removes_its_estimates_and_undo_restores_them(
    estimated: Workshop,
) -> None:
    before = document(estimated)
    outcome = op.remove_item(estimated, Part.CANDIDATES, "c1")
    assert Part.ESTIMATES in outcome.lists
    assert [e.candidate_id for e in estimated.estimates] == ["c2"]
    assert validate_document(workshop_to_document(estimated)) == []
    outcome.undo(estimated)
    assert document(estimated) == before


def test_removing_a_stakeholder_makes_their_answers_anonymous_and_undo_names_them_again(
    estimated: Workshop,
) -> None:
    before = document(estimated)
    outcome = op.remove_item(estimated, Part.STAKEHOLDERS, "s2")
    assert Part.ESTIMATES in outcome.lists
    assert len(estimated.estimates) == len(before["estimates"])  # every figure stays
    assert all(e.who != "s2" for e in estimated.estimates)
    assert [e.value for e in estimated.estimates if e.who is None] == [2.5, None, 4, 20, 20, 4, 5]
    assert validate_document(workshop_to_document(estimated)) == []
    outcome.undo(estimated)
    assert document(estimated) == before


def test_the_latest_round_of_each_fact_is_reported_in_words(demo_workshop: Workshop) -> None:
    # The demo's own round: minutes of the chosen workflow, 8 to 24, the room disagreed.
    (minutes,) = latest_rounds(demo_workshop, "c1")
    assert minutes.fact is EstimateFact.MINUTES and minutes.rounds == 1
    assert minutes.words() == (
        "Minutes each time, round 1 of 1: 5 numbers and 1 pass; 8 to 24 minutes, median 22; "
        "the room disagreed"
    )
    # A second round where everyone passed leaves the first one as the latest with a number.
    op.add_estimates(demo_workshop, [Estimate("c1", EstimateFact.MINUTES, 2, "s1", None)])
    (again,) = latest_rounds(demo_workshop, "c1")
    assert again.summary.round == 1 and again.rounds == 2
    op.add_estimates(demo_workshop, [Estimate("c1", EstimateFact.PAIN, 1, None, 4)])
    facts = [found.fact for found in latest_rounds(demo_workshop, "c1")]
    assert facts == [EstimateFact.MINUTES, EstimateFact.PAIN]
    assert latest_rounds(demo_workshop, "c6") == []
