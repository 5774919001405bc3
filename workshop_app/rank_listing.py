"""What ``workshop-app rank`` prints: the ranking as JSON-ready records or an aligned table.

The records carry every number in full precision (a task of one minute a year is 1/720 hour a
month, not 0.0); only the table rounds them for reading."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from workshop_app.domain.draws import Draws
from workshop_app.domain.margins import Margin, amount_words
from workshop_app.domain.model import Candidate, Workshop
from workshop_app.domain.ranking import (
    Awaiting,
    Scored,
    awaiting_estimates,
    rank_candidates,
    recommendation,
)
from workshop_app.domain.robustness import Bar, how_sure
from workshop_app.domain.toolfirst import ToolFirstVocabulary, is_tool_first


def rank_record(row: Scored, vocabulary: ToolFirstVocabulary) -> dict[str, Any]:
    """One ranked candidate as JSON-ready values."""
    candidate = row.candidate
    return {
        "rank": row.rank,
        "id": candidate.id,
        "name": candidate.name,
        "estimated": True,
        "missing": [],
        "frequency_score": row.frequency_score,
        "friction_score": row.friction_score,
        "priority": row.priority,
        "hours_per_month": row.hours_per_month,  # in full: the table rounds for reading
        "readiness": str(row.readiness),
        "readiness_reasons": list(row.readiness_reasons),
        "quadrant": str(row.quadrant),
        "votes": candidate.votes,
        "status": str(candidate.status),
        "tool_first": is_tool_first(candidate, vocabulary),
        "overridden": row.overridden,
        "reason": row.reason,
    }


def awaiting_record(row: Awaiting, vocabulary: ToolFirstVocabulary) -> dict[str, Any]:
    """A candidate awaiting estimates as JSON-ready values: no rank, no scores."""
    candidate = row.candidate
    return {
        "rank": None,
        "id": candidate.id,
        "name": candidate.name,
        "estimated": False,
        "missing": [str(fact) for fact in row.missing],
        "frequency_score": None,
        "friction_score": None,
        "priority": None,
        "hours_per_month": None,
        "readiness": str(row.readiness),
        "readiness_reasons": list(row.readiness_reasons),
        "quadrant": None,
        "votes": candidate.votes,
        "status": str(candidate.status),
        "tool_first": is_tool_first(candidate, vocabulary),
        "overridden": candidate.overrides.any,
        "reason": row.reason,
    }


def rank_records(workshop: Workshop, vocabulary: ToolFirstVocabulary) -> list[dict[str, Any]]:
    """Every candidate as records: the ranked ones in rank order, then those awaiting
    estimates (``"estimated": false``, no rank and no scores) in list order."""
    candidates = workshop.candidates
    return [rank_record(row, vocabulary) for row in rank_candidates(candidates)] + [
        awaiting_record(row, vocabulary) for row in awaiting_estimates(candidates)
    ]


def _who(candidate: Candidate | None) -> dict[str, str] | None:
    return None if candidate is None else {"id": candidate.id, "name": candidate.name}


def _number(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def margin_record(margin: Margin) -> dict[str, Any]:
    """One margin as JSON-ready values (documented in docs/decisions.md, "How sure is #1")."""
    return {
        "candidate_id": margin.candidate.id,
        "candidate_name": margin.candidate.name,
        "role": str(margin.role),
        "fact": str(margin.fact),
        "direction": str(margin.move),
        "current": float(margin.current),
        "threshold": float(margin.threshold),
        "threshold_exact": str(margin.threshold),
        "inclusive": margin.inclusive,
        "relative_change": _number(margin.relative),
        "change": amount_words(margin),
        "takes_first": margin.takes_first.id,
        "spread": _number(margin.spread),
        "fragile": margin.fragile,
    }


def _bar_record(bar: Bar) -> dict[str, Any]:
    return {
        "candidate_id": bar.candidate.id,
        "role": str(bar.role),
        "fact": str(bar.fact),
        "down": None if bar.down is None else _number(bar.down.relative),
        "up": None if bar.up is None else _number(bar.up.relative),
        "fragile": bar.fragile,
    }


def _draws_record(draws: Draws | None) -> dict[str, Any] | None:
    if draws is None:
        return None
    return {
        "count": draws.count,
        "first": draws.first,
        "share": draws.share,
        "seed": draws.seed,
        "drawn_candidates": draws.drawn,
    }


def robustness_record(workshop: Workshop) -> dict[str, Any] | None:
    """How sure the ranking is of #1 as JSON-ready values; None when there is no #1."""
    result = how_sure(workshop)
    if result is None:
        return None
    return {
        "leader": _who(result.leader),
        "chosen": result.chosen,
        "first": result.first,
        "runner_up": _who(result.runner_up),
        "rivals": [rival.id for rival in result.rivals],
        "sentence": result.sentence,
        "summary": result.summary,
        "margins": [margin_record(margin) for margin in result.margins],
        "tornado": [_bar_record(bar) for bar in result.bars],
        "estimated": result.estimated,
        "fragile": [{"candidate_id": m.candidate.id, "fact": str(m.fact)} for m in result.fragile],
        "draws": _draws_record(result.draws),
    }


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


_COLUMNS = (
    ("#", ">"),
    ("Candidate", "<"),
    ("Freq", ">"),
    ("Fric", ">"),
    ("Prio", ">"),
    ("Hours/mo", ">"),
    ("Readiness", "<"),
    ("Quadrant", "<"),
    ("Votes", ">"),
    ("Status", "<"),
)


def rank_table(workshop: Workshop, records: list[dict[str, Any]], name_width: int = 44) -> str:
    """An aligned table of ranked records, with notes on overrides, tool-first flags and the
    recommendation."""
    if not records:
        return "No candidates yet."
    body = []
    for record in records:
        marks = ("*" if record["overridden"] else "") + ("!" if record["tool_first"] else "")
        if not record["estimated"]:
            marks += "?"
            name, none = _clip(record["name"], name_width) + marks, "-"
            readiness, votes, status = record["readiness"], str(record["votes"]), record["status"]
            awaiting = "awaiting estimates"
            body.append((none, name, none, none, none, none, readiness, awaiting, votes, status))
            continue
        body.append(
            (
                str(record["rank"]),
                _clip(record["name"], name_width) + marks,
                str(record["frequency_score"]),
                str(record["friction_score"]),
                str(record["priority"]),
                f"{record['hours_per_month']:.1f}",
                record["readiness"],
                record["quadrant"],
                str(record["votes"]),
                record["status"],
            )
        )
    widths = [
        max(len(title), *(len(row[i]) for row in body))
        for i, (title, _align) in enumerate(_COLUMNS)
    ]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            f"{cell:{align}{width}}"
            for cell, (_t, align), width in zip(cells, _COLUMNS, widths, strict=True)
        ).rstrip()

    lines = [
        line(tuple(title for title, _align in _COLUMNS)),
        line(tuple("-" * width for width in widths)),
    ]
    lines += [line(row) for row in body]
    if any(record["overridden"] for record in records):
        lines.append("* a score is overridden by the facilitator (reason in --json)")
    if any(record["tool_first"] for record in records):
        lines.append("! names a tool, not a process: recast it as the work it should improve")
    waiting = [record for record in records if not record["estimated"]]
    if waiting:
        lines.append(
            f"? awaiting estimates ({len(waiting)}): not ranked until the room estimates its "
            "occurrences, minutes and pain"
        )
    best = recommendation(rank_candidates(workshop.candidates))
    if best is not None:
        lines.append(
            f"Recommended: {best.candidate.name} (the highest priority that is not blocked)"
        )
    else:
        lines.append("Recommended: none yet (every candidate in play is blocked or parked)")
    return "\n".join(lines)
