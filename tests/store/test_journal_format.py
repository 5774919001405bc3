"""A journal is read as SQLite reads it when it rolls one back: a journal a crash left is rolled
back whole, one with a damaged count or record is told from it, and the revision a write
draws starts with the nonce of its own journal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workshop_app.domain import operations as op
from workshop_app.domain.changes import Part
from workshop_app.domain.operations import Step
from workshop_app.store.journal_format import MAGIC, nonce, whole_rollback
from workshop_app.store.workshop_file import WorkshopFile

from .file_rows import query
from .test_journals import crash_an_edit


@pytest.fixture
def crashed(demo_file: Path) -> tuple[Path, bytes]:
    """The demo as a crash in the middle of an edit left it, and that edit's journal."""
    journal = crash_an_edit(demo_file)
    return demo_file, journal.read_bytes()


def _with_count(journal: bytes, count: int) -> bytes:
    return journal[:8] + count.to_bytes(4, "big") + journal[12:]


def test_a_journal_a_crash_left_is_rolled_back_whole(crashed: tuple[Path, bytes]) -> None:
    _path, journal = crashed
    assert journal.startswith(MAGIC)
    assert whole_rollback(journal) is None


def test_a_write_draws_a_revision_that_starts_with_its_journals_nonce(demo_file: Path) -> None:
    """Looked at just before the commit: the revision in the file and the nonce in the
    header of the journal SQLite is writing beside it."""
    seen: list[tuple[str, str]] = []

    class Watching:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            if sql == "COMMIT":
                [(revision,)] = self.conn.execute("SELECT revision FROM file_state")
                head = Path(f"{demo_file}-journal").read_bytes()[:16]
                seen.append((revision, nonce(head)))
            return self.conn.execute(sql, *args)

        def __getattr__(self, name: str) -> object:
            return getattr(self.conn, name)

    with WorkshopFile.open(demo_file) as opened:
        real = opened._db
        opened._db = Watching(real)  # type: ignore[assignment]
        try:
            opened.change(Step(op.set_field, (Part.WORKSHOP, None, "title", "Watched")))
        finally:
            opened._db = real
    [(revision, drawn)] = seen
    assert revision.startswith(drawn)
    assert query(demo_file, "SELECT revision FROM file_state") == [(revision,)]


def test_a_damaged_count_is_told(crashed: tuple[Path, bytes]) -> None:
    _path, journal = crashed
    count = int.from_bytes(journal[8:12], "big")
    assert whole_rollback(_with_count(journal, count - 1)) == (
        "it holds more records than its header counts"
    )
    assert whole_rollback(_with_count(journal, count + (1 << 24))) == (
        f"record {count + 1} of {count + (1 << 24)} cannot be read"
    )


def test_a_record_of_a_page_the_file_did_not_have_is_told(crashed: tuple[Path, bytes]) -> None:
    _path, journal = crashed
    sector = int.from_bytes(journal[20:24], "big")
    pages = int.from_bytes(journal[16:20], "big")
    damaged = journal[:sector] + (pages + 1).to_bytes(4, "big") + journal[sector + 4 :]
    assert whole_rollback(damaged) == (
        f"record 1 of {int.from_bytes(journal[8:12], 'big')} cannot be read"
    )


def test_a_header_without_records_restores_nothing_and_is_told(
    crashed: tuple[Path, bytes],
) -> None:
    _path, journal = crashed
    sector = int.from_bytes(journal[20:24], "big")
    assert whole_rollback(_with_count(journal[:sector], 0)) == "it holds no page"
