"""Review forms for tests: one stakeholder's form made for real, then filled in with pypdf as
a reader's PDF app would (values and appearance streams written into the file)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from workshop_app.domain.model import Workshop
from workshop_app.domain.review_fields import FormPart, field_name
from workshop_app.domain.versions import charter_fingerprint
from workshop_app.report.review import make_review_form


def blank_form(workshop: Workshop, stakeholder_id: str) -> bytes:
    """The stakeholder's review form of the charter as it is now."""
    return make_review_form(workshop, stakeholder_id).rendered.pdf


def fill(pdf: bytes, values: dict[str, str]) -> bytes:
    """``pdf`` with ``values`` (full field name → value) typed in."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        if page.get("/Annots"):
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def filled_form(
    workshop: Workshop,
    stakeholder_id: str,
    target: Path,
    parts: dict[FormPart, str],
    *,
    blank: bytes | None = None,
) -> Path:
    """Write ``target``: the stakeholder's form with ``parts`` filled in (the decision as its
    state name, ``/approved``)."""
    version = charter_fingerprint(workshop)
    values = {field_name(version, stakeholder_id, part): text for part, text in parts.items()}
    target.write_bytes(fill(blank or blank_form(workshop, stakeholder_id), values))
    return target
