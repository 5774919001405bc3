"""A charter with candidates that await estimates: their facts read "not estimated", they are
listed apart from the ranking (never with a rank or a bubble), and a parked one stays in the
backlog."""

from __future__ import annotations

import re

import pytest

from workshop_app.domain.document import workshop_from_document
from workshop_app.domain.model import Candidate, CandidateStatus, Frequency, Period, Workshop
from workshop_app.libraries import demo_document, tool_first_vocabulary
from workshop_app.report.charter import charter_context

from ..pdf_reading import charter_pdf, page_texts

WAITING = "Check returns and prepare refunds"
PARKED = "Answer employee questions about leave"


@pytest.fixture(scope="module")
def workshop() -> Workshop:
    workshop = workshop_from_document(demo_document())
    workshop.candidates.append(
        Candidate(
            "c9",
            WAITING,
            frequency=Frequency(None, Period.DAY),
            minutes_per_occurrence=None,
            pain=4,
            example="service-returns-refunds",
        )
    )
    workshop.candidates.append(
        Candidate(
            "c10",
            PARKED,
            frequency=Frequency(None, Period.WEEK),
            minutes_per_occurrence=None,
            pain=None,
            status=CandidateStatus.PARKED,
            parked_reason="HR wants to try it after the pilot",
        )
    )
    return workshop


def test_the_context_keeps_it_out_of_the_ranking_and_the_matrix(workshop: Workshop) -> None:
    context = charter_context(workshop, tool_first_vocabulary())
    assert sorted(row["id"] for row in context["ranking"]) == [f"c{n}" for n in range(1, 9)]
    assert [row["rank"] for row in context["ranking"]] == list(range(1, 9))
    assert context["matrix"]["total"] == 8
    assert {b["id"] for b in context["matrix"]["bubbles"]}.isdisjoint({"c9", "c10"})
    waiting = context["awaiting"]
    assert [(w["id"], w["occurrences"], w["minutes"], w["pain"]) for w in waiting] == [
        ("c9", "not estimated", "not estimated", "4 of 5"),
        ("c10", "not estimated", "not estimated", "not estimated"),
    ]
    assert context["parked"][-1]["name"] == PARKED and context["parked"][-1]["priority"] is None
    assert WAITING in context["undecided"]


def test_the_pdf_says_not_estimated_and_gives_no_rank(workshop: Workshop) -> None:
    pages = page_texts(charter_pdf(workshop).pdf)
    text = " ".join(pages)
    assert "Awaiting estimates: not ranked" in text
    line = re.search(rf"– {WAITING} · occurrences (.*?) · minutes each (.*?) · pain (.*?) ·", text)
    assert line is not None, text
    assert line.groups() == ("not estimated", "not estimated", "4 of 5")
    assert "Not placed: 2 candidates await estimates." in text
    # Nowhere with a rank: the ranking table and the matrix's key list the eight ranked only.
    assert not re.search(rf"\b9 {WAITING}", text) and not re.search(rf"\b\d+ {PARKED}", text)
    backlog = next(page for page in pages if "the parked backlog" in page)
    assert f"{PARKED} Not ranked: awaiting estimates" in backlog
