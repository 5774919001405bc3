"""Then expand: the next workshop, made from this one.

It keeps who and what the room diagnosed (the details, stakeholders and problems), brings the
parked backlog back into play with its facts, overrides and blind estimates, and records the
workflow this workshop chose as an earlier attempt with what it proved. Nothing of the first
workflow's plan comes along: its metrics, adoption plan, risks, readings and sign-offs belong
to the old file, which stays as it is.
"""

from __future__ import annotations

import copy
import datetime as dt

from workshop_app.domain.decisions import timestamp
from workshop_app.domain.lookup import next_id
from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    Decision,
    DecisionKind,
    PriorAttempt,
    Workshop,
    WorkshopInfo,
)
from workshop_app.domain.outcome import clip, long_date, workflow_outcome
from workshop_app.domain.text import MEDIUM, SHORT

#: Added to the title of the next workshop (once, however often a workshop is expanded).
TITLE_SUFFIX = " — next workflow"


def _title(title: str) -> str:
    if title.endswith(TITLE_SUFFIX):
        return title
    return clip(title, SHORT - len(TITLE_SUFFIX)) + TITLE_SUFFIX


def _quoted(text: str, limit: int = 120) -> str:
    return f"“{clip(' '.join(text.split()), limit)}”"


def _earlier_attempt(
    workshop: Workshop, chosen: Candidate, attempt_id: str, today: dt.date
) -> PriorAttempt:
    """The chosen workflow as an earlier attempt: what it was, and what it proved."""
    outcome = workflow_outcome(workshop, chosen, today)
    day = workshop.info.day
    when = f" on {long_date(day)}" if day is not None else ""
    what = clip(
        f"{chosen.name}: the first workflow chosen in {_quoted(workshop.info.title, 200)}{when}"
        f" ({outcome.result}).",
        MEDIUM,
    )
    return PriorAttempt(attempt_id, what, outcome.text, list(outcome.stall_signs))


def _origin(workshop: Workshop, source_name: str, chosen: list[Candidate], parked: int) -> str:
    """The first entry of the new log: where the workshop came from."""
    day = workshop.info.day
    when = f" of {long_date(day)}" if day is not None else ""
    if chosen:
        names = " and ".join(_quoted(c.name) for c in chosen)
        first = f"its first workflow {names} is now an earlier attempt"
    else:
        first = "it had no chosen workflow"
    back = f"{parked} parked candidate{'' if parked == 1 else 's'} back in play"
    text = (
        f"Started from the workshop {_quoted(workshop.info.title)}{when} "
        f"(file {_quoted(source_name, 200)}): {first}; {back}."
    )
    return clip(text, MEDIUM)


def _back_in_play(name: str, reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason.endswith((".", "!", "?", "…")):
        reason += "."
    return clip(f"Parked in {name}: {reason} Back in play for the next workflow.", MEDIUM)


def next_workshop(workshop: Workshop, source_name: str, now: dt.datetime) -> Workshop:
    """A new workshop that continues ``workshop`` (left unchanged), started at ``now``.

    * its details, stakeholders and problems as they were; the title says it is the next
      workflow, and the date is ``now``'s day (the day the next workshop is prepared; the
      facilitator sets the session's day on Setup);
    * every candidate that was not chosen, with its facts, overrides and blind estimates;
      the parked ones back in play (their reasons move to the decision log); every dot vote
      back to zero, for the next room to cast;
    * each chosen workflow as an earlier attempt, with its verdicts, readings and stall signs;
    * no metrics, adoption plan, risks, readings, check-in plan or sign-offs;
    * a decision log that starts with where it came from (``source_name``: the file), then
      one ``unparked`` entry per parked candidate carrying the reason it was parked.
    """
    today = now.date()
    at = timestamp(now)
    chosen = workshop.chosen
    carried: list[Candidate] = []
    log: list[Decision] = []
    for old in workshop.candidates:
        if old.status is CandidateStatus.CHOSEN:
            continue
        candidate = copy.deepcopy(old)
        candidate.votes = 0
        if old.status is CandidateStatus.PARKED:
            candidate.status = CandidateStatus.CANDIDATE
            candidate.parked_reason = ""
            reason = old.parked_reason or "no reason was written"
            log.append(
                Decision(
                    at,
                    DecisionKind.UNPARKED,
                    old.id,
                    _back_in_play(_quoted(workshop.info.title), reason),
                )
            )
        carried.append(candidate)
    kept = {c.id for c in carried}
    info = copy.deepcopy(workshop.info)
    new = Workshop(
        info=WorkshopInfo(
            title=_title(info.title),
            organization=info.organization,
            date=today.isoformat(),
            facilitator=info.facilitator,
            location=info.location,
            notes=info.notes,
        ),
        stakeholders=copy.deepcopy(workshop.stakeholders),
        problems=copy.deepcopy(workshop.problems),
        prior_attempts=copy.deepcopy(workshop.prior_attempts),
        candidates=carried,
        estimates=[copy.deepcopy(e) for e in workshop.estimates if e.candidate_id in kept],
    )
    for candidate in chosen:
        attempt_id = next_id(new, "prior_attempts")
        new.prior_attempts.append(_earlier_attempt(workshop, candidate, attempt_id, today))
    origin = Decision(
        at, DecisionKind.EXPANDED, None, _origin(workshop, source_name, chosen, len(log))
    )
    new.decisions = [origin, *log]
    return new
