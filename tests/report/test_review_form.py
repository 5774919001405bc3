"""The review forms, read back as a stakeholder's PDF app would: one per stakeholder, the
summary on page 1, fields named with the fingerprint and the stakeholder, appearance streams
for what is typed, and the values of a filled form read back."""

from __future__ import annotations

import copy
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from workshop_app.domain.model import Workshop
from workshop_app.domain.review_fields import FormPart, field_name, parse_field_name
from workshop_app.domain.versions import charter_fingerprint
from workshop_app.report.review import ATTACHED_NAME, ReviewForm, make_review_forms

from ..pdf_reading import page_texts


@pytest.fixture(scope="module")
def workshop() -> Workshop:
    from workshop_app.domain.document import workshop_from_document
    from workshop_app.libraries import demo_document

    return workshop_from_document(copy.deepcopy(demo_document()))


@pytest.fixture(scope="module")
def forms(workshop: Workshop) -> list[ReviewForm]:
    return make_review_forms(workshop)


def _form_of(forms: list[ReviewForm], stakeholder_id: str) -> ReviewForm:
    return next(form for form in forms if form.stakeholder_id == stakeholder_id)


def test_one_form_per_stakeholder_named_after_them(
    workshop: Workshop, forms: list[ReviewForm]
) -> None:
    assert [f.stakeholder_id for f in forms] == [s.id for s in workshop.stakeholders]
    assert {f.file_stem for f in forms} == {f"Review {s.name}" for s in workshop.stakeholders}
    for form in forms:
        assert form.rendered.pdf.startswith(b"%PDF-")
        assert form.rendered.warnings == []


def test_every_field_carries_the_fingerprint_and_the_stakeholder(
    workshop: Workshop, forms: list[ReviewForm]
) -> None:
    version = charter_fingerprint(workshop)
    for form in forms:
        fields = PdfReader(io.BytesIO(form.rendered.pdf)).get_fields() or {}
        ours = {name: parse_field_name(name) for name in fields}
        assert {parsed.part for parsed in ours.values() if parsed} == set(FormPart)
        # Only our names: the hierarchy's nodes (fw, fw.<fp>, fw.<fp>.<id>) and the fields.
        leaves = [name for name, parsed in ours.items() if parsed]
        assert len(leaves) == len(FormPart)
        for name in leaves:
            parsed = ours[name]
            assert parsed is not None
            assert (parsed.fingerprint, parsed.stakeholder_id) == (version, form.stakeholder_id)
        decision = fields[field_name(version, form.stakeholder_id, FormPart.DECISION)]
        assert decision.get("/FT") == "/Btn"
        assert set(decision.get("/_States_", [])) >= {"/approved", "/changes_requested"}


def test_page_one_says_what_they_are_asked_to_approve(
    workshop: Workshop, forms: list[ReviewForm]
) -> None:
    champion = workshop.adoption.champion_id
    person = workshop.stakeholder(champion)
    assert person is not None
    first = page_texts(_form_of(forms, champion).rendered.pdf)[0]
    chosen = workshop.chosen[0]
    assert chosen.name in first
    assert chosen.description.split()[0] in first
    for metric in workshop.metrics_of(chosen.id):
        assert metric.name in first
    assert "Champion" in first
    assert "Sign-off" in first
    assert person.name.upper() in first or person.name in first
    assert f"Charter version {charter_fingerprint(workshop)}" in first
    assert "30-day success metrics" in first


def test_the_form_is_not_pdf_a_and_carries_the_reviewed_version(forms: list[ReviewForm]) -> None:
    reader = PdfReader(io.BytesIO(forms[0].rendered.pdf))
    # Every text field has its appearance stream: viewers need not make their own.
    assert reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"].value is False
    metadata = reader.xmp_metadata
    assert metadata is None or "pdfaid" not in str(metadata.rdf_root.toxml())
    document = json.loads(reader.attachments[ATTACHED_NAME][0])
    assert document["format"] == "first-workflow/1"


def fill(pdf: bytes, values: dict[str, str]) -> bytes:
    """Fill ``values`` in as a reader's PDF app would (appearance streams written)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_filled_form_reads_back(workshop: Workshop, forms: list[ReviewForm]) -> None:
    version = charter_fingerprint(workshop)
    person = workshop.stakeholders[1]
    name = lambda part: field_name(version, person.id, part)  # noqa: E731
    filled = fill(
        _form_of(forms, person.id).rendered.pdf,
        {
            name(FormPart.DECISION): "/changes_requested",
            name(FormPart.COMMENT_METRICS): "The target of 60 % is too high for month one.",
            name(FormPart.NAME): "Daniel Reyes-Núñez",
            name(FormPart.DATE): "2026-11-28",
        },
    )
    fields = PdfReader(io.BytesIO(filled)).get_fields() or {}
    assert str(fields[name(FormPart.DECISION)].get("/V")).lstrip("/") == "changes_requested"
    assert fields[name(FormPart.NAME)].get("/V") == "Daniel Reyes-Núñez"
    assert fields[name(FormPart.DATE)].get("/V") == "2026-11-28"
    assert fields[name(FormPart.COMMENT_METRICS)].get("/V").startswith("The target of 60 %")
    assert fields[name(FormPart.COMMENT_WORKFLOW)].get("/V") == ""


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_shows_what_was_typed(
    tmp_path: Path, workshop: Workshop, forms: list[ReviewForm]
) -> None:
    """poppler draws appearance streams only: the typed values must be in them."""
    version = charter_fingerprint(workshop)
    person = workshop.stakeholders[0]
    path = tmp_path / "filled.pdf"
    path.write_bytes(
        fill(
            _form_of(forms, person.id).rendered.pdf,
            {field_name(version, person.id, FormPart.NAME): "Margaret Okafor-Ünal"},
        )
    )
    shown = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert "Margaret Okafor-Ünal" in shown
