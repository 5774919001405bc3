"""Readings after the workshop: one at a time or a whole CSV, each checked before it counts,
and the check-in meetings with what is due today.

A reading must name a metric of the workshop, be dated on or after the workshop day in
YYYY-MM-DD, and carry a finite number. A CSV import is all or nothing: every row is checked
first, and one bad row means no row is taken, with each bad row reported by line number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from enum import StrEnum

from workshop_app.domain.changes import Refused
from workshop_app.domain.dates import date_problem
from workshop_app.domain.model import Checkin, Metric, PlannedCheckin, Workshop
from workshop_app.domain.records import record
from workshop_app.domain.schedule import planned_days
from workshop_app.domain.text import MEDIUM, text_problem
from workshop_app.domain.typed_numbers import NumberRefused, read_number

CSV_COLUMNS = ("metric", "date", "value", "note")


class ReadingRefused(Refused):
    """A reading that cannot be stored; the message says why."""


def find_metric(workshop: Workshop, reference: str) -> Metric | None:
    """A metric by its id, or by its exact name (case-insensitive)."""
    reference = reference.strip()
    by_id = workshop.metric(reference)
    if by_id is not None:
        return by_id
    matches = [m for m in workshop.metrics if m.name.casefold() == reference.casefold()]
    return matches[0] if len(matches) == 1 else None


def parse_number(text: str) -> float:
    """A number as typed ("12", "12.5", "12,5", "1 200"); ``NumberRefused`` (a ValueError)
    says why not (:mod:`workshop_app.domain.typed_numbers`)."""
    return read_number(text)


def reading(
    workshop: Workshop, metric_ref: str, date: str, value: str | float, note: str = ""
) -> Checkin:
    """A checked reading; :class:`ReadingRefused` names what is wrong."""
    metric = find_metric(workshop, metric_ref)
    if metric is None:
        raise ReadingRefused(f"no metric has the id or name {metric_ref.strip()!r}")
    problem = date_problem(date.strip())
    if problem:
        raise ReadingRefused(f"the date {problem}")
    day = dt.date.fromisoformat(date.strip())
    start = workshop.info.day
    if start is not None and day < start:
        raise ReadingRefused(f"{day.isoformat()} is before the workshop date {start.isoformat()}")
    if isinstance(value, str):
        try:
            number = parse_number(value)
        except NumberRefused as exc:
            raise ReadingRefused(f"the value {exc}") from None
    elif isinstance(value, bool) or not math.isfinite(value):
        raise ReadingRefused(f"the value must be a number, got {value!r}")
    else:
        number = value
    if abs(number) > 1e12:
        raise ReadingRefused(f"the value {number} is too large")
    problem = text_problem(note, MEDIUM)
    if problem:
        raise ReadingRefused(f"the note {problem}")
    return Checkin(metric.id, day.isoformat(), number, note.strip())


def next_reading(workshop: Workshop, metric_id: str, today: dt.date) -> Checkin:
    """The reading a facilitator most likely types next for a metric: today (never before the
    workshop), starting from the last value read, or from the baseline before any reading."""
    metric = workshop.metric(metric_id)
    if metric is None:
        raise ReadingRefused(f"no metric has the id {metric_id!r}")
    earlier = sorted(
        (c for c in workshop.checkins if c.metric_id == metric_id), key=lambda c: c.date
    )
    value = earlier[-1].value if earlier else (metric.baseline or 0)
    start = workshop.info.day or today
    return Checkin(metric_id, max(today, start).isoformat(), value)


@record(frozen=True)
class CsvProblem:
    """One bad row of a CSV file."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class CsvRefused(ValueError):
    """A CSV file of readings that was not imported; ``problems`` lists every bad row."""

    def __init__(self, problems: list[CsvProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:3]))


def readings_from_csv(workshop: Workshop, text: str) -> list[Checkin]:
    """Every reading of a CSV (columns metric, date, value, note), or :class:`CsvRefused`.

    The first row may be the header ``metric,date,value,note``; the note may be left out.
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    problems: list[CsvProblem] = []
    found: list[Checkin] = []
    first = True
    for row in reader:
        number = reader.line_num  # the file's line where this row ends (notes may span lines)
        is_first, first = first, False
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if is_first and [c.casefold() for c in cells[:3]] == list(CSV_COLUMNS[:3]):
            continue
        if len(cells) not in (3, 4):
            problems.append(
                CsvProblem(
                    number,
                    f"expected 3 or 4 columns (metric, date, value, note), found {len(cells)}",
                )
            )
            continue
        try:
            found.append(
                reading(workshop, cells[0], cells[1], cells[2], cells[3] if len(cells) == 4 else "")
            )
        except ReadingRefused as exc:
            problems.append(CsvProblem(number, str(exc)))
    if problems:
        raise CsvRefused(problems)
    if not found:
        raise CsvRefused([CsvProblem(1, "the file has no readings")])
    return found


class MeetingState(StrEnum):
    DONE = "done"
    DUE = "due today"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"


@record(frozen=True)
class Meeting:
    """A planned check-in with its date and where it stands today."""

    day: int
    date: dt.date
    note: str
    state: MeetingState


#: Readings this many days before a meeting still count for it.
EARLY_DAYS = 3


def meetings(workshop: Workshop, today: dt.date) -> list[Meeting]:
    """The check-in meetings in date order, each done, due today, overdue or upcoming.

    A meeting is done when it has notes or when readings were taken from a few days before
    its date on.
    """
    start = workshop.info.day
    if start is None:
        return []
    notes = {meeting.day: meeting.note for meeting in workshop.checkin_plan}
    dates = sorted({dt.date.fromisoformat(c.date) for c in workshop.checkins})
    out = []
    for day in planned_days(workshop.checkin_plan):
        when = start + dt.timedelta(days=day)
        note = notes.get(day, "")
        read = any(reading_day >= when - dt.timedelta(days=EARLY_DAYS) for reading_day in dates)
        if note.strip() or (read and when <= today + dt.timedelta(days=EARLY_DAYS)):
            state = MeetingState.DONE
        elif when == today:
            state = MeetingState.DUE
        elif when < today:
            state = MeetingState.OVERDUE
        else:
            state = MeetingState.UPCOMING
        out.append(Meeting(day, when, note, state))
    return out


def next_meeting(workshop: Workshop, today: dt.date) -> Meeting | None:
    """The first meeting not done yet."""
    return next((m for m in meetings(workshop, today) if m.state is not MeetingState.DONE), None)


def explicit_plan(workshop: Workshop) -> list[PlannedCheckin]:
    """A copy of the check-in plan as it stands, the default days made explicit."""
    return [PlannedCheckin(m.day, m.note) for m in workshop.checkin_plan] or [
        PlannedCheckin(d) for d in planned_days([])
    ]


def plan_with_note(workshop: Workshop, day: int, note: str) -> list[PlannedCheckin]:
    """The check-in plan with ``note`` on ``day`` (the default plan made explicit if needed)."""
    plan = explicit_plan(workshop)
    for meeting in plan:
        if meeting.day == day:
            meeting.note = note
            return plan
    plan.append(PlannedCheckin(day, note))
    plan.sort(key=lambda m: m.day)
    return plan
