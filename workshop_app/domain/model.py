"""The workshop as plain Python objects, one class per entity of the interchange format.

Objects are mutable dataclasses so the store can keep one in memory and apply edits to it;
nothing here knows about files, Qt or templates. The closed sets of words their fields take
(statuses, kinds, periods…) are :mod:`~workshop_app.domain.kinds`'s, and importable from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Any

from workshop_app.domain.kinds import (
    CandidateStatus,
    DataReadiness,
    DecisionKind,
    Direction,
    EstimateFact,
    Level,
    MetricKind,
    Period,
    RiskCategory,
    SignoffChannel,
    SignoffDecision,
    StakeholderKind,
    StallSign,
    Symptom,
)
from workshop_app.domain.records import record

#: The title of a workshop nobody has named yet.
UNTITLED = "Untitled workshop"


@record
class WorkshopInfo:
    title: str = ""
    organization: str = ""
    date: str = ""
    facilitator: str = ""
    location: str = ""
    notes: str = ""

    @property
    def day(self) -> dt.date | None:
        """The workshop date as a calendar day; None while it is empty or not a real date."""
        try:
            return dt.date.fromisoformat(self.date)
        except ValueError:
            return None


@record
class Stakeholder:
    id: str
    name: str = ""
    role: str = ""
    department: str = ""
    email: str = ""
    kind: StakeholderKind = StakeholderKind.OTHER


@record
class Problem:
    id: str
    title: str = ""
    description: str = ""
    affected: str = ""
    symptoms: list[Symptom] = field(default_factory=list)
    raised_by: str | None = None


@record
class PriorAttempt:
    id: str
    what: str = ""
    notes: str = ""
    stall_signs: list[StallSign] = field(default_factory=list)


@record
class Frequency:
    """How often the work happens: ``count`` times per ``per``; a count of None is not
    estimated yet."""

    count: float | None = 1
    per: Period = Period.WEEK


@record
class Overrides:
    """The facilitator's replacement scores; each applies only with a written reason."""

    friction: int | None = None
    frequency: int | None = None
    reason: str = ""

    @property
    def any(self) -> bool:
        return self.friction is not None or self.frequency is not None


@record
class Candidate:
    """A candidate workflow and the facts the ranking reads.

    The three facts the room estimates (``frequency.count``, ``minutes_per_occurrence`` and
    ``pain``) may be None: not estimated yet. Such a candidate *awaits estimates*: it is not
    scored or ranked until all three have a value. ``example`` is the id of the library
    example it was added from, if any (its typical ranges are shown as hints, never as values).
    """

    id: str
    name: str = ""
    description: str = ""
    problem_ids: list[str] = field(default_factory=list)
    frequency: Frequency = field(default_factory=Frequency)
    minutes_per_occurrence: float | None = 0
    people: int = 1
    pain: int | None = 3
    handoffs: int = 0
    data_readiness: DataReadiness = DataReadiness.PARTIAL
    integration_effort: Level = Level.MEDIUM
    governance: Level = Level.LOW
    appetite: int = 3
    votes: int = 0
    status: CandidateStatus = CandidateStatus.CANDIDATE
    parked_reason: str = ""
    overrides: Overrides = field(default_factory=Overrides)
    example: str | None = None

    @property
    def unestimated(self) -> tuple[EstimateFact, ...]:
        """The facts not estimated yet, in the order the room estimates them."""
        values = {
            EstimateFact.OCCURRENCES: self.frequency.count,
            EstimateFact.MINUTES: self.minutes_per_occurrence,
            EstimateFact.PAIN: self.pain,
        }
        return tuple(fact for fact, value in values.items() if value is None)

    @property
    def estimated(self) -> bool:
        """Whether all three facts the ranking reads have a value (read for every candidate
        on every ranking, so without building :attr:`unestimated`)."""
        return (
            self.frequency.count is not None
            and self.minutes_per_occurrence is not None
            and self.pain is not None
        )


@record
class Metric:
    id: str
    candidate_id: str
    name: str = ""
    kind: MetricKind = MetricKind.OUTCOME
    unit: str = ""
    direction: Direction = Direction.INCREASE
    baseline: float | None = None
    target: float | None = None
    method: str = ""
    owner_id: str | None = None
    agreed_by: list[str] = field(default_factory=list)


@record
class Adoption:
    champion_id: str | None = None
    owner_id: str | None = None
    users_involved: list[str] = field(default_factory=list)
    trust_measures: str = ""
    training: str = ""
    feedback_channel: str = ""


@record
class Risk:
    id: str
    description: str = ""
    category: RiskCategory = RiskCategory.OTHER
    likelihood: int = 3
    impact: int = 3
    mitigation: str = ""
    owner_id: str | None = None

    @property
    def exposure(self) -> int:
        """Likelihood × impact, the order of the risk register."""
        return self.likelihood * self.impact


@record
class Checkin:
    metric_id: str
    date: str
    value: float
    note: str = ""


@record
class Signoff:
    stakeholder_id: str
    date: str
    decision: SignoffDecision = SignoffDecision.APPROVED
    comment: str = ""
    #: The fingerprint of the charter they signed (:mod:`workshop_app.domain.fingerprint`);
    #: None for a sign-off recorded before versions were kept.
    version: str | None = None
    #: How it reached the facilitator; None for a sign-off recorded before this was kept.
    channel: SignoffChannel | None = None
    #: The name they typed on their review form (their signature); None when not signed so.
    signed_as: str | None = None
    #: Their comments on the three parts of the review form; None when they wrote none.
    comment_workflow: str | None = None
    comment_metrics: str | None = None
    comment_adoption: str | None = None

    def section_comments(self) -> list[tuple[str, str]]:
        """The comments on parts of the charter, as (part, comment), in the form's order."""
        parts = (
            ("workflow", self.comment_workflow),
            ("metrics", self.comment_metrics),
            ("adoption plan", self.comment_adoption),
        )
        return [(part, text) for part, text in parts if text]


@record
class PlannedCheckin:
    """A check-in meeting after the workshop: its day (counted from the workshop date) and
    the notes of the meeting."""

    day: int
    note: str = ""


@record
class Decision:
    at: str
    kind: DecisionKind
    candidate_id: str | None = None
    reason: str = ""


@record
class CharterVersion:
    """One version of the charter as it was exported (to PDF).

    Attributes:
        fingerprint: the version's name, printed in the PDF's footer and metadata.
        exported_at: when it was last exported, as the decision log writes times.
        document: the charter document of that version (the interchange document without
            ``versions``, ``checkins`` and ``checkin_plan``), to tell what changed since.
    """

    fingerprint: str
    exported_at: str
    document: dict[str, Any] = field(default_factory=dict)


@record
class Estimate:
    """One person's answer in a round of blind estimates of one fact of one candidate.

    Attributes:
        candidate_id: the candidate estimated.
        fact: which of its facts.
        round: 1 for the first round, 2 for the one after the reveal, and so on.
        who: the stakeholder who answered; None for an anonymous answer (a paper slip).
        value: the number given; None when they passed.
        per: for ``occurrences``, the period the count is per (as in the candidate's
            frequency); None for the other facts.
    """

    candidate_id: str
    fact: EstimateFact
    round: int = 1
    who: str | None = None
    value: float | None = None
    per: Period | None = None

    @property
    def passed(self) -> bool:
        return self.value is None


@record
class Workshop:
    """One whole workshop: everything the interchange format carries."""

    info: WorkshopInfo = field(default_factory=WorkshopInfo)
    stakeholders: list[Stakeholder] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    prior_attempts: list[PriorAttempt] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    adoption: Adoption = field(default_factory=Adoption)
    risks: list[Risk] = field(default_factory=list)
    checkins: list[Checkin] = field(default_factory=list)
    signoffs: list[Signoff] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    #: The check-in meetings; empty means the default plan (day 7, 14 and 30).
    checkin_plan: list[PlannedCheckin] = field(default_factory=list)
    #: Every answer of every blind-estimate round, in the order they were recorded.
    estimates: list[Estimate] = field(default_factory=list)
    #: Every version of the charter exported, in the order of their last export.
    versions: list[CharterVersion] = field(default_factory=list)

    def stakeholder(self, stakeholder_id: str | None) -> Stakeholder | None:
        return next((s for s in self.stakeholders if s.id == stakeholder_id), None)

    def candidate(self, candidate_id: str | None) -> Candidate | None:
        return next((c for c in self.candidates if c.id == candidate_id), None)

    def metric(self, metric_id: str | None) -> Metric | None:
        return next((m for m in self.metrics if m.id == metric_id), None)

    @property
    def chosen(self) -> list[Candidate]:
        return [c for c in self.candidates if c.status is CandidateStatus.CHOSEN]

    def metrics_of(self, candidate_id: str) -> list[Metric]:
        return [m for m in self.metrics if m.candidate_id == candidate_id]
