"""Charter versions in the workshop file: schema version 5 adds them (a version-4 file is
backed up first and keeps every row), and they travel through a real file and the interchange
JSON with the version each sign-off was given on."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.store.file_rows import every_row
from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import SignoffDecision
from workshop_app.domain.operations import Step
from workshop_app.domain.versions import charter_document, charter_fingerprint
from workshop_app.store.interchange import export_text, import_document
from workshop_app.store.schema import MIGRATIONS, SCHEMA_VERSION
from workshop_app.store.workshop_file import Schema, WorkshopFile

FIXTURE = Path(__file__).parent.parent / "fixtures" / "version4.workshop"
AT = "2026-11-24T16:05:00"


def test_a_version_four_file_is_backed_up_then_given_versions(tmp_path: Path) -> None:
    copy = tmp_path / "v4.workshop"
    shutil.copyfile(FIXTURE, copy)
    before = every_row(copy)
    assert len(before["signoffs"]) == 2 and "versions" not in before
    with WorkshopFile.open(FIXTURE, read_only=True, schema=Schema(MIGRATIONS, 4)) as old:
        expected = workshop_to_document(old.workshop)

    with WorkshopFile.open(copy) as opened:
        assert workshop_to_document(opened.workshop) == expected  # opens unchanged
        assert opened.workshop.versions == []
        assert all(s.version is None for s in opened.workshop.signoffs)
        assert opened.upgrade()  # what its first change does

    backup = tmp_path / "v4.workshop.v4-backup"
    assert every_row(backup) == before
    after = every_row(copy)
    assert after["versions"] == []
    # version 5's column, then version 6's five, all empty
    assert after["signoffs"] == sorted((*row, *[None] * 6) for row in before["signoffs"])
    assert {t: r for t, r in after.items() if t not in ("signoffs", "versions", "file_state")} == {
        t: r for t, r in before.items() if t != "signoffs"
    }
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_versions_and_signed_versions_travel_through_a_file_and_json(
    tmp_path: Path, demo_file: Path
) -> None:
    with WorkshopFile.open(demo_file) as opened:
        version = charter_fingerprint(opened.workshop)
        opened.change(Step(op.record_export, (charter_document(opened.workshop), AT)))
        opened.change(Step(op.sign, ("s2", SignoffDecision.APPROVED, "Yes", AT)))
        written = workshop_to_document(opened.workshop)
    with WorkshopFile.open(demo_file, read_only=True) as again:
        assert workshop_to_document(again.workshop) == written
        assert again.workshop.versions[0].fingerprint == version
        assert again.workshop.signoffs[-1].version == version
        text = export_text(again.workshop)
    source = tmp_path / "w.json"
    source.write_text(text, encoding="utf-8")
    imported = import_document(source, tmp_path / "copy.workshop")
    assert workshop_to_document(imported) == written
    assert '"versions"' in text and f'"version": "{version}"' in text


def test_a_document_with_any_text_is_stored_and_read_back(tmp_path: Path, demo_file: Path) -> None:
    with WorkshopFile.open(demo_file) as opened:
        opened.change(Step(op.set_field, (Part.WORKSHOP, None, "title", "Café “ünïcode” ✓")))
        opened.change(Step(op.record_export, (charter_document(opened.workshop), AT)))
        kept = opened.workshop.versions[0].document
    with WorkshopFile.open(demo_file, read_only=True) as again:
        assert again.workshop.versions[0].document == kept
        assert kept["workshop"]["title"] == "Café “ünïcode” ✓"
