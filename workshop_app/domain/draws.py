"""Seeded random draws within the room's estimates: in what share of them #1 stays first.

Each fact the room estimated is drawn uniformly between the lowest and the highest answer of
its latest round; the other facts keep the values in use. The seed is a SHA-256 of the facts
and the ranges, so the same workshop file gives the same share on every machine and run.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Mapping, Sequence
from enum import StrEnum
from fractions import Fraction

from workshop_app.domain.model import Candidate, Period, Workshop
from workshop_app.domain.per_month import PER_MONTH
from workshop_app.domain.ranking import (
    FREQUENCY_BANDS,
    MINUTES_BANDS,
    estimated_facts,
)
from workshop_app.domain.records import record

#: How many draws: the share is then within about ±2 points of its limit (95% of the time,
#: at worst at a share of one half), and 1,000 candidates still draw in well under 0.5 s.
DRAWS = 2000


class Fact(StrEnum):
    """The facts of a candidate the ranking reads and the room can estimate (the same names as
    the blind estimates' facts)."""

    OCCURRENCES = "occurrences"
    MINUTES = "minutes"
    PAIN = "pain"


#: The facts in the order they are shown.
FACTS = (Fact.OCCURRENCES, Fact.MINUTES, Fact.PAIN)

Number = int | float | Fraction
#: Per candidate id, per fact name: the (lowest, highest) value the room gave. Occurrences
#: count in the candidate's own period (``frequency.per``).
Ranges = Mapping[str, Mapping[str, tuple[Number, Number]]]


def fact_value(candidate: Candidate, fact: Fact) -> Fraction:
    """The exact value of one fact in use: the count in its own period, the minutes, the pain
    (of an estimated candidate: one awaiting estimates raises ``AwaitsEstimates``)."""
    count, minutes, pain = estimated_facts(candidate)
    if fact is Fact.OCCURRENCES:
        return Fraction(count)
    if fact is Fact.MINUTES:
        return Fraction(minutes)
    return Fraction(pain)


def fact_range(ranges: Ranges, candidate_id: str, fact: Fact) -> tuple[Fraction, Fraction] | None:
    """The room's (lowest, highest) value of one fact, exact and in order; None without one."""
    found = ranges.get(candidate_id, {}).get(str(fact))
    if found is None:
        return None
    low, high = Fraction(found[0]), Fraction(found[1])
    return (low, high) if low <= high else (high, low)


def ranges_from_estimates(workshop: Workshop) -> dict[str, dict[str, tuple[Fraction, Fraction]]]:
    """The room's range of each estimated fact: the lowest and highest answer of the latest
    round that has an answer (passes ignored). Occurrences given per another period are
    converted to the candidate's own period. Empty for a workshop without estimates."""
    candidates = {candidate.id: candidate for candidate in workshop.candidates}
    answers: dict[tuple[str, str], dict[int, list[Fraction]]] = {}
    for estimate in getattr(workshop, "estimates", ()):
        candidate = candidates.get(estimate.candidate_id)
        if candidate is None or estimate.value is None:
            continue
        value = Fraction(estimate.value)
        if str(estimate.fact) == Fact.OCCURRENCES:
            per: Period = estimate.per or candidate.frequency.per
            value = value * PER_MONTH[per] / PER_MONTH[candidate.frequency.per]
        rounds = answers.setdefault((candidate.id, str(estimate.fact)), {})
        rounds.setdefault(estimate.round, []).append(value)
    ranges: dict[str, dict[str, tuple[Fraction, Fraction]]] = {}
    for (candidate_id, fact), rounds in answers.items():
        latest = rounds[max(rounds)]
        ranges.setdefault(candidate_id, {})[fact] = (min(latest), max(latest))
    return ranges


def _exact_text(value: Number) -> str:
    return str(Fraction(value))


def facts_seed(candidates: Sequence[Candidate], ranges: Ranges) -> int:
    """A seed that depends only on what the ranking reads and on the ranges: a SHA-256 of a
    canonical text (ids sorted, numbers as exact fractions), never Python's ``hash()``, which
    changes from run to run. Candidates awaiting estimates are not ranked, so they are left
    out: adding one changes nothing."""
    facts = sorted(
        [
            candidate.id,
            candidate.name,
            _exact_text(count),
            str(candidate.frequency.per),
            _exact_text(minutes),
            pain,
            candidate.votes,
            str(candidate.status),
            candidate.overrides.friction,
            candidate.overrides.frequency,
        ]
        for candidate in candidates
        if candidate.estimated
        for count, minutes, pain in (estimated_facts(candidate),)
    )
    waiting = {candidate.id for candidate in candidates if not candidate.estimated}
    spans = sorted(
        [candidate_id, str(fact), _exact_text(low), _exact_text(high)]
        for candidate_id, facts_of in ranges.items()
        if candidate_id not in waiting
        for fact, (low, high) in facts_of.items()
    )
    text = json.dumps([facts, spans], ensure_ascii=True, separators=(",", ":"))
    # 48 bits: plenty for a seed, and exact as a JSON number in any language.
    return int.from_bytes(hashlib.sha256(text.encode("ascii")).digest()[:6], "big")


@record(frozen=True)
class Draws:
    """The outcome of the draws.

    Attributes:
        count: how many draws were made.
        first: in how many of them the leader was #1.
        seed: the seed of :class:`random.Random` (from :func:`facts_seed`).
        drawn: how many candidates had at least one fact drawn.
    """

    count: int
    first: int
    seed: int
    drawn: int

    @property
    def share(self) -> float:
        """The share of draws in which the leader was #1, 0 to 1."""
        return self.first / self.count if self.count else 0.0


Key = tuple[int, float, int, str, str]


class _Drawn:
    """One candidate's facts as (low, high) spans, ready to be drawn many times; a fact
    without a range spans its one value and takes no random number."""

    __slots__ = (
        "frequency",
        "friction",
        "minutes",
        "occurrences",
        "pain",
        "per_month",
        "ranged",
        "tail",
    )

    def __init__(self, candidate: Candidate, ranges: Ranges) -> None:
        def span(fact: Fact) -> tuple[float, float]:
            value = fact_value(candidate, fact)
            low, high = fact_range(ranges, candidate.id, fact) or (value, value)
            return float(low), float(high)

        #: Whether the room estimated any of its facts (a range may be a single value).
        self.ranged = any(fact_range(ranges, candidate.id, fact) for fact in FACTS)
        self.occurrences = span(Fact.OCCURRENCES)
        self.minutes = span(Fact.MINUTES)
        low, high = span(Fact.PAIN)
        self.pain = (max(1, round(low)), min(5, round(high)))
        self.per_month = float(PER_MONTH[candidate.frequency.per])
        self.frequency = candidate.overrides.frequency
        self.friction = candidate.overrides.friction
        self.tail = (-candidate.votes, candidate.name.casefold(), candidate.id)

    def key(self, occurrences: float, minutes: float, pain: int) -> Key:
        """The ranking key of ``rank_candidates`` (smaller ranks higher), in floats."""
        per_month = occurrences * self.per_month
        frequency = self.frequency or _band(per_month, _FREQUENCY)
        friction = self.friction or (_band(minutes, MINUTES_BANDS) + pain + 1) // 2
        return (-frequency * friction, -(per_month * minutes / 60), *self.tail)

    def worst(self) -> Key:
        return self.key(self.occurrences[0], self.minutes[0], self.pain[0])

    def best(self) -> Key:
        return self.key(self.occurrences[1], self.minutes[1], self.pain[1])

    def draw(self, rng: random.Random) -> Key:
        # low + width × random() rather than uniform()/randint(), so the numbers a seed gives
        # can never change under us with a Python release.
        (o_low, o_high), (m_low, m_high), (p_low, p_high) = (
            self.occurrences,
            self.minutes,
            self.pain,
        )
        return self.key(
            o_low + (o_high - o_low) * rng.random() if o_high > o_low else o_low,
            m_low + (m_high - m_low) * rng.random() if m_high > m_low else m_low,
            p_low + int((p_high - p_low + 1) * rng.random()) if p_high > p_low else p_low,
        )


#: (lowest occurrences per month, score), highest first, as in the ranking.
_FREQUENCY = tuple((low, score) for low, score, _words in FREQUENCY_BANDS)


def _band(value: float, bands: Sequence[tuple[int, int]]) -> int:
    """The score of the first band ``value`` reaches (the ranking's bands, highest first); a
    plain loop, as the draws score each candidate thousands of times."""
    for low, score in bands:
        if value >= low:
            return score
    return 1


def draw_share(
    leader: Candidate,
    rivals: Sequence[Candidate],
    ranges: Ranges,
    *,
    draws: int = DRAWS,
    seed: int,
) -> Draws | None:
    """Draw every estimated fact of the leader and its rivals ``draws`` times and count the
    draws in which the leader is #1 of them; None when none of them has a range.

    A rival that cannot pass the leader even at the top of its ranges while the leader sits
    at the bottom of its own is not drawn: the ranking is monotone in every fact, so it
    could never change the outcome of a draw.
    """
    drawn_leader = _Drawn(leader, ranges)
    field = [_Drawn(rival, ranges) for rival in rivals]
    ranged = [rival for rival in field if rival.ranged]
    if not drawn_leader.ranged and not ranged:
        return None
    fixed_best: Key | None = min(
        (rival.worst() for rival in field if not rival.ranged), default=None
    )
    leader_worst = drawn_leader.worst()
    contenders = [rival for rival in ranged if rival.best() < leader_worst]
    # The likeliest to pass the leader first: a draw stops at the first rival ahead of it.
    contenders.sort(key=lambda rival: rival.best())
    rng = random.Random(seed)
    first = 0
    for _ in range(draws):
        leader_key = drawn_leader.draw(rng)
        if fixed_best is not None and fixed_best < leader_key:
            continue
        if all(leader_key < rival.draw(rng) for rival in contenders):
            first += 1
    return Draws(draws, first, seed, len(ranged) + drawn_leader.ranged)


def describe_draws(result: Draws, leader_name: str) -> str:
    """``Draft quotes is #1 in 87% of 2,000 draws within the room's estimates.``"""
    percent = _whole_percent(result.share)
    return (
        f"{leader_name} is #1 in {percent} of {result.count:,} draws within the room's estimates."
    )


def _whole_percent(share: float) -> str:
    """A share as a whole percent that never reads 100% or 0% unless it is exactly that."""
    percent = round(share * 100)
    if percent == 100 and share < 1:
        return "over 99%"
    if percent == 0 and share > 0:
        return "under 1%"
    return f"{percent}%"
