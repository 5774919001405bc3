"""Charters rendered once per test module, and ways to read them back."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from workshop_app.domain.model import Workshop
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.report.charter import make_charter
from workshop_app.report.pdf import Rendered
from workshop_app.store.interchange import export_text


def render(workshop: Workshop, paper: str = "a4") -> Rendered:
    return make_charter(workshop, tool_first_vocabulary(), export_text(workshop), paper=paper)


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, with layout whitespace and soft breaks folded away."""
    texts = []
    for page in reader(pdf).pages:
        text = page.extract_text() or ""
        text = text.replace("\u200b", "").replace("\u00ad", "")
        texts.append(re.sub(r"\s+", " ", text))
    return texts


def all_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))
