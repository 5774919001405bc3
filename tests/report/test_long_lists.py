"""Reports of workshops with long lists (docs/interchange.md, "How long a list may be"): a
charter prints a real workshop's lists whole and cuts longer ones with a line saying how many
are left out and where they are; a chart of many readings draws fewer points with the same
shape. Mostly the values before any template, and one progress report read back."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from bench.generate import sized_document
from workshop_app.domain import operations as op
from workshop_app.domain.document import workshop_from_document, workshop_to_document
from workshop_app.domain.fingerprint import charter_part
from workshop_app.domain.model import Checkin, Signoff, Workshop
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.report import signoffs
from workshop_app.report.charter import (
    BACKLOG_PRINTED,
    CANDIDATES_LISTED,
    LOG_PRINTED,
    RANKS_PRINTED,
    charter_context,
    charter_html,
)
from workshop_app.report.charts import MOST_POINTS, STRETCHES, drawn_points
from workshop_app.report.progress import make_progress_report, progress_context
from workshop_app.store.interchange import export_text

from ..pdf_reading import all_text

TODAY = dt.date(2026, 11, 24)
ATTACHED = "the workshop.json attached to this PDF holds them all"


@pytest.fixture(scope="module")
def long_lists() -> Workshop:
    """400 candidates (a third parked, the rest undecided), each estimated once a fact, and a
    decision log of 150 entries: every list the charter cuts is past its cut."""
    document = sized_document(
        {"candidates": 400, "stakeholders": 20, "problems": 20, "estimates": 1200, "decisions": 150}
    )
    return workshop_from_document(document)


@pytest.fixture(scope="module")
def context(long_lists: Workshop) -> dict[str, Any]:
    return charter_context(long_lists, tool_first_vocabulary(), today=TODAY)


def test_the_ranking_stops_after_its_ranks_but_prints_the_chosen_one(
    long_lists: Workshop, context: dict[str, Any]
) -> None:
    ranks = [row["rank"] for row in context["ranking"]]
    assert ranks[:RANKS_PRINTED] == list(range(1, RANKS_PRINTED + 1))
    chosen = [row for row in context["ranking"] if row["status"] == "chosen"]
    assert [row["id"] for row in chosen] == ["c1"]
    below = chosen[0]["rank"] > RANKS_PRINTED
    assert len(ranks) == RANKS_PRINTED + below
    assert context["ranking_total"] == 400
    assert context["ranking_left_out"] == (
        f"Ranks {RANKS_PRINTED + 1} to 400 are not printed here"
        + (", except the chosen workflow (the last line above)" if below else "")
        + f": {ATTACHED}, and workshop-app rank lists them."
    )


def test_the_backlog_and_the_lists_of_names_are_cut_with_a_count(context: dict[str, Any]) -> None:
    parked, undecided = 133, 400 - 133 - 1
    assert len(context["parked"]) == BACKLOG_PRINTED
    assert [item["priority"] for item in context["parked"]] == sorted(
        (item["priority"] for item in context["parked"]), reverse=True
    )
    assert context["parked_left_out"] == (
        f"{parked - BACKLOG_PRINTED} more parked candidates, lower in priority, with their "
        f"reasons, are not printed here: {ATTACHED}."
    )
    assert len(context["undecided"]) == CANDIDATES_LISTED
    assert context["undecided_left_out"] == (
        f"{undecided - CANDIDATES_LISTED} more undecided candidates are not printed here: "
        f"{ATTACHED}."
    )
    assert len(context["estimated"]) == CANDIDATES_LISTED
    assert context["estimated_left_out"] == (
        f"{400 - CANDIDATES_LISTED} more candidates the room estimated are not printed here: "
        f"{ATTACHED}."
    )


def test_the_decision_log_prints_its_last_entries(
    long_lists: Workshop, context: dict[str, Any]
) -> None:
    assert len(context["decisions"]) == LOG_PRINTED
    assert [d["reason"] for d in context["decisions"]] == [
        d.reason for d in long_lists.decisions[-LOG_PRINTED:]
    ]
    assert context["decisions_left_out"] == (
        f"The last {LOG_PRINTED} of 150 entries are printed here; the whole log is in the "
        "workshop.json attached to this PDF."
    )


def test_the_page_says_what_it_left_out(long_lists: Workshop) -> None:
    html = charter_html(long_lists, tool_first_vocabulary(), today=TODAY)
    assert f"<h3>Ranks 61 to {RANKS_PRINTED}</h3>" in html
    for said in ("more parked candidates", "more undecided candidates", "of 150 entries"):
        assert said in html
    assert html.count(ATTACHED) == 4  # ranking, backlog, undecided, estimated


def test_a_real_workshop_is_printed_whole(demo_workshop: Workshop) -> None:
    context = charter_context(demo_workshop, tool_first_vocabulary(), today=TODAY)
    assert len(context["ranking"]) == context["ranking_total"] == 8
    assert len(context["decisions"]) == len(demo_workshop.decisions)
    for key in ("ranking", "awaiting", "estimated", "parked", "undecided", "decisions"):
        assert context[f"{key}_left_out"] == "", key
    html = charter_html(demo_workshop, tool_first_vocabulary(), today=TODAY)
    assert "not printed here" not in html


def test_many_sign_offs_of_one_earlier_version_compare_it_once(
    demo_workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each comparison reads two whole charter documents: once per version, not per person."""
    earlier = charter_part(workshop_to_document(demo_workshop))
    op.record_export(demo_workshop, earlier, "2026-11-10T12:00:00")
    name = demo_workshop.versions[-1].fingerprint
    demo_workshop.info.title = "Changed since"
    demo_workshop.signoffs[:] = [
        Signoff(person.id, "2026-11-10", version=name) for person in demo_workshop.stakeholders
    ]
    calls: list[str] = []
    compare = signoffs.signed_version

    def counted(workshop: Workshop, signoff: Signoff, now: Any = None) -> Any:
        calls.append(signoff.stakeholder_id)
        return compare(workshop, signoff, now)

    monkeypatch.setattr(signoffs, "signed_version", counted)
    people = signoffs.signoffs_context(demo_workshop)
    assert len(calls) == 1
    said = {person["version"] for person in people}
    assert len(said) == 1 and said.pop().startswith(f"Signed version {name}")


# ------------------------------------------------------------------------------- charts


def test_a_chart_of_few_readings_draws_them_all() -> None:
    points = [(day, float(day % 7)) for day in range(MOST_POINTS)]
    assert drawn_points(points) == points


def test_a_chart_of_many_readings_keeps_its_shape() -> None:
    """20,000 readings, one a day: the first, the latest, and each stretch's low and high."""
    points = [(day, float((day * 37) % 101)) for day in range(20_000)]
    drawn = drawn_points(points)
    assert len(drawn) <= 2 * STRETCHES + 2
    assert drawn[0] == points[0] and drawn[-1] == points[-1]
    assert drawn == sorted(drawn)
    assert min(v for _d, v in drawn) == 0 and max(v for _d, v in drawn) == 100
    width = 20_000 / STRETCHES
    for stretch in range(STRETCHES):
        inside = [v for d, v in points if int(d / width) == stretch]
        kept = [v for d, v in drawn if int(d / width) == stretch]
        assert min(inside) in kept and max(inside) in kept


def many_readings(demo: Workshop, count: int) -> Workshop:
    workshop = copy.deepcopy(demo)
    start = dt.date.fromisoformat(workshop.info.date)
    workshop.checkins = [
        Checkin("m1", (start + dt.timedelta(days=n // 4)).isoformat(), 10 + n % 30)
        for n in range(count)
    ]
    return workshop


def test_the_progress_report_says_how_many_readings_a_chart_draws(
    demo_workshop: Workshop,
) -> None:
    workshop = many_readings(demo_workshop, 2000)
    context = progress_context(workshop, today=TODAY)
    first = next(m for m in context["metrics"] if m["chart"] and m["chart"]["readings"])
    chart = first["chart"]
    assert chart["readings_total"] == 2000 and chart["drawn"] <= 2 * STRETCHES + 2
    assert [r["label"] for r in chart["readings"] if r["label"]] == [chart["readings"][-1]["label"]]
    assert first["chart_note"] == (
        f"The chart draws {chart['drawn']} of these 2,000 readings: the lowest and the highest "
        f"of each of {STRETCHES} equal stretches of days, the first and the latest (labelled)."
    )
    others = [m for m in context["metrics"] if m is not first]
    assert all(m["chart_note"] == "" for m in others)


@pytest.mark.slow
def test_a_progress_report_of_many_readings_reads_back(demo_workshop: Workshop) -> None:
    workshop = many_readings(demo_workshop, 2000)
    rendered = make_progress_report(
        workshop, tool_first_vocabulary(), export_text(workshop), today=TODAY
    )
    assert rendered.warnings == []
    said = " ".join(all_text(rendered.pdf).split())
    assert "of these 2,000 readings" in said
