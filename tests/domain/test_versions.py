"""The charter's fingerprint, its exported versions and what changed since: plain Python."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part, Refused
from workshop_app.domain.charter_changes import changes_since
from workshop_app.domain.document import workshop_from_document, workshop_to_document
from workshop_app.domain.fingerprint import PATTERN, canonical_json, fingerprint_of
from workshop_app.domain.model import SignoffDecision, Workshop
from workshop_app.domain.validation import validate_document
from workshop_app.domain.versions import (
    charter_document,
    charter_fingerprint,
    export_state,
    signed_version,
)

#: The demo's version. It changes only when the demo changes: a new value here means every
#: charter ever printed from the demo would be named differently, so look before updating it.
DEMO_VERSION = "fu5cgn6drs"
AT = "2026-11-24T16:05:00"


def test_the_demo_has_the_same_fingerprint_everywhere(demo_document: dict[str, Any]) -> None:
    assert fingerprint_of(demo_document) == DEMO_VERSION
    assert PATTERN.fullmatch(DEMO_VERSION)
    workshop = workshop_from_document(demo_document)
    assert charter_fingerprint(workshop) == DEMO_VERSION
    # Through the JSON the report process reads, and with the keys in another order.
    text = json.dumps(workshop_to_document(workshop), ensure_ascii=False, indent=2)
    assert charter_fingerprint(workshop_from_document(json.loads(text))) == DEMO_VERSION
    reordered = dict(reversed(list(demo_document.items())))
    assert fingerprint_of(reordered) == DEMO_VERSION


def test_canonical_json_is_sorted_compact_and_keeps_text() -> None:
    assert canonical_json({"b": 1.0, "a": ["é", 2.5, -0.0]}) == '{"a":["é",2.5,0],"b":1}'


@pytest.mark.parametrize(
    ("place", "value"),
    [
        (("workshop", "title"), "Another title"),
        (("workshop", "date"), "2026-11-25"),
        (("metrics", 1, "target"), 6),
        (("metrics", 0, "name"), "Share of quotes drafted"),
        (("candidates", 2, "votes"), 9),
        (("candidates", 0, "description"), "Drafts"),
        (("adoption", "champion_id"), "s1"),
        (("decisions", 0, "at"), "2026-11-10T09:01:00"),
        (("decisions", 0, "reason"), "Because"),
        (("risks", 0, "likelihood"), 1),
        (("stakeholders", 0, "name"), "Margaret O."),
    ],
)
def test_any_one_changed_field_changes_it(
    demo_document: dict[str, Any], place: tuple[Any, ...], value: Any
) -> None:
    *parents, last = place
    holder: Any = demo_document
    for key in parents:
        holder = holder[key]
    assert holder[last] != value
    holder[last] = value
    assert fingerprint_of(demo_document) != DEMO_VERSION


def test_what_is_not_the_charter_leaves_it_alone(demo_document: dict[str, Any]) -> None:
    changed = copy.deepcopy(demo_document)
    changed["checkins"].append({"metric_id": "m1", "date": "2026-12-01", "value": 3, "note": ""})
    changed["checkin_plan"] = [{"day": 60, "note": "later"}]
    changed["signoffs"] = []
    changed["decisions"] = [d for d in changed["decisions"] if d["kind"] != "signed"]
    changed["versions"] = [{"fingerprint": DEMO_VERSION, "exported_at": AT, "document": {}}]
    changed["metrics"][1]["target"] = 8.0  # printed as 8, written 8 or 8.0 by an edit
    assert fingerprint_of(changed) == DEMO_VERSION


def test_signing_records_the_version_and_keeps_it(demo_workshop: Workshop) -> None:
    op.sign(demo_workshop, "s2", SignoffDecision.APPROVED, "", AT)
    op.sign(demo_workshop, "s3", SignoffDecision.CHANGES_REQUESTED, "Lower", AT, "abcdefghij")
    signed = {s.stakeholder_id: s.version for s in demo_workshop.signoffs}
    assert signed["s2"] == DEMO_VERSION and signed["s3"] == "abcdefghij"
    assert signed["s1"] is None  # the demo's sign-off predates versions
    assert charter_fingerprint(demo_workshop) == DEMO_VERSION  # signing does not change it
    assert "version" not in workshop_to_document(demo_workshop)["signoffs"][0]
    assert not validate_document(workshop_to_document(demo_workshop))


def _edited(workshop: Workshop) -> None:
    """Several edits of what stakeholders sign for, and one of what they do not."""
    op.set_field(workshop, Part.METRICS, "m2", "target", 6)
    op.set_field(workshop, Part.METRICS, "m3", "name", "Quote lines accepted as drafted")
    op.set_field(workshop, Part.METRICS, "m1", "owner_id", "s1")
    op.remove_item(workshop, Part.METRICS, "m4")
    op.set_field(workshop, Part.ADOPTION, None, "champion_id", "s4")
    op.set_field(workshop, Part.CANDIDATES, "c1", "name", "Draft quotes from emails")
    op.set_field(workshop, Part.PROBLEMS, "p1", "title", "Quotes wait")
    op.sign(workshop, "s2", SignoffDecision.APPROVED, "", AT)


def test_changes_since_says_what_a_stakeholder_signs_for(demo_workshop: Workshop) -> None:
    before = charter_document(demo_workshop)
    _edited(demo_workshop)
    assert changes_since(before, charter_document(demo_workshop)) == [
        "Workflow renamed 'Draft quotes from emailed quote requests' → 'Draft quotes from emails'",
        "Metric removed: 'Quote drafting live on the quotes@ shared mailb…'",
        "Owner of 'Share of emailed quote requests handled with a…' Daniel Reyes → Margaret Okafor",
        "Target of 'Median time from quote request received to quot…' 8 → 6 hours",
        "Metric renamed 'Share of drafted quote lines accepted without r…' → "
        "'Quote lines accepted as drafted'",
        "Champion Priya Nair → Tomasz Wojcik",
        "Daniel Reyes approved",
    ]
    assert "Daniel Reyes approved" not in changes_since(
        before, charter_document(demo_workshop), signoffs=False
    )
    assert changes_since(before, before) == []


def test_changes_since_a_different_workflow(demo_workshop: Workshop) -> None:
    before = charter_document(demo_workshop)
    op.choose(demo_workshop, "c2", "Quicker to prove", AT)
    lines = changes_since(before, charter_document(demo_workshop))
    assert lines[0] == (
        "Workflow 'Draft quotes from emailed quote requests' → "
        "'Route and answer order status enquiries'"
    )
    assert sum(line.startswith("Metric removed") for line in lines) == 4


def test_recording_an_export_keeps_each_version_once(demo_workshop: Workshop) -> None:
    assert not export_state(demo_workshop).exported
    first = charter_document(demo_workshop)
    op.record_export(demo_workshop, first, AT)
    state = export_state(demo_workshop)
    assert state.last is not None and state.last.fingerprint == DEMO_VERSION
    assert not state.out_of_date and state.changes == []

    op.set_field(demo_workshop, Part.METRICS, "m2", "target", 6)
    state = export_state(demo_workshop)
    assert state.out_of_date and state.changes == [
        "Target of 'Median time from quote request received to quot…' 8 → 6 hours"
    ]
    op.record_export(demo_workshop, charter_document(demo_workshop), "2026-11-24T17:00:00")
    op.record_export(demo_workshop, first, "2026-11-24T18:00:00")  # the first one again
    assert [(v.fingerprint, v.exported_at) for v in demo_workshop.versions] == [
        (state.current, "2026-11-24T17:00:00"),
        (DEMO_VERSION, "2026-11-24T18:00:00"),
    ]
    assert export_state(demo_workshop).out_of_date  # the last export is the first version
    assert not validate_document(workshop_to_document(demo_workshop))


def test_a_sign_off_says_what_changed_since_its_version(demo_workshop: Workshop) -> None:
    op.record_export(demo_workshop, charter_document(demo_workshop), AT)
    op.sign(demo_workshop, "s2", SignoffDecision.APPROVED, "", AT)
    signoff = demo_workshop.signoffs[-1]
    assert signed_version(demo_workshop, signoff).words() == (
        f"signed version {DEMO_VERSION} (this version)"
    )
    op.sign(demo_workshop, "s3", SignoffDecision.APPROVED, "", AT)  # another's: no change
    assert signed_version(demo_workshop, signoff).current
    op.set_field(demo_workshop, Part.METRICS, "m2", "target", 6)
    op.set_field(demo_workshop, Part.METRICS, "m2", "baseline", 30)
    assert signed_version(demo_workshop, signoff).words() == (
        f"signed version {DEMO_VERSION}, 2 changes since"
    )
    op.sign(demo_workshop, "s4", SignoffDecision.APPROVED, "", AT, "abcdefghij")
    assert signed_version(demo_workshop, demo_workshop.signoffs[-1]).words() == (
        "signed version abcdefghij, an earlier version"
    )


def test_recording_refuses_what_is_not_a_charter_document(demo_workshop: Workshop) -> None:
    with pytest.raises(Refused, match="versions"):
        op.record_export(demo_workshop, workshop_to_document(demo_workshop) | {"versions": []}, AT)
    with pytest.raises(Refused):
        op.record_export(demo_workshop, {"format": "first-workflow/1"}, AT)
    assert demo_workshop.versions == []


def _with_version(document: dict[str, Any]) -> dict[str, Any]:
    workshop = workshop_from_document(document)
    op.record_export(workshop, charter_document(workshop), AT)
    return workshop_to_document(workshop)


def test_validation_checks_every_version(demo_document: dict[str, Any]) -> None:
    good = _with_version(demo_document)
    assert validate_document(good) == []
    wrong = copy.deepcopy(good)
    wrong["versions"][0]["fingerprint"] = "abcdefghij"
    assert [str(i) for i in validate_document(wrong)] == [
        f"versions[0].fingerprint: 'abcdefghij' is not the fingerprint of its document "
        f"({DEMO_VERSION})"
    ]
    twice = copy.deepcopy(good)
    twice["versions"].append(copy.deepcopy(good["versions"][0]))
    assert "listed twice" in str(validate_document(twice)[0])
    broken = copy.deepcopy(good)
    broken["versions"][0]["document"]["metrics"][0]["target"] = "sixty"
    assert "is not a valid charter: metrics[0].target" in str(validate_document(broken)[0])
    nested = copy.deepcopy(good)
    nested["versions"][0]["document"]["versions"] = []
    assert "must not hold versions" in str(validate_document(nested)[0])
    not_object = copy.deepcopy(good)
    not_object["versions"][0]["document"] = "{}"
    assert "must be an object" in str(validate_document(not_object)[0])
    bad_signoff = copy.deepcopy(good)
    bad_signoff["signoffs"][0]["version"] = "v1"
    assert "signoffs[0].version: must be a charter fingerprint" in str(
        validate_document(bad_signoff)[0]
    )


def test_an_old_document_reads_and_writes_as_before(demo_document: dict[str, Any]) -> None:
    workshop = workshop_from_document(demo_document)
    assert workshop.versions == []
    assert workshop_to_document(workshop) == demo_document
