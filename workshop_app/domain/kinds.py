"""The closed sets of words a workshop uses (:mod:`workshop_app.domain.model`): who a
stakeholder is, the symptoms and stall signs, periods, levels, a candidate's status, the kinds of
metric, risk, sign-off and decision, and the facts the room can estimate. Each value is the word
the interchange format stores."""

from __future__ import annotations

from enum import StrEnum


class StakeholderKind(StrEnum):
    SPONSOR = "sponsor"
    PROCESS_OWNER = "process_owner"
    DAILY_USER = "daily_user"
    IT_DATA = "it_data"
    GOVERNANCE = "governance"
    OTHER = "other"


class Symptom(StrEnum):
    TIME_SINK = "time_sink"
    DROPPED_HANDOFFS = "dropped_handoffs"
    SLOW_REPORTING = "slow_reporting"
    ERRORS_REWORK = "errors_rework"
    WAITING_ON_DATA = "waiting_on_data"


class StallSign(StrEnum):
    UNUSED_OUTPUTS = "unused_outputs"
    SPONSORS_DISENGAGED = "sponsors_disengaged"
    DATA_ACCESS = "data_access"
    INTEGRATION = "integration"
    GOVERNANCE = "governance"
    DISTRUST = "distrust"


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


#: The working days in a month: a count given per day happens on each of them.
WORKING_DAYS_PER_MONTH = 21


class DataReadiness(StrEnum):
    READY = "ready"
    PARTIAL = "partial"
    MISSING = "missing"


class Level(StrEnum):
    """Integration effort and governance sensitivity share one low/medium/high scale."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class CandidateStatus(StrEnum):
    CANDIDATE = "candidate"
    CHOSEN = "chosen"
    PARKED = "parked"


class MetricKind(StrEnum):
    ADOPTION = "adoption"
    OUTCOME = "outcome"
    TRUST = "trust"
    ACTIVITY = "activity"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class RiskCategory(StrEnum):
    DATA_ACCESS = "data_access"
    INTEGRATION = "integration"
    GOVERNANCE = "governance"
    TRUST = "trust"
    SURVEILLANCE = "surveillance"
    CREATIVE_CONTROL = "creative_control"
    SPONSORSHIP = "sponsorship"
    OTHER = "other"


class SignoffDecision(StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"


class SignoffChannel(StrEnum):
    """How a sign-off reached the facilitator."""

    #: Recorded in the app, in the room.
    ROOM = "room"
    #: The stakeholder's review form (PDF), filled in and imported.
    FORM = "form"
    #: An email, its text pasted in by the facilitator.
    EMAIL = "email"
    #: Seen on paper (a printed form or charter), entered by hand.
    PAPER = "paper"


class DecisionKind(StrEnum):
    CHOSEN = "chosen"
    UNCHOSEN = "unchosen"
    PARKED = "parked"
    UNPARKED = "unparked"
    OVERRIDE = "override"
    GATE_PASSED = "gate_passed"
    SIGNED = "signed"
    #: The room settled one fact of a candidate from a round of blind estimates.
    ESTIMATED = "estimated"
    #: The workshop was started from an earlier one ("then expand"): the first entry of its log.
    EXPANDED = "expanded"


class EstimateFact(StrEnum):
    """The facts of a candidate the room can estimate blind: how often it happens (count per
    period), how many minutes each time, and how painful it is (1–5)."""

    OCCURRENCES = "occurrences"
    MINUTES = "minutes"
    PAIN = "pain"
