"""What a filled review form says, and whether it can be recorded: a whole, filled-in form of
one stakeholder of this workshop, of a version it has had, signed on a day that can be told."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.model import SignoffChannel, SignoffDecision, Workshop
from workshop_app.domain.review_fields import FormPart, field_name
from workshop_app.domain.review_reading import (
    ReviewRefused,
    check_review,
    date_readings,
    read_form,
    signed_on,
)
from workshop_app.domain.versions import charter_document, charter_fingerprint

TODAY = dt.date(2026, 11, 30)
VERSION = "abcdefghij"


def fields(
    values: dict[FormPart, str | None], who: str = "s2", version: str = VERSION
) -> dict[str, str | None]:
    """Every field of one form: the given values, the rest empty."""
    every = dict.fromkeys(FormPart, "") | {FormPart.DECISION: "/Off"} | values
    return {field_name(version, who, part): value for part, value in every.items()}


FILLED = {
    FormPart.DECISION: "/approved",
    FormPart.NAME: "Daniel Reyes",
    FormPart.DATE: "2026-11-28",
}


def test_a_filled_form_is_read_with_its_text_cleaned() -> None:
    form = read_form(
        fields(
            FILLED
            | {
                FormPart.DECISION: "/changes_requested",
                FormPart.COMMENT_METRICS: "  Too high.\r\nSay 50 %.\x07 ",
            }
        )
    )
    assert form.stakeholder_id == "s2" and form.fingerprint == VERSION
    assert form.decision is SignoffDecision.CHANGES_REQUESTED
    assert form.comments[FormPart.COMMENT_METRICS] == "Too high.\nSay 50 %."
    assert form.comments[FormPart.COMMENT_WORKFLOW] == ""
    assert (form.signed_as, form.typed_date) == ("Daniel Reyes", "2026-11-28")


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ({}, "has no form fields"),
        ({"name": "x", "Text1": "y"}, "none of a First Workflow review form"),
        (fields(FILLED) | fields(FILLED, who="s3"), "2 review forms at once"),
        (fields(FILLED) | fields(FILLED, version="bbbbbbbbbb"), "2 review forms at once"),
        (
            {k: v for k, v in fields(FILLED).items() if not k.endswith(".date")},
            "lacks the review form's field date",
        ),
        (fields({}), "is blank"),
        (fields(FILLED | {FormPart.DECISION: "/Off"}), "no decision is chosen"),
        (fields(FILLED | {FormPart.NAME: "  "}), "no name is typed"),
        (fields(FILLED | {FormPart.DATE: ""}), "no date is typed"),
        (fields(FILLED | {FormPart.DECISION: "/maybe"}), "neither Approved nor Changes"),
        (
            fields(FILLED | {FormPart.DECISION: "/changes_requested"}),
            "asks for changes but does not say which",
        ),
        (fields(FILLED | {FormPart.COMMENT_WORKFLOW: "x" * 5001}), "5,001 characters"),
    ],
)
def test_a_form_that_is_not_whole_filled_in_or_consistent_is_refused(
    given: dict[str, str | None], words: str
) -> None:
    with pytest.raises(ReviewRefused, match=words):
        read_form(given)


def test_a_decision_with_several_values_is_refused() -> None:
    given: dict[str, object] = dict(fields(FILLED))
    given[field_name(VERSION, "s2", FormPart.DECISION)] = ["/approved", "/changes_requested"]
    with pytest.raises(ReviewRefused, match="several values"):
        read_form(given)


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("2026-11-28", ["2026-11-28"]),
        ("2026/11/28", ["2026-11-28"]),
        ("28.11.2026", ["2026-11-28"]),
        ("28/11/26", ["2026-11-28"]),
        ("11/28/2026", ["2026-11-28"]),
        ("3/11/2026", ["2026-03-11", "2026-11-03"]),
        ("28 November 2026", ["2026-11-28"]),
        ("28th Nov. 2026", ["2026-11-28"]),
        ("November 28, 2026", ["2026-11-28"]),
        ("nov 28 2026", ["2026-11-28"]),
        ("30/02/2026", []),
        ("soon", []),
        ("", []),
    ],
)
def test_typed_dates_are_read_every_way_they_can_mean(typed: str, days: list[str]) -> None:
    assert [day.isoformat() for day in date_readings(typed)] == days


def test_the_day_signed_is_told_by_the_days_it_can_be() -> None:
    earliest, latest = dt.date(2026, 11, 2), dt.date(2026, 12, 1)
    assert signed_on("3/11/2026", earliest, latest) == (dt.date(2026, 11, 3), "")
    day, problem = signed_on("5/11/2026", dt.date(2026, 5, 1), latest)
    assert day is None and "could be 11 May 2026 or 5 November 2026" in problem
    assert "in the future" in signed_on("2027-01-01", earliest, latest)[1]
    assert "before the workshop (2026-11-02)" in signed_on("2026-10-01", earliest, latest)[1]
    assert "is not a date" in signed_on("next week", earliest, latest)[1]


def _form_of(workshop: Workshop, who: str = "s2", **parts: str) -> dict[str, str | None]:
    given = FILLED | {FormPart(key): value for key, value in parts.items()}
    return fields(given, who=who, version=charter_fingerprint(workshop))


def test_a_review_of_this_version_is_ready_to_record(demo_workshop: Workshop) -> None:
    form = read_form(_form_of(demo_workshop, comment_adoption="Train the night shift."))
    check = check_review(demo_workshop, form, TODAY)
    assert check.current and check.changes_words() == [] and check.name == "Daniel Reyes"
    signoff = check.signoff()
    assert signoff.channel is SignoffChannel.FORM and signoff.date == "2026-11-28"
    assert signoff.version == charter_fingerprint(demo_workshop)
    assert signoff.comment_adoption == "Train the night shift." and signoff.comment_metrics is None
    op.record_signoff(demo_workshop, signoff, "2026-11-30T10:00:00")
    again = check_review(demo_workshop, form, TODAY)
    assert again.same and again.replaces == signoff


def test_a_review_of_an_older_version_says_what_changed(demo_workshop: Workshop) -> None:
    older = charter_document(demo_workshop)
    form = read_form(_form_of(demo_workshop))
    op.set_field(demo_workshop, Part.METRICS, demo_workshop.metrics[0].id, "target", 75)
    # Not recorded in the workshop: told by the copy the form carries, when it is that version.
    check = check_review(demo_workshop, form, TODAY, attached=older)
    assert not check.current
    assert any("→ 75" in line for line in check.changes_words()), check.changes_words()
    forged = copy.deepcopy(older)
    forged["workshop"]["title"] = "Another"
    with pytest.raises(ReviewRefused, match="never had"):
        check_review(demo_workshop, form, TODAY, attached=forged)
    with pytest.raises(ReviewRefused, match="never had"):
        check_review(demo_workshop, form, TODAY, attached={"format": 1})
    # Recorded when exported: told without the copy.
    op.set_field(demo_workshop, Part.METRICS, demo_workshop.metrics[0].id, "target", 60)
    op.record_export(demo_workshop, older, "2026-11-25T10:00:00")
    op.set_field(demo_workshop, Part.METRICS, demo_workshop.metrics[0].id, "target", 75)
    check = check_review(demo_workshop, form, TODAY)
    assert check.exported_at == "2026-11-25T10:00:00" and check.changes


def test_a_form_of_someone_not_in_the_workshop_is_refused(demo_workshop: Workshop) -> None:
    with pytest.raises(ReviewRefused, match="id 's99'"):
        check_review(demo_workshop, read_form(_form_of(demo_workshop, who="s99")), TODAY)


def test_a_date_that_cannot_be_told_must_be_given(demo_workshop: Workshop) -> None:
    check = check_review(demo_workshop, read_form(_form_of(demo_workshop, date="soon")), TODAY)
    assert check.date is None and "not a date" in check.date_problem
    with pytest.raises(ReviewRefused, match="give the date"):
        check.signoff()
    assert check.signoff(dt.date(2026, 11, 29)).date == "2026-11-29"
