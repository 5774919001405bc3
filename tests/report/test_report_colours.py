"""The report's stylesheets print in the palette's colours: the ``var(--token)``s of charter.css
and progress.css are filled from ``workshop_app.palette`` when the PDF is made."""

from __future__ import annotations

import re

import pytest

from workshop_app.palette import PALETTE, rgb
from workshop_app.report.pdf import render_pdf

from ..pdf_reading import reader


def _fill_colours(pdf: bytes) -> set[tuple[int, int, int]]:
    """Every non-stroking RGB colour the first page paints with, in 0–255."""
    contents = reader(pdf).pages[0].get_contents()
    assert contents is not None, "the page paints nothing"
    stream = contents.get_data().decode("latin-1")
    return {
        (round(float(r) * 255), round(float(g) * 255), round(float(b) * 255))
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg\b", stream)
    }


def _page(stylesheet: str, body: str) -> bytes:
    html = (
        f'<html lang="en"><head><title>Colours</title><link rel="stylesheet" href="{stylesheet}">'
        f"</head><body>{body}</body></html>"
    )
    return render_pdf(html, title="Colours", base="charter.html.j2").pdf


@pytest.mark.parametrize(
    ("stylesheet", "body", "token"),
    [
        ("charter.css", '<p class="readiness-word">Ready</p>', "accent"),
        ("charter.css", '<p class="lead">Why this one</p>', "text_secondary"),
        (
            "progress.css",
            '<p class="verdict-at-risk"><span class="badge">at risk</span></p>',
            "warning_tint",
        ),
        (
            "progress.css",
            '<p class="verdict-off-track"><span class="badge">off</span></p>',
            "danger_tint",
        ),
    ],
)
def test_the_report_paints_in_the_palette_colour(stylesheet: str, body: str, token: str) -> None:
    colours = _fill_colours(_page(stylesheet, body))
    assert rgb(getattr(PALETTE, token)) in colours, (token, colours)
