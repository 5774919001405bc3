"""The review form's field names and file names: one scheme, read back exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop_app.domain.review_fields import (
    FormPart,
    field_name,
    form_file_stem,
    id_token,
    parse_field_name,
)

FP = "fu5cgn6drs"


def test_a_plain_id_is_written_as_is() -> None:
    assert field_name(FP, "s1", FormPart.DECISION) == "fw.fu5cgn6drs.s1.decision"
    assert field_name(FP, "s1", FormPart.COMMENT_METRICS) == "fw.fu5cgn6drs.s1.comment_metrics"


def test_any_other_id_is_encoded_without_a_period() -> None:
    token = id_token("a.b é")
    assert "." not in token
    assert token.startswith("~")
    assert parse_field_name(field_name(FP, "a.b é", FormPart.NAME)).stakeholder_id == "a.b é"  # type: ignore[union-attr]


@given(st.text(min_size=1, max_size=40))
def test_every_id_comes_back(stakeholder_id: str) -> None:
    name = field_name(FP, stakeholder_id, FormPart.DATE)
    parsed = parse_field_name(name)
    assert parsed is not None
    assert (parsed.fingerprint, parsed.stakeholder_id, parsed.part) == (
        FP,
        stakeholder_id,
        FormPart.DATE,
    )


def test_names_of_other_forms_are_not_ours() -> None:
    for name in (
        "name",
        "fw.short.s1.decision",
        "fw.fu5cgn6drs.s1.signature",
        "xx.fu5cgn6drs.s1.decision",
        "fw.fu5cgn6drs.~zz.decision",
        "fw.fu5cgn6drs.s1.decision.extra",
    ):
        assert parse_field_name(name) is None, name


def test_file_names_are_safe_and_never_empty() -> None:
    assert form_file_stem("Ana López", "s1") == "Review Ana López"
    assert form_file_stem("../../etc/passwd", "s1") == "Review etc passwd"
    assert form_file_stem('a/b\\c:d*e?"f<g>|h', "s1") == "Review a b c d e f g h"
    assert form_file_stem("///", "s9") == "Review s9"
    assert form_file_stem("", "") == "Review person"
