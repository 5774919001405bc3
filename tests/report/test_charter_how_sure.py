"""How sure is #1 in the charter: the domain's sentence on the summary page, the method in the
appendix, a fragile fact called out, and no paragraph (and no error) without a #1."""

from __future__ import annotations

import pytest

from workshop_app.domain.margins import FACT_WORDS, Role
from workshop_app.domain.model import (
    Candidate,
    DataReadiness,
    Estimate,
    EstimateFact,
    Frequency,
    Period,
    Workshop,
)
from workshop_app.domain.robustness import how_sure
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.report.charter import charter_context
from workshop_app.report.pdf import Rendered

from ..pdf_reading import charter_pdf, page_texts

#: The demo charter's pages: 14 before "how sure is #1" was added (it must not grow a page),
#: and one more since the demo's decision log holds its round of blind estimates.
DEMO_PAGES = 15
SUMMARY = 1  # the page index of the summary, right after the cover


@pytest.fixture(scope="module")
def demo() -> Workshop:
    from workshop_app.domain.document import workshop_from_document
    from workshop_app.libraries import demo_document

    return workshop_from_document(demo_document())


@pytest.fixture(scope="module")
def pages(demo: Workshop) -> list[str]:
    return page_texts(charter_pdf(demo).pdf)


def cand(ident: str, name: str, minutes: int) -> Candidate:
    return Candidate(
        ident,
        name,
        frequency=Frequency(1, Period.DAY),
        minutes_per_occurrence=minutes,
        pain=3,
        data_readiness=DataReadiness.READY,
    )


def close_call() -> Workshop:
    """Alpha leads Beta by one minute a time, and the room's guesses of Alpha's minutes run
    from 10 to 30: the margin is within the room's own disagreement."""
    estimates = [Estimate("a", EstimateFact.MINUTES, value=value) for value in (10.0, 20.0, 30.0)]
    return Workshop(candidates=[cand("a", "Alpha", 20), cand("b", "Beta", 19)], estimates=estimates)


def test_the_summary_page_says_how_sure_the_ranking_is_of_its_first(
    demo: Workshop, pages: list[str]
) -> None:
    found = how_sure(demo)
    assert found is not None
    summary = pages[SUMMARY]
    assert "How sure is #1" in summary
    assert found.summary in summary
    # The demo's round (minutes, 8 to 24) spreads less than #1's margin: nothing is fragile.
    assert "Careful" not in summary


def test_the_ranking_chapter_says_what_the_room_estimated_blind(pages: list[str]) -> None:
    (page,) = [page for page in pages if "What the room estimated blind" in page]
    assert (
        "Minutes each time, round 1 of 1: 5 numbers and 1 pass; 8 to 24 minutes, median 22; "
        "the room disagreed." in " ".join(page.split())
    )


def test_the_demo_keeps_its_page_count_and_a_one_page_summary(pages: list[str]) -> None:
    assert len(pages) == DEMO_PAGES
    assert "Who signs" in pages[SUMMARY]
    assert "Kwame Mensah" in pages[SUMMARY]  # the last of the signers, still on the summary
    assert "Diagnosis" in pages[SUMMARY + 1]


def test_the_appendix_explains_margins_draws_and_fragile(pages: list[str]) -> None:
    start = next(i for i, page in enumerate(pages) if "How the ranking works" in page)
    appendix = " ".join(pages[start:])
    assert "How sure is #1" in appendix
    for words in (
        "smallest change of one fact",
        "computed exactly",
        "band edges",
        "tie rules",
        "2,000 draws",
        "same workshop file gives the same share",
        "fragile",
        "room's own spread",
    ):
        assert words in appendix, words


def test_a_workshop_with_no_first_has_no_paragraph() -> None:
    assert charter_context(Workshop(), tool_first_vocabulary())["how_sure"] is None
    pages = page_texts(charter_pdf(Workshop()).pdf)
    assert "How sure is #1" not in pages[SUMMARY]


def test_a_fragile_first_is_called_out_in_plain_words() -> None:
    workshop = close_call()
    context = charter_context(workshop, tool_first_vocabulary())["how_sure"]
    assert context["fragile"] == ["the minutes of Alpha"]
    assert context["estimated"]
    rendered: Rendered = charter_pdf(workshop)
    summary = page_texts(rendered.pdf)[SUMMARY]
    assert "Alpha stays #1 unless its minutes are" in summary
    assert "within the room's own disagreement" in summary
    assert "draws within the room's estimates" in summary
    assert "Careful: #1 rests on a fact the room disagreed about (the minutes of Alpha)" in summary


def test_the_tornado_rows_follow_the_domain_bars(demo: Workshop) -> None:
    tornado = charter_context(demo, tool_first_vocabulary())["how_sure"]["tornado"]
    found = how_sure(demo)
    assert found is not None
    drawn = [bar for bar in found.bars if bar.down is not None or bar.up is not None]
    assert [row["label"] for row in tornado["rows"]] == [
        f"{'#1' if bar.role is Role.LEADER else '#2'} {FACT_WORDS[bar.fact]}" for bar in drawn
    ]
    for row in tornado["rows"]:
        for part in row["parts"]:
            assert 0 < part["width"] <= (tornado["width"] - tornado["centre"])
