"""Blind estimates: the rules one answer follows beyond its field types, the rounds already
recorded for a candidate, and the summary of one round the facilitator reveals.

The rules are written once here and applied both to an imported document
(:mod:`workshop_app.domain.validation`) and to a round the app records
(:mod:`workshop_app.domain.operations.estimates`).
"""

from __future__ import annotations

import math
from fractions import Fraction

from workshop_app.domain.model import Estimate, EstimateFact, Period, Workshop
from workshop_app.domain.per_month import PER_MONTH
from workshop_app.domain.records import record

#: The facts in the order a round asks them.
FACTS = (EstimateFact.OCCURRENCES, EstimateFact.MINUTES, EstimateFact.PAIN)


def answer_key(estimate: Estimate) -> tuple[str, str, int, str] | None:
    """What makes a named answer unique: one per person, candidate, fact and round. Anonymous
    answers (paper slips) have none: a round may hold any number of them."""
    if estimate.who is None:
        return None
    return (estimate.candidate_id, str(estimate.fact), estimate.round, estimate.who)


def estimates_of(
    workshop: Workshop,
    candidate_id: str,
    fact: EstimateFact | None = None,
    round_number: int | None = None,
) -> list[Estimate]:
    """The answers about one candidate, of one fact and one round when given, in order."""
    return [
        e
        for e in workshop.estimates
        if e.candidate_id == candidate_id
        and (fact is None or e.fact == fact)
        and (round_number is None or e.round == round_number)
    ]


def rounds_of(workshop: Workshop, candidate_id: str, fact: EstimateFact | None = None) -> list[int]:
    """The round numbers recorded for a candidate (of one fact when given), lowest first."""
    return sorted({e.round for e in estimates_of(workshop, candidate_id, fact)})


def next_round(workshop: Workshop, candidate_id: str, fact: EstimateFact | None = None) -> int:
    """The number the next round about a candidate (of one fact when given) takes."""
    return max(rounds_of(workshop, candidate_id, fact), default=0) + 1


# ---------------------------------------------------------------- one round, revealed

#: On a count or on minutes the room disagrees when the highest answer is at least this many
#: times the lowest: the width of the narrowest score band (5 to 15 minutes), so answers that
#: far apart can put the candidate in different bands (see docs/decisions.md).
DISAGREEING_RATIO = 3

#: On pain (1–5) the room disagrees when the highest and the lowest are this many points apart:
#: two points always move the friction score, one point only half the time.
DISAGREEING_POINTS = 2

#: Under these every answer scores 1, so a lower answer counts as this in the ratio: a count
#: under once a month, minutes under 5. Zero and tiny answers then cannot make a ratio explode.
_SCORING_MONTHLY = Fraction(1)
_SCORING_MINUTES = Fraction(5)

_TIMES = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times",
          7: "seven times", 8: "eight times", 9: "nine times", 10: "ten times"}  # fmt: skip


@record(frozen=True)
class Answer:
    """One answer of a round as a summary counts it.

    Attributes:
        who: the stakeholder's id; None for an anonymous answer.
        value: the number in the candidate's terms (occurrences converted to the candidate's
            period), exactly; None for a pass.
        given: the number as it was given; None for a pass.
        per: the period it was given in (occurrences only).
    """

    who: str | None
    value: Fraction | None
    given: float | None
    per: Period | None


@record(frozen=True)
class RoundSummary:
    """What the facilitator reveals about one fact of one candidate after one round.

    Attributes:
        candidate_id, fact, round: the round summarised.
        period: for occurrences, the candidate's period every count is converted to
            (``ranking.PER_MONTH``); None for the other facts.
        answers: every answer of the round in the order recorded, passes included.
        low, high, median: of the answers with a number, exact.
        lower_quartile, upper_quartile: linear between the sorted answers (the "inclusive"
            method: with 5 answers, the 2nd and the 4th).
        disagreement: the spread is large enough to matter (:func:`disagrees`).
        spread_words: the spread in plain words, ending with the verdict.
        lowest_by, highest_by: who gave the lowest and the highest number, in answer order;
            None stands for an anonymous answer.
    """

    candidate_id: str
    fact: EstimateFact
    round: int
    period: Period | None
    answers: tuple[Answer, ...]
    low: Fraction
    high: Fraction
    median: Fraction
    lower_quartile: Fraction
    upper_quartile: Fraction
    disagreement: bool
    spread_words: str
    lowest_by: tuple[str | None, ...]
    highest_by: tuple[str | None, ...]

    @property
    def values(self) -> tuple[Fraction, ...]:
        """The numbers given, lowest first, in the candidate's terms."""
        return tuple(sorted(a.value for a in self.answers if a.value is not None))

    @property
    def passes(self) -> int:
        """How many passed."""
        return sum(1 for a in self.answers if a.value is None)

    @property
    def converted(self) -> int:
        """How many numbers were given in another period than the candidate's."""
        return sum(1 for a in self.answers if a.value is not None and a.per != self.period)

    @property
    def unit(self) -> str:
        """What follows a number of this fact in words: `` a day``, `` minutes`` or nothing."""
        return unit_words(self.fact, self.period)

    def figures(self) -> str:
        """The round's figures for the decision log: ``5 numbers and 1 pass; 15 to 40
        minutes, median 22``, then how many were converted and the disagreement, if any."""
        count = plural(len(self.values), "number", "numbers")
        if self.passes:
            count += f" and {plural(self.passes, 'pass', 'passes')}"
        spread = f"{shown(self.low)} to {shown(self.high)}{self.unit}"
        if self.low == self.high:
            spread = f"all {shown(self.low)}{self.unit}"
        parts = [count, f"{spread}, median {shown(self.median)}"]
        if self.converted:
            parts.append(f"{self.converted} given in another period, converted")
        if self.disagreement:
            parts.append("the room disagreed")
        return "; ".join(parts)


def plural(count: int, one: str, many: str) -> str:
    """``1 pass``, ``3 passes``."""
    return f"{count} {one if count == 1 else many}"


def shown(value: Fraction) -> str:
    """A number as the room reads it: whole numbers with thousands commas, others to two
    decimals (a tiny one to two significant digits)."""
    if value.denominator == 1:
        return f"{value.numerator:,}"
    text = f"{float(value):,.2f}".rstrip("0").rstrip(".")
    return f"{float(value):.2g}" if text in ("0", "-0") else text


def unit_words(fact: EstimateFact, period: Period | None) -> str:
    """What follows a number of ``fact``: `` a day`` for occurrences, `` minutes``, or ``""``."""
    if fact == EstimateFact.OCCURRENCES:
        return f" a {period}" if period is not None else ""
    return " minutes" if fact == EstimateFact.MINUTES else ""


def _scoring_floor(fact: EstimateFact, period: Period | None) -> Fraction:
    """The answer under which every answer of ``fact`` scores 1, in the candidate's terms."""
    if fact == EstimateFact.MINUTES:
        return _SCORING_MINUTES
    return _SCORING_MONTHLY / PER_MONTH[period or Period.MONTH]


def disagrees(
    fact: EstimateFact, low: Fraction, high: Fraction, period: Period | None = None
) -> bool:
    """Whether a round's spread is large enough to matter.

    Pain: the highest and the lowest are at least 2 points apart. Occurrences and minutes:
    the highest is at least 3 times the lowest, where a lowest under the scoring floor (once
    a month, in the candidate's ``period``; 5 minutes) counts as the floor.
    """
    if fact == EstimateFact.PAIN:
        return high - low >= DISAGREEING_POINTS
    return high >= DISAGREEING_RATIO * max(low, _scoring_floor(fact, period))


def _times(ratio: Fraction) -> str:
    """``four times``, ``3.3 times`` (rounded down, so it never claims more than there is)."""
    if ratio.denominator == 1 and ratio.numerator in _TIMES:
        return _TIMES[ratio.numerator]
    if ratio >= 100:
        return f"{math.floor(ratio):,} times"
    return f"{shown(Fraction(math.floor(ratio * 10), 10))} times"


def _comparison(fact: EstimateFact, low: Fraction, high: Fraction, period: Period | None) -> str:
    unit = unit_words(fact, period)
    if fact == EstimateFact.PAIN:
        return f"{plural(int(high - low), 'point', 'points')} apart"
    floor = _scoring_floor(fact, period)
    if low >= floor:
        return f"the highest is {_times(high / low)} the lowest"
    if high <= floor:
        return f"every answer is under {shown(floor)}{unit}, where they all score the same"
    return (
        f"counting the lowest as {shown(floor)}{unit} (every answer under it scores the same), "
        f"the highest is {_times(high / floor)} that"
    )


def _spread_words(
    fact: EstimateFact, period: Period | None, values: list[Fraction], converted: int
) -> str:
    unit = unit_words(fact, period)
    low, high = values[0], values[-1]
    note = f" ({converted} converted to{unit} from another period)" if converted else ""
    if low == high:
        said = "one answer:" if len(values) == 1 else f"all {len(values)} answers"
        return f"{said} {shown(low)}{unit}{note} — the room agrees"
    median = _quantile(values, Fraction(1, 2))
    verdict = "the room disagrees" if disagrees(fact, low, high, period) else "close enough"
    return (
        f"from {shown(low)} to {shown(high)}{unit}{note}; median {shown(median)}; "
        f"{_comparison(fact, low, high, period)} — {verdict}"
    )


def _quantile(values: list[Fraction], share: Fraction) -> Fraction:
    """The ``share`` quantile of sorted ``values``, linear between neighbours (exact)."""
    place = share * (len(values) - 1)
    below = math.floor(place)
    part = place - below
    if part == 0:
        return values[below]
    return values[below] + (values[below + 1] - values[below]) * part


def _answer(estimate: Estimate, period: Period | None) -> Answer:
    if estimate.value is None:
        return Answer(estimate.who, None, None, estimate.per)
    value = Fraction(str(estimate.value))  # the decimal the person gave, not its binary float
    if period is not None and estimate.per is not None and estimate.per != period:
        value = value * PER_MONTH[estimate.per] / PER_MONTH[period]
    return Answer(estimate.who, value, estimate.value, estimate.per)


def summarise(
    workshop: Workshop, candidate_id: str, fact: EstimateFact | str, round_number: int
) -> RoundSummary | None:
    """The reveal of one round about one fact of a candidate; None when the candidate does not
    exist or nobody in that round gave a number (no answers, or only passes)."""
    candidate = workshop.candidate(candidate_id)
    if candidate is None:
        return None
    fact = EstimateFact(fact)
    period = candidate.frequency.per if fact == EstimateFact.OCCURRENCES else None
    answers = tuple(
        _answer(e, period) for e in estimates_of(workshop, candidate_id, fact, round_number)
    )
    values = sorted(a.value for a in answers if a.value is not None)
    if not values:
        return None
    low, high = values[0], values[-1]
    converted = sum(1 for a in answers if a.value is not None and period and a.per != period)
    return RoundSummary(
        candidate_id=candidate_id,
        fact=fact,
        round=round_number,
        period=period,
        answers=answers,
        low=low,
        high=high,
        median=_quantile(values, Fraction(1, 2)),
        lower_quartile=_quantile(values, Fraction(1, 4)),
        upper_quartile=_quantile(values, Fraction(3, 4)),
        disagreement=disagrees(fact, low, high, period),
        spread_words=_spread_words(fact, period, values, converted),
        lowest_by=tuple(a.who for a in answers if a.value == low),
        highest_by=tuple(a.who for a in answers if a.value == high),
    )


#: A fact's name where a round is reported: "Blind estimates of minutes each time: …".
FACT_NAMES = {
    EstimateFact.OCCURRENCES: "how often",
    EstimateFact.MINUTES: "minutes each time",
    EstimateFact.PAIN: "pain",
}


@record(frozen=True)
class LatestRound:
    """The last round of one fact of a candidate that has a number, as it is reported.

    Attributes:
        fact: the fact estimated.
        rounds: how many rounds of it are recorded.
        summary: the last of them with a number.
    """

    fact: EstimateFact
    rounds: int
    summary: RoundSummary

    def words(self) -> str:
        """``Minutes each time, round 2 of 2: 5 numbers; 8 to 24 minutes, median 22; the room
        disagreed``."""
        name = FACT_NAMES[self.fact]
        return (
            f"{name[0].upper()}{name[1:]}, round {self.summary.round} of {self.rounds}: "
            f"{self.summary.figures()}"
        )


def latest_rounds(workshop: Workshop, candidate_id: str) -> list[LatestRound]:
    """For each fact of a candidate the room has estimated, its last round with a number (a
    round where everyone passed says nothing), in :data:`FACTS` order."""
    found: list[LatestRound] = []
    for fact in FACTS:
        rounds = rounds_of(workshop, candidate_id, fact)
        for number in reversed(rounds):
            summary = summarise(workshop, candidate_id, fact, number)
            if summary is not None:
                found.append(LatestRound(fact, len(rounds), summary))
                break
    return found
