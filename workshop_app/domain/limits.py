"""How long the lists of a workshop may be: the cap of each list of the interchange format, of
the lists inside an item, and of the charter versions, and the checks the app's operations make
against them. Each cap and its reason are in docs/interchange.md ("How long a list may be").

:func:`~workshop_app.domain.validation.validate_document` refuses a document past a cap; the
operations refuse a change past one (:mod:`workshop_app.domain.operations`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record

#: The most stakeholders a workshop names (a room holds a few dozen at most): each gets a
#: review form and a line to sign, so the sign-offs, the people named in a metric's agreement
#: and the daily users involved have the same bound.
MOST_STAKEHOLDERS = 100

#: The most metrics one candidate has: the charter and the progress report print every metric
#: of the chosen workflow in full (a real one has two to six).
MOST_METRICS_EACH = 30

#: The most problems a candidate names as the ones it addresses.
MOST_PROBLEMS_NAMED = 50


@record(frozen=True)
class ListCap:
    """The most items one top-level list may hold.

    Attributes:
        most: the cap; a longer list is refused whole, its items not checked one by one.
        noun: what its items are, in the plural (``candidates``, ``check-in readings``).
    """

    most: int
    noun: str

    def words(self) -> str:
        """``a workshop may have at most 2,000 candidates``."""
        return f"a workshop may have at most {self.most:,} {self.noun}"

    def sentence(self) -> str:
        """``A workshop may have at most 2,000 candidates``: the words, starting a sentence."""
        return f"A workshop may have at most {self.most:,} {self.noun}"


#: The most items of each top-level list: far above any real workshop (tens of candidates and
#: stakeholders, a few readings a day for 30 days), low enough that every command finishes
#: within the bounds in docs/performance.md on the largest workshop they allow. Each is
#: explained in docs/interchange.md ("How long a list may be").
LIST_CAPS: dict[str, ListCap] = {
    "stakeholders": ListCap(MOST_STAKEHOLDERS, "stakeholders"),
    "problems": ListCap(100, "problems"),
    "prior_attempts": ListCap(50, "earlier attempts"),
    "candidates": ListCap(2_000, "candidates"),
    "metrics": ListCap(2_000, "metrics"),
    "risks": ListCap(200, "risks"),
    "checkins": ListCap(20_000, "check-in readings"),
    "signoffs": ListCap(MOST_STAKEHOLDERS, "sign-offs (one per stakeholder)"),
    "decisions": ListCap(5_000, "decision log entries"),
    "checkin_plan": ListCap(366, "planned check-in meetings (one a day for a year)"),
    "estimates": ListCap(10_000, "answers of blind estimates"),
    "versions": ListCap(50, "exported charter versions"),
}

#: Each charter version carries a whole charter document, so the versions are bounded by what
#: they hold too: their documents together have at most this many items in their lists. The
#: largest charter document the caps above allow has 19,550 (every list of the charter at its
#: cap), so the last version of even the largest workshop is kept, and fifty versions of a real
#: one (a few hundred items each). Recording an export drops the oldest versions to stay
#: within both bounds (see :func:`~workshop_app.domain.operations.record_export`).
MOST_VERSION_ITEMS = 20_000


def document_items(document: Any) -> int:
    """How many items the top-level lists of a (charter) document hold together."""
    if not isinstance(document, Mapping):
        return 0
    return sum(len(items) for key in LIST_CAPS if isinstance(items := document.get(key), list))


def too_many(count: int, most: int, words: str) -> str | None:
    """Why a list of ``count`` items is refused, or None when it fits (``words`` says what
    the cap is, in a sentence: ``a workshop may have at most 2,000 candidates``)."""
    return f"has {count:,} items; {words}" if count > most else None


def room_problem(workshop: Workshop, key: str, adding: int = 1) -> str | None:
    """Why ``adding`` more items cannot go into list ``key`` of ``workshop`` (its cap would be
    passed), in a sentence; None when they fit."""
    cap = LIST_CAPS[key]
    have = len(getattr(workshop, key))
    if have + adding <= cap.most:
        return None
    if adding == 1:
        return f"{cap.sentence()}; this one has {have:,} already."
    return f"{cap.sentence()}; this one has {have:,}, and these are {adding:,} more."


def metrics_room_problem(workshop: Workshop, candidate_id: str, adding: int = 1) -> str | None:
    """Why ``adding`` more metrics cannot go to candidate ``candidate_id``; None when they fit."""
    have = len(workshop.metrics_of(candidate_id))
    if have + adding <= MOST_METRICS_EACH:
        return None
    candidate = workshop.candidate(candidate_id)
    name = repr(candidate.name) if candidate is not None and candidate.name else repr(candidate_id)
    return f"A candidate may have at most {MOST_METRICS_EACH} metrics; {name} has {have} already."


def cap_problem(workshop: Workshop) -> str | None:
    """The first cap on the length of lists that ``workshop`` breaks, in a sentence; None when
    it keeps them all. Every operation ends with this check (a workshop breaking a cap could
    not be opened again), and is taken back when it fails."""
    for key, cap in LIST_CAPS.items():
        have = len(getattr(workshop, key))
        if have > cap.most:
            return f"{cap.sentence()}; this change would make it {have:,}."
    counts: dict[str, int] = {}
    for metric in workshop.metrics:
        counts[metric.candidate_id] = counts.get(metric.candidate_id, 0) + 1
    for candidate_id, count in counts.items():
        if count > MOST_METRICS_EACH:
            return (
                f"A candidate may have at most {MOST_METRICS_EACH} metrics; this change would "
                f"give {candidate_id!r} {count}."
            )
    held = sum(document_items(version.document) for version in workshop.versions)
    if held > MOST_VERSION_ITEMS:
        return (
            f"The charter versions of a workshop may hold at most {MOST_VERSION_ITEMS:,} list "
            f"items together; this change would make it {held:,}."
        )
    return None
