"""What a person hands the app is read only when it is a regular file (or standard input), and
never past a cap counted while reading (issue 15): a pipe, a device or a folder is refused at
once, ``/dev/zero`` stops at the cap, and a charter carrying two ``workshop.json`` files is
refused rather than trusting either."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter

from workshop_app.store.inputs import Expected, read_bounded, read_stream
from workshop_app.store.interchange import DocumentError, read_document

SMALL = Expected("a JSON file", 1000, "an interchange file may be at most 1000 bytes")


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.mkdir(), "is a folder, not a JSON file"),
        (lambda p: os.mkfifo(p), "is not a file (it is a pipe, socket or device), not a JSON file"),
    ],
    ids=["folder", "pipe"],
)
def test_what_is_not_a_file_is_refused_at_once(tmp_path: Path, make: Any, said: str) -> None:
    source = tmp_path / "source.json"
    make(source)
    with pytest.raises(DocumentError) as caught:
        read_document(source)
    assert str(caught.value) == f"{source}: {said}"


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(DocumentError) as caught:
        read_document("/dev/zero")
    assert "is not a file (it is a pipe, socket or device)" in str(caught.value)


def test_the_cap_is_kept_while_reading_not_by_the_size_asked_first(tmp_path: Path) -> None:
    endless = io.BytesIO(b"x" * 5000)
    with pytest.raises(Exception) as caught:
        read_stream(endless, "stdin", SMALL)
    assert str(caught.value) == (
        "stdin: is more than 1,000 bytes; an interchange file may be at most 1000 bytes"
    )
    assert endless.tell() == 1001  # stopped one byte past the cap
    exact = tmp_path / "exact.json"
    exact.write_bytes(b"y" * 1000)
    assert read_bounded(exact, SMALL) == b"y" * 1000


def test_a_link_in_a_loop_is_named(tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    with pytest.raises(DocumentError) as caught:
        read_document(loop)
    assert str(caught.value) == f"{loop}: is a link that leads round in a loop"


def _pdf_carrying(*documents: bytes) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    for document in documents:
        writer.add_attachment("workshop.json", document)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_charter_carrying_two_workshops_is_refused(
    tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    ours = json.dumps(demo_document).encode()
    planted = json.dumps(
        {**demo_document, "workshop": {**demo_document["workshop"], "title": "Planted"}}
    ).encode()
    pdf = tmp_path / "charter.pdf"
    pdf.write_bytes(_pdf_carrying(planted, ours))
    with pytest.raises(DocumentError) as caught:
        read_document(pdf)
    assert str(caught.value) == (
        f"{pdf}: is a PDF with 2 files attached as workshop.json; a charter First Workflow "
        "exported carries one, so this one was changed since"
    )
    pdf.write_bytes(_pdf_carrying(ours))
    assert read_document(pdf) == demo_document
