"""Operations of the 30 days after the workshop: readings (one, or a whole checked CSV) and the
plan of check-in meetings (add a day, drop one, write its notes)."""

from __future__ import annotations

import copy

from workshop_app.domain.changes import Changes, Part, Refused
from workshop_app.domain.checkins import explicit_plan, plan_with_note
from workshop_app.domain.limits import room_problem
from workshop_app.domain.model import Checkin, PlannedCheckin, Workshop
from workshop_app.domain.operations.step import Outcome, Step, nothing, operation
from workshop_app.domain.text import LONG, text_problem

#: A check-in meeting is planned this many days after the workshop at most.
LATEST_CHECKIN_DAY = 366


def _drop_readings(workshop: Workshop, count: int) -> Outcome:
    taken = workshop.checkins[len(workshop.checkins) - count :]
    del workshop.checkins[len(workshop.checkins) - count :]
    return Outcome.made(Changes.of(Part.CHECKINS), Step(_append_readings, (taken,)))


def _append_readings(workshop: Workshop, readings: list[Checkin]) -> Outcome:
    unknown = sorted({r.metric_id for r in readings} - {m.id for m in workshop.metrics})
    if unknown:
        raise Refused(f"no metric has the id {unknown[0]!r}")
    workshop.checkins.extend(copy.deepcopy(readings))
    return Outcome.made(Changes.of(Part.CHECKINS), Step(_drop_readings, (len(readings),)))


@operation
def add_checkin(workshop: Workshop, reading: Checkin) -> Outcome:
    """Store one metric reading (checked already: see :func:`checkins.reading`); refused when
    the workshop has the most readings the format allows."""
    full = room_problem(workshop, "checkins")
    if full is not None:
        raise Refused(full)
    return _append_readings(workshop, [reading])


@operation
def add_readings(workshop: Workshop, readings: list[Checkin]) -> Outcome:
    """Store many readings at once, as one change (a CSV import: all or none); refused whole
    when they would pass the most readings the format allows."""
    if not readings:
        return nothing()
    full = room_problem(workshop, "checkins", len(readings))
    if full is not None:
        raise Refused(full)
    return _append_readings(workshop, readings)


def _replace_plan(workshop: Workshop, plan: list[PlannedCheckin]) -> Outcome:
    old = copy.deepcopy(workshop.checkin_plan)
    workshop.checkin_plan = copy.deepcopy(plan)
    return Outcome.made(Changes.of(Part.CHECKIN_PLAN), Step(_replace_plan, (old,)))


@operation
def plan_checkin_day(workshop: Workshop, day: int) -> Outcome:
    """Plan another check-in meeting ``day`` days after the workshop."""
    if isinstance(day, bool) or not 1 <= day <= LATEST_CHECKIN_DAY:
        raise Refused(f"a check-in day must be 1 to {LATEST_CHECKIN_DAY}, got {day}")
    plan = explicit_plan(workshop)
    if any(meeting.day == day for meeting in plan):
        raise Refused(f"A check-in on day {day} is already planned.")
    plan = sorted([*plan, PlannedCheckin(day)], key=lambda meeting: meeting.day)
    return _replace_plan(workshop, plan)


@operation
def drop_checkin_day(workshop: Workshop, day: int) -> Outcome:
    """Take the day-``day`` meeting out of the plan; at least one meeting stays."""
    plan = explicit_plan(workshop)
    if not any(meeting.day == day for meeting in plan):
        raise Refused(f"No check-in is planned on day {day}.")
    rest = [meeting for meeting in plan if meeting.day != day]
    if not rest:
        raise Refused("Keep at least one check-in meeting.")
    return _replace_plan(workshop, rest)


@operation
def note_checkin_day(workshop: Workshop, day: int, note: str) -> Outcome:
    """Keep the notes of the day-``day`` check-in meeting (planning that day if it was not)."""
    problem = text_problem(note, LONG)
    if problem:
        raise Refused(f"The notes {problem}.")
    current = {meeting.day: meeting.note for meeting in explicit_plan(workshop)}
    if current.get(day) == note:
        return nothing()
    return _replace_plan(workshop, plan_with_note(workshop, day, note))
