"""The demo's progress report, parsed back: pages, the chosen workflow, each metric with its
numbers and verdict, the overall verdict, the next check-in, risks and the attached JSON."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from workshop_app.domain.model import CandidateStatus, Checkin, Workshop
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.report.pdf import Rendered
from workshop_app.report.progress import make_progress_report
from workshop_app.store.interchange import export_text

from ..pdf_reading import all_text, page_texts, reader

TODAY = dt.date(2026, 11, 24)


def progress(workshop: Workshop, paper: str = "a4") -> Rendered:
    return make_progress_report(
        workshop, tool_first_vocabulary(), export_text(workshop), paper=paper, today=TODAY
    )


@pytest.fixture(scope="module")
def demo() -> Workshop:
    from workshop_app.domain.document import workshop_from_document
    from workshop_app.libraries import demo_document

    return workshop_from_document(demo_document())


@pytest.fixture(scope="module")
def report(demo: Workshop) -> Rendered:
    return progress(demo)


@pytest.fixture(scope="module")
def text(report: Rendered) -> str:
    return all_text(report.pdf)


def test_one_to_three_pages(report: Rendered) -> None:
    pages = len(reader(report.pdf).pages)
    assert 1 <= pages <= 3, f"the demo's progress report has {pages} pages"


def test_renders_without_warnings(report: Rendered) -> None:
    assert report.warnings == []
    assert report.pdf.startswith(b"%PDF-")


def test_the_first_page_names_the_workflow_and_the_overall_verdict(report: Rendered) -> None:
    first = page_texts(report.pdf)[0]
    assert "Draft quotes from emailed quote requests" in first
    assert "AT RISK" in first
    assert "day 14 after the workshop".casefold() in first.casefold()
    assert "10 November 2026" in first
    assert "24 November 2026" in first


def test_the_next_check_in_in_words(text: str) -> None:
    assert "Next check-in: Day 14, 24 November 2026 (due today)" in text
    assert "Day 30, 10 December 2026 (upcoming)" in text
    assert "Day 7, 17 November 2026 (done)" in text


def test_each_metric_with_its_verdict_and_numbers(demo: Workshop, text: str) -> None:
    for metric in demo.metrics_of("c1"):
        assert metric.name in text
    assert "ON TRACK Adoption metric · should go up · baseline 0 · target 60" in text
    assert "AT RISK Outcome metric · should go down · baseline 26 · target 8" in text
    assert "latest 18 on 17 November 2026" in text
    assert "latest 23.5 on 17 November 2026" in text
    assert "21.8" in text  # where the outcome's path stands on day 7
    assert "NO DATA YET" in text


def test_adoption_and_outcome_lines(text: str) -> None:
    assert "Adoption: are people relying on it? on track" in text
    assert "Outcome: has the business result moved? at risk" in text
    assert "behind the path to the 30-day targets" in text


def test_the_verdict_rule_is_explained(text: str) -> None:
    assert "How verdicts are decided" in text
    assert "hold that level" in text


def test_open_risks_with_owners(demo: Workshop, text: str) -> None:
    assert "Open risks" in text
    top = max(demo.risks, key=lambda r: (r.exposure, r.impact))
    owner = demo.stakeholder(top.owner_id)
    assert top.description in text
    assert owner is not None and owner.name in text


def test_the_attachment_is_the_workshop_json(report: Rendered, demo: Workshop) -> None:
    attached = reader(report.pdf).attachments["workshop.json"][0].decode("utf-8")
    assert attached == export_text(demo)
    assert json.loads(attached)["checkins"][0]["metric_id"] == "m1"


def test_letter_paper(demo: Workshop) -> None:
    box = reader(progress(demo, "letter").pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_nothing_chosen_still_renders(demo: Workshop) -> None:
    workshop = copy.deepcopy(demo)
    for candidate in workshop.candidates:
        candidate.status = CandidateStatus.CANDIDATE
    rendered = progress(workshop)
    text = all_text(rendered.pdf)
    assert "No workflow chosen yet" in text
    assert "ON TRACK" not in text and "AT RISK" not in text
    assert 1 <= len(reader(rendered.pdf).pages) <= 3


def test_no_workshop_date_still_renders(demo: Workshop) -> None:
    workshop = copy.deepcopy(demo)
    workshop.info.date = ""
    text = all_text(progress(workshop).pdf)
    assert "Draft quotes from emailed quote requests" in text
    assert "workshop date is missing" in text


def test_more_readings_change_the_verdicts_in_the_report(demo: Workshop) -> None:
    workshop = copy.deepcopy(demo)
    workshop.checkins += [
        Checkin("m1", "2026-11-24", 30, "Half the desk"),
        Checkin("m2", "2026-11-24", 26, "Back where we started"),
    ]
    text = all_text(progress(workshop).pdf)
    assert "OFF TRACK Outcome metric" in text
    assert "latest 30 on 24 November 2026" in text
    assert "Next check-in: Day 30, 10 December 2026 (upcoming)" in text
