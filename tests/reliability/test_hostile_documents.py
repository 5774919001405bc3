"""Whole interchange documents full of strange text: markup, template syntax, CSS, controls,
right-to-left and combining marks, emoji, very long strings.

Either an import refuses the document whole with a clear message (lone surrogates and control
characters other than tab and newline are refused on purpose: docs/interchange.md), or it
round-trips exactly, and the charter and the progress report render it literally without
opening any file outside our folders or any socket.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.domain.document import workshop_from_document, workshop_to_document
from workshop_app.domain.validation import InvalidWorkshop, validate_document
from workshop_app.libraries import demo_document, tool_first_vocabulary
from workshop_app.store.interchange import DocumentError, export_text, import_document

from ..render_watch import outside_our_folders, watching

pytestmark = pytest.mark.slow

NASTY = [
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% for x in y %}",
    "</style><style>*{}",
    'url("file:///etc/passwd")',
    "<link rel=attachment href=file:///etc/shadow>",
    "http://127.0.0.1:1/x.png",
    "\u202eevil\u202c",
    "e\u0301\u0301\u0301",
    "👩🏽‍🔬🚀",
    "שלום עולם",
    "Ωμέγα Жук ł ő",
    "&amp;&lt;",
    "\t tab\nnew line",
    "W" * 300,
    "lone \ud800 surrogate",
    "nul \x00 byte",
    "\x1b[31mred",
    "carriage\r\nreturn",
]
texts = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
)

DEMO = demo_document()
#: (list key, field) pairs of every text field of the demo, plus the workshop's.
TEXT_FIELDS = [
    ("workshop", None, name)
    for name, value in DEMO["workshop"].items()
    if isinstance(value, str) and name != "date"
]
for key, items in DEMO.items():
    if isinstance(items, list):
        for index, item in enumerate(items):
            for name, value in item.items():
                if (
                    isinstance(value, str)
                    and name not in ("id", "date", "at")
                    and not name.endswith("_id")
                    and name not in ("kind", "status", "per", "category", "direction", "decision")
                ):
                    TEXT_FIELDS.append((key, index, name))


@st.composite
def hostile_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(DEMO)
    for key, index, name in TEXT_FIELDS:
        if draw(st.booleans()):
            value = draw(texts)
            target = doc[key] if index is None else doc[key][index]
            target[name] = value
    return doc


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_documents())
def test_import_round_trips_exactly_or_refuses_whole(doc: dict[str, Any]) -> None:
    issues = validate_document(doc)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.json"
        source.write_text(json.dumps(doc), encoding="utf-8", errors="surrogatepass")
        target = Path(folder) / "w.workshop"
        if issues:
            with pytest.raises(DocumentError) as caught:
                import_document(source, target)
            assert caught.value.issues
            assert all(": " in line for line in caught.value.issues)
            assert not target.exists()
            return
        workshop = import_document(source, target)
        from workshop_app.store.workshop_file import WorkshopFile

        with WorkshopFile.open(target, read_only=True) as opened:
            assert json.loads(export_text(opened.workshop)) == doc
        assert workshop_to_document(workshop) == doc


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_documents())
def test_reports_render_hostile_text_literally_and_read_nothing_else(doc: dict[str, Any]) -> None:
    from workshop_app.report.charter import make_charter
    from workshop_app.report.progress import make_progress_report

    try:
        workshop = workshop_from_document(doc)
    except InvalidWorkshop:
        return  # refused whole at import: nothing to render
    json_text = export_text(workshop)
    make_charter(workshop, tool_first_vocabulary(), json_text)  # warm: imports and caches
    with watching() as seen:
        charter = make_charter(workshop, tool_first_vocabulary(), json_text)
        progress = make_progress_report(workshop, tool_first_vocabulary(), json_text)
    assert charter.pdf.startswith(b"%PDF-") and progress.pdf.startswith(b"%PDF-")
    assert outside_our_folders(seen.opened) == []
    assert seen.sockets == []
