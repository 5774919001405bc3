"""Reading a workshop file for the welcome screen and ``workshop-app status`` changes nothing:
not its bytes, not its time, not the files beside it — not even a journal a crash left."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from workshop_app.domain.portfolio import Agreement
from workshop_app.domain.progress import Verdict
from workshop_app.store import errors
from workshop_app.store.reading import read_workshop
from workshop_app.store.summary import summary
from workshop_app.store.tables import APPLICATION_ID, SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = dt.date(2026, 11, 24)


def folder_state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in ``folder``: its digest and its modification time in nanoseconds."""
    return {
        entry.name: (hashlib.sha256(entry.read_bytes()).hexdigest(), entry.stat().st_mtime_ns)
        for entry in sorted(folder.iterdir())
        if entry.is_file()
    }


def test_the_state_of_the_demo_is_read_and_the_file_is_untouched(demo_file: Path) -> None:
    before = folder_state(demo_file.parent)
    info = summary(demo_file, TODAY)
    assert info.title == "Choosing our first AI workflow"
    assert info.organization == "Harrowfield Industrial Supply"
    assert info.state is not None
    assert info.state.agreement is Agreement.AGREED
    assert info.state.state_words == "signed by 1 of 8"
    assert info.state.day_words == "day 14 of 30"
    assert info.state.verdict is Verdict.AT_RISK
    assert summary(demo_file).state is None  # the quick look reads the details only
    assert folder_state(demo_file.parent) == before


CUT_OFF = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # pages reach the file before the commit
conn.execute("BEGIN")
conn.executemany(
    "INSERT INTO stakeholders VALUES (?, ?, ?, '', '', '', 'other')",
    [(f"extra{n}", 500 + n, "x" * 300) for n in range(2500)],
)
os._exit(0)  # killed mid-change: the journal stays, hot
"""


def test_a_journal_left_by_a_crash_is_neither_rolled_back_nor_removed(demo_file: Path) -> None:
    subprocess.run([sys.executable, "-c", CUT_OFF, str(demo_file)], check=True)
    journal = demo_file.with_name(demo_file.name + "-journal")
    assert journal.exists()
    before = folder_state(demo_file.parent)
    info = summary(demo_file, TODAY)
    # What the file said before the change that was cut off: the demo's eight people.
    assert info.state is not None and info.state.must_sign == 8
    assert len(read_workshop(demo_file).stakeholders) == 8
    assert folder_state(demo_file.parent) == before
    assert journal.exists()


def test_an_older_file_is_upgraded_in_memory_only(tmp_path: Path) -> None:
    old = tmp_path / "old.workshop"
    shutil.copyfile(FIXTURES / "version1.workshop", old)
    before = folder_state(tmp_path)
    info = summary(old, TODAY)
    assert info.state is not None and info.state.must_sign > 0
    assert folder_state(tmp_path) == before  # no backup, no upgrade, no journal


def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.workshop"
    os.mkfifo(pipe)
    found: list[BaseException] = []

    def look() -> None:
        try:
            summary(pipe, TODAY)
        except BaseException as exc:  # handed to the test's thread
            found.append(exc)

    reader = threading.Thread(target=look, daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "reading a named pipe waited for a writer"
    assert isinstance(found[0], errors.NotAWorkshop)
    assert "pipe" in found[0].problem


def _write_sqlite(path: Path, *, application_id: int, wal: bool) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("wal", [False, True])
def test_another_programs_database_is_refused_untouched(tmp_path: Path, wal: bool) -> None:
    foreign = tmp_path / "foreign.workshop"
    _write_sqlite(foreign, application_id=0x12345678, wal=wal)
    before = folder_state(tmp_path)
    with pytest.raises(errors.NotAWorkshop, match="another program"):
        summary(foreign, TODAY)
    assert folder_state(tmp_path) == before  # no -wal or -shm created beside it


def test_a_workshop_in_wal_mode_is_refused_untouched(tmp_path: Path) -> None:
    odd = tmp_path / "odd.workshop"
    _write_sqlite(odd, application_id=APPLICATION_ID, wal=True)
    before = folder_state(tmp_path)
    with pytest.raises(errors.DamagedWorkshop, match="WAL"):
        summary(odd)
    assert folder_state(tmp_path) == before


def test_a_newer_file_is_refused_untouched(tmp_path: Path, demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = folder_state(demo_file.parent)
    with pytest.raises(errors.NewerWorkshop, match="newer version"):
        summary(demo_file, TODAY)
    assert folder_state(demo_file.parent) == before


@pytest.mark.parametrize(
    ("damage", "kind"),
    [
        ("cut", errors.DamagedWorkshop),
        ("scribbled", errors.DamagedWorkshop),
        ("text", errors.NotAWorkshop),
        ("empty", errors.NotAWorkshop),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_untouched(
    demo_file: Path, damage: str, kind: type[errors.WorkshopFileError]
) -> None:
    data = demo_file.read_bytes()
    if damage == "cut":
        demo_file.write_bytes(data[:5000])
    elif damage == "scribbled":
        page = 4096
        demo_file.write_bytes(data[: 3 * page] + b"\xa5" * page + data[4 * page :])
    elif damage == "text":
        demo_file.write_text("meeting notes", encoding="utf-8")
    else:
        demo_file.write_bytes(b"")
    before = folder_state(demo_file.parent)
    with pytest.raises(kind):
        summary(demo_file, TODAY)
    assert folder_state(demo_file.parent) == before


def test_a_folder_and_a_missing_file_are_named(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAWorkshop, match="is a folder"):
        summary(tmp_path, TODAY)
    with pytest.raises(errors.FileMissing, match="no such file"):
        summary(tmp_path / "typo.workshop", TODAY)
    assert not (tmp_path / "typo.workshop").exists()
