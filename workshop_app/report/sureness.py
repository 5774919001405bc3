"""How sure is #1, as the charter shows it: the domain's sentence, the facts the room disagreed
about, and a small tornado chart of #1's and the runner-up's margins, all as plain values."""

from __future__ import annotations

from typing import Any

from workshop_app.domain.margins import FACT_WORDS, Margin, Move, Role, bar_words
from workshop_app.domain.model import Workshop
from workshop_app.domain.robustness import Bar, Robustness, how_sure
from workshop_app.report.formatting import text

Context = dict[str, Any]

#: The tornado chart's size and layout in SVG units (1 unit = 0.25 mm when drawn 60 mm wide).
TORNADO_W = 240.0
ROW_H = 13.0
LABEL_W = 96.0  # the fact's label, left of the bars
PAD_T, PAD_B = 4.0, 14.0
#: A bar reaches the chart's edge at this relative change (100%: the fact at 0 or doubled).
FULL = 1.0


def sureness_context(workshop: Workshop) -> Context | None:
    """What the charter says about how sure the ranking is of its #1; None without a #1."""
    found = how_sure(workshop)
    if found is None:
        return None
    return {
        "leader": text(found.leader.name),
        "summary": text(found.summary),
        "fragile": _fragile_facts(found),
        "estimated": found.estimated,
        "tornado": tornado_geometry(found),
    }


def _fragile_facts(found: Robustness) -> list[str]:
    """The facts whose margin is within the room's own disagreement, in words, once each:
    ``the minutes of Draft quotes``."""
    facts: dict[tuple[str, str], str] = {}
    for margin in found.fragile:
        key = (margin.candidate.id, str(margin.fact))
        facts.setdefault(key, text(f"the {FACT_WORDS[margin.fact]} of {margin.candidate.name}"))
    return list(facts.values())


def _reach(margin: Margin | None) -> float | None:
    """How far a bar reaches, 0 to 1 of the half width; None when no value changes #1."""
    if margin is None:
        return None
    relative = margin.relative
    if relative is None:
        return 1.0
    return min(float(relative) / FULL, 1.0)


def tornado_geometry(found: Robustness) -> Context | None:
    """Plain coordinates of the tornado chart: one row per fact of #1 and of the runner-up,
    a bar to the left for a fall that changes #1 and to the right for a rise, the shorter
    the bar the closer the change; None when no fact of either can change #1."""
    bars: list[Bar] = [bar for bar in found.bars if bar.down is not None or bar.up is not None]
    if not bars:
        return None
    centre = LABEL_W + (TORNADO_W - LABEL_W) / 2
    half = (TORNADO_W - LABEL_W) / 2 - 2
    rows = []
    for index, bar in enumerate(bars):
        top = PAD_T + index * ROW_H
        whose = "#1" if bar.role is Role.LEADER else "#2"
        row: Context = {
            "y": top,
            "mid": top + ROW_H / 2 + 3,
            "label": f"{whose} {FACT_WORDS[bar.fact]}",
            "fragile": bool(bar.fragile),
            "parts": [],
        }
        for margin in (bar.down, bar.up):
            reach = _reach(margin)
            if margin is None or reach is None:
                continue
            width = max(reach * half, 1.5)
            down = margin.move is Move.DOWN
            left = centre - width if down else centre
            # A long bar carries its label inside, at its outer end; a short one beside it.
            inside = reach > 0.55
            if inside:
                label_x, anchor = (left + 2, "start") if down else (left + width - 2, "end")
            else:
                label_x, anchor = (left - 2, "end") if down else (left + width + 2, "start")
            row["parts"].append(
                {
                    "x": round(left, 1),
                    "width": round(width, 1),
                    "label": bar_words(margin),
                    "label_x": round(label_x, 1),
                    "anchor": anchor,
                    "inside": inside,
                }
            )
        rows.append(row)
    height = PAD_T + len(rows) * ROW_H + PAD_B
    return {
        "width": TORNADO_W,
        "height": height,
        "centre": centre,
        "label_x": LABEL_W - 4,
        "axis_y": PAD_T + len(rows) * ROW_H,
        "rows": rows,
    }
