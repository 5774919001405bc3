"""The charter's sign-off section prints each sign-off whole: the decision and day, how it came
(in the room, on their review form, by email, on paper), the name typed on a form, the version
reviewed and whether it is this charter's, the comment and each part's comment, labelled. Long
comments wrap inside the page and are printed to the last character."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PageObject

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.document import workshop_from_document
from workshop_app.domain.model import Signoff, SignoffChannel, SignoffDecision, Workshop
from workshop_app.domain.versions import charter_document, charter_fingerprint
from workshop_app.libraries import demo_document
from workshop_app.report.pdf import Rendered
from workshop_app.report.signoffs import signoffs_context

from ..pdf_reading import charter_pdf, page_texts, reader

AT = "2026-11-24T16:05:00"
MM = 72 / 25.4
#: The charter's left and right page margins (charter.css), in points.
MARGIN = 20 * MM

EMAIL = (
    "Hi Joanna,\n\n"
    "Thanks for sending the charter over. I read it on the train this morning.\n\n"
    "Two things: the quote target feels ambitious for December, and I would like Helen\n"
    "to own the data side of the 30 days.\n\n"
    "Otherwise it is approved from my side.\n\n"
    "Best,\nPriya"
)


def _demo() -> Workshop:
    return workshop_from_document(copy.deepcopy(demo_document()))


def _signoff(stakeholder_id: str, day: str, **fields: Any) -> Signoff:
    return Signoff(stakeholder_id, day, SignoffDecision.APPROVED, **fields)


def _said_of(workshop: Workshop, name: str) -> dict[str, Any]:
    return next(row for row in signoffs_context(workshop) if row["name"] == name)


@pytest.fixture(scope="module")
def reviewed() -> Workshop:
    """The demo exported and reviewed by email; then changed, and signed on its new version on a
    review form, on paper and in the room; and an old sign-off that kept no channel or version."""
    workshop = _demo()
    op.record_export(workshop, charter_document(workshop), AT)
    earlier = charter_fingerprint(workshop)
    op.record_signoff(
        workshop,
        _signoff("s3", "2026-11-21", comment=EMAIL, version=earlier, channel=SignoffChannel.EMAIL),
        AT,
    )
    op.set_field(workshop, Part.METRICS, "m2", "target", 6)
    now = charter_fingerprint(workshop)
    form = Signoff(
        "s2",
        "2026-11-20",
        SignoffDecision.CHANGES_REQUESTED,
        "Good start; three notes below.",
        version=now,
        channel=SignoffChannel.FORM,
        signed_as="Marco Rossi",
        comment_workflow="Start with the Monday quotes only.",
        comment_metrics="The 38-minute baseline was measured in a quiet week.",
        comment_adoption="Train the night shift too.\nThey quote on Sundays.",
    )
    op.record_signoff(workshop, form, AT)
    op.record_signoff(
        workshop, _signoff("s4", "2026-11-22", version=now, channel=SignoffChannel.PAPER), AT
    )
    op.record_signoff(
        workshop, _signoff("s5", "2026-11-23", version=now, channel=SignoffChannel.ROOM), AT
    )
    op.record_signoff(workshop, _signoff("s6", "2026-11-10", comment="Data stays in the EU."), AT)
    return workshop


@pytest.fixture(scope="module")
def pdf(reviewed: Workshop) -> Rendered:
    return charter_pdf(reviewed)


def _signoff_pages(pdf: bytes) -> str:
    """The text of the sign-off chapter: from its heading to the appendix."""
    text = " ".join(page_texts(pdf))
    start = text.index("Each stakeholder approves")
    return text[start : text.index("How the ranking works", start)]


def _person(section: str, name: str) -> str:
    """What the sign-off section says of one stakeholder: up to the next stakeholder's name."""
    names = ["Margaret Okafor", "Daniel Reyes", "Priya Nair", "Tomasz Wojcik"]
    names += ["Helen Brandt", "Samuel Adeyemi", "Laura Chen", "Kwame Mensah"]
    start = section.index(name)
    ends = [section.find(other, start + len(name)) for other in names if other != name]
    return section[start : min([end for end in ends if end > 0] or [len(section)])]


def test_a_review_form_prints_its_channel_typed_name_and_each_comment(pdf: Rendered) -> None:
    daniel = _person(_signoff_pages(pdf.pdf), "Daniel Reyes")
    assert "CHANGES REQUESTED on 20 November 2026, on their review form" in daniel
    assert "signed as “Marco Rossi”" in daniel
    assert "“Good start; three notes below.”" in daniel
    assert "On the workflow: Start with the Monday quotes only." in daniel
    assert "On the metrics: The 38-minute baseline was measured in a quiet week." in daniel
    assert "On the adoption plan: Train the night shift too. They quote on Sundays." in daniel
    order = ["Good start", "On the workflow:", "On the metrics:", "On the adoption plan:"]
    assert [daniel.index(part) for part in order] == sorted(daniel.index(p) for p in order)


def test_each_sign_off_says_how_it_came_in_words(pdf: Rendered) -> None:
    section = _signoff_pages(pdf.pdf)
    assert "APPROVED on 21 November 2026, by email" in _person(section, "Priya Nair")
    assert "APPROVED on 22 November 2026, on paper" in _person(section, "Tomasz Wojcik")
    assert "APPROVED on 23 November 2026, in the room" in _person(section, "Helen Brandt")
    old = _person(section, "Samuel Adeyemi")  # recorded before the channel was kept
    assert "APPROVED on 10 November 2026 “Data stays in the EU.”" in old
    for words in ("in the room", "on their review form", "by email", "on paper", "signed as"):
        assert words not in old
    assert "Signed version" not in old and "ersion not recorded" not in old


def test_a_pasted_email_keeps_every_paragraph(pdf: Rendered) -> None:
    priya = _person(_signoff_pages(pdf.pdf), "Priya Nair")
    paragraphs = [" ".join(block.split()) for block in EMAIL.split("\n\n")]
    assert f"“{paragraphs[0]}" in priya
    for paragraph in paragraphs[1:-1]:
        assert paragraph in priya
    assert f"{paragraphs[-1]}”" in priya


def test_the_version_reviewed_says_when_it_is_not_this_charter(
    reviewed: Workshop, pdf: Rendered
) -> None:
    section = _signoff_pages(pdf.pdf)
    now = charter_fingerprint(reviewed)
    earlier = reviewed.versions[-1].fingerprint
    assert earlier != now
    assert f"Signed version {now} (this version)." in _person(section, "Daniel Reyes")
    assert f"This charter is version {now}" not in _person(section, "Daniel Reyes")
    assert f"Signed version {earlier}, 1 change since. This charter is version {now}." in _person(
        section, "Priya Nair"
    )


def test_the_charter_with_reviews_stays_pdf_a_3a_and_passes_the_checkers(
    pdf: Rendered, tmp_path: Path
) -> None:
    document = reader(pdf.pdf)
    xmp = document.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp and "3" in xmp.split("pdfaid:part")[1][:8]
    assert document.trailer["/Root"].get("/MarkInfo") is not None  # tagged
    path = tmp_path / "reviewed.pdf"
    path.write_bytes(pdf.pdf)
    checked = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "errors=0" in checked.stdout, checked.stdout
    if shutil.which("qpdf"):
        result = subprocess.run(
            ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_context_names_every_channel_and_splits_paragraphs() -> None:
    workshop = _demo()
    channels = [None, *SignoffChannel]
    for person, channel in zip(["s2", "s3", "s4", "s5", "s6"], channels, strict=True):
        op.record_signoff(workshop, _signoff(person, "2026-11-20", channel=channel), AT)
    assert [_said_of(workshop, p.name)["channel"] for p in workshop.stakeholders[1:6]] == [
        "",
        "in the room",
        "on their review form",
        "by email",
        "on paper",
    ]
    op.record_signoff(workshop, _signoff("s7", "2026-11-20", comment=f"  {EMAIL}\n\n \n"), AT)
    laura = _said_of(workshop, "Laura Chen")
    assert laura["comment"][0] == "Hi Joanna,"
    assert laura["comment"][-1] == "Best,\nPriya"  # a single line break stays in its paragraph
    assert len(laura["comment"]) == 5
    assert not laura["long"] and not _said_of(workshop, "Daniel Reyes")["section_comments"]


# --------------------------------------------------------------------- long comments

#: Long words (94 characters, each numbered so a lost piece shows), a paragraph every ten.
_WORDS = [f"W{i:03d}" + ("reconciliationofsupplierstatements" * 3)[:90] for i in range(60)]
LONG_COMMENT = "".join(
    word + ("\n\n" if i % 10 == 9 else " ") for i, word in enumerate(_WORDS)
).strip()[:5000]
#: One unbroken run of 5,000 characters, the worst a form's comment box can hold.
GIANT_WORD = "".join(chr(ord("a") + i % 26) for i in range(5000))


@pytest.fixture(scope="module")
def long_pdf() -> Rendered:
    workshop = _demo()
    signoff = _signoff(
        "s3",
        "2026-11-21",
        comment=LONG_COMMENT,
        channel=SignoffChannel.EMAIL,
        comment_workflow=GIANT_WORD,
    )
    op.record_signoff(workshop, signoff, AT)
    return charter_pdf(workshop)


def _body_text(page: PageObject) -> str:
    """The text inside a page's body (below the running header, above the footer)."""
    height = float(page.mediabox.height)
    found: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if 19 * MM <= y <= height - 21 * MM:
            found.append(text)

    page.extract_text(visitor_text=visit)
    return "".join(found)


def _letters(text: str) -> str:
    return re.sub(r"[\s\u200b\u00ad]", "", text)


def test_long_comments_are_printed_to_the_last_character(long_pdf: Rendered) -> None:
    assert len(LONG_COMMENT) == 5000 and len(GIANT_WORD) == 5000
    document = reader(long_pdf.pdf)
    body = _letters("".join(_body_text(page) for page in document.pages))
    assert _letters(f"“{LONG_COMMENT}”") in body
    assert _letters(f"On the workflow: {GIANT_WORD}") in body


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_long_comments_stay_inside_the_text_column(long_pdf: Rendered, tmp_path: Path) -> None:
    """Every word on every page lies between the page's left and right margins (20 mm) and
    inside the page from top to bottom: nothing runs off the paper or is cut at its edge."""
    path = tmp_path / "long.pdf"
    path.write_bytes(long_pdf.pdf)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S)
    assert len(pages) == len(reader(long_pdf.pdf).pages)
    word = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"')
    outside = []
    for number, (width, height, words) in enumerate(pages, start=1):
        left, right = MARGIN - 0.5, float(width) - MARGIN + 0.5  # half a point for rounding
        for x_min, y_min, x_max, y_max in (map(float, box) for box in word.findall(words)):
            if not (left <= x_min and x_max <= right and y_min >= 0 and y_max <= float(height)):
                outside.append((number, x_min, x_max, y_min))
    assert outside == []
