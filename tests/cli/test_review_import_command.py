"""``workshop-app review-import FILE.workshop filled.pdf``: a review form filled in as a
reader's app would is recorded whole (decision, comments, typed name, date, channel, version)
and reaches the next charter; an older version only after its changes are read and accepted;
anything else is one clear line, with the workshop and the PDF unchanged."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.review_forms import blank_form, filled_form
from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.operations import Step
from workshop_app.domain.review_fields import FormPart
from workshop_app.domain.versions import charter_fingerprint
from workshop_app.store.workshop_file import WorkshopFile

from .test_commands import assert_one_clear_line, digest, run

CHANGES = {
    FormPart.DECISION: "/changes_requested",
    FormPart.COMMENT_METRICS: "Sixty per cent is too high for the first month; say 45.",
    FormPart.COMMENT_ADOPTION: "Train the Saturday desk as well.",
    FormPart.NAME: "Daniel Reyes",
    FormPart.DATE: "28 November 2026",
}


def _workshop(path: Path):
    with WorkshopFile.open(path, read_only=True) as opened:
        return opened.workshop


def test_a_filled_form_is_recorded_and_reaches_the_next_charter(
    demo_file: Path, tmp_path: Path
) -> None:
    form = filled_form(_workshop(demo_file), "s2", tmp_path / "Review Daniel.pdf", CHANGES)
    pdf_before = digest(form)
    result = run("review-import", demo_file, form)
    assert result.returncode == 0, result.stderr
    assert "Daniel Reyes requested changes on 2026-11-28 (review form, version" in result.stdout
    assert digest(form) == pdf_before

    document = json.loads(run("export", demo_file).stdout)
    [signed] = [s for s in document["signoffs"] if s["stakeholder_id"] == "s2"]
    assert signed["decision"] == "changes_requested" and signed["channel"] == "form"
    assert signed["date"] == "2026-11-28" and signed["signed_as"] == "Daniel Reyes"
    assert signed["comment_metrics"] == CHANGES[FormPart.COMMENT_METRICS]
    assert signed["comment_adoption"] == CHANGES[FormPart.COMMENT_ADOPTION]
    assert "comment_workflow" not in signed
    assert signed["version"] == charter_fingerprint(_workshop(demo_file))
    assert document["decisions"][-1]["kind"] == "signed"
    assert "on their review form" in document["decisions"][-1]["reason"]

    # The next charter carries it: in its attached workshop and in the words it prints.
    charter = tmp_path / "charter.pdf"
    assert run("charter", demo_file, "-o", charter).returncode == 0
    reader = PdfReader(charter)
    attached = json.loads(reader.attachments["workshop.json"][0])
    assert [s for s in attached["signoffs"] if s["stakeholder_id"] == "s2"] == [signed]
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "say 45" in text

    # The same form again changes nothing, and says so.
    before = digest(demo_file)
    again = run("review-import", demo_file, form)
    assert again.returncode == 0 and "already recorded" in again.stdout
    assert digest(demo_file) == before


def test_an_older_version_is_recorded_only_once_its_changes_are_accepted(
    demo_file: Path, tmp_path: Path
) -> None:
    assert run("charter", demo_file, "-o", tmp_path / "c.pdf").returncode == 0  # recorded
    approve = {FormPart.DECISION: "/approved", FormPart.NAME: "Priya", FormPart.DATE: "2026-11-29"}
    form = filled_form(_workshop(demo_file), "s3", tmp_path / "priya.pdf", approve)
    with WorkshopFile.open(demo_file) as opened:
        metric = opened.workshop.metrics[0]
        opened.change(Step(op.set_field, (Part.METRICS, metric.id, "target", 75)))
    before = digest(demo_file)

    refused = run("review-import", demo_file, form)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    lines = refused.stderr.strip().splitlines()
    assert "older charter version" in lines[0] and "changed since" in lines[0]
    assert any("Target of" in line and "→ 75" in line for line in lines[1:-1]), lines
    assert "--accept-older" in lines[-1]
    assert digest(demo_file) == before

    accepted = run("review-import", demo_file, form, "--accept-older")
    assert accepted.returncode == 0, accepted.stderr
    signed = [s for s in _workshop(demo_file).signoffs if s.stakeholder_id == "s3"]
    assert signed[0].version != charter_fingerprint(_workshop(demo_file))


def test_a_date_that_cannot_be_told_is_given_with_date(demo_file: Path, tmp_path: Path) -> None:
    parts = CHANGES | {FormPart.DATE: "tomorrow-ish"}
    form = filled_form(_workshop(demo_file), "s2", tmp_path / "f.pdf", parts)
    before = digest(demo_file)
    assert_one_clear_line(run("review-import", demo_file, form), "not a date", "--date")
    assert digest(demo_file) == before
    assert run("review-import", demo_file, form, "--date", "2026-11-27").returncode == 0
    assert [s.date for s in _workshop(demo_file).signoffs if s.stakeholder_id == "s2"] == [
        "2026-11-27"
    ]


def _encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_bad_pdfs_are_refused_whole_with_both_files_unchanged(
    demo_file: Path, tmp_path: Path
) -> None:
    workshop = _workshop(demo_file)
    blank = blank_form(workshop, "s2")
    filled = filled_form(workshop, "s2", tmp_path / "good.pdf", CHANGES, blank=blank).read_bytes()
    charter = tmp_path / "charter.pdf"
    assert run("charter", demo_file, "-o", charter, "--no-record").returncode == 0

    cases: dict[str, tuple[bytes, str]] = {
        "text.pdf": (b"Dear Sam, approved. Regards", "not a PDF"),
        "empty.pdf": (b"", "is empty"),
        "half.pdf": (filled[: len(filled) // 2], "cannot be read"),
        "charter.pdf": (charter.read_bytes(), "is a charter, not a review form"),
        "blank.pdf": (blank, "is blank"),
        "no-name.pdf": (
            filled_form(
                workshop, "s2", tmp_path / "n.pdf", CHANGES | {FormPart.NAME: ""}, blank=blank
            ).read_bytes(),
            "no name is typed",
        ),
        "changes-but-no-comment.pdf": (
            filled_form(
                workshop,
                "s2",
                tmp_path / "c.pdf",
                {k: v for k, v in CHANGES.items() if not k.startswith("comment")},
                blank=blank,
            ).read_bytes(),
            "does not say which",
        ),
        "locked.pdf": (_encrypted(filled), "password"),
    }
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    before = digest(demo_file)
    for name, (content, words) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = run("review-import", demo_file, path)
        assert_one_clear_line(result, name, words)
        assert path.read_bytes() == content
        assert digest(demo_file) == before, name
    assert_one_clear_line(run("review-import", demo_file, folder), "is a folder")
    assert_one_clear_line(run("review-import", demo_file, fifo), "pipe")
    assert_one_clear_line(run("review-import", demo_file, tmp_path / "none.pdf"), "no such")
    assert digest(demo_file) == before


def test_a_form_of_someone_removed_or_of_another_workshop_is_refused(
    demo_file: Path, tmp_path: Path
) -> None:
    workshop = _workshop(demo_file)
    form = filled_form(workshop, "s2", tmp_path / "f.pdf", CHANGES)
    # The same people, a version this workshop never had, and no copy of it in the form.
    writer = PdfWriter(clone_from=PdfReader(form))
    del writer._root_object["/Names"]
    stripped = tmp_path / "stripped.pdf"
    with stripped.open("wb") as out:
        writer.write(out)
    with WorkshopFile.open(demo_file) as opened:
        opened.change(Step(op.set_field, (Part.WORKSHOP, None, "title", "Renamed")))
    before = digest(demo_file)
    assert_one_clear_line(run("review-import", demo_file, stripped), "never had")
    assert digest(demo_file) == before

    fresh = tmp_path / "fresh.workshop"
    assert run("demo", fresh).returncode == 0
    with WorkshopFile.open(fresh) as opened:
        opened.change(Step(op.remove_item, (Part.STAKEHOLDERS, "s2")))
    before = digest(fresh)
    fingerprint_form = filled_form(workshop, "s2", tmp_path / "g.pdf", CHANGES)
    result = run("review-import", fresh, fingerprint_form, "--accept-older")
    assert_one_clear_line(result, "id 's2'", "not in this workshop")
    assert digest(fresh) == before


@pytest.mark.parametrize("flag", [["--date", "30/11/2026"]])
def test_a_bad_date_option_is_a_usage_error(
    demo_file: Path, tmp_path: Path, flag: list[str]
) -> None:
    result = run("review-import", demo_file, tmp_path / "f.pdf", *flag)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
