"""The room's choices as operations that also write the decision log.

Each operation changes the workshop in place and returns the :class:`Decision` records it
added, so the store can save exactly what changed and the charter can show how the room got to
its decision. Times are passed in (``at``) so the log is reproducible in tests.
"""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.changes import Refused
from workshop_app.domain.gate import is_agreed
from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    Decision,
    DecisionKind,
    Signoff,
    SignoffDecision,
    Workshop,
)


class DecisionRefused(Refused):
    """An operation the rules do not allow, with the reason in plain words."""


def timestamp(moment: dt.datetime | None = None) -> str:
    """A decision time as the format writes it (local time, to the second)."""
    return (moment or dt.datetime.now()).replace(microsecond=0).isoformat()


def _candidate(workshop: Workshop, candidate_id: str) -> Candidate:
    candidate = workshop.candidate(candidate_id)
    if candidate is None:
        raise DecisionRefused(f"no candidate has the id {candidate_id!r}")
    return candidate


def _log(
    workshop: Workshop, kind: DecisionKind, at: str, candidate_id: str | None, reason: str
) -> Decision:
    decision = Decision(at=at, kind=kind, candidate_id=candidate_id, reason=reason.strip())
    workshop.decisions.append(decision)
    return decision


def note_gate(workshop: Workshop, was_agreed: bool, at: str, logged_before: int) -> list[Decision]:
    """Log ``gate_passed`` when a change (of any kind) has just made the charter agreed.

    Every operation runs this after its change (:func:`operations.step.operation`), so the
    moment the 30-day gate passes is in the decision log however the room got there.
    ``logged_before`` is the length of the log before the edit: an edit that logged the gate
    itself is left alone.
    """
    if was_agreed or not is_agreed(workshop):
        return []
    if any(entry.kind is DecisionKind.GATE_PASSED for entry in workshop.decisions[logged_before:]):
        return []
    return _after_change(workshop, at, was_agreed)


def _after_change(workshop: Workshop, at: str, was_agreed: bool) -> list[Decision]:
    """Record the gate being passed when a change makes the charter agreed."""
    if not was_agreed and is_agreed(workshop):
        chosen = workshop.chosen[0].id
        return [
            _log(
                workshop,
                DecisionKind.GATE_PASSED,
                at,
                chosen,
                "Every condition of the 30-day gate is met.",
            )
        ]
    return []


def choose(workshop: Workshop, candidate_id: str, reason: str, at: str) -> list[Decision]:
    """Make one candidate THE workflow; a previously chosen one goes back to the candidates.
    A candidate that awaits estimates cannot be chosen: it has no place in the ranking yet."""
    target = _candidate(workshop, candidate_id)
    if target.status is CandidateStatus.CHOSEN:
        return []
    if not target.estimated:
        raise DecisionRefused(
            f"{target.name or target.id} awaits estimates: estimate its occurrences, minutes "
            "and pain first"
        )
    was_agreed = is_agreed(workshop)
    added: list[Decision] = []
    for other in workshop.chosen:
        other.status = CandidateStatus.CANDIDATE
        added.append(
            _log(workshop, DecisionKind.UNCHOSEN, at, other.id, f"Replaced by {target.name}.")
        )
    if target.status is CandidateStatus.PARKED:
        target.parked_reason = ""
    target.status = CandidateStatus.CHOSEN
    added.append(_log(workshop, DecisionKind.CHOSEN, at, target.id, reason))
    return added + _after_change(workshop, at, was_agreed)


def unchoose(workshop: Workshop, candidate_id: str, reason: str, at: str) -> list[Decision]:
    """Put the chosen workflow back among the candidates."""
    target = _candidate(workshop, candidate_id)
    if target.status is not CandidateStatus.CHOSEN:
        return []
    was_agreed = is_agreed(workshop)
    target.status = CandidateStatus.CANDIDATE
    added = [_log(workshop, DecisionKind.UNCHOSEN, at, target.id, reason)]
    return added + _after_change(workshop, at, was_agreed)


def park(workshop: Workshop, candidate_id: str, reason: str, at: str) -> list[Decision]:
    """Set a candidate aside for "then expand"; the reason is required."""
    if not reason.strip():
        raise DecisionRefused("a parked candidate needs a reason")
    target = _candidate(workshop, candidate_id)
    was_agreed = is_agreed(workshop)
    added: list[Decision] = []
    if target.status is CandidateStatus.CHOSEN:
        added.append(_log(workshop, DecisionKind.UNCHOSEN, at, target.id, reason))
    target.status = CandidateStatus.PARKED
    target.parked_reason = reason.strip()
    added.append(_log(workshop, DecisionKind.PARKED, at, target.id, reason))
    return added + _after_change(workshop, at, was_agreed)


def unpark(workshop: Workshop, candidate_id: str, reason: str, at: str) -> list[Decision]:
    """Bring a parked candidate back into play."""
    target = _candidate(workshop, candidate_id)
    if target.status is not CandidateStatus.PARKED:
        return []
    was_agreed = is_agreed(workshop)
    target.status = CandidateStatus.CANDIDATE
    target.parked_reason = ""
    added = [_log(workshop, DecisionKind.UNPARKED, at, target.id, reason)]
    return added + _after_change(workshop, at, was_agreed)


def override_scores(
    workshop: Workshop,
    candidate_id: str,
    friction: int | None,
    frequency: int | None,
    reason: str,
    at: str,
) -> list[Decision]:
    """Replace either score with the facilitator's; a reason is required to set one."""
    target = _candidate(workshop, candidate_id)
    for name, value in (("friction", friction), ("frequency", frequency)):
        if value is not None and not 1 <= value <= 5:
            raise DecisionRefused(f"the {name} override must be 1 to 5, got {value}")
    if (friction is not None or frequency is not None) and not reason.strip():
        raise DecisionRefused("an overridden score needs a written reason")
    target.overrides.friction = friction
    target.overrides.frequency = frequency
    target.overrides.reason = reason.strip() if target.overrides.any else ""
    parts = [
        f"{name} set to {value}"
        for name, value in (("friction", friction), ("frequency", frequency))
        if value is not None
    ]
    words = ", ".join(parts) if parts else "overrides removed"
    text = f"{words.capitalize()}: {reason.strip()}" if reason.strip() else words.capitalize()
    return [_log(workshop, DecisionKind.OVERRIDE, at, target.id, text)]


def sign(
    workshop: Workshop,
    stakeholder_id: str,
    decision: SignoffDecision,
    comment: str,
    at: str,
    *,
    version: str | None = None,
) -> list[Decision]:
    """Record one stakeholder's sign-off (replacing an earlier one of theirs) on ``version``
    of the charter (its fingerprint)."""
    person = workshop.stakeholder(stakeholder_id)
    if person is None:
        raise DecisionRefused(f"no stakeholder has the id {stakeholder_id!r}")
    workshop.signoffs = [s for s in workshop.signoffs if s.stakeholder_id != stakeholder_id]
    workshop.signoffs.append(
        Signoff(stakeholder_id, at[:10], decision, comment.strip(), version=version)
    )
    words = "approved" if decision is SignoffDecision.APPROVED else "requested changes"
    reason = f"{person.name} {words}" + (f": {comment.strip()}" if comment.strip() else ".")
    return [_log(workshop, DecisionKind.SIGNED, at, None, reason)]
