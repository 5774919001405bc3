"""Schema version 6: how each sign-off came, the name typed on a review form and its comments.
A version-5 file is backed up first and keeps every row; the new fields travel through a real
file and the interchange JSON, and a sign-off without them exports exactly as before."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from tests.store.file_rows import every_row
from workshop_app.domain import operations as op
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import Signoff, SignoffChannel, SignoffDecision
from workshop_app.domain.operations import Step
from workshop_app.store.interchange import export_text, import_document
from workshop_app.store.schema import MIGRATIONS, SCHEMA_VERSION
from workshop_app.store.workshop_file import Schema, WorkshopFile

FIXTURE = Path(__file__).parent.parent / "fixtures" / "version5.workshop"
AT = "2026-12-02T09:30:00"


def _rows(path: Path, table: str) -> list[Any]:
    return every_row(path, [table])[table]


def test_a_version_five_file_is_backed_up_then_given_the_review_columns(tmp_path: Path) -> None:
    copy = tmp_path / "v5.workshop"
    shutil.copyfile(FIXTURE, copy)
    before = _rows(copy, "signoffs")
    assert len(before) == 2 and before[0][-1] == "fu5cgn6drs"
    with WorkshopFile.open(FIXTURE, read_only=True, schema=Schema(MIGRATIONS, 5)) as old:
        expected = workshop_to_document(old.workshop)

    with WorkshopFile.open(copy) as opened:
        assert workshop_to_document(opened.workshop) == expected  # opens unchanged
        assert all(s.channel is None for s in opened.workshop.signoffs)
        assert opened.upgrade()  # what its first change does

    assert _rows(tmp_path / "v5.workshop.v5-backup", "signoffs") == before
    assert _rows(copy, "signoffs") == sorted((*row, *[None] * 5) for row in before)
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_a_reviewed_signoff_travels_through_a_file_and_json(
    tmp_path: Path, demo_file: Path
) -> None:
    comments = {
        "comment_workflow": "Start with the Monday quotes only.",
        "comment_metrics": "",
        "comment_adoption": "Train the night shift too.\nThey quote on Sundays.",
    }
    with WorkshopFile.open(demo_file) as opened:
        signoff = Signoff(
            "s2",
            "2026-12-01",
            SignoffDecision.CHANGES_REQUESTED,
            version="abcdefghij",
            channel=SignoffChannel.FORM,
            signed_as="Marco Rossi",
            **comments,
        )
        opened.change(Step(op.record_signoff, (signoff, AT)))
        written = workshop_to_document(opened.workshop)
    signed = next(s for s in written["signoffs"] if s["stakeholder_id"] == "s2")
    assert signed["channel"] == "form" and signed["signed_as"] == "Marco Rossi"
    assert signed["date"] == "2026-12-01"
    assert signed["comment_adoption"] == comments["comment_adoption"]
    assert "comment_metrics" not in signed  # an empty comment is not written

    with WorkshopFile.open(demo_file, read_only=True) as again:
        assert workshop_to_document(again.workshop) == written
    source = tmp_path / "w.json"
    source.write_text(export_text(again.workshop), encoding="utf-8")
    assert workshop_to_document(import_document(source, tmp_path / "copy.workshop")) == written


def test_a_signoff_without_the_new_fields_exports_as_before(demo_file: Path) -> None:
    with WorkshopFile.open(demo_file, read_only=True) as opened:
        document = json.loads(export_text(opened.workshop))
    for signoff in document["signoffs"]:
        assert set(signoff) <= {"stakeholder_id", "date", "decision", "comment", "version"}
