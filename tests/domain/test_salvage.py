"""What can be read of a document that breaks the rules: each broken value mended the least it
takes, whatever referred to a dropped item dropped after it, every value left out listed in
the document's own places, and never a made-up title or date."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app.domain.salvage import salvage
from workshop_app.domain.validation import validate_document
from workshop_app.libraries import demo_document

DEMO = demo_document()


def _broken(document: dict[str, Any], *changes: tuple[str, int | None, str, Any]) -> dict:
    broken = copy.deepcopy(document)
    for key, index, field, value in changes:
        item = broken[key] if index is None else broken[key][index]
        *parents, name = field.split(".")
        for parent in parents:
            item = item[parent]
        item[name] = value
    return broken


def test_a_valid_document_comes_back_whole(demo_document: dict[str, Any]) -> None:
    found = salvage(demo_document)
    assert found is not None
    assert found.document == demo_document and found.left_out == []


def test_an_optional_value_is_emptied_and_listed(demo_document: dict[str, Any]) -> None:
    found = salvage(_broken(demo_document, ("candidates", 2, "minutes_per_occurrence", "abc")))
    assert found is not None
    assert found.document["candidates"][2]["minutes_per_occurrence"] is None
    assert [str(issue) for issue in found.left_out] == [
        "candidates[2].minutes_per_occurrence: must be a number, got text 'abc'"
    ]
    assert validate_document(found.document) == []


def test_text_is_cut_back_to_what_can_be_stored(demo_document: dict[str, Any]) -> None:
    found = salvage(_broken(demo_document, ("workshop", None, "title", "Demo\x00x")))
    assert found is not None
    assert found.document["workshop"]["title"] == "Demox"


def test_a_score_override_without_its_reason_is_emptied_whole(
    demo_document: dict[str, Any],
) -> None:
    found = salvage(_broken(demo_document, ("candidates", 0, "overrides.friction", 5)))
    assert found is not None
    assert found.document["candidates"][0]["overrides"] is None
    assert len(found.document["candidates"]) == len(demo_document["candidates"])


def test_an_item_without_a_required_value_goes_and_what_referred_to_it_after_it(
    demo_document: dict[str, Any],
) -> None:
    metric = demo_document["metrics"][0]["id"]
    readings = [c for c in demo_document["checkins"] if c["metric_id"] == metric]
    assert readings
    found = salvage(_broken(demo_document, ("metrics", 0, "kind", "vibes")))
    assert found is not None
    assert metric not in {m["id"] for m in found.document["metrics"]}
    assert all(c["metric_id"] != metric for c in found.document["checkins"])
    left = [str(issue) for issue in found.left_out]
    assert left[0] == (
        "metrics[0].kind: must be one of adoption, outcome, trust, activity; got 'vibes'"
    )
    # the readings of the metric are named at their places in the document as given
    first = demo_document["checkins"].index(readings[0])
    assert f"checkins[{first}].metric_id: no metric has the id '{metric}'" in left


@pytest.mark.parametrize(
    "change",
    [
        ("workshop", None, "date", "9999-12-31"),
        ("workshop", None, "title", 42),
    ],
)
def test_the_workshop_s_own_title_and_date_are_never_made_up(
    change: tuple[str, int | None, str, Any], demo_document: dict[str, Any]
) -> None:
    assert salvage(_broken(demo_document, change)) is None


junk = st.one_of(
    st.none(),
    st.integers(-(10**13), 10**13),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.binary(max_size=4),
    st.lists(st.text(max_size=3), max_size=2),
)
places = st.sampled_from(
    [
        ("candidates", 0, "pain"),
        ("candidates", 1, "frequency.count"),
        ("candidates", 2, "frequency.per"),
        ("candidates", 3, "id"),
        ("candidates", 4, "problem_ids"),
        ("stakeholders", 0, "id"),
        ("stakeholders", 1, "kind"),
        ("metrics", 0, "candidate_id"),
        ("metrics", 1, "agreed_by"),
        ("checkins", 0, "value"),
        ("decisions", 0, "at"),
        ("adoption", None, "users_involved"),
        ("adoption", None, "champion_id"),
        ("checkin_plan", 0, "day"),
        ("estimates", 0, "per"),
        ("signoffs", 0, "version"),
    ]
)


@given(st.lists(st.tuples(places, junk), max_size=5))
def test_what_can_be_read_is_always_a_valid_document(
    damage: list[tuple[tuple[str, int | None, str], Any]],
) -> None:
    broken = _broken(DEMO, *((*place, value) for place, value in damage))
    found = salvage(broken)
    assert found is not None  # the workshop's own details were left alone
    assert validate_document(found.document) == []
    assert bool(found.left_out) == bool(validate_document(broken))
