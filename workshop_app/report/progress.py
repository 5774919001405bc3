"""The progress report: one to three pages for the sponsor on the 30 days after the workshop.

Each metric of the chosen workflow with its chart (readings, the path from baseline to
target, the target line), baseline, target, latest reading and verdict; the overall verdict
with adoption on its own line; open risks with owners; the next check-in. Same templates,
fonts, fetcher and attached JSON as the charter.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from workshop_app.domain.checkins import meetings, next_meeting
from workshop_app.domain.model import UNTITLED, Workshop
from workshop_app.domain.progress import metric_progress, overall_progress
from workshop_app.domain.toolfirst import ToolFirstVocabulary
from workshop_app.domain.words import in_words
from workshop_app.report.charts import STRETCHES, chart_geometry
from workshop_app.report.formatting import long_date, number, text
from workshop_app.report.making import ReportKind, check_paper, make_report
from workshop_app.report.templates import render

if TYPE_CHECKING:
    from workshop_app.report.pdf import Rendered


def progress_context(
    workshop: Workshop, *, paper: str = "a4", today: dt.date | None = None
) -> dict[str, Any]:
    """Everything the progress report shows."""
    today = today or dt.date.today()
    info = workshop.info
    start = info.day
    chosen = workshop.chosen[0] if len(workshop.chosen) == 1 else None
    metrics = []
    overall = None
    if chosen is not None:
        for metric in workshop.metrics_of(chosen.id):
            progress = metric_progress(workshop, metric)
            latest = progress.latest
            chart = chart_geometry(progress, start)
            metrics.append(
                {
                    "name": text(metric.name),
                    "kind": in_words(metric.kind),
                    "unit": text(metric.unit),
                    "baseline": number(metric.baseline),
                    "target": number(metric.target),
                    "direction": "up" if str(metric.direction) == "increase" else "down",
                    "latest": number(latest.value) if latest else "—",
                    "latest_date": long_date(latest.date) if latest else "",
                    "expected": number(round(progress.expected, 1))
                    if progress.expected is not None
                    else "—",
                    "verdict": str(progress.verdict),
                    "explanation": text(progress.explanation),
                    "owner": text((workshop.stakeholder(metric.owner_id) or _Nobody).name),
                    "readings": [
                        {"date": long_date(c.date), "value": number(c.value), "note": text(c.note)}
                        for c in progress.readings
                    ],
                    "chart": chart,
                    "chart_note": _chart_note(chart),
                }
            )
        result = overall_progress(workshop, chosen.id)
        overall = {
            "verdict": str(result.verdict),
            "adoption": str(result.adoption),
            "outcome": str(result.outcome),
            "summary": text(result.summary),
        }
    upcoming = next_meeting(workshop, today)
    risks = sorted(workshop.risks, key=lambda r: (-r.exposure, -r.impact))
    day_number = (today - start).days if start else None
    return {
        "lang": "en",
        "paper": paper,
        "title": text(info.title) or UNTITLED,
        "organization": text(info.organization),
        "date": long_date(info.date),
        "facilitator": text(info.facilitator),
        "today": long_date(today.isoformat()),
        "day_number": day_number,
        "chosen": {"name": text(chosen.name), "description": text(chosen.description)}
        if chosen
        else None,
        "overall": overall,
        "metrics": metrics,
        "risks": [
            {
                "description": text(r.description),
                "category": in_words(r.category),
                "exposure": r.exposure,
                "owner": text((workshop.stakeholder(r.owner_id) or _Nobody).name),
                "mitigation": text(r.mitigation),
            }
            for r in risks[:6]
        ],
        "next_checkin": {
            "label": f"Day {upcoming.day}",
            "date": long_date(upcoming.date.isoformat()),
            "state": str(upcoming.state),
        }
        if upcoming
        else None,
        "meetings": [
            {
                "label": f"Day {m.day}",
                "date": long_date(m.date.isoformat()),
                "state": str(m.state),
                "note": text(m.note),
            }
            for m in meetings(workshop, today)
        ],
    }


def _chart_note(chart: dict[str, Any] | None) -> str:
    """What a chart of many readings leaves out, in a sentence; "" when it draws them all."""
    if chart is None or chart["drawn"] == chart["readings_total"]:
        return ""
    return (
        f"The chart draws {chart['drawn']} of these {chart['readings_total']:,} readings: the "
        f"lowest and the highest of each of {STRETCHES} equal stretches of days, the first "
        "and the latest (labelled)."
    )


class _Nobody:
    name = ""


def progress_html(workshop: Workshop, *, paper: str = "a4", today: dt.date | None = None) -> str:
    """The progress report as HTML (our template, our CSS), ready for the renderer."""
    check_paper(paper)
    context = progress_context(workshop, paper=paper, today=today)
    return render(ReportKind.PROGRESS.template, context)


def make_progress_report(
    workshop: Workshop,
    vocabulary: ToolFirstVocabulary,
    interchange_json: str,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
) -> Rendered:
    """The progress report PDF with the workshop's interchange JSON attached.

    Takes the same arguments as :func:`~workshop_app.report.charter.make_charter`, so a caller
    makes either report with one call; the progress report flags no tool-first names, so it
    does not read ``vocabulary``.
    """
    html = progress_html(workshop, paper=paper, today=today)
    return make_report(ReportKind.PROGRESS, html, interchange_json)
