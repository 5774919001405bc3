"""Reading a report PDF back as the tests see it: pages of plain text, attachments, and a
charter of any workshop rendered in-process to read."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader

from workshop_app.domain.model import Workshop
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.report.charter import make_charter
from workshop_app.store.interchange import export_text

if TYPE_CHECKING:  # WeasyPrint is imported only by the tests that make a PDF in-process
    from workshop_app.report.pdf import Rendered


def charter_pdf(workshop: Workshop, paper: str = "a4") -> Rendered:
    """The charter of ``workshop``, made in this process with its JSON attached."""
    return make_charter(workshop, tool_first_vocabulary(), export_text(workshop), paper=paper)


def reader(pdf: bytes) -> PdfReader:
    """A reader over PDF bytes (pages, attachments, metadata)."""
    return PdfReader(io.BytesIO(pdf))


def pdf_file(path: Path) -> PdfReader:
    """A reader over a PDF on disk, after checking the file is a PDF at all."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-"), f"{path} is not a PDF"
    return reader(data)


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, with layout whitespace and soft breaks folded away."""
    texts = []
    for page in reader(pdf).pages:
        text = page.extract_text() or ""
        text = text.replace("\u200b", "").replace("\u00ad", "")
        texts.append(re.sub(r"\s+", " ", text))
    return texts


def all_text(pdf: bytes) -> str:
    """The text of every page as one line."""
    return " ".join(page_texts(pdf))
