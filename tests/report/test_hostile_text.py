"""Markup, template syntax, CSS, URLs and giant words typed into any field print literally,
wrap, and never make the renderer read a file or open a connection."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from workshop_app.domain.model import Workshop

from ..pdf_reading import all_text, charter_pdf, reader
from ..render_watch import outside_our_folders, watching

HOSTILE = (
    '<b>bold</b> {{ 7*7 }} {% if x %}x{% endif %} </style><link rel="attachment" '
    'href="file:///etc/passwd"> url(file:///etc/passwd) http://example.com/x.png '
    '<img src="file:///etc/hostname"> &amp; "quoted" \'single\''
)
GIANT_WORD = "W" * 3000
LONG_TEXT = ("The room kept talking about the same invoices. " * 90).strip()


def fill_text_fields(obj: object, value: str, seen: set[int]) -> None:
    """Put ``value`` into every text field of a dataclass tree (ids and dates excepted)."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    for field in dataclasses.fields(obj):  # type: ignore[arg-type]
        current = getattr(obj, field.name)
        if dataclasses.is_dataclass(current):
            fill_text_fields(current, value, seen)
        elif isinstance(current, list):
            for item in current:
                if dataclasses.is_dataclass(item):
                    fill_text_fields(item, value, seen)
        elif (
            isinstance(current, str)
            and type(current) is str
            and field.name not in ("id", "date", "at")
            and not field.name.endswith("_id")
        ):
            setattr(obj, field.name, value)


def test_hostile_text_everywhere_prints_literally(demo_workshop: Workshop) -> None:
    charter_pdf(Workshop())  # warm up: imports are not what this test watches
    fill_text_fields(demo_workshop, HOSTILE, set())
    demo_workshop.problems[0].description = LONG_TEXT
    demo_workshop.candidates[0].name = GIANT_WORD[:200]
    demo_workshop.risks[0].mitigation = GIANT_WORD[:1000]
    with watching() as seen:  # only the render is watched
        rendered = charter_pdf(demo_workshop)
    text = all_text(rendered.pdf)
    assert "<b>bold</b> {{ 7*7 }} {% if x %}x{% endif %}" in text
    assert 'href="file:///etc/passwd">' in text
    assert "49" not in text.split("{{ 7*7 }}")[0][-5:]
    assert "The room kept talking about the same invoices." in text
    # Nothing but our own folders was opened, and no socket was touched.
    assert outside_our_folders(seen.opened) == []
    assert seen.sockets == []
    # The attachment is exactly the workshop, hostile text included.
    attached = reader(rendered.pdf).attachments["workshop.json"][0].decode("utf-8")
    assert HOSTILE.replace('"', '\\"') in attached


def test_giant_words_wrap_inside_the_page(demo_workshop: Workshop) -> None:
    demo_workshop.info.title = GIANT_WORD[:200]
    demo_workshop.problems[0].description = GIANT_WORD[:5000]
    rendered = charter_pdf(demo_workshop)
    pdf = reader(rendered.pdf)
    width = float(pdf.pages[0].mediabox.width)
    for page in pdf.pages:
        assert float(page.mediabox.width) == width
    assert len(pdf.pages) < 30


def test_nothing_chosen_still_exports_a_clear_draft(tmp_path: Path) -> None:
    from workshop_app.domain.model import WorkshopInfo

    rendered = charter_pdf(Workshop(info=WorkshopInfo(title="Brand new", date="2026-11-10")))
    text = all_text(rendered.pdf)
    assert "Draft" in text
    assert "No workflow is chosen yet" in text


def test_a_charter_full_of_hostile_text_passes_the_checkers(
    demo_workshop: Workshop, tmp_path: Path
) -> None:
    import subprocess

    fill_text_fields(demo_workshop, HOSTILE, set())
    demo_workshop.problems[0].description = LONG_TEXT
    path = tmp_path / "hostile.pdf"
    path.write_bytes(charter_pdf(demo_workshop).pdf)
    result = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "errors=0" in result.stdout, result.stdout
    import shutil

    if shutil.which("qpdf"):
        checked = subprocess.run(
            ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout
