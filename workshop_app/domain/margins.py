"""The margin of one fact: the smallest change of it that changes who is #1, found exactly.

The ranking is a step function of three facts per candidate (occurrences, minutes, pain):
scores change only at band edges, hours at stake grow in proportion, and the tie rules settle
the rest. Every candidate's ranking key only ever improves as one of its facts grows, so the
first change is found by checking the band edges, the value where the hours tie, and one value
between each two of them, in exact fractions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from fractions import Fraction

from workshop_app.domain.draws import FACTS, Fact, fact_value
from workshop_app.domain.fields import field_spec
from workshop_app.domain.model import Candidate
from workshop_app.domain.per_month import PER_MONTH
from workshop_app.domain.ranking import (
    FREQUENCY_BANDS,
    MINUTES_BANDS,
    frequency_score,
    friction_score,
    minutes_score,
)
from workshop_app.domain.records import record


class Move(StrEnum):
    """Which way a fact moves."""

    DOWN = "down"
    UP = "up"


class Role(StrEnum):
    """A candidate's part in the question: #1 itself, the best-placed rival, another rival."""

    LEADER = "leader"
    RUNNER_UP = "runner-up"
    RIVAL = "rival"


#: The values a fact may take (the interchange format's limits): occurrences above 0,
#: minutes from 0, pain a whole number 1–5.
HIGHEST: dict[Fact, Fraction] = {
    Fact.OCCURRENCES: Fraction(field_spec("candidates", "frequency.count").high or 0),
    Fact.MINUTES: Fraction(field_spec("candidates", "minutes_per_occurrence").high or 0),
    Fact.PAIN: Fraction(5),
}
LOWEST_PAIN = 1

Key = tuple[int, Fraction, int, str, str]


@record(frozen=True)
class Margin:
    """The smallest change of one fact of one candidate that changes who is #1.

    Attributes:
        candidate: whose fact it is.
        role: the candidate's part: the leader, the runner-up or another rival.
        fact: occurrences (in the candidate's own period), minutes or pain.
        move: down or up.
        current: the value in use.
        threshold: the value where #1 changes.
        inclusive: True when #1 changes at ``threshold`` itself ("at least"), False when
            only beyond it ("more than").
        takes_first: who is #1 once the fact has moved past the margin.
        spread: the room's own disagreement on this fact: its highest minus its lowest
            estimate, in the fact's units; None when the room gave no estimates of it.
    """

    candidate: Candidate
    role: Role
    fact: Fact
    move: Move
    current: Fraction
    threshold: Fraction
    inclusive: bool
    takes_first: Candidate
    spread: Fraction | None

    @property
    def distance(self) -> Fraction:
        """How far the fact moves, in its own units (whole points for pain)."""
        return abs(self.threshold - self.current)

    @property
    def relative(self) -> Fraction | None:
        """The change as a share of the value in use (0.35 = 35% lower or higher); None when
        the value in use is 0."""
        return self.distance / self.current if self.current else None

    @property
    def fragile(self) -> bool | None:
        """True when the margin is no larger than the room's disagreement on the fact (the
        room itself does not know the fact that well); None without estimates."""
        return None if self.spread is None else self.distance <= self.spread


@record(frozen=True)
class ExactFacts:
    """One candidate's facts in exact fractions, and its ranking key with one fact replaced."""

    candidate: Candidate
    per_month: Fraction
    values: tuple[Fraction, Fraction, Fraction]

    def key(self, fact: Fact | None = None, value: Fraction = Fraction(0)) -> Key:
        occurrences, minutes, pain = self.values
        if fact is Fact.OCCURRENCES:
            occurrences = value
        elif fact is Fact.MINUTES:
            minutes = value
        elif fact is Fact.PAIN:
            pain = value
        candidate = self.candidate
        per_month = occurrences * self.per_month
        frequency = candidate.overrides.frequency or frequency_score(per_month)
        friction = candidate.overrides.friction or friction_score(minutes, int(pain))
        return (
            -frequency * friction,
            -per_month * minutes / 60,
            -candidate.votes,
            candidate.name.casefold(),
            candidate.id,
        )

    def priority_reach(self, fact: Fact, move: Move) -> int:
        """The highest (moving up) or lowest (moving down) priority this candidate can reach
        by moving ``fact`` alone: whole numbers only, so most rivals are settled cheaply."""
        overrides = self.candidate.overrides
        occurrences, minutes, pain = self.values
        frequency = overrides.frequency or frequency_score(occurrences * self.per_month)
        minutes_band = minutes_score(minutes)
        pain_ = int(pain)
        end = 5 if move is Move.UP else 1
        if fact is Fact.OCCURRENCES:
            frequency = overrides.frequency or end
        elif fact is Fact.MINUTES:
            minutes_band = end
        else:
            pain_ = end
        return frequency * (overrides.friction or (minutes_band + pain_ + 1) // 2)

    def edges(self, fact: Fact, opponent_hours: Fraction) -> list[Fraction]:
        """Every value of ``fact`` where this candidate's key may change against an opponent
        with those hours: the band edges and the value where the hours tie."""
        occurrences, minutes, _pain = self.values
        if fact is Fact.OCCURRENCES:
            points = [low / self.per_month for low, _score, _words in FREQUENCY_BANDS if low]
            hours_per_unit = self.per_month * minutes / 60
        else:
            points = [Fraction(low) for low, _score in MINUTES_BANDS if low]
            hours_per_unit = occurrences * self.per_month / 60
        if hours_per_unit:
            points.append(opponent_hours / hours_per_unit)
        return points


def exact_facts(candidate: Candidate) -> ExactFacts:
    values = (
        fact_value(candidate, Fact.OCCURRENCES),
        fact_value(candidate, Fact.MINUTES),
        fact_value(candidate, Fact.PAIN),
    )
    return ExactFacts(candidate, PER_MONTH[candidate.frequency.per], values)


def first_change(
    exact: ExactFacts,
    fact: Fact,
    move: Move,
    opponent: Key,
    holds: Callable[[Key], bool],
) -> tuple[Fraction, bool] | None:
    """The first value of ``fact``, moving from the value in use, where ``holds`` (is the
    leader #1?) turns, and whether it turns at that value itself; None when no value in the
    fact's range turns it. ``opponent`` is the key the moving candidate must pass (or fall
    behind) for that: the best rival's for the leader, the leader's for a rival.

    Between two consecutive edges nothing changes, so one value inside each gap and each
    edge itself are all that need checking.
    """
    reach = exact.priority_reach(fact, move)
    if reach < -opponent[0] if move is Move.UP else reach > -opponent[0]:
        return None  # it cannot even draw level on priority
    opponent_hours = -opponent[1]
    current = exact.values[FACTS.index(fact)]
    now = holds(exact.key())
    if fact is Fact.PAIN:
        step = 1 if move is Move.UP else -1
        stop = int(HIGHEST[Fact.PAIN]) if move is Move.UP else LOWEST_PAIN
        for pain in range(int(current) + step, stop + step, step):
            if holds(exact.key(fact, Fraction(pain))) != now:
                return Fraction(pain), True
        return None
    up = move is Move.UP
    end = HIGHEST[fact] if up else Fraction(0)
    # Minutes may be 0; occurrences only come close to it.
    end_reached = up or fact is Fact.MINUTES
    points = sorted(
        (
            p
            for p in exact.edges(fact, opponent_hours)
            if (current < p < end if up else end < p < current)
        ),
        reverse=not up,
    )
    # The ranking is monotone in every fact: when the far end holds, everything before it does.
    far = end if end_reached else ((points[-1] if points else current) + end) / 2
    if (current >= end if up else current <= end) or holds(exact.key(fact, far)) == now:
        return None
    previous = current
    for point in [*points, end]:
        if holds(exact.key(fact, (previous + point) / 2)) != now:
            return previous, False
        if (point != end or end_reached) and holds(exact.key(fact, point)) != now:
            return point, True
        previous = point
    return None  # pragma: no cover - the far end turned, so one of the steps did


# ----------------------------------------------------------------------------- in words

FACT_WORDS: Mapping[Fact, str] = {
    Fact.OCCURRENCES: "occurrences",
    Fact.MINUTES: "minutes",
    Fact.PAIN: "pain rating",
}


def percent_words(relative: Fraction) -> str:
    """A relative change as a percent rounded towards zero, so "at least 35%" never claims
    more room than there is: ``35%``, ``0.4%``, ``2,017%``."""
    hundredths = relative * 100
    if hundredths >= 1:
        return f"{int(hundredths):,}%"
    return f"{int(hundredths * 10) / 10:.1f}%"


def bar_words(margin: Margin) -> str:
    """A tornado bar's label, the same on screen and in the charter: ``–85%``, ``+572%``,
    ``–4 points``, ``from 0 to 3`` (an en dash for minus: the bundled font has no U+2212)."""
    sign = "\u2013" if margin.move is Move.DOWN else "+"
    relative = margin.relative
    if relative is None:  # the value in use is 0: any share of it is no change at all
        return f"from 0 to {float(margin.threshold):g}"
    if margin.fact is Fact.PAIN:
        points = int(margin.distance)
        return f"{sign}{points} point{'s' if points != 1 else ''}"
    return f"{sign}{percent_words(relative)}"


def amount_words(margin: Margin) -> str:
    """``at least 35% lower``, ``more than 60% higher``, ``at least 2 points lower``."""
    way = "lower" if margin.move is Move.DOWN else "higher"
    bound = "at least" if margin.inclusive else "more than"
    if margin.fact is Fact.PAIN:
        points = int(margin.distance)
        return f"at least {points} point{'s' if points != 1 else ''} {way}"
    relative = margin.relative
    if relative is None:
        return f"{bound} {float(margin.threshold):g} instead of 0"
    if relative < Fraction(1, 1000):
        return f"even slightly {way}"
    return f"{bound} {percent_words(relative)} {way}"
