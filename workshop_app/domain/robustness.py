"""How sure is #1: by how much each fact could be wrong before the first place changes.

For #1 (the chosen workflow, or else the recommendation) and every rival that could take its
place: the margin of each fact (:mod:`workshop_app.domain.margins`), a tornado chart's bars,
the share of seeded draws within the room's estimates in which #1 stays first
(:mod:`workshop_app.domain.draws`), and one sentence that says it in the room's words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from workshop_app.domain.draws import (
    DRAWS,
    FACTS,
    Draws,
    Fact,
    Ranges,
    describe_draws,
    draw_share,
    fact_range,
    facts_seed,
    ranges_from_estimates,
)
from workshop_app.domain.margins import (
    FACT_WORDS,
    ExactFacts,
    Key,
    Margin,
    Move,
    Role,
    amount_words,
    exact_facts,
    first_change,
)
from workshop_app.domain.model import Candidate, CandidateStatus, Workshop
from workshop_app.domain.ranking import Readiness, readiness
from workshop_app.domain.records import record

__all__ = ["Bar", "Margin", "Move", "Robustness", "Role", "how_sure", "robustness"]


@record(frozen=True)
class Bar:
    """One row of the tornado chart: how far a fact can move each way before #1 changes.

    Attributes:
        candidate, role, fact: whose fact and which.
        down, up: the margin each way; None when no value that way changes #1.
    """

    candidate: Candidate
    role: Role
    fact: Fact
    down: Margin | None
    up: Margin | None

    @property
    def fragile(self) -> bool | None:
        flags = [m.fragile for m in (self.down, self.up) if m is not None]
        return None if all(flag is None for flag in flags) else any(flags)


@record(frozen=True)
class Robustness:
    """How sure the ranking is of its #1.

    Attributes:
        leader: the chosen candidate (when exactly one is chosen), else the recommendation.
        chosen: True when the room chose it.
        first: True when it is #1 of the ranking among its rivals now.
        runner_up: the best-placed rival (the #1 itself when the leader is not first).
        rivals: every candidate that can take #1 from it: the ones the recommendation
            considers (not blocked, not parked), parked ones too once the room has chosen.
        margins: every change of one fact that changes #1, the most fragile first: those
            within the room's own disagreement, then the smallest relative change.
        bars: the tornado chart: the leader's three facts, then the runner-up's.
        draws: the seeded draws within the room's estimates; None without estimates.
        sentence: the plain-language answer, built from the smallest margins.
    """

    leader: Candidate
    chosen: bool
    first: bool
    runner_up: Candidate | None
    rivals: tuple[Candidate, ...]
    margins: tuple[Margin, ...]
    bars: tuple[Bar, ...]
    draws: Draws | None
    sentence: str

    @property
    def estimated(self) -> bool:
        """Whether any margin's fact was estimated by the room."""
        return any(margin.spread is not None for margin in self.margins) or self.draws is not None

    @property
    def fragile(self) -> tuple[Margin, ...]:
        return tuple(margin for margin in self.margins if margin.fragile)

    @property
    def summary(self) -> str:
        """The sentence, then the draws' share when there are estimates."""
        if self.draws is None:
            return self.sentence
        return f"{self.sentence} {describe_draws(self.draws, 'It')}"


def leader_of(candidates: Sequence[Candidate]) -> tuple[Candidate, bool] | None:
    """#1 for the question: the chosen candidate when exactly one is chosen, else the
    recommendation (the highest-ranked candidate neither parked nor blocked, as
    :func:`~workshop_app.domain.ranking.recommendation` picks it, compared in exact
    fractions); with whether it was chosen. None when there is neither, or when the chosen
    one awaits estimates (nothing can be measured of it)."""
    chosen = [c for c in candidates if c.status is CandidateStatus.CHOSEN]
    if len(chosen) == 1:
        return (chosen[0], True) if chosen[0].estimated else None
    in_play = [exact_facts(c) for c in rivals_of(candidates, None, include_parked=False)]
    best = min(in_play, key=lambda exact: exact.key(), default=None)
    return None if best is None else (best.candidate, False)


def rivals_of(
    candidates: Sequence[Candidate], leader: Candidate | None, include_parked: bool
) -> list[Candidate]:
    """Every candidate that could take #1 from the leader: not blocked (the recommendation
    never picks a blocked one), not parked unless ``include_parked``, and estimated (one
    awaiting estimates is not ranked at all)."""
    return [
        c
        for c in candidates
        if c is not leader
        and c.estimated
        and (include_parked or c.status is not CandidateStatus.PARKED)
        and readiness(c)[0] is not Readiness.BLOCKED
    ]


def how_sure(
    workshop: Workshop,
    ranges: Ranges | None = None,
    *,
    draws: int = DRAWS,
    include_parked: bool | None = None,
) -> Robustness | None:
    """How sure the ranking is of the workshop's #1; None when there is no #1 to ask about.

    ``ranges`` are the room's estimates per candidate and fact (by default read from the
    workshop's blind estimates). Parked candidates count as rivals once the room has chosen
    (the rest are then usually parked *because* of that choice), not before, as in the
    recommendation; ``include_parked`` decides it either way.
    """
    found = leader_of(workshop.candidates)
    if found is None:
        return None
    leader, chosen = found
    if ranges is None:
        ranges = ranges_from_estimates(workshop)
    parked = chosen if include_parked is None else include_parked
    rivals = rivals_of(workshop.candidates, leader, parked)
    return robustness(
        leader,
        rivals,
        ranges,
        chosen=chosen,
        draws=draws,
        seed=facts_seed(workshop.candidates, ranges),
    )


def robustness(
    leader: Candidate,
    rivals: Sequence[Candidate],
    ranges: Ranges,
    *,
    chosen: bool,
    draws: int = DRAWS,
    seed: int = 0,
) -> Robustness:
    """The margins of every fact of the leader and its rivals, the tornado bars, the draws
    (when ``ranges`` holds estimates and ``draws`` > 0) and the sentence."""
    exact_leader = exact_facts(leader)
    leader_key = exact_leader.key()
    exact_rivals = sorted((exact_facts(rival) for rival in rivals), key=lambda e: e.key())
    keys = [e.key() for e in exact_rivals]
    best = keys[0] if keys else None
    second = keys[1] if len(keys) > 1 else None
    first = best is None or leader_key < best
    runner_up = exact_rivals[0].candidate if exact_rivals else None

    margins: list[Margin] = []
    bars: list[Bar] = []

    def measure(exact: ExactFacts, role: Role, holds: Callable[[Key], bool], opponent: Key) -> None:
        # Moving a fact up only helps its candidate: the leader loses #1 downwards, a rival
        # takes it upwards (the other way round when the leader is not #1 now).
        move = Move.DOWN if (role is Role.LEADER) == first else Move.UP
        candidate = exact.candidate
        for fact in FACTS:
            found = first_change(exact, fact, move, opponent, holds) if best is not None else None
            margin = None
            if found is not None:
                span = fact_range(ranges, candidate.id, fact)
                margin = Margin(
                    candidate,
                    role,
                    fact,
                    move,
                    exact.values[FACTS.index(fact)],
                    found[0],
                    found[1],
                    _takes_first(role, first, leader, runner_up, candidate),
                    None if span is None else span[1] - span[0],
                )
                margins.append(margin)
            if role is not Role.RIVAL:
                down, up = (margin, None) if move is Move.DOWN else (None, margin)
                bars.append(Bar(candidate, role, fact, down, up))

    rival_best = best
    measure(
        exact_leader,
        Role.LEADER,
        lambda key: rival_best is None or key < rival_best,
        leader_key if best is None else best,
    )
    for index, exact in enumerate(exact_rivals):
        others = second if index == 0 else best
        if others is not None and others < leader_key:
            continue  # another rival stays ahead of the leader whatever this one does
        role = Role.RUNNER_UP if index == 0 else Role.RIVAL
        measure(exact, role, lambda key: leader_key < key, leader_key)

    margins.sort(key=_fragility)
    drawn = draw_share(leader, rivals, ranges, draws=draws, seed=seed) if ranges and draws else None
    return Robustness(
        leader=leader,
        chosen=chosen,
        first=first,
        runner_up=runner_up,
        rivals=tuple(e.candidate for e in exact_rivals),
        margins=tuple(margins),
        bars=tuple(bars),
        draws=drawn,
        sentence=describe(leader, first, runner_up, margins, bool(rivals)),
    )


def _takes_first(
    role: Role, first: bool, leader: Candidate, runner_up: Candidate | None, moved: Candidate
) -> Candidate:
    """Who is #1 once a fact of ``moved`` has passed its margin."""
    if not first:
        return leader
    if role is Role.LEADER and runner_up is not None:
        return runner_up
    return moved


def _fragility(margin: Margin) -> tuple[bool, Fraction, int, int]:
    """The most fragile first: the margins within the room's own disagreement, then the
    smallest relative change (a change from 0 last), the leader's before its rivals'."""
    relative = margin.relative
    return (
        not margin.fragile,
        relative if relative is not None else Fraction(10**9),
        list(Role).index(margin.role),
        FACTS.index(margin.fact),
    )


# ----------------------------------------------------------------------------- the sentence


def _clause(margin: Margin, lead: bool, first: bool, named: set[str]) -> str:
    fact = FACT_WORDS[margin.fact]
    if margin.role is Role.LEADER:
        whose = f"its {fact}"
    elif margin.candidate.id in named or not first:
        whose = f"the {fact} of {margin.candidate.name}"
    elif margin.role is Role.RUNNER_UP:
        whose = f"the {fact} of the runner-up, {margin.candidate.name},"
    else:
        whose = f"the {fact} of {margin.candidate.name}"
    named.add(margin.candidate.id)
    plural, single = (" are", " is") if first else (" were", " was")
    verb = (plural if margin.fact is not Fact.PAIN else single) if lead else ""
    words = f"{whose}{verb} {amount_words(margin)}"
    if lead:
        words += " than estimated"
    if margin.fragile:
        words += " (within the room's own disagreement)"
    return words


def describe(
    leader: Candidate,
    first: bool,
    runner_up: Candidate | None,
    margins: Sequence[Margin],
    any_rival: bool,
    most: int = 3,
) -> str:
    """The plain-language answer from the ``most`` smallest margins, e.g. "Draft quotes stays
    #1 unless its occurrences are at least 35% lower than estimated, or the minutes of the
    runner-up, Resolve invoices, at least 60% higher"."""
    if not any_rival:
        return f"{leader.name} has no rival in play, so no single fact can change #1."
    named: set[str] = set()
    clauses = [_clause(m, index == 0, first, named) for index, m in enumerate(margins[:most])]
    joined = ", or ".join(clauses)
    if first:
        if not clauses:
            return (
                f"{leader.name} stays #1 whatever the value of any one fact, its own or a rival's."
            )
        return f"{leader.name} stays #1 unless {joined}."
    ahead = runner_up.name if runner_up is not None else "another candidate"
    if not clauses:
        return f"{leader.name} is not #1 ({ahead} is), and no change of one fact would make it #1."
    return f"{leader.name} is not #1 ({ahead} is); it would be if {joined}."
