"""Readings one at a time and from CSV, each checked before it counts; the check-in meetings."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from workshop_app.domain.checkins import (
    CsvRefused,
    MeetingState,
    ReadingRefused,
    find_metric,
    meetings,
    next_meeting,
    parse_number,
    plan_with_note,
    reading,
    readings_from_csv,
)
from workshop_app.domain.model import Checkin, PlannedCheckin, Workshop

M2_NAME = "Median time from quote request received to quote sent"


def test_a_good_reading_is_normalized(demo_workshop: Workshop) -> None:
    got = reading(demo_workshop, " m1 ", " 2026-11-24 ", " 30 ", "  Most reps now.  ")
    assert got == Checkin("m1", "2026-11-24", 30, "Most reps now.")


def test_a_reading_on_the_workshop_day_is_accepted(demo_workshop: Workshop) -> None:
    assert reading(demo_workshop, "m2", "2026-11-10", 26.0).date == "2026-11-10"


def test_metric_found_by_exact_name_case_insensitively(demo_workshop: Workshop) -> None:
    assert reading(demo_workshop, M2_NAME.upper(), "2026-11-20", "20").metric_id == "m2"
    assert find_metric(demo_workshop, f"  {M2_NAME.lower()} ").id == "m2"
    assert find_metric(demo_workshop, "Median time") is None


@pytest.mark.parametrize("ref", ["m9", "", "M1", "Median time", "quote"])
def test_unknown_metric_is_refused(demo_workshop: Workshop, ref: str) -> None:
    with pytest.raises(ReadingRefused, match="no metric has the id or name"):
        reading(demo_workshop, ref, "2026-11-20", "5")


def test_a_date_before_the_workshop_is_refused(demo_workshop: Workshop) -> None:
    with pytest.raises(ReadingRefused, match="2026-11-09 is before the workshop date 2026-11-10"):
        reading(demo_workshop, "m1", "2026-11-09", "5")


@pytest.mark.parametrize(
    "date", ["10/11/2026", "2026-13-01", "2026-11-31", "2026-11-2", "20261120", "", "soon"]
)
def test_a_date_not_yyyy_mm_dd_is_refused(demo_workshop: Workshop, date: str) -> None:
    with pytest.raises(ReadingRefused, match="YYYY-MM-DD"):
        reading(demo_workshop, "m1", date, "5")


def test_an_iso_week_date_is_not_yyyy_mm_dd(demo_workshop: Workshop) -> None:
    # Ten characters long and accepted by date.fromisoformat on Python 3.11, but not the
    # documented YYYY-MM-DD.
    with pytest.raises(ReadingRefused, match="YYYY-MM-DD"):
        reading(demo_workshop, "m1", "2026-W48-2", "5")


@pytest.mark.parametrize("value", ["abc", "", "   ", "nan", "inf", "-inf", "1.2.3", "12 %"])
def test_a_value_that_is_not_a_number_is_refused(demo_workshop: Workshop, value: str) -> None:
    with pytest.raises(ReadingRefused, match="is not a number"):
        reading(demo_workshop, "m1", "2026-11-20", value)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True])
def test_a_non_finite_or_boolean_value_is_refused(demo_workshop: Workshop, value: float) -> None:
    with pytest.raises(ReadingRefused, match="must be a number"):
        reading(demo_workshop, "m1", "2026-11-20", value)


def test_a_huge_value_and_a_control_character_in_the_note_are_refused(
    demo_workshop: Workshop,
) -> None:
    with pytest.raises(ReadingRefused, match="too large"):
        reading(demo_workshop, "m1", "2026-11-20", "1e13")
    with pytest.raises(ReadingRefused, match="the note"):
        reading(demo_workshop, "m1", "2026-11-20", "5", "bad\x00note")


@pytest.mark.parametrize(
    ("text", "number"),
    [("12,5", 12.5), ("12.5", 12.5), (" 12 ", 12), ("-3", -3), ("1 200", 1200), ("0,25", 0.25)],
)
def test_numbers_as_typed(text: str, number: float) -> None:
    assert parse_number(text) == number
    assert isinstance(parse_number("12"), int)
    assert isinstance(parse_number("12.0"), float)


def test_comma_decimal_reading(demo_workshop: Workshop) -> None:
    assert reading(demo_workshop, "m2", "2026-11-20", "12,5").value == 12.5


GOOD_CSV = (
    "metric,date,value,note\n"
    "m1,2026-11-24,30,Most of the desk\n"
    "\n"
    f'"{M2_NAME}",2026-11-24,"19,5"\n'
    "   ,  ,  \n"
    "m1,2026-11-20,25,\n"
)


def test_csv_with_header_blank_lines_and_optional_note(demo_workshop: Workshop) -> None:
    got = readings_from_csv(demo_workshop, GOOD_CSV)
    assert got == [
        Checkin("m1", "2026-11-24", 30, "Most of the desk"),
        Checkin("m2", "2026-11-24", 19.5, ""),
        Checkin("m1", "2026-11-20", 25, ""),
    ]


def test_csv_without_header_with_bom_and_windows_line_ends(demo_workshop: Workshop) -> None:
    text = "\ufeffm1,2026-11-24,30\r\nm2,2026-11-24,20,ok\r\n"
    assert [(c.metric_id, c.value) for c in readings_from_csv(demo_workshop, text)] == [
        ("m1", 30),
        ("m2", 20),
    ]
    assert len(readings_from_csv(demo_workshop, "\ufeffMetric,Date,Value\nm1,2026-11-24,1\n")) == 1


@pytest.mark.parametrize("row", ["m1,2026-11-24", "m1,2026-11-24,30,note,extra", "m1"])
def test_csv_wrong_column_count(demo_workshop: Workshop, row: str) -> None:
    with pytest.raises(CsvRefused) as refused:
        readings_from_csv(demo_workshop, f"m1,2026-11-24,30\n{row}\n")
    [problem] = refused.value.problems
    assert problem.line == 2
    assert "expected 3 or 4 columns" in problem.message


def test_csv_reports_every_bad_row_by_line_number_and_imports_nothing(
    demo_workshop: Workshop,
) -> None:
    before = copy.deepcopy(demo_workshop)
    text = (
        "metric,date,value,note\n"  # 1
        "m1,2026-11-24,30,fine\n"  # 2
        "m9,2026-11-24,30\n"  # 3
        "\n"  # 4
        "m1,2026-11-01,30\n"  # 5
        "m1,10/11/2026,30\n"  # 6
        "m2,2026-11-24,abc\n"  # 7
        "m2,2026-11-24\n"  # 8
        "m2,2026-11-25,20\n"  # 9
    )
    with pytest.raises(CsvRefused) as refused:
        readings_from_csv(demo_workshop, text)
    problems = refused.value.problems
    assert [p.line for p in problems] == [3, 5, 6, 7, 8]
    assert "m9" in problems[0].message
    assert "before the workshop" in problems[1].message
    assert "YYYY-MM-DD" in problems[2].message
    assert "is not a number" in problems[3].message
    assert "columns" in problems[4].message
    assert str(problems[0]).startswith("line 3: ")
    assert "line 3" in str(refused.value)
    assert demo_workshop == before


def test_csv_line_numbers_count_lines_of_the_file_after_a_multiline_note(
    demo_workshop: Workshop,
) -> None:
    text = 'm1,2026-11-24,30,"first line\nsecond line"\nm1,2026-11-24,oops\n'
    with pytest.raises(CsvRefused) as refused:
        readings_from_csv(demo_workshop, text)
    assert [p.line for p in refused.value.problems] == [3]


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff", "metric,date,value,note\n"])
def test_an_empty_csv_is_refused(demo_workshop: Workshop, text: str) -> None:
    with pytest.raises(CsvRefused, match="no readings"):
        readings_from_csv(demo_workshop, text)


def states(workshop: Workshop, today: dt.date) -> list[tuple[int, str, MeetingState]]:
    return [(m.day, m.date.isoformat(), m.state) for m in meetings(workshop, today)]


def test_default_plan_is_day_7_14_30_from_the_workshop_date(demo_workshop: Workshop) -> None:
    demo_workshop.checkin_plan = []
    demo_workshop.checkins = []
    assert states(demo_workshop, dt.date(2026, 11, 1)) == [
        (7, "2026-11-17", MeetingState.UPCOMING),
        (14, "2026-11-24", MeetingState.UPCOMING),
        (30, "2026-12-10", MeetingState.UPCOMING),
    ]


def test_meeting_states_with_a_fixed_today(demo_workshop: Workshop) -> None:
    demo_workshop.checkin_plan = []
    demo_workshop.checkins = []
    assert [s for *_, s in states(demo_workshop, dt.date(2026, 11, 24))] == [
        MeetingState.OVERDUE,
        MeetingState.DUE,
        MeetingState.UPCOMING,
    ]
    assert [s for *_, s in states(demo_workshop, dt.date(2026, 12, 11))] == [
        MeetingState.OVERDUE
    ] * 3


def test_demo_meetings_on_day_14(demo_workshop: Workshop) -> None:
    assert [s for *_, s in states(demo_workshop, dt.date(2026, 11, 24))] == [
        MeetingState.DONE,
        MeetingState.DUE,
        MeetingState.UPCOMING,
    ]
    upcoming = next_meeting(demo_workshop, dt.date(2026, 11, 24))
    assert (upcoming.day, upcoming.date) == (14, dt.date(2026, 11, 24))


def test_a_note_makes_a_meeting_done(demo_workshop: Workshop) -> None:
    demo_workshop.checkins = []
    demo_workshop.checkin_plan = [PlannedCheckin(7), PlannedCheckin(14, "Went well")]
    today = dt.date(2026, 11, 12)
    assert [s for *_, s in states(demo_workshop, today)] == [
        MeetingState.UPCOMING,
        MeetingState.DONE,
    ]
    assert next_meeting(demo_workshop, today).day == 7
    demo_workshop.checkin_plan = [PlannedCheckin(7, "a"), PlannedCheckin(14, "b")]
    assert next_meeting(demo_workshop, today) is None


def test_no_meetings_without_a_workshop_date(demo_workshop: Workshop) -> None:
    demo_workshop.info.date = ""
    assert meetings(demo_workshop, dt.date(2026, 11, 24)) == []
    assert next_meeting(demo_workshop, dt.date(2026, 11, 24)) is None


def test_plan_with_note_materializes_the_default_plan(demo_workshop: Workshop) -> None:
    demo_workshop.checkin_plan = []
    plan = plan_with_note(demo_workshop, 14, "Numbers reviewed")
    assert plan == [PlannedCheckin(7), PlannedCheckin(14, "Numbers reviewed"), PlannedCheckin(30)]
    assert demo_workshop.checkin_plan == []


def test_plan_with_note_keeps_other_notes_and_does_not_touch_the_workshop(
    demo_workshop: Workshop,
) -> None:
    before = copy.deepcopy(demo_workshop.checkin_plan)
    day7 = before[0].note
    plan = plan_with_note(demo_workshop, 14, "Second look")
    assert [(m.day, m.note) for m in plan] == [(7, day7), (14, "Second look"), (30, "")]
    assert demo_workshop.checkin_plan == before
    added = plan_with_note(demo_workshop, 21, "Extra")
    assert [m.day for m in added] == [7, 14, 21, 30]
    assert added[0].note == day7


def test_the_next_reading_starts_from_the_last_value_and_never_before_the_workshop(
    demo_workshop: Workshop,
) -> None:
    from workshop_app.domain.checkins import next_reading

    last = max((c for c in demo_workshop.checkins if c.metric_id == "m1"), key=lambda c: c.date)
    early = next_reading(demo_workshop, "m1", dt.date(2026, 1, 1))
    assert (early.date, early.value) == (demo_workshop.info.date, last.value)
    later = next_reading(demo_workshop, "m1", dt.date(2026, 12, 1))
    assert later.date == "2026-12-01"


def test_the_first_reading_starts_from_the_baseline(demo_workshop: Workshop) -> None:
    from workshop_app.domain.checkins import next_reading

    demo_workshop.checkins = [c for c in demo_workshop.checkins if c.metric_id != "m2"]
    metric = demo_workshop.metric("m2")
    assert next_reading(demo_workshop, "m2", dt.date(2026, 12, 1)).value == metric.baseline
