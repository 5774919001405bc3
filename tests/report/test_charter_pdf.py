"""The demo charter, parsed back: every section, pages, metadata, fonts, the attached JSON,
both paper sizes, and the validators (qpdf, pdfua)."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.domain.model import Workshop
from workshop_app.report.pdf import Rendered
from workshop_app.store.interchange import export_text

from ..pdf_reading import charter_pdf, page_texts, reader

MM = 72 / 25.4


@pytest.fixture(scope="module")
def demo() -> Workshop:
    from workshop_app.domain.document import workshop_from_document
    from workshop_app.libraries import demo_document

    return workshop_from_document(demo_document())


@pytest.fixture(scope="module")
def a4(demo: Workshop) -> Rendered:
    return charter_pdf(demo, "a4")


@pytest.fixture(scope="module")
def letter(demo: Workshop) -> Rendered:
    return charter_pdf(demo, "letter")


def test_sections_come_in_the_charter_order(a4: Rendered) -> None:
    pages = page_texts(a4.pdf)
    assert "AI WORKFLOW CHARTER" in pages[0].upper()
    text = " ".join(pages[1:])  # after the cover and its contents list
    order = [
        "Summary",
        "Diagnosis",
        "Ranking",
        "Then expand",
        "30-day success metrics",
        "Check-in calendar",
        "Stakeholders",
        "Adoption plan",
        "Risks",
        "Sign-off",
        "ranking works",
        "Decision log",
    ]
    place = 0
    for heading in order:
        found = text.find(heading, place)
        assert found >= 0, f"{heading!r} missing or out of order"
        place = found + len(heading)


def test_the_summary_names_the_choice_its_hours_targets_and_signers(a4: Rendered) -> None:
    pages = page_texts(a4.pdf)
    summary = pages[1]
    assert "Draft quotes from emailed quote requests" in summary
    assert "424 h" in summary
    assert "Share of emailed quote requests handled with a draft" in summary
    assert "Margaret Okafor" in summary
    assert "ready" in summary


def test_cover_says_agreed_and_pages_are_numbered(a4: Rendered) -> None:
    pages = page_texts(a4.pdf)
    assert "Agreed" in pages[0]
    assert "Harrowfield Industrial Supply" in pages[0]
    total = len(pages)
    assert f"Page 2 of {total}" in pages[1]
    assert f"Page {total} of {total}" in pages[-1]
    assert "Choosing our first AI workflow" in pages[1]  # running header


def test_ranking_shows_override_reason_and_parked_reasons(a4: Rendered) -> None:
    text = " ".join(page_texts(a4.pdf))
    assert "missed order status emails come back as complaints" in text
    assert "year-end close" in text  # a parked reason from the backlog
    assert "AI chatbot" in text


def test_signed_and_blank_sign_off_lines(a4: Rendered) -> None:
    text = " ".join(page_texts(a4.pdf))
    assert "APPROVED on 10 November 2026" in text
    assert text.count("Date") >= 7


def test_metadata(a4: Rendered) -> None:
    meta = reader(a4.pdf).metadata
    assert meta is not None
    assert meta.title is not None and "Choosing our first AI workflow" in meta.title
    assert meta.author == "Joanna Whitfield"
    assert meta.subject is not None and "Draft quotes from emailed quote requests" in meta.subject
    keywords = str(meta.get("/Keywords", ""))
    assert "AI workflow charter" in keywords


def test_every_font_is_embedded_and_bundled(a4: Rendered) -> None:
    fonts = set()
    for page in reader(a4.pdf).pages:
        resources = page.get("/Resources") or {}
        for reference in (resources.get("/Font") or {}).values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts
    assert all(name.replace("-", "").startswith("NotoSans") for name in fonts), fonts


def test_the_attachment_is_the_workshop_json(a4: Rendered, demo: Workshop) -> None:
    attached = reader(a4.pdf).attachments["workshop.json"][0].decode("utf-8")
    assert json.loads(attached) == json.loads(export_text(demo))


def test_paper_sizes(a4: Rendered, letter: Rendered) -> None:
    a4_box = reader(a4.pdf).pages[0].mediabox
    letter_box = reader(letter.pdf).pages[0].mediabox
    assert round(float(a4_box.width) / MM) == 210
    assert round(float(a4_box.height) / MM) == 297
    assert round(float(letter_box.width)) == 612
    assert round(float(letter_box.height)) == 792


def test_pdf_a3a_is_declared(a4: Rendered) -> None:
    xmp = reader(a4.pdf).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp and "3" in xmp.split("pdfaid:part")[1][:8]
    assert reader(a4.pdf).trailer["/Root"].get("/MarkInfo") is not None  # tagged


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is installed by make test")
def test_qpdf_finds_no_errors(a4: Rendered, tmp_path: Path) -> None:
    path = tmp_path / "charter.pdf"
    path.write_bytes(a4.pdf)
    result = subprocess.run(
        ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pdfua_reports_no_errors(a4: Rendered, tmp_path: Path) -> None:
    path = tmp_path / "charter.pdf"
    path.write_bytes(a4.pdf)
    result = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "errors=0" in result.stdout, result.stdout
    assert result.returncode in (0, 2), result.stdout


def test_an_adopted_estimate_is_printed_in_the_decision_log(demo: Workshop) -> None:
    from workshop_app.domain import operations as op
    from workshop_app.domain.model import Estimate, EstimateFact

    workshop = copy.deepcopy(demo)
    op.add_estimates(
        workshop, [Estimate("c2", EstimateFact.MINUTES, 1, None, v) for v in (3, 4, 15)]
    )
    op.adopt_estimate(workshop, "c2", EstimateFact.MINUTES, 4, "", 1, "2026-11-10T14:30:00")
    text = " ".join(page_texts(charter_pdf(workshop).pdf)[-1].split())
    assert "2026-11-10 14:30 Estimate adopted" in text
    assert "Minutes each: 4 minutes from round 1 (3 numbers; 3 to 15 minutes, median 4; the" in text
    assert "room disagreed). Median taken." in text
