"""validate_document reports every issue at its exact path; documents round-trip exactly."""

from __future__ import annotations

import copy
import math
from typing import Any

import pytest

from workshop_app.domain import document
from workshop_app.domain.fields import DOCUMENT_KEYS
from workshop_app.domain.model import CandidateStatus, Period
from workshop_app.domain.validation import InvalidWorkshop, Issue, validate_document

# fmt: off
#: A small valid document that uses every kind of reference once.
MINIMAL: dict[str, Any] = {
    "format": "first-workflow/1",
    "workshop": {"title": "T", "date": "2026-11-10"},
    "stakeholders": [{"id": "s1", "name": "Ann", "kind": "daily_user"}],
    "problems": [{"id": "p1", "title": "P", "raised_by": "s1"}],
    "candidates": [{
        "id": "c1", "name": "C", "problem_ids": ["p1"], "frequency": {"count": 3, "per": "day"},
        "minutes_per_occurrence": 20, "pain": 4, "data_readiness": "ready",
        "integration_effort": "low", "governance": "low"}],
    "metrics": [{
        "id": "m1", "candidate_id": "c1", "name": "M", "kind": "adoption",
        "direction": "increase", "owner_id": "s1", "agreed_by": ["s1"]}],
    "adoption": {"champion_id": "s1", "owner_id": "s1", "users_involved": ["s1"]},
    "risks": [{"id": "r1", "description": "R", "category": "trust", "likelihood": 2, "impact": 3,
               "owner_id": "s1"}],
    "checkins": [{"metric_id": "m1", "date": "2026-11-17", "value": 1}],
    "signoffs": [{"stakeholder_id": "s1", "date": "2026-11-10", "decision": "approved"}],
    "decisions": [{"at": "2026-11-10T10:00:00", "kind": "chosen", "candidate_id": "c1"}],
}
# fmt: on


def minimal() -> dict[str, Any]:
    return copy.deepcopy(MINIMAL)


def changed(*edits: tuple[tuple[Any, ...], Any]) -> dict[str, Any]:
    """The minimal document with the value at each path replaced."""
    doc = minimal()
    for path, value in edits:
        holder = doc
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = value
    return doc


def messages(doc: Any) -> list[str]:
    return [str(issue) for issue in validate_document(doc)]


def test_the_demo_and_the_minimal_document_have_no_issues(demo_document: dict) -> None:
    assert validate_document(demo_document) == []
    assert validate_document(minimal()) == []


KINDS = "sponsor, process_owner, daily_user, it_data, governance, other"
SYMPTOMS = "time_sink, dropped_handoffs, slow_reporting, errors_rework, waiting_on_data"
NOT_A_DATE = "must be a date written YYYY-MM-DD, got"
NOT_A_TIME = "must be a time written YYYY-MM-DDTHH:MM:SS, got"
C0, M0 = ("candidates", 0), ("metrics", 0)

# fmt: off
#: (path, bad value, the one issue it gives)
BAD_VALUES = [
    ((*C0, "pain"), 7, "candidates[0].pain: must be 1 to 5, got 7"),
    (("format",), "first-workflow/2", "format: must be 'first-workflow/1', got 'first-workflow/2'"),
    (("format",), None, "format: must be 'first-workflow/1', got null"),
    (("workshop", "title"), "", "workshop.title: is required"),
    (("workshop", "title"), "   ", "workshop.title: is required"),
    (("workshop", "date"), "10/11/2026", f"workshop.date: {NOT_A_DATE} '10/11/2026'"),
    (("signoffs", 0, "date"), "2026-02-30", f"signoffs[0].date: {NOT_A_DATE} '2026-02-30'"),
    (("decisions", 0, "at"), "2026-11-10 10:00:00",
     f"decisions[0].at: {NOT_A_TIME} '2026-11-10 10:00:00'"),
    (("decisions", 0, "at"), "2026-11-10T25:00:00",
     f"decisions[0].at: {NOT_A_TIME} '2026-11-10T25:00:00'"),
    (("decisions", 0, "at"), "2026-11-10", f"decisions[0].at: {NOT_A_TIME} '2026-11-10'"),
    (("stakeholders", 0, "kind"), "boss",
     f"stakeholders[0].kind: must be one of {KINDS}; got 'boss'"),
    ((*C0, "frequency", "per"), "fortnight", "candidates[0].frequency.per: must be one of day, "
                                             "week, month, quarter, year; got 'fortnight'"),
    (("problems", 0, "symptoms"), ["time_sink", "boredom"],
     f"problems[0].symptoms[1]: must be one of {SYMPTOMS}; got 'boredom'"),
    ((*C0, "pain"), True, "candidates[0].pain: must be a whole number, got true"),
    ((*C0, "pain"), "4", "candidates[0].pain: must be a whole number, got text '4'"),
    ((*C0, "minutes_per_occurrence"), "20",
     "candidates[0].minutes_per_occurrence: must be a number, got text '20'"),
    (("checkins", 0, "value"), False, "checkins[0].value: must be a number, got false"),
    ((*C0, "pain"), 3.5, "candidates[0].pain: must be a whole number, got 3.5"),
    (("risks", 0, "impact"), 2.5, "risks[0].impact: must be a whole number, got 2.5"),
    ((*M0, "target"), math.nan, "metrics[0].target: must be a number, got nan"),
    ((*M0, "baseline"), math.inf, "metrics[0].baseline: must be a number, got inf"),
    ((*C0, "pain"), -math.inf, "candidates[0].pain: must be a whole number, got -inf"),
    ((*C0, "frequency", "count"), 0, "candidates[0].frequency.count: must be more than 0, got 0"),
    ((*C0, "frequency", "count"), -2.5,
     "candidates[0].frequency.count: must be more than 0, got -2.5"),
    ((*C0, "minutes_per_occurrence"), -1,
     "candidates[0].minutes_per_occurrence: must be 0 to 100000, got -1"),
    ((*C0, "overrides"), {"friction": 4, "frequency": None, "reason": " "},
     "candidates[0].overrides.reason: an overridden score needs a written reason"),
    ((*C0, "overrides"), {"frequency": 6, "reason": "x"},
     "candidates[0].overrides.frequency: must be 1 to 5, got 6"),
    (("checkins", 0, "date"), "2026-11-09",
     "checkins[0].date: 2026-11-09 is before the workshop date 2026-11-10"),
    ((*C0, "problem_ids"), "p1", "candidates[0].problem_ids: must be a list, got text 'p1'"),
    ((*C0, "frequency"), 3, "candidates[0].frequency: must be an object, got 3"),
    (("risks",), {}, "risks: must be a list, got an object"),
    (("problems", 0, "raised_by"), "", "problems[0].raised_by: must be null when not set, got ''"),
    (("stakeholders", 0, "name"), 5, "stakeholders[0].name: must be text, got 5"),
    ((*M0, "agreed_by"), ["s1", "s1"], "metrics[0].agreed_by[1]: 's1' is listed twice"),
]
#: (reference field, dangling value, the one issue it gives)
DANGLING = [
    (("problems", 0, "raised_by"), "s99", "problems[0].raised_by: no stakeholder has the id 's99'"),
    (("problems", 0, "raised_by"), "p1", "problems[0].raised_by: no stakeholder has the id 'p1'"),
    ((*C0, "problem_ids"), ["p99"], "candidates[0].problem_ids[0]: no problem has the id 'p99'"),
    ((*M0, "candidate_id"), "c99", "metrics[0].candidate_id: no candidate has the id 'c99'"),
    ((*M0, "owner_id"), "s99", "metrics[0].owner_id: no stakeholder has the id 's99'"),
    ((*M0, "agreed_by"), ["s1", "s99"], "metrics[0].agreed_by[1]: no stakeholder has the id 's99'"),
    (("adoption", "champion_id"), "s99", "adoption.champion_id: no stakeholder has the id 's99'"),
    (("adoption", "owner_id"), "s99", "adoption.owner_id: no stakeholder has the id 's99'"),
    (("adoption", "users_involved"), ["s99"],
     "adoption.users_involved[0]: no stakeholder has the id 's99'"),
    (("risks", 0, "owner_id"), "s99", "risks[0].owner_id: no stakeholder has the id 's99'"),
    (("checkins", 0, "metric_id"), "m99", "checkins[0].metric_id: no metric has the id 'm99'"),
    (("signoffs", 0, "stakeholder_id"), "s99",
     "signoffs[0].stakeholder_id: no stakeholder has the id 's99'"),
    (("decisions", 0, "candidate_id"), "c99",
     "decisions[0].candidate_id: no candidate has the id 'c99'"),
]
#: (text field, refused text, the one issue it gives)
BAD_TEXT = [
    (("stakeholders", 0, "name"), "a\ud800b",
     "stakeholders[0].name: has a broken character (lone surrogate U+D800) at position 2"),
    ((*C0, "description"), "x\x00", "candidates[0].description: has a control character "
                                    "U+0000 at position 2"),
    (("problems", 0, "title"), "\x1b[31mred",
     "problems[0].title: has a control character U+001B at position 1"),
    (("problems", 0, "description"), "line one\r\nline two",
     "problems[0].description: has a control character U+000D at position 9"),
    (("problems", 0, "title"), "y" * 201,
     "problems[0].title: is 201 characters long; the limit is 200"),
    ((*C0, "description"), "d" * 5001,
     "candidates[0].description: is 5001 characters long; the limit is 5000"),
    (("risks", 0, "id"), "r" * 65, "risks[0].id: is 65 characters long; the limit is 64"),
]
# fmt: on


@pytest.mark.parametrize(("path", "value", "expected"), BAD_VALUES)
def test_one_bad_value_gives_one_issue_with_path_and_message(path, value, expected) -> None:
    assert messages(changed((path, value))) == [expected]


@pytest.mark.parametrize(("path", "value", "expected"), DANGLING)
def test_a_dangling_reference_names_the_missing_id(path, value, expected: str) -> None:
    assert messages(changed((path, value))) == [expected]


@pytest.mark.parametrize(("path", "value", "expected"), BAD_TEXT)
def test_bad_text_is_refused_with_its_position_or_length(path, value, expected: str) -> None:
    assert messages(changed((path, value))) == [expected]


def test_tabs_newlines_and_text_at_the_limit_are_allowed() -> None:
    doc = changed(
        (("problems", 0, "description"), "a\tb\nc"),
        (("problems", 0, "title"), "y" * 200),
        (("stakeholders", 0, "role"), "é ✓ 日本"),
    )
    assert validate_document(doc) == []


def test_a_missing_workshop_or_required_field_is_required() -> None:
    doc = minimal()
    del doc["workshop"], doc["candidates"][0]["governance"], doc["candidates"][0]["frequency"]
    required = ["workshop", "candidates[0].frequency", "candidates[0].governance"]
    assert messages(doc) == [f"{path}: is required" for path in required]


def test_the_facts_the_room_estimates_may_be_null_or_absent() -> None:
    """A candidate awaiting estimates: occurrences, minutes and pain not given yet."""
    doc = minimal()
    candidate = doc["candidates"][0]
    candidate["frequency"]["count"] = None
    del candidate["minutes_per_occurrence"]
    candidate["pain"] = None
    assert validate_document(doc) == []
    candidate["frequency"]["count"], candidate["pain"] = 0, 0
    assert messages(doc) == [
        "candidates[0].frequency.count: must be more than 0, got 0",
        "candidates[0].pain: must be 1 to 5, got 0",
    ]


def test_a_duplicate_id_is_used_twice() -> None:
    doc = minimal()
    doc["stakeholders"].append({"id": "s1", "name": "Bob", "kind": "other"})
    assert messages(doc) == ["stakeholders[1].id: the id 's1' is used twice"]


def test_a_stakeholder_signing_twice_is_refused() -> None:
    doc = minimal()
    doc["signoffs"].append({**doc["signoffs"][0], "date": "2026-11-11"})
    twice = "'s1' has signed off twice; keep one sign-off each"
    assert messages(doc) == [f"signoffs[1].stakeholder_id: {twice}"]


def test_a_document_that_is_not_an_object_is_one_issue() -> None:
    assert validate_document([]) == [Issue("", "the document must be a JSON object, got a list")]


def test_every_problem_of_a_document_is_reported_at_once() -> None:
    doc = changed(((*C0, "pain"), 7), (("workshop", "date"), "10/11/2026"), (("format",), "v2"))
    doc["metrics"][0]["owner_id"] = "s99"
    doc["risks"].append({**doc["risks"][0], "description": "Again"})
    assert sorted(messages(doc)) == sorted(
        [
            "format: must be 'first-workflow/1', got 'v2'",
            "workshop.date: must be a date written YYYY-MM-DD, got '10/11/2026'",
            "candidates[0].pain: must be 1 to 5, got 7",
            "risks[1].id: the id 'r1' is used twice",
            "metrics[0].owner_id: no stakeholder has the id 's99'",
        ]
    )


@pytest.mark.parametrize("value", ["2026-13-01", "2026-W45-2"])
def test_a_workshop_date_not_written_yyyy_mm_dd_is_refused(value: str) -> None:
    doc = minimal()
    del doc["checkins"]
    doc["workshop"]["date"] = value
    assert messages(doc) == [f"workshop.date: {NOT_A_DATE} {value!r}"]


@pytest.mark.parametrize("value", ["2026-W45-2T10:00:00", "2026-11-10T10:00+01"])
def test_a_decision_time_not_written_yyyy_mm_ddthh_mm_ss_is_refused(value: str) -> None:
    issues = messages(changed((("decisions", 0, "at"), value)))
    assert issues == [f"decisions[0].at: {NOT_A_TIME} {value!r}"]


def test_an_unreadable_workshop_date_is_not_also_compared_with_checkins() -> None:
    issues = messages(changed((("workshop", "date"), "2026-13-01")))
    assert issues == [f"workshop.date: {NOT_A_DATE} '2026-13-01'"]


def test_a_too_large_count_names_only_the_upper_limit() -> None:
    [issue] = validate_document(changed((("candidates", 0, "frequency", "count"), 100_001)))
    assert issue.path == "candidates[0].frequency.count"
    assert "100000" in issue.message and issue.message.endswith("got 100001")
    assert "-1000000000000" not in issue.message  # a count must be more than 0


@pytest.mark.parametrize(
    ("path", "where"),
    [((*C0, "pain"), "candidates[0].pain"), ((*M0, "baseline"), "metrics[0].baseline")],
)
def test_a_huge_whole_number_is_an_issue_not_a_crash(path: tuple[Any, ...], where: str) -> None:
    issues = validate_document(changed((path, 10**400)))
    assert [issue.path for issue in issues] == [where]


def test_the_demo_round_trips_exactly(demo_document: dict) -> None:
    expected = copy.deepcopy(demo_document)
    back = document.workshop_to_document(document.workshop_from_document(demo_document))
    assert back == expected and list(back) == [*DOCUMENT_KEYS, "estimates"]


def test_normalize_fills_defaults_for_absent_optional_keys() -> None:
    normal = document.normalize_document(minimal())
    assert list(normal) == list(DOCUMENT_KEYS) and normal["prior_attempts"] == []
    info = normal["workshop"]
    assert [info[key] for key in ("organization", "facilitator", "location", "notes")] == [""] * 4
    candidate = normal["candidates"][0]
    assert (candidate["votes"], candidate["status"]) == (0, "candidate")
    assert candidate["overrides"] == {"friction": None, "frequency": None, "reason": ""}
    assert (candidate["people"], candidate["handoffs"], candidate["appetite"]) == (1, 0, 3)
    assert (candidate["description"], candidate["parked_reason"]) == ("", "")
    assert normal["metrics"][0]["baseline"] is None and normal["metrics"][0]["method"] == ""
    assert normal["checkins"][0]["note"] == ""
    assert document.normalize_document(normal) == normal


def test_absent_adoption_normalizes_to_an_empty_plan() -> None:
    doc = minimal()
    del doc["adoption"]
    plan = document.normalize_document(doc)["adoption"]
    assert (plan["champion_id"], plan["owner_id"], plan["users_involved"]) == (None, None, [])
    assert plan["trust_measures"] == plan["training"] == plan["feedback_channel"] == ""


def test_reading_gives_enums_and_whole_numbers() -> None:
    workshop = document.workshop_from_document(changed((("candidates", 0, "pain"), 4.0)))
    candidate = workshop.candidates[0]
    assert candidate.pain == 4 and type(candidate.pain) is int
    assert candidate.frequency.per is Period.DAY
    assert candidate.status is CandidateStatus.CANDIDATE


def test_workshop_from_document_raises_with_every_issue() -> None:
    doc = changed((("candidates", 0, "pain"), 7), (("metrics", 0, "owner_id"), "s99"))
    with pytest.raises(InvalidWorkshop) as caught:
        document.workshop_from_document(doc)
    assert [str(issue) for issue in caught.value.issues] == [
        "candidates[0].pain: must be 1 to 5, got 7",
        "metrics[0].owner_id: no stakeholder has the id 's99'",
    ]
    assert str(caught.value) == "candidates[0].pain: must be 1 to 5, got 7 (and 1 more)"
