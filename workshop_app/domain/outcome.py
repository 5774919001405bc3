"""What a chosen workflow proved after the workshop, in words: adopted or stalled, each
metric's verdict with its latest reading, the check-in notes, and the stall signs the
follow-through showed.

"Then expand" records this as an earlier attempt of the next workshop, so the room that picks
the next workflow starts from what the first one taught.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from workshop_app.domain.checkins import MeetingState, meetings
from workshop_app.domain.model import Candidate, MetricKind, StallSign, Workshop
from workshop_app.domain.progress import MetricProgress, Verdict, metric_progress, overall_progress
from workshop_app.domain.records import record
from workshop_app.domain.text import LONG
from workshop_app.domain.words import in_words

#: A check-in note quoted in an outcome is cut after this many characters.
NOTE_QUOTED = 400


class Result(StrEnum):
    """The workflow's result in a word or two, read from its overall verdict."""

    ADOPTED = "adopted"
    PARTLY_ADOPTED = "partly adopted"
    STALLED = "stalled"
    NOT_MEASURED = "not measured"


@record(frozen=True)
class Outcome:
    """What one workflow proved by ``today``.

    Attributes:
        result: adopted, partly adopted, stalled, or not measured.
        verdict: the overall verdict of its adoption and outcome metrics.
        metrics: each metric's progress, in the workshop's order.
        stall_signs: the ways of stalling that its readings and check-ins show.
        text: all of it in sentences, at most :data:`~workshop_app.domain.text.LONG`
            characters (an earlier attempt's notes).
    """

    result: Result
    verdict: Verdict
    metrics: tuple[MetricProgress, ...]
    stall_signs: tuple[StallSign, ...]
    text: str


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def long_date(day: dt.date) -> str:
    """``10 November 2026``."""
    return f"{day.day} {day:%B %Y}"


def result_of(adoption: Verdict, overall: Verdict) -> Result:
    """The result in words. Adoption decides: a workflow people do not rely on has stalled,
    even when the outcome moved (the move may not come from it)."""
    if overall is Verdict.NO_DATA:
        return Result.NOT_MEASURED
    if overall is Verdict.ON_TRACK:
        return Result.ADOPTED
    if overall is Verdict.OFF_TRACK or adoption is Verdict.OFF_TRACK:
        return Result.STALLED
    return Result.PARTLY_ADOPTED


#: The metric kinds whose falling behind is a stall sign, and the sign.
_SIGN_OF_KIND = (
    (MetricKind.ADOPTION, StallSign.UNUSED_OUTPUTS),
    (MetricKind.TRUST, StallSign.DISTRUST),
)


def _stall_signs(
    workshop: Workshop, progress: list[MetricProgress], today: dt.date
) -> tuple[list[StallSign], list[str]]:
    """The stall signs the follow-through showed, each with its evidence in words:

    * an adoption metric off track: the outputs went unused;
    * a trust metric off track: users did not trust the outputs enough to stop redoing work;
    * a check-in meeting past its date with neither notes nor readings: nobody followed up,
      the way sponsors drift away when no early result appears.

    Trouble with data access, integration or governance leaves no trace in the readings; the
    facilitator ticks those on the earlier attempt when the room names them.
    """
    signs: list[StallSign] = []
    evidence: list[str] = []
    for kind, sign in _SIGN_OF_KIND:
        behind = [
            clip(p.metric.name, 80)
            for p in progress
            if p.metric.kind is kind and p.verdict is Verdict.OFF_TRACK
        ]
        if behind:
            signs.append(sign)
            evidence.append(f"{in_words(sign).lower()} ({'; '.join(behind)}: off track)")
    missed = [m.day for m in meetings(workshop, today) if m.state is MeetingState.OVERDUE]
    if missed:
        signs.append(StallSign.SPONSORS_DISENGAGED)
        days = " and ".join(", ".join(f"day {day}" for day in missed).rsplit(", ", 1))
        evidence.append(
            f"{in_words(StallSign.SPONSORS_DISENGAGED).lower()} (no check-in on {days})"
        )
    return signs, evidence


def workflow_outcome(workshop: Workshop, candidate: Candidate, today: dt.date) -> Outcome:
    """What ``candidate`` (the chosen workflow) proved by ``today``."""
    progress = [metric_progress(workshop, m) for m in workshop.metrics_of(candidate.id)]
    overall = overall_progress(workshop, candidate.id)
    result = result_of(overall.adoption, overall.verdict)
    signs, evidence = _stall_signs(workshop, progress, today)
    start = workshop.info.day
    when = f", day {(today - start).days} after the workshop" if start is not None else ""
    lines = [
        f"Result on {long_date(today)}{when}: {result}. Overall {overall.verdict} "
        f"(adoption {overall.adoption}, outcome {overall.outcome}): {overall.summary}"
    ]
    if progress:
        lines.append("Verdicts:")
        lines.extend(
            f"- {clip(p.metric.name, 120)} ({in_words(p.metric.kind).lower()}, "
            f"{len(p.readings)} reading{'' if len(p.readings) == 1 else 's'}): "
            f"{p.verdict}. {p.explanation}"
            for p in progress
        )
    else:
        lines.append("It had no metrics, so nothing was measured.")
    notes = [(m.day, m.note) for m in meetings(workshop, today) if m.note.strip()]
    if notes:
        lines.append("Check-in notes:")
        lines.extend(
            f"- Day {day}: {clip(' '.join(note.split()), NOTE_QUOTED)}" for day, note in notes
        )
    if evidence:
        lines.append(f"Stall signs the follow-through showed: {'; '.join(evidence)}.")
    else:
        lines.append("No stall sign showed in the readings or the check-ins.")
    return Outcome(
        result, overall.verdict, tuple(progress), tuple(signs), clip("\n".join(lines), LONG)
    )
