"""Where a workshop stands, at a glance: draft, agreed or signed, the day of its 30 days, and
the latest verdict on its workflow — one line of a consultant's portfolio of workshops.

Everything here is counted the way the rest of the app counts it: *agreed* is the 30-day gate
(:mod:`~workshop_app.domain.gate`), the day is counted in calendar days from the workshop date
as the Follow-through page counts check-ins (the workshop day is day 0), and the verdict is the
chosen workflow's overall verdict from its latest readings (:mod:`~workshop_app.domain.progress`).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import SignoffDecision, Workshop
from workshop_app.domain.progress import Verdict, overall_progress
from workshop_app.domain.records import record
from workshop_app.domain.schedule import TARGET_DAY


class Agreement(StrEnum):
    """Whether the charter has passed the 30-day gate."""

    DRAFT = "draft"
    AGREED = "agreed"


@record(frozen=True)
class WorkshopState:
    """One workshop's state on a given day.

    Attributes:
        agreement: draft or agreed (the 30-day gate).
        open_points: how many conditions of the gate are unmet (0 when agreed).
        approved: stakeholders who approved the charter.
        changes_requested: stakeholders who asked for changes.
        must_sign: every stakeholder of the workshop (the charter asks each of them to sign).
        day: calendar days since the workshop date (negative before it), or None without a
            date.
        workflow: the chosen workflow's name; empty when none, or more than one, is chosen.
        verdict: the workflow's overall verdict, or None when no single workflow is chosen.
        verdict_day: the day of the latest reading behind the verdict, or None without one.
    """

    agreement: Agreement
    open_points: int
    approved: int
    changes_requested: int
    must_sign: int
    day: int | None
    workflow: str
    verdict: Verdict | None
    verdict_day: int | None

    @property
    def state_words(self) -> str:
        """ "draft (3 open points)", "agreed", "signed by 2 of 8", "signed by all 8"; with
        "1 asked for changes" after it when someone did."""
        if self.approved == 0:
            words = (
                "agreed"
                if self.agreement is Agreement.AGREED
                else f"draft ({_count(self.open_points, 'open point')})"
            )
        else:
            everyone = self.approved >= self.must_sign
            signed = (
                f"signed by all {self.must_sign}"
                if everyone
                else f"signed by {self.approved} of {self.must_sign}"
            )
            words = signed if self.agreement is Agreement.AGREED else f"draft, {signed}"
        if self.changes_requested:
            words += f", {self.changes_requested} asked for changes"
        return words

    @property
    def day_words(self) -> str:
        """ "day 12 of 30", "day 41, the 30 days are over", "workshop day", "in 5 days",
        "no workshop date"."""
        if self.day is None:
            return "no workshop date"
        if self.day < 0:
            return "in 1 day" if self.day == -1 else f"in {-self.day} days"
        if self.day == 0:
            return "workshop day"
        if self.day <= TARGET_DAY:
            return f"day {self.day} of {TARGET_DAY}"
        return f"day {self.day}, the {TARGET_DAY} days are over"

    @property
    def verdict_words(self) -> str:
        """ "at risk on day 14", "no data yet", "no workflow chosen"."""
        if self.verdict is None:
            return "no workflow chosen"
        if self.verdict is Verdict.NO_DATA or self.verdict_day is None:
            return str(self.verdict)
        return f"{self.verdict} on day {self.verdict_day}"


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" + ("" if number == 1 else "s")


def _latest_reading_day(workshop: Workshop, candidate_id: str, start: dt.date) -> int | None:
    metric_ids = {metric.id for metric in workshop.metrics_of(candidate_id)}
    dates = []
    for checkin in workshop.checkins:
        if checkin.metric_id not in metric_ids:
            continue
        try:
            dates.append(dt.date.fromisoformat(checkin.date))
        except ValueError:
            continue
    return (max(dates) - start).days if dates else None


def state_of(workshop: Workshop, today: dt.date) -> WorkshopState:
    """Where ``workshop`` stands on ``today``."""
    gaps = gate_gaps(workshop)
    people = {person.id for person in workshop.stakeholders}
    decisions = {
        s.stakeholder_id: s.decision for s in workshop.signoffs if s.stakeholder_id in people
    }
    approved = sum(1 for d in decisions.values() if d is SignoffDecision.APPROVED)
    start = workshop.info.day
    chosen = workshop.chosen
    workflow, verdict, verdict_day = "", None, None
    if len(chosen) == 1:
        workflow = chosen[0].name
        verdict = overall_progress(workshop, chosen[0].id).verdict
        if start is not None and verdict is not Verdict.NO_DATA:
            verdict_day = _latest_reading_day(workshop, chosen[0].id, start)
    return WorkshopState(
        agreement=Agreement.DRAFT if gaps else Agreement.AGREED,
        open_points=len(gaps),
        approved=approved,
        changes_requested=len(decisions) - approved,
        must_sign=len(workshop.stakeholders),
        day=None if start is None else (today - start).days,
        workflow=workflow,
        verdict=verdict,
        verdict_day=verdict_day,
    )
