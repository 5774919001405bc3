"""How long the format's lists may be (docs/interchange.md, "How long a list may be"): a list
past its cap is refused in one issue without its items being read, a list at its cap is
accepted, and no operation of the app makes a list longer than the format allows.

Validation only: no file, no PDF. Timings are measured by ``python -m bench limits``, not here.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from bench.generate import sized_document
from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part, Refused
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.fields import LISTS
from workshop_app.domain.fingerprint import NOT_THE_CHARTER, charter_part, fingerprint_of
from workshop_app.domain.limits import (
    LIST_CAPS,
    MOST_METRICS_EACH,
    MOST_PROBLEMS_NAMED,
    MOST_STAKEHOLDERS,
    MOST_VERSION_ITEMS,
    document_items,
)
from workshop_app.domain.model import (
    Checkin,
    Decision,
    DecisionKind,
    Estimate,
    EstimateFact,
    Metric,
    Signoff,
    Stakeholder,
    Workshop,
)
from workshop_app.domain.salvage import salvage
from workshop_app.domain.validation import field_problem, validate_document

AT = "2026-11-10T12:00:00"


def messages(document: dict[str, Any]) -> list[str]:
    return [str(issue) for issue in validate_document(document)]


# ------------------------------------------------------------------------- the caps themselves


def test_every_list_of_the_format_has_a_cap() -> None:
    assert set(LIST_CAPS) == {key for key, _specs, _cls in LISTS}


def test_the_largest_charter_document_fits_in_the_versions() -> None:
    """Recording an export always keeps the version just exported, however large."""
    charter_lists = [key for key in LIST_CAPS if key not in NOT_THE_CHARTER]
    assert sum(LIST_CAPS[key].most for key in charter_lists) <= MOST_VERSION_ITEMS


@pytest.mark.parametrize("key", list(LIST_CAPS))
def test_a_list_past_its_cap_is_one_issue_and_its_items_are_not_read(
    demo_document: dict[str, Any], key: str
) -> None:
    cap = LIST_CAPS[key]
    document = copy.deepcopy(demo_document)
    document[key] = [{"not": "an item"}] * (cap.most + 1)
    assert messages(document) == [
        f"{key}: has {cap.most + 1:,} items; a workshop may have at most {cap.most:,} {cap.noun}"
    ]


def test_the_message_reads_as_the_format_says(demo_document: dict[str, Any]) -> None:
    document = copy.deepcopy(demo_document)
    document["candidates"] = [{}] * 2500
    assert messages(document) == [
        "candidates: has 2,500 items; a workshop may have at most 2,000 candidates"
    ]


def test_a_list_too_long_leaves_what_points_into_it_alone(demo_document: dict[str, Any]) -> None:
    """Its ids are not read, so the metrics naming candidates get no issue of their own."""
    document = copy.deepcopy(demo_document)
    document["candidates"] = document["candidates"] * 300
    assert len(messages(document)) == 1


def test_a_million_items_are_refused_without_reading_them(demo_document: dict[str, Any]) -> None:
    document = copy.deepcopy(demo_document)
    document["checkins"] = [None] * 1_000_000
    document["candidates"][0]["problem_ids"] = ["p1"] * 1_000_000
    assert messages(document) == [
        "candidates[0].problem_ids: has 1,000,000 items; a candidate may name at most "
        f"{MOST_PROBLEMS_NAMED} problems",
        "checkins: has 1,000,000 items; a workshop may have at most 20,000 check-in readings",
    ]


# ------------------------------------------------------------------- at the caps: accepted


@pytest.mark.parametrize("key", [key for key in LIST_CAPS if key != "versions"])
def test_a_list_at_its_cap_is_accepted(key: str) -> None:
    """Each list at its cap, the others small (every list at its cap at once is the workshop
    ``python -m bench limits`` imports and times)."""
    counts = {"candidates": 70, "stakeholders": 20, "problems": 20, "metrics": 10}
    counts[key] = LIST_CAPS[key].most
    if key == "signoffs":
        counts["stakeholders"] = LIST_CAPS[key].most  # one sign-off each
    document = sized_document(counts)
    assert len(document[key]) == LIST_CAPS[key].most
    assert messages(document) == []


def test_every_version_up_to_the_cap_is_accepted_and_one_more_is_not(
    demo_document: dict[str, Any],
) -> None:
    charter = charter_part(demo_document)
    versions = []
    for number in range(LIST_CAPS["versions"].most + 1):
        version = copy.deepcopy(charter)
        version["workshop"]["title"] = f"Draft {number}"
        versions.append(
            {"fingerprint": fingerprint_of(version), "exported_at": AT, "document": version}
        )
    document = copy.deepcopy(demo_document)
    document["versions"] = versions[:-1]
    assert messages(document) == []
    document["versions"] = versions
    assert messages(document) == [
        "versions: has 51 items; a workshop may have at most 50 exported charter versions"
    ]


def test_versions_that_hold_too_much_together_are_refused_unread(
    demo_document: dict[str, Any],
) -> None:
    half = MOST_VERSION_ITEMS // 2 + 1
    document = copy.deepcopy(demo_document)
    document["versions"] = [
        {"fingerprint": name, "exported_at": AT, "document": {"decisions": [None] * half}}
        for name in ("aaaaaaaaaa", "bbbbbbbbbb")
    ]
    assert messages(document) == [
        f"versions: their charter documents hold {2 * half:,} list items together; the "
        f"versions of a workshop may hold at most {MOST_VERSION_ITEMS:,} (the oldest can be "
        "left out)"
    ]


# ------------------------------------------------------------ lists inside an item, per owner


def test_a_candidate_names_at_most_its_cap_of_problems(demo_document: dict[str, Any]) -> None:
    document = copy.deepcopy(demo_document)
    document["problems"] = [
        {"id": f"p{n}", "title": f"Problem {n}"} for n in range(1, MOST_PROBLEMS_NAMED + 2)
    ]
    named = [f"p{n}" for n in range(1, MOST_PROBLEMS_NAMED + 2)]
    for candidate in document["candidates"]:
        candidate["problem_ids"] = named[:MOST_PROBLEMS_NAMED]
    assert messages(document) == []
    document["candidates"][2]["problem_ids"] = named
    assert messages(document) == [
        f"candidates[2].problem_ids: has {MOST_PROBLEMS_NAMED + 1} items; a candidate may name "
        f"at most {MOST_PROBLEMS_NAMED} problems"
    ]


def test_people_named_in_a_metric_and_the_plan_are_capped(demo_document: dict[str, Any]) -> None:
    document = copy.deepcopy(demo_document)
    everyone = [f"s{n}" for n in range(1, MOST_STAKEHOLDERS + 1)]
    document["metrics"][0]["agreed_by"] = everyone * 2
    document["adoption"]["users_involved"] = [*everyone, "s1"]
    assert messages(document) == [
        f"metrics[0].agreed_by: has {2 * MOST_STAKEHOLDERS} items; a metric may be agreed by "
        f"at most {MOST_STAKEHOLDERS} people",
        f"adoption.users_involved: has {MOST_STAKEHOLDERS + 1} items; the adoption plan may "
        f"involve at most {MOST_STAKEHOLDERS} daily users",
    ]


def test_a_list_of_choices_holds_each_choice_at_most_once(demo_document: dict[str, Any]) -> None:
    document = copy.deepcopy(demo_document)
    document["problems"][0]["symptoms"] = ["time_sink"] * 6
    document["prior_attempts"][0]["stall_signs"] = ["distrust"] * 7
    assert messages(document) == [
        "problems[0].symptoms: has 6 items; there are only 5 symptoms, each named once",
        "prior_attempts[0].stall_signs: has 7 items; there are only 6 stall signs, each named once",
    ]


def test_an_editor_is_told_the_cap_of_a_list_field(demo_workshop: Workshop) -> None:
    too_many = [f"p{n}" for n in range(MOST_PROBLEMS_NAMED + 1)]
    assert field_problem(demo_workshop, "candidates", "problem_ids", too_many) == (
        f"has {MOST_PROBLEMS_NAMED + 1} items; a candidate may name at most "
        f"{MOST_PROBLEMS_NAMED} problems"
    )


def _metrics_of_c1(document: dict[str, Any], count: int) -> list[dict[str, Any]]:
    model = document["metrics"][0]
    return [dict(model, id=f"k{n}", candidate_id="c1") for n in range(count)]


def test_a_candidate_has_at_most_its_cap_of_metrics(demo_document: dict[str, Any]) -> None:
    document = copy.deepcopy(demo_document)
    document["checkins"] = []
    document["metrics"] = _metrics_of_c1(document, MOST_METRICS_EACH)
    assert messages(document) == []
    document["metrics"] = _metrics_of_c1(document, MOST_METRICS_EACH + 2)
    said = (
        f"candidate 'c1' already has {MOST_METRICS_EACH} metrics; a candidate may have at most "
        f"{MOST_METRICS_EACH}"
    )
    assert messages(document) == [
        f"metrics[{MOST_METRICS_EACH}].candidate_id: {said}",
        f"metrics[{MOST_METRICS_EACH + 1}].candidate_id: {said}",
    ]


def test_what_can_be_read_of_a_list_too_long_is_its_first_items(
    demo_document: dict[str, Any],
) -> None:
    document = copy.deepcopy(demo_document)
    extra = [dict(document["risks"][0], id=f"x{n}") for n in range(LIST_CAPS["risks"].most)]
    document["risks"] = document["risks"] + extra
    read = salvage(document)
    assert read is not None
    assert read.document["risks"] == document["risks"][: LIST_CAPS["risks"].most]
    assert [str(issue) for issue in read.left_out] == [
        f"risks: has {len(document['risks'])} items; a workshop may have at most 200 risks"
    ]


# -------------------------------------------------------------- the operations of the app


def full(workshop: Workshop, key: str, make: Any) -> None:
    """Fill list ``key`` of ``workshop`` up to its cap with ``make(n)``."""
    items = getattr(workshop, key)
    items.extend(make(n) for n in range(len(items), LIST_CAPS[key].most))


def test_no_stakeholder_is_added_past_the_cap(demo_workshop: Workshop) -> None:
    full(demo_workshop, "stakeholders", lambda n: Stakeholder(f"x{n}", f"Person {n}"))
    before = workshop_to_document(demo_workshop)
    with pytest.raises(Refused) as refused:
        op.add_item(demo_workshop, Part.STAKEHOLDERS, Stakeholder("x999", "One more"))
    assert str(refused.value) == (
        f"A workshop may have at most {MOST_STAKEHOLDERS} stakeholders; this one has "
        f"{MOST_STAKEHOLDERS} already."
    )
    assert workshop_to_document(demo_workshop) == before


def test_no_metric_is_added_to_a_candidate_that_has_its_cap(demo_workshop: Workshop) -> None:
    have = len(demo_workshop.metrics_of("c1"))
    for n in range(MOST_METRICS_EACH - have):
        op.add_item(demo_workshop, Part.METRICS, Metric(f"k{n}", "c1", f"Metric {n}"))
    with pytest.raises(Refused, match="A candidate may have at most 30 metrics; 'Draft "):
        op.add_item(demo_workshop, Part.METRICS, Metric("k99", "c1", "One more"))
    op.add_item(demo_workshop, Part.METRICS, Metric("k99", "c2", "On another candidate"))
    # moving one there past the cap is taken back and refused, by the rule run after every one
    with pytest.raises(Refused, match="at most 30 metrics; this change would give 'c1' 31"):
        op.set_field(demo_workshop, Part.METRICS, "k99", "candidate_id", "c1")
    assert demo_workshop.metric("k99").candidate_id == "c2"  # type: ignore[union-attr]


def test_readings_stop_at_the_cap(demo_workshop: Workshop) -> None:
    full(demo_workshop, "checkins", lambda n: Checkin("m1", "2026-11-20", n))
    reading = Checkin("m1", "2026-11-21", 5)
    with pytest.raises(Refused, match="at most 20,000 check-in readings; this one has 20,000"):
        op.add_checkin(demo_workshop, reading)
    del demo_workshop.checkins[-2:]
    with pytest.raises(Refused, match="this one has 19,998, and these are 3 more"):
        op.add_readings(demo_workshop, [reading] * 3)
    op.add_readings(demo_workshop, [reading] * 2)
    assert len(demo_workshop.checkins) == LIST_CAPS["checkins"].most


def test_answers_of_estimates_stop_at_the_cap(demo_workshop: Workshop) -> None:
    full(demo_workshop, "estimates", lambda n: Estimate("c3", EstimateFact.PAIN, 1, None, 3))
    with pytest.raises(Refused, match="at most 10,000 answers of blind estimates"):
        op.add_estimates(demo_workshop, [Estimate("c3", EstimateFact.PAIN, 2, None, 4)])


def test_a_candidate_from_an_example_stops_at_the_cap(demo_workshop: Workshop) -> None:
    model = demo_workshop.candidates[2]
    full(demo_workshop, "candidates", lambda n: dataclasses.replace(model, id=f"x{n}"))
    added = dataclasses.replace(model, id="x9999")
    with pytest.raises(Refused, match="at most 2,000 candidates; this one has 2,000 already"):
        op.add_candidate_from_example(demo_workshop, added, [])


def test_a_full_decision_log_refuses_the_decision_and_changes_nothing(
    demo_workshop: Workshop,
) -> None:
    full(demo_workshop, "decisions", lambda n: Decision(AT, DecisionKind.UNPARKED, "c3", "x"))
    before = workshop_to_document(demo_workshop)
    with pytest.raises(Refused, match="at most 5,000 decision log entries; this change would"):
        op.park(demo_workshop, "c3", "Later.", AT)
    assert workshop_to_document(demo_workshop) == before


def test_an_export_past_the_cap_drops_the_oldest_version_nobody_signed(
    demo_workshop: Workshop,
) -> None:
    charter = charter_part(workshop_to_document(demo_workshop))

    def export(number: int) -> str:
        version = copy.deepcopy(charter)
        version["workshop"]["title"] = f"Draft {number}"
        op.record_export(demo_workshop, version, AT)
        return fingerprint_of(version)

    names = [export(number) for number in range(LIST_CAPS["versions"].most)]
    demo_workshop.signoffs[:] = [Signoff("s1", "2026-11-10", version=names[0])]
    newest = export(999)
    kept = [version.fingerprint for version in demo_workshop.versions]
    assert kept == [names[0], *names[2:], newest]  # the oldest signed one stays
    assert len(kept) == LIST_CAPS["versions"].most


def test_an_export_keeps_the_last_versions_whose_documents_fit_together(
    demo_workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the largest workshop does at the real bound (19,550 items a version): here the bound
    is lowered to one and a half demo charters, so only the last export fits."""
    charter = charter_part(workshop_to_document(demo_workshop))
    bound = document_items(charter) * 3 // 2
    monkeypatch.setattr("workshop_app.domain.operations.charter.MOST_VERSION_ITEMS", bound)
    monkeypatch.setattr("workshop_app.domain.validation.MOST_VERSION_ITEMS", bound)
    monkeypatch.setattr("workshop_app.domain.limits.MOST_VERSION_ITEMS", bound)
    for number in (1, 2):
        version = copy.deepcopy(charter)
        version["workshop"]["title"] = f"Draft {number}"
        op.record_export(demo_workshop, version, AT)
    assert [v.document["workshop"]["title"] for v in demo_workshop.versions] == ["Draft 2"]
    assert validate_document(workshop_to_document(demo_workshop)) == []
