"""What ``workshop-app rank`` prints: the ranking as JSON-ready records or an aligned table."""

from __future__ import annotations

from typing import Any

from workshop_app.domain.model import Workshop
from workshop_app.domain.ranking import Scored, rank_candidates, recommendation
from workshop_app.domain.toolfirst import ToolFirstVocabulary, is_tool_first


def rank_record(row: Scored, vocabulary: ToolFirstVocabulary) -> dict[str, Any]:
    """One ranked candidate as JSON-ready values."""
    candidate = row.candidate
    return {
        "rank": row.rank,
        "id": candidate.id,
        "name": candidate.name,
        "frequency_score": row.frequency_score,
        "friction_score": row.friction_score,
        "priority": row.priority,
        "hours_per_month": round(row.hours_per_month, 2),
        "readiness": str(row.readiness),
        "readiness_reasons": list(row.readiness_reasons),
        "quadrant": str(row.quadrant),
        "votes": candidate.votes,
        "status": str(candidate.status),
        "tool_first": is_tool_first(candidate, vocabulary),
        "overridden": row.overridden,
        "reason": row.reason,
    }


def rank_records(workshop: Workshop, vocabulary: ToolFirstVocabulary) -> list[dict[str, Any]]:
    """Every candidate in rank order as records."""
    return [rank_record(row, vocabulary) for row in rank_candidates(workshop.candidates)]


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
    best = recommendation(rank_candidates(workshop.candidates))
    if best is not None:
        lines.append(
            f"Recommended: {best.candidate.name} (the highest priority that is not blocked)"
        )
    else:
        lines.append("Recommended: none yet (every candidate in play is blocked or parked)")
    return "\n".join(lines)
