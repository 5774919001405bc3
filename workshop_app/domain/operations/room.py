"""The room's decisions as operations: dot votes, choosing the one workflow, parking the rest,
overriding a score and signing off. Each writes the decision log (through
:mod:`workshop_app.domain.decisions`), and its undo restores the candidates, the sign-offs and
the log exactly as they were."""

from __future__ import annotations

import copy
from collections.abc import Callable

from workshop_app.domain import decisions
from workshop_app.domain.changes import Changes, Part, Refused
from workshop_app.domain.fields import MOST_VOTES
from workshop_app.domain.model import (
    CandidateStatus,
    Decision,
    Overrides,
    Signoff,
    SignoffDecision,
    Workshop,
)
from workshop_app.domain.operations.step import Outcome, Step, nothing, operation
from workshop_app.domain.records import record
from workshop_app.domain.versions import charter_fingerprint


@record(frozen=True)
class RoomState:
    """What a decision of the room can change: every candidate's status, parked reason and
    overrides, the sign-offs and the decision log."""

    candidates: dict[str, tuple[CandidateStatus, str, Overrides]]
    signoffs: list[Signoff]
    log: list[Decision]

    @classmethod
    def of(cls, workshop: Workshop) -> RoomState:
        states = {
            c.id: (c.status, c.parked_reason, copy.deepcopy(c.overrides))
            for c in workshop.candidates
        }
        return cls(states, list(workshop.signoffs), list(workshop.decisions))


_ROOM = Changes.whole((Part.CANDIDATES, Part.SIGNOFFS, Part.DECISIONS))


def _restore_room(workshop: Workshop, state: RoomState) -> Outcome:
    undo = Step(_restore_room, (RoomState.of(workshop),))
    for candidate in workshop.candidates:
        if candidate.id in state.candidates:
            status, reason, overrides = state.candidates[candidate.id]
            candidate.status, candidate.parked_reason = status, reason
            candidate.overrides = copy.deepcopy(overrides)
    workshop.signoffs[:] = state.signoffs
    workshop.decisions[:] = state.log
    return Outcome.made(_ROOM, undo)


def _decide(workshop: Workshop, decide: Callable[[], list[Decision]], touched: Changes) -> Outcome:
    before = RoomState.of(workshop)
    if not decide():
        return nothing()
    return Outcome.made(touched | Changes.of(Part.DECISIONS), Step(_restore_room, (before,)))


def _votes(workshop: Workshop, candidate_id: str, votes: int) -> Outcome:
    candidate = workshop.candidate(candidate_id)
    if candidate is None:
        raise Refused(f"no candidate has the id {candidate_id!r}")
    if isinstance(votes, bool) or not 0 <= votes <= MOST_VOTES:
        raise Refused(f"votes must be 0 to {MOST_VOTES:,}, got {votes}")
    old, candidate.votes = candidate.votes, votes
    return Outcome.made(
        Changes.of(Part.CANDIDATES, candidate_id), Step(_votes, (candidate_id, old))
    )


@operation
def set_votes(workshop: Workshop, candidate_id: str, votes: int) -> Outcome:
    """Give a candidate ``votes`` dot votes (0 to 10,000)."""
    return _votes(workshop, candidate_id, votes)


@operation
def choose(workshop: Workshop, candidate_id: str, reason: str, at: str) -> Outcome:
    """Make one candidate THE workflow; a previously chosen one goes back to the candidates."""
    return _decide(
        workshop,
        lambda: decisions.choose(workshop, candidate_id, reason, at),
        Changes.of(Part.CANDIDATES),
    )


@operation
def unchoose(workshop: Workshop, candidate_id: str, reason: str, at: str) -> Outcome:
    """Put the chosen workflow back among the candidates."""
    return _decide(
        workshop,
        lambda: decisions.unchoose(workshop, candidate_id, reason, at),
        Changes.of(Part.CANDIDATES, candidate_id),
    )


@operation
def park(workshop: Workshop, candidate_id: str, reason: str, at: str) -> Outcome:
    """Set a candidate aside for "then expand"; a reason is required."""
    return _decide(
        workshop,
        lambda: decisions.park(workshop, candidate_id, reason, at),
        Changes.of(Part.CANDIDATES, candidate_id),
    )


@operation
def unpark(workshop: Workshop, candidate_id: str, reason: str, at: str) -> Outcome:
    """Bring a parked candidate back into play."""
    return _decide(
        workshop,
        lambda: decisions.unpark(workshop, candidate_id, reason, at),
        Changes.of(Part.CANDIDATES, candidate_id),
    )


@operation
def override_scores(
    workshop: Workshop,
    candidate_id: str,
    friction: int | None,
    frequency: int | None,
    reason: str,
    at: str,
) -> Outcome:
    """Replace either score with the facilitator's (None keeps the computed one); a written
    reason is required to set one."""
    return _decide(
        workshop,
        lambda: decisions.override_scores(workshop, candidate_id, friction, frequency, reason, at),
        Changes.of(Part.CANDIDATES, candidate_id),
    )


@operation
def sign(
    workshop: Workshop,
    stakeholder_id: str,
    decision: SignoffDecision,
    comment: str,
    at: str,
    version: str | None = None,
) -> Outcome:
    """Record one stakeholder's sign-off, replacing an earlier one of theirs, on ``version``
    of the charter (a fingerprint; by default the version as it is now, which signing does
    not change)."""
    signed = charter_fingerprint(workshop) if version is None else version
    return _decide(
        workshop,
        lambda: decisions.sign(workshop, stakeholder_id, decision, comment, at, version=signed),
        Changes.of(Part.SIGNOFFS),
    )


@operation
def record_signoff(workshop: Workshop, signoff: Signoff, at: str) -> Outcome:
    """Record a sign-off that came from outside the room — a stakeholder's review form, an
    email or a paper copy — as it is given (its date, decision, comments, channel, typed name
    and the version reviewed), replacing an earlier one of theirs."""
    return _decide(
        workshop,
        lambda: decisions.record_signoff(workshop, signoff, at),
        Changes.of(Part.SIGNOFFS),
    )
