"""Then expand on disk: the next workshop is a real file that opens as written, the old file is
only read, and a refused expand leaves no file behind."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import DecisionKind, Workshop
from workshop_app.domain.validation import InvalidWorkshop
from workshop_app.store import errors
from workshop_app.store.expand import expand_file, write_next_workshop
from workshop_app.store.workshop_file import WorkshopFile

NOW = dt.datetime(2026, 12, 14, 9, 30)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_next_workshop_is_written_and_reads_back_as_made(
    demo_file: Path, tmp_path: Path
) -> None:
    before = digest(demo_file)
    target = tmp_path / "next.workshop"
    old, new = expand_file(demo_file, target, NOW)
    assert digest(demo_file) == before
    assert [c.id for c in old.chosen] == ["c1"]
    with WorkshopFile.open(target, read_only=True) as opened:
        assert workshop_to_document(opened.workshop) == workshop_to_document(new)
        first = opened.workshop.decisions[0]
    assert first.kind is DecisionKind.EXPANDED and "“demo.workshop”" in first.reason


def test_the_source_may_be_open_for_writing_elsewhere(demo_file: Path, tmp_path: Path) -> None:
    with WorkshopFile.open(demo_file) as held:  # as the app holds it
        assert not held.read_only
        expand_file(demo_file, tmp_path / "next.workshop", NOW)
    assert (tmp_path / "next.workshop").exists()


def test_an_existing_file_is_kept_unless_forced(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken.workshop"
    target.write_bytes(b"keep me")
    with pytest.raises(errors.FileExists, match="already exists"):
        expand_file(demo_file, target, NOW)
    assert target.read_bytes() == b"keep me"
    expand_file(demo_file, target, NOW, force=True)
    with WorkshopFile.open(target, read_only=True) as opened:
        assert opened.workshop.info.title.endswith("— next workflow")


def test_the_workshop_itself_is_never_the_target(demo_file: Path) -> None:
    before = digest(demo_file)
    with pytest.raises(errors.WorkshopFileError, match="is the workshop being expanded"):
        expand_file(demo_file, demo_file.parent / "." / demo_file.name, NOW, force=True)
    assert digest(demo_file) == before


def test_a_missing_or_foreign_source_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "next.workshop"
    with pytest.raises(errors.FileMissing):
        expand_file(tmp_path / "missing.workshop", target, NOW)
    foreign = tmp_path / "notes.workshop"
    foreign.write_text("not a workshop", encoding="utf-8")
    with pytest.raises(errors.NotAWorkshop):
        expand_file(foreign, target, NOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.workshop"]


def test_a_next_workshop_that_breaks_a_rule_is_not_written(
    demo_workshop: Workshop, tmp_path: Path
) -> None:
    demo_workshop.info.organization = "bad\x00name"  # a control character the format refuses
    target = tmp_path / "next.workshop"
    with pytest.raises(InvalidWorkshop):
        write_next_workshop(demo_workshop, tmp_path / "demo.workshop", target, NOW)
    assert list(tmp_path.iterdir()) == []
