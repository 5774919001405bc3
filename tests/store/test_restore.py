"""Restoring a workshop file, without Qt: from a backup's number, a backup file or a charter
PDF; the file as it was — even damaged, its bytes — is kept first, so restoring again undoes
it; a file open elsewhere, a number that is not there, a backup that does not open or a PDF
that is not our charter is refused with nothing changed. And the charters beside a file that
can rebuild it."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter

from workshop_app.domain.model import Stakeholder, Workshop
from workshop_app.store.backup_schedule import BackupPolicy
from workshop_app.store.backups import (
    Backup,
    ReplacedCopy,
    content_of,
    list_backups,
    list_replaced,
)
from workshop_app.store.charter_search import charter_beside, identity_of
from workshop_app.store.errors import DamagedWorkshop, FileMissing, WorkshopFileError
from workshop_app.store.interchange import DocumentError
from workshop_app.store.restore import (
    RestoreRefused,
    newest_that_opens,
    restore,
    source_of,
)
from workshop_app.store.workshop_file import WorkshopFile

from ..damage import FINDINGS, digest


def charter_pdf(path: Path, document: dict[str, Any] | None, when: float | None = None) -> Path:
    """A PDF as our charters are for a restore: a page, and the workshop as workshop.json."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if document is not None:
        writer.add_attachment("workshop.json", json.dumps(document).encode("utf-8"))
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    if when is not None:
        os.utime(path, (when, when))
    return path


def _content(path: Path) -> str:
    with WorkshopFile.open(path, read_only=True) as opened:
        return content_of(opened.workshop)


def _add_person(workshop: Workshop) -> None:
    workshop.stakeholders.append(Stakeholder("k1", "Person 1"))


@pytest.fixture
def two_backups(demo_file: Path) -> list[Backup]:
    """The demo backed up when opened (1), then with one more stakeholder when closed (2)."""
    with WorkshopFile.open(demo_file, backups=BackupPolicy()) as opened:
        opened.change(_add_person)
    return list_backups(demo_file)


def test_a_restore_brings_a_backup_back_and_is_undone_by_restoring_again(
    demo_file: Path, two_backups: list[Backup]
) -> None:
    newest, oldest = two_backups
    assert (newest.number, oldest.number) == (2, 1)
    with WorkshopFile.open(demo_file) as opened:  # a later edit, not backed up
        opened.change(lambda w: w.stakeholders.pop())
        opened.change(lambda w: setattr(w.info, "title", "Renamed"))
    before = _content(demo_file)

    restored = restore(demo_file, source_of(demo_file, "1"))
    assert restored.source.words.startswith("backup 1 of ")
    assert _content(demo_file) == oldest.content
    kept = restored.kept
    assert isinstance(kept, Backup) and kept.number == 3 and kept.reason == "before restore"
    assert kept.content == before

    again = restore(demo_file, source_of(demo_file, str(kept.number)))
    assert _content(demo_file) == before
    assert isinstance(again.kept, Backup) and again.kept.content == oldest.content
    assert not [p for p in demo_file.parent.iterdir() if p.name.startswith(".")]  # no lock


def test_restoring_over_the_newest_state_keeps_no_second_copy_of_it(
    demo_file: Path, two_backups: list[Backup]
) -> None:
    restored = restore(demo_file, source_of(demo_file, "1"))
    assert restored.kept == two_backups[0]  # the file held backup 2 already
    assert len(list_backups(demo_file)) == 2


def test_a_damaged_file_is_kept_byte_for_byte_and_never_listed_as_a_backup(
    demo_file: Path, two_backups: list[Backup], tmp_path: Path
) -> None:
    damaged = FINDINGS["a trigger that deletes readings"].made_from(demo_file, tmp_path)
    damaged.replace(demo_file)
    journal = demo_file.with_name(demo_file.name + "-journal")
    journal.write_bytes(b"what a crash left")
    before = demo_file.read_bytes()

    restored = restore(demo_file, source_of(demo_file, "2"))
    kept = restored.kept
    assert isinstance(kept, ReplacedCopy)
    assert kept.path.read_bytes() == before
    assert kept.path.with_name(kept.path.name + "-journal").read_bytes() == b"what a crash left"
    assert "demo.workshop-journal" in kept.problem  # named as the file's own
    assert not journal.exists()  # it belonged to the file replaced: kept with it
    assert _content(demo_file) == two_backups[0].content
    assert list_replaced(demo_file) == [kept]
    assert [b.number for b in list_backups(demo_file)] == [2, 1]
    with pytest.raises(RestoreRefused, match="no backup number 3; its backups are numbers 1 to 2"):
        source_of(demo_file, str(kept.number))


def test_refusals_change_nothing(
    demo_file: Path, two_backups: list[Backup], tmp_path: Path
) -> None:
    before = digest(demo_file)
    with pytest.raises(RestoreRefused, match="no backup number 7; its backups are numbers 1 to 2"):
        source_of(demo_file, "7")
    with pytest.raises(RestoreRefused, match="has no backups"):
        source_of(tmp_path / "other.workshop", "1")
    with pytest.raises(FileMissing):
        source_of(demo_file, str(tmp_path / "missing.workshop"))
    with pytest.raises(RestoreRefused, match="is the workshop file itself"):
        source_of(demo_file, str(demo_file))
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(RestoreRefused, match="neither a backup number, a backup"):
        source_of(demo_file, str(text))
    with pytest.raises(DocumentError, match=r"without an attached workshop\.json"):
        source_of(demo_file, str(charter_pdf(tmp_path / "letter.pdf", None)))

    two_backups[1].path.write_bytes(b"SQLite format 3\x00" + bytes(4000))  # bit rot
    with pytest.raises(RestoreRefused, match=r"backup 1 of .* does not open"):
        source_of(demo_file, "1")
    assert newest_that_opens(demo_file) is not None
    assert newest_that_opens(demo_file)[0] == two_backups[0]  # type: ignore[index]

    source = source_of(demo_file, "2")
    with WorkshopFile.open(demo_file), pytest.raises(RestoreRefused, match="close it there first"):
        restore(demo_file, source)
    assert digest(demo_file) == before
    assert len(list_backups(demo_file)) == 2


def test_a_file_that_is_gone_is_restored_from_its_backups(
    demo_file: Path, two_backups: list[Backup]
) -> None:
    demo_file.unlink()
    restored = restore(demo_file, source_of(demo_file, "2"))
    assert restored.kept is None
    assert _content(demo_file) == two_backups[0].content


def test_a_charter_rebuilds_the_workshop_it_carries(
    demo_file: Path, demo_document: dict[str, Any], tmp_path: Path
) -> None:
    demo_document["workshop"]["title"] = "As the charter says"
    pdf = charter_pdf(tmp_path / "charter.pdf", demo_document)
    restored = restore(demo_file, source_of(demo_file, str(pdf)))
    assert restored.source.words == "the charter charter.pdf"
    with WorkshopFile.open(demo_file, read_only=True) as opened:
        assert opened.workshop.info.title == "As the charter says"
    assert isinstance(restored.kept, Backup) and restored.kept.reason == "before restore"

    demo_document["candidates"][0]["pain"] = 9
    with pytest.raises(WorkshopFileError, match=r"candidates\[0\].pain: must be 1 to 5, got 9"):
        source_of(demo_file, str(charter_pdf(tmp_path / "bad.pdf", demo_document)))


def test_the_charter_beside_a_file_is_found_when_it_is_newer_than_its_newest_backup(
    demo_file: Path, demo_document: dict[str, Any], two_backups: list[Backup], tmp_path: Path
) -> None:
    identity = identity_of(demo_file, two_backups)
    newest = two_backups[0].made_at
    later = (newest + dt.timedelta(minutes=5)).timestamp()
    other = dict(demo_document, workshop={**demo_document["workshop"], "title": "Another"})
    charter_pdf(tmp_path / "another workshop.pdf", other, later + 60)
    charter_pdf(tmp_path / "letter.pdf", None, later + 60)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 and nothing else")
    assert charter_beside(demo_file, identity, newest) is None

    ours = charter_pdf(tmp_path / "Charter.PDF", demo_document, later)
    found = charter_beside(demo_file, identity, newest)
    assert found is not None and found.path == ours
    assert found.source.workshop.info.title == demo_document["workshop"]["title"]
    assert charter_beside(demo_file, identity, newest + dt.timedelta(hours=1)) is None

    # A damaged file still says whose it is: the same title, found without any backup.
    assert charter_beside(demo_file, identity_of(demo_file, []), None) == found


def test_a_damaged_file_has_no_backup_that_opens_when_none_was_made(
    demo_file: Path, tmp_path: Path
) -> None:
    assert newest_that_opens(demo_file) is None
    damaged = FINDINGS["a trigger that deletes readings"].made_from(demo_file, tmp_path)
    with pytest.raises(DamagedWorkshop):
        WorkshopFile.open(damaged)
