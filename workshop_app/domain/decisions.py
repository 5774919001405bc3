"""The room's choices as operations that also write the decision log.

Each operation changes the workshop in place and returns the :class:`Decision` records it
added, so the store can save exactly what changed and the charter can show how the room got to
its decision. Times are passed in (``at``) so the log is reproducible in tests.
"""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.changes import Refused
from workshop_app.domain.fingerprint import PATTERN as FINGERPRINT
from workshop_app.domain.gate import is_agreed
from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    Decision,
    DecisionKind,
    Signoff,
    SignoffChannel,
    SignoffDecision,
    Workshop,
)
from workshop_app.domain.text import LONG, MEDIUM, SHORT, text_problem
from workshop_app.domain.words import how_it_came


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
    """Record one stakeholder's sign-off given in the room (replacing an earlier one of
    theirs) on ``version`` of the charter (its fingerprint)."""
    signoff = Signoff(
        stakeholder_id, at[:10], decision, comment, version=version, channel=SignoffChannel.ROOM
    )
    return record_signoff(workshop, signoff, at)


def _signoff_problem(workshop: Workshop, signoff: Signoff, at: str) -> str | None:
    """Why ``signoff`` cannot be recorded, or None."""
    if signoff.version is not None and not FINGERPRINT.fullmatch(signoff.version):
        return f"{signoff.version!r} is not a charter version"
    try:
        day = dt.date.fromisoformat(signoff.date)
    except (TypeError, ValueError):
        return f"the date {signoff.date!r} is not a date written YYYY-MM-DD"
    if len(signoff.date) != 10:
        return f"the date {signoff.date!r} is not a date written YYYY-MM-DD"
    if day > dt.date.fromisoformat(at[:10]) + dt.timedelta(days=1):
        return f"the date {signoff.date} is in the future"
    texts = [("comment", signoff.comment, LONG), ("typed name", signoff.signed_as or "", SHORT)]
    texts += [(f"comment on the {part}", text, LONG) for part, text in signoff.section_comments()]
    for what, text, limit in texts:
        problem = text_problem(text, limit)
        if problem:
            return f"the {what} {problem}"
    return None


def record_signoff(workshop: Workshop, signoff: Signoff, at: str) -> list[Decision]:
    """Record a stakeholder's sign-off, however it came (in the room, on their review form,
    by email, on paper), replacing an earlier one of theirs; the decision log says who, what,
    how and on which version, with their comment (shortened to fit the log)."""
    person = workshop.stakeholder(signoff.stakeholder_id)
    if person is None:
        raise DecisionRefused(f"no stakeholder has the id {signoff.stakeholder_id!r}")
    problem = _signoff_problem(workshop, signoff, at)
    if problem:
        raise DecisionRefused(f"the sign-off of {person.name} cannot be recorded: {problem}")
    kept = Signoff(
        signoff.stakeholder_id,
        signoff.date,
        signoff.decision,
        signoff.comment.strip(),
        version=signoff.version,
        channel=signoff.channel,
        signed_as=(signoff.signed_as or "").strip() or None,
        comment_workflow=(signoff.comment_workflow or "").strip() or None,
        comment_metrics=(signoff.comment_metrics or "").strip() or None,
        comment_adoption=(signoff.comment_adoption or "").strip() or None,
    )
    workshop.signoffs = [s for s in workshop.signoffs if s.stakeholder_id != kept.stakeholder_id]
    workshop.signoffs.append(kept)
    words = "approved" if kept.decision is SignoffDecision.APPROVED else "requested changes"
    how = "" if kept.channel is SignoffChannel.ROOM else how_it_came(kept.channel)
    head = " ".join(part for part in (person.name, words, how) if part)
    if kept.channel not in (None, SignoffChannel.ROOM) and kept.version:
        head += f" (version {kept.version})"
    said = [kept.comment] if kept.comment else []
    said += [f"{part.capitalize()}: {text}" for part, text in kept.section_comments()]
    reason = f"{head}: {' '.join(said)}" if said else f"{head}."
    if len(reason) > MEDIUM:
        reason = reason[: MEDIUM - 1].rstrip() + "…"
    return [_log(workshop, DecisionKind.SIGNED, at, None, reason)]
