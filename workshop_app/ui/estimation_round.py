"""One round of blind estimates while it runs: who answers in which order, the answers typed so
far (kept in memory, shown to nobody), and what the room may see of it at each moment.

Nothing is written to the workshop until the facilitator reveals the round: then every answer
is recorded at once, by one operation (:func:`workshop_app.domain.operations.add_estimates`),
so the round is one undo step. A round stopped before its reveal leaves no trace.
"""

from __future__ import annotations

import random
from dataclasses import field

from workshop_app.domain.estimates import FACTS, RoundSummary, next_round, shown, summarise
from workshop_app.domain.model import Estimate, EstimateFact, Period, Workshop
from workshop_app.domain.records import record

#: The fact's name on the screens of a round.
FACT_WORDS = {
    EstimateFact.OCCURRENCES: "How often",
    EstimateFact.MINUTES: "Minutes each time",
    EstimateFact.PAIN: "Pain (1 to 5)",
}


@record(frozen=True)
class RoundPlan:
    """What a round asks, and of whom.

    Attributes:
        candidate_ids: the candidates estimated, in the order they are asked.
        facts: the facts asked about each of them, in :data:`FACTS` order.
        people: the stakeholders who answer, in turn; empty for paper slips (no names).
    """

    candidate_ids: tuple[str, ...]
    facts: tuple[EstimateFact, ...]
    people: tuple[str, ...] = ()

    @property
    def slips(self) -> bool:
        """Whether answers come from paper slips, typed by the facilitator without names."""
        return not self.people


#: One fact of one candidate: what an answer is about.
Question = tuple[str, EstimateFact]


@record
class Sheet:
    """One person's (or one slip's) answers: a number, or None for a pass; a count's period."""

    who: str | None
    values: dict[Question, float | None] = field(default_factory=dict)
    periods: dict[str, Period] = field(default_factory=dict)


class EstimationRound:
    """A round in progress: the turns, the sheets handed in, and the round number of each
    candidate (the next after those already recorded).

    Attributes:
        plan: what the round asks and of whom.
        rounds: the round number each candidate's answers take.
        sheets: the answers handed in so far, in the order typed.
        skipped: the people whose turn was skipped (not in the room).
    """

    def __init__(self, workshop: Workshop, plan: RoundPlan) -> None:
        self.plan = plan
        self.rounds = {cid: next_round(workshop, cid) for cid in plan.candidate_ids}
        self.sheets: list[Sheet] = []
        self.skipped: list[str] = []

    # ------------------------------------------------------------------ turns
    @property
    def waiting(self) -> list[str]:
        """The people still to answer, in turn (empty for slips: their number is open)."""
        done = {sheet.who for sheet in self.sheets} | set(self.skipped)
        return [person for person in self.plan.people if person not in done]

    @property
    def next_person(self) -> str | None:
        waiting = self.waiting
        return waiting[0] if waiting else None

    @property
    def finished(self) -> bool:
        """Whether every named person has answered or been skipped (slips: never by itself)."""
        return not self.plan.slips and not self.waiting

    def hand_in(self, sheet: Sheet) -> None:
        self.sheets.append(sheet)

    def skip(self, person: str) -> None:
        self.skipped.append(person)

    @property
    def answered(self) -> int:
        return len(self.sheets)

    # ------------------------------------------------------------------ the reveal
    def questions(self) -> list[Question]:
        return [(cid, fact) for cid in self.plan.candidate_ids for fact in self.plan.facts]

    def estimates(self, shuffle: random.Random | None = None) -> list[Estimate]:
        """Every answer of the round as the workshop records it. Slips are recorded in a
        shuffled order, so not even the order they were typed in says whose a slip was."""
        sheets = list(self.sheets)
        if self.plan.slips:
            (shuffle or random.Random()).shuffle(sheets)
        recorded: list[Estimate] = []
        for candidate_id, fact in self.questions():
            for sheet in sheets:
                if (candidate_id, fact) not in sheet.values:
                    continue
                per = sheet.periods.get(candidate_id) if fact is EstimateFact.OCCURRENCES else None
                recorded.append(
                    Estimate(
                        candidate_id,
                        fact,
                        self.rounds[candidate_id],
                        sheet.who,
                        sheet.values[(candidate_id, fact)],
                        per,
                    )
                )
        return recorded

    def summaries(self, workshop: Workshop, candidate_id: str) -> list[RoundSummary | None]:
        """The reveal of each fact asked about ``candidate_id`` (None where all passed), once
        the round is recorded in ``workshop``."""
        number = self.rounds[candidate_id]
        return [summarise(workshop, candidate_id, fact, number) for fact in self.plan.facts]


def facts_in_order(facts: set[EstimateFact]) -> tuple[EstimateFact, ...]:
    return tuple(fact for fact in FACTS if fact in facts)


@record(frozen=True)
class RoundPicture:
    """What the projector shows of a round: before the reveal only who has answered, never a
    number; after it, the reveal of one candidate.

    Attributes:
        title: "Blind estimates — round 1".
        candidates: the names of the candidates estimated.
        answered: how many have answered (slips: how many are typed).
        expected: how many are to answer; None for slips.
        answered_names, waiting_names: who has answered and who is still to (no values).
        revealed: after the reveal, the summaries of the candidate shown (None where all
            passed), with the facts they are about; empty before it.
        revealed_name: that candidate's name.
        names: stakeholder ids to names, for who gave the lowest and the highest.
    """

    title: str
    candidates: tuple[str, ...]
    answered: int
    expected: int | None
    answered_names: tuple[str, ...] = ()
    waiting_names: tuple[str, ...] = ()
    revealed: tuple[tuple[EstimateFact, RoundSummary | None], ...] = ()
    revealed_name: str = ""
    names: tuple[tuple[str, str], ...] = ()

    def progress_words(self) -> str:
        """``3 of 5 have answered`` or ``4 slips typed``."""
        if self.expected is None:
            return f"{self.answered} slip{'' if self.answered == 1 else 's'} typed"
        verb = "has" if self.answered == 1 else "have"
        return f"{self.answered} of {self.expected} {verb} answered"


def person_name(workshop: Workshop, who: str | None) -> str:
    """A stakeholder's name as the round shows it; "a slip" for an anonymous answer."""
    if who is None:
        return "a slip"
    person = workshop.stakeholder(who)
    return person.name if person is not None and person.name.strip() else who


def candidate_name(workshop: Workshop, candidate_id: str) -> str:
    candidate = workshop.candidate(candidate_id)
    return candidate.name if candidate is not None and candidate.name.strip() else candidate_id


def round_title(rounds: dict[str, int]) -> str:
    numbers = sorted(set(rounds.values()))
    if len(numbers) == 1:
        return f"Blind estimates — round {numbers[0]}"
    return "Blind estimates — rounds " + ", ".join(str(n) for n in numbers)


def picture_of(
    workshop: Workshop,
    current: EstimationRound,
    revealed: str | None = None,
) -> RoundPicture:
    """The projector's picture of ``current``: its progress, or the reveal of ``revealed``."""
    plan = current.plan
    names = tuple(candidate_name(workshop, cid) for cid in plan.candidate_ids)
    answered_names = tuple(
        person_name(workshop, sheet.who) for sheet in current.sheets if sheet.who is not None
    )
    waiting_names = tuple(person_name(workshop, who) for who in current.waiting)
    expected = None if plan.slips else len(plan.people) - len(current.skipped)
    facts: tuple[tuple[EstimateFact, RoundSummary | None], ...] = ()
    if revealed is not None:
        facts = tuple(zip(plan.facts, current.summaries(workshop, revealed), strict=True))
    people = {
        who
        for _fact, summary in facts
        if summary is not None
        for who in (*summary.lowest_by, *summary.highest_by)
        if who is not None
    }
    return RoundPicture(
        title=round_title(current.rounds),
        candidates=names,
        answered=current.answered,
        expected=expected,
        answered_names=answered_names,
        waiting_names=waiting_names,
        revealed=facts,
        revealed_name=candidate_name(workshop, revealed) if revealed is not None else "",
        names=tuple((who, person_name(workshop, who)) for who in sorted(people)),
    )


def ends_words(summary: RoundSummary, names: dict[str, str]) -> str:
    """Who gave the lowest and the highest number, to explain first: ``Lowest: Sam (5) ·
    highest: Priya and Jo (40)``; nothing when everyone agrees."""
    if summary.low == summary.high:
        return ""

    def who(ids: tuple[str | None, ...]) -> str:
        people = [names.get(i, i) if i is not None else "a slip" for i in ids]
        if len(people) > 3:
            return f"{len(people)} answers"
        return (
            " and ".join(people) if len(people) < 3 else f"{people[0]}, {people[1]} and {people[2]}"
        )

    return (
        f"Lowest: {who(summary.lowest_by)} ({shown(summary.low)}) · "
        f"highest: {who(summary.highest_by)} ({shown(summary.high)})"
    )
