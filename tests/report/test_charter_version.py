"""The charter says which version it is: "Version <fingerprint>" in the footer of every page
and in its metadata (keywords, mirrored in the PDF/A XMP), and each sign-off's version."""

from __future__ import annotations

import copy

import pytest

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.model import SignoffDecision, Workshop
from workshop_app.domain.versions import charter_document, charter_fingerprint
from workshop_app.report.pdf import Rendered

from ..pdf_reading import charter_pdf, page_texts, reader

AT = "2026-11-24T16:05:00"


@pytest.fixture(scope="module")
def signed() -> Workshop:
    """The demo exported, signed by Daniel, then changed, then signed by Priya."""
    from workshop_app.domain.document import workshop_from_document
    from workshop_app.libraries import demo_document

    workshop = workshop_from_document(copy.deepcopy(demo_document()))
    op.record_export(workshop, charter_document(workshop), AT)
    op.sign(workshop, "s2", SignoffDecision.APPROVED, "", AT)
    op.set_field(workshop, Part.METRICS, "m2", "target", 6)
    op.sign(workshop, "s3", SignoffDecision.APPROVED, "", AT)
    return workshop


@pytest.fixture(scope="module")
def pdf(signed: Workshop) -> Rendered:
    return charter_pdf(signed)


def test_every_page_names_the_version(signed: Workshop, pdf: Rendered) -> None:
    version = charter_fingerprint(signed)
    texts = page_texts(pdf.pdf)
    assert len(texts) > 10
    for number, text in enumerate(texts, start=1):
        assert f"Version {version}" in text, f"page {number}"


def test_the_metadata_carries_the_version(signed: Workshop, pdf: Rendered) -> None:
    version = charter_fingerprint(signed)
    document = reader(pdf.pdf)
    assert document.metadata is not None
    assert f"charter version {version}" in str(document.metadata.get("/Keywords"))
    xmp = document.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert f"charter version {version}" in xmp  # Info and XMP agree, as PDF/A asks
    assert "pdfaid:part" in xmp and "3" in xmp.split("pdfaid:part")[1][:8]


def test_the_sign_off_page_shows_each_signed_version(signed: Workshop, pdf: Rendered) -> None:
    signoff_page = next(t for t in page_texts(pdf.pdf) if "Each stakeholder approves" in t)
    earlier = signed.signoffs[-2].version
    assert f"Signed version {earlier}, 1 change since" in signoff_page
    assert f"Signed version {charter_fingerprint(signed)} (this version)" in signoff_page
    assert "ersion not recorded" not in signoff_page  # the demo's own predates versions
