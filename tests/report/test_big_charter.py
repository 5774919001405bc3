"""The charter of a very large workshop stays readable: the ranking is summarised after its
first rows, and no text runs off any page."""

from __future__ import annotations

import pytest

from bench.generate import big_document
from workshop_app.domain.document import workshop_from_document

from ..pdf_reading import charter_pdf, reader

pytestmark = pytest.mark.slow


def test_a_thousand_candidates_fit_their_pages() -> None:
    workshop = workshop_from_document(big_document())
    rendered = charter_pdf(workshop)
    pdf = reader(rendered.pdf)
    outside: list[tuple[int, float, float]] = []
    for number, page in enumerate(pdf.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            _font: object,
            _size: float,
            number: int = number,
            width: float = width,
            height: float = height,
        ) -> None:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]  # the text's origin on the page
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and not (-1 <= x <= width + 1 and -1 <= y <= height + 1):
                outside.append((number, x, y))

        page.extract_text(visitor_text=visit)
    assert outside == []
    text = " ".join(page.extract_text() or "" for page in pdf.pages[:40])
    assert "Reconcile" in text or "Draft" in text
    assert len(pdf.pages) < 250
