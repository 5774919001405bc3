"""The ranking model: scores, priority, hours at stake, readiness, quadrants, the recommendation.

Everything here follows PRODUCT.md's ranking model and is meant to be explained in the room:
each number comes with the rule that produced it, and each rank with the reason for its place.
Thresholds are compared with exact fractions so 20 occurrences a month is never 19.999….
A candidate whose occurrences, minutes or pain are not estimated yet *awaits estimates*: it is
neither scored nor ranked, and is listed after the ranked ones (:func:`awaiting_estimates`).
"""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction

from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    DataReadiness,
    EstimateFact,
    Level,
    Period,
)
from workshop_app.domain.per_month import PER_MONTH
from workshop_app.domain.records import record

#: (lowest occurrences per month, score, plain words), highest first.
FREQUENCY_BANDS = (
    (100, 5, "many a day"),
    (20, 4, "daily"),
    (4, 3, "weekly"),
    (1, 2, "monthly"),
    (0, 1, "rarely"),
)
#: (lowest minutes per occurrence, score), highest first.
MINUTES_BANDS = ((240, 5), (60, 4), (15, 3), (5, 2), (0, 1))

#: Scores at or above this count as "high" on the matrix.
QUADRANT_SPLIT = 3


class Readiness(StrEnum):
    READY = "ready"
    NEEDS_WORK = "needs work"
    BLOCKED = "blocked"


class Quadrant(StrEnum):
    START_HERE = "start here"
    IRRITANT = "irritant"
    SIMPLE_AUTOMATION = "simple automation"
    LEAVE = "leave"


class DecidedBy(StrEnum):
    """What settled the order of two candidates on the same priority, in the order tried."""

    HOURS = "hours"
    VOTES = "votes"
    NAME = "name"


@record(frozen=True)
class TieBreak:
    """How a candidate's place was settled against its neighbour on the same priority.

    Attributes:
        above: True when the candidate stands above ``neighbour``, False when below it.
        neighbour: the candidate next to it in the ranking, on the same priority.
        decided_by: what settled the order: more hours at stake, more votes, or the name.
        detail: the rule with its numbers, e.g. ``more votes (4 against 1)``.
    """

    above: bool
    neighbour: Candidate
    decided_by: DecidedBy
    detail: str

    def __str__(self) -> str:
        """``below Beta on the same priority: more votes (4 against 1)``."""
        side = "above" if self.above else "below"
        return f"{side} {self.neighbour.name} on the same priority: {self.detail}"


class AwaitsEstimates(ValueError):
    """A fact the ranking needs is not estimated yet."""


def estimated_facts(candidate: Candidate) -> tuple[float, float, int]:
    """The count (in its own period), minutes each time and pain of a candidate; raises
    :class:`AwaitsEstimates` when any of them is not estimated yet."""
    count, minutes, pain = (
        candidate.frequency.count,
        candidate.minutes_per_occurrence,
        candidate.pain,
    )
    if count is None or minutes is None or pain is None:
        raise AwaitsEstimates(f"{candidate.name or candidate.id} awaits estimates")
    return count, minutes, pain


#: The facts in the room's words, for "estimate its occurrences, minutes and pain first".
FACT_NAMES = {
    EstimateFact.OCCURRENCES: "occurrences",
    EstimateFact.MINUTES: "minutes",
    EstimateFact.PAIN: "pain",
}


def missing_words(candidate: Candidate) -> str:
    """The facts a candidate still needs, in words: ``occurrences, minutes and pain``."""
    names = [FACT_NAMES[fact] for fact in candidate.unestimated]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def occurrences_per_month(candidate: Candidate) -> Fraction:
    """How often the work happens in a month (21 working days, 52/12 weeks)."""
    count = estimated_facts(candidate)[0]
    return Fraction(count) * PER_MONTH[candidate.frequency.per]


def frequency_score(per_month: Fraction | float) -> int:
    """1–5 from occurrences per month: ≥100 → 5, ≥20 → 4, ≥4 → 3, ≥1 → 2, else 1."""
    return _frequency_band(per_month, 1)


def _frequency_band(scaled: Fraction | float, denominator: int) -> int:
    """The frequency score of ``scaled / denominator`` occurrences a month, compared without
    dividing so whole counts stay exact (and fast: no Fraction in the ranking's hot path)."""
    return next(score for low, score, _words in FREQUENCY_BANDS if scaled >= low * denominator)


def minutes_score(minutes: Fraction | float) -> int:
    """1–5 from minutes of effort per occurrence: ≥240 → 5, ≥60 → 4, ≥15 → 3, ≥5 → 2, else 1."""
    return next(score for low, score in MINUTES_BANDS if minutes >= low)


def friction_score(minutes: Fraction | float, pain: int) -> int:
    """The mean of the minutes score and the pain rating, rounded half up."""
    total = minutes_score(minutes) + pain
    return (total + 1) // 2


def _scaled_per_month(count: float, per: Period) -> tuple[float, int]:
    """Occurrences per month as (count × numerator, denominator) of the period's ratio."""
    ratio = PER_MONTH[per]
    return count * ratio.numerator, ratio.denominator


def hours_per_month(candidate: Candidate) -> float | None:
    """Hours of human effort at stake each month: occurrences × minutes / 60; None while the
    candidate awaits estimates of either."""
    count, minutes = candidate.frequency.count, candidate.minutes_per_occurrence
    if count is None or minutes is None:
        return None
    scaled, denominator = _scaled_per_month(count, candidate.frequency.per)
    return scaled * minutes / (denominator * 60)


def readiness(candidate: Candidate) -> tuple[Readiness, list[str]]:
    """The 30-day readiness verdict and every reason behind it, the gravest first."""
    blocked: list[str] = []
    needs_work: list[str] = []
    if candidate.data_readiness is DataReadiness.MISSING:
        blocked.append("the data it needs is missing")
    elif candidate.data_readiness is DataReadiness.PARTIAL:
        needs_work.append("the data it needs is only partly available")
    if candidate.governance is Level.HIGH:
        blocked.append("governance sensitivity is high")
    if candidate.integration_effort is Level.HIGH:
        needs_work.append("integration effort is high")
    if blocked:
        return Readiness.BLOCKED, blocked + needs_work
    if needs_work:
        return Readiness.NEEDS_WORK, needs_work
    return Readiness.READY, [
        "the data is ready",
        f"integration effort is {candidate.integration_effort}",
        f"governance sensitivity is {candidate.governance}",
    ]


def quadrant(friction: int, frequency: int) -> Quadrant:
    """Where a candidate sits on the friction × frequency matrix (split at 3)."""
    high_friction = friction >= QUADRANT_SPLIT
    high_frequency = frequency >= QUADRANT_SPLIT
    if high_friction and high_frequency:
        return Quadrant.START_HERE
    if high_friction:
        return Quadrant.IRRITANT
    if high_frequency:
        return Quadrant.SIMPLE_AUTOMATION
    return Quadrant.LEAVE


@record(frozen=True)
class Scored:
    """A candidate with every number the ranking shows for it.

    Attributes:
        candidate: the candidate itself (not a copy).
        rank: 1 for the first place.
        computed_friction, computed_frequency: the scores from the facts alone.
        friction_score, frequency_score: the scores used, after any override.
        priority: friction × frequency, 1–25.
        per_month: occurrences per month.
        hours_per_month: hours of effort at stake per month.
        readiness, readiness_reasons: the 30-day verdict and why.
        quadrant: the matrix quadrant.
        reason: one sentence on why the candidate holds its place.
        tie_break: how its place was settled against a neighbour on the same priority, or
            None when no neighbour shares its priority.
    """

    candidate: Candidate
    rank: int
    computed_friction: int
    computed_frequency: int
    friction_score: int
    frequency_score: int
    priority: int
    per_month: float
    hours_per_month: float
    readiness: Readiness
    readiness_reasons: tuple[str, ...]
    quadrant: Quadrant
    reason: str
    tie_break: TieBreak | None

    @property
    def overridden(self) -> bool:
        return self.candidate.overrides.any


def _score_words(friction: int, frequency: int, candidate: Candidate) -> str:
    words = f"priority {friction * frequency} = friction {friction} × frequency {frequency}"
    if candidate.overrides.any:
        words += " (overridden: " + candidate.overrides.reason.strip() + ")"
    return words


def _decided_by(first: _Row, second: _Row) -> tuple[DecidedBy, str]:
    """Why ``first`` stands above ``second`` when both have the same priority."""
    if first.hours != second.hours:
        return (
            DecidedBy.HOURS,
            f"more hours at stake ({first.hours:.1f} h against {second.hours:.1f} h)",
        )
    if first.candidate.votes != second.candidate.votes:
        return (
            DecidedBy.VOTES,
            f"more votes ({first.candidate.votes} against {second.candidate.votes})",
        )
    return DecidedBy.NAME, "equal on hours and votes, so listed by name"


@record(frozen=True)
class _Row:
    candidate: Candidate
    computed_friction: int
    computed_frequency: int
    friction: int
    frequency: int
    per_month: float
    hours: float

    @property
    def priority(self) -> int:
        return self.friction * self.frequency

    @property
    def key(self) -> tuple[int, float, int, str, str]:
        return (
            -self.priority,
            -self.hours,
            -self.candidate.votes,
            self.candidate.name.casefold(),
            self.candidate.id,
        )


def _row(candidate: Candidate) -> _Row:
    count, minutes, pain = estimated_facts(candidate)
    scaled, denominator = _scaled_per_month(count, candidate.frequency.per)
    per_month = scaled / denominator
    computed_friction = friction_score(minutes, pain)
    computed_frequency = _frequency_band(scaled, denominator)
    return _Row(
        candidate,
        computed_friction,
        computed_frequency,
        candidate.overrides.friction or computed_friction,
        candidate.overrides.frequency or computed_frequency,
        per_month,
        scaled * minutes / (denominator * 60),
    )


def _tie_break(rows: list[_Row], index: int) -> TieBreak | None:
    """How the row at ``index`` was placed against the row above it on the same priority, or
    else against the row below it; None when neither shares its priority."""
    row = rows[index]
    above = rows[index - 1] if index > 0 else None
    below = rows[index + 1] if index + 1 < len(rows) else None
    if above is not None and above.priority == row.priority:
        return TieBreak(False, above.candidate, *_decided_by(above, row))
    if below is not None and below.priority == row.priority:
        return TieBreak(True, below.candidate, *_decided_by(row, below))
    return None


def _rank_reason(row: _Row, tie_break: TieBreak | None) -> str:
    reason = _score_words(row.friction, row.frequency, row.candidate)
    reason += f"; {row.hours:.1f} h a month at stake"
    if tie_break is not None:
        reason += f"; {tie_break}"
    return reason


def rank_candidates(candidates: list[Candidate]) -> list[Scored]:
    """Every estimated candidate, highest priority first, ties broken by hours, then votes,
    then name. A candidate awaiting estimates is left out (see :func:`awaiting_estimates`)."""
    rows = sorted(
        (_row(candidate) for candidate in candidates if candidate.estimated),
        key=lambda row: row.key,
    )
    ranked: list[Scored] = []
    for index, row in enumerate(rows):
        verdict, reasons = readiness(row.candidate)
        tie_break = _tie_break(rows, index)
        ranked.append(
            Scored(
                candidate=row.candidate,
                rank=index + 1,
                computed_friction=row.computed_friction,
                computed_frequency=row.computed_frequency,
                friction_score=row.friction,
                frequency_score=row.frequency,
                priority=row.priority,
                per_month=row.per_month,
                hours_per_month=row.hours,
                readiness=verdict,
                readiness_reasons=tuple(reasons),
                quadrant=quadrant(row.friction, row.frequency),
                reason=_rank_reason(row, tie_break),
                tie_break=tie_break,
            )
        )
    return ranked


def recommendation(ranked: list[Scored]) -> Scored | None:
    """The highest-priority candidate still in play (not parked) that is not blocked."""
    return next(
        (
            row
            for row in ranked
            if row.readiness is not Readiness.BLOCKED
            and row.candidate.status is not CandidateStatus.PARKED
        ),
        None,
    )


@record(frozen=True)
class Awaiting:
    """A candidate the ranking leaves out until the room has estimated its facts.

    Attributes:
        candidate: the candidate itself (not a copy).
        missing: the facts not estimated yet.
        readiness, readiness_reasons: the 30-day verdict, which needs none of those facts.
        reason: one sentence on why it is not ranked.
    """

    candidate: Candidate
    missing: tuple[EstimateFact, ...]
    readiness: Readiness
    readiness_reasons: tuple[str, ...]
    reason: str


#: What the ranking says in place of a rank or a score.
AWAITING = "awaiting estimates"


def awaiting_estimates(candidates: list[Candidate]) -> list[Awaiting]:
    """The candidates that await estimates, in list order: shown after the ranked ones."""
    waiting: list[Awaiting] = []
    for candidate in candidates:
        if candidate.estimated:
            continue
        verdict, reasons = readiness(candidate)
        waiting.append(
            Awaiting(
                candidate,
                candidate.unestimated,
                verdict,
                tuple(reasons),
                f"not ranked: its {missing_words(candidate)} "
                f"{'is' if candidate.unestimated == (EstimateFact.PAIN,) else 'are'} "
                "not estimated yet",
            )
        )
    return waiting
