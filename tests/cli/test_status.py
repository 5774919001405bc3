"""``workshop-app status``: every workshop's state at a glance, from files and folders, read
without changing any of them; what cannot be read is skipped with one line each."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import pytest

from workshop_app.domain.model import CandidateStatus, Workshop
from workshop_app.store.workshop_file import write_new_file

from .test_commands import run

HELD = dt.date(2026, 11, 10)  # the demo workshop's date


def everything_in(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every regular file under ``folder``: its bytes and its modification time."""
    return {
        str(entry.relative_to(folder)): (entry.read_bytes(), entry.stat().st_mtime_ns)
        for entry in sorted(folder.rglob("*"))
        if entry.is_file() and not entry.is_fifo()
    }


@pytest.fixture
def clients(tmp_path: Path, demo_workshop: Workshop) -> Path:
    """A consultant's folder: two good workshops, one damaged, one foreign, one text file,
    a pipe, a subfolder named like a workshop, and notes that are no workshop at all."""
    folder = tmp_path / "clients"
    folder.mkdir()
    write_new_file(folder / "a-harrowfield.workshop", demo_workshop)
    for candidate in demo_workshop.chosen:
        candidate.status = CandidateStatus.CANDIDATE
    demo_workshop.signoffs.clear()
    demo_workshop.info.title = "Kestrel Logistics: where to start"
    write_new_file(folder / "b-kestrel.workshop", demo_workshop)
    good = (folder / "a-harrowfield.workshop").read_bytes()
    (folder / "c-damaged.workshop").write_bytes(good[:6000])
    foreign = sqlite3.connect(folder / "d-foreign.workshop")
    foreign.execute("CREATE TABLE songs (title TEXT)")
    foreign.commit()
    foreign.close()
    (folder / "e-notes.workshop").write_text("Call Kestrel on Monday", encoding="utf-8")
    os.mkfifo(folder / "f-pipe.workshop")
    (folder / "g-folder.workshop").mkdir()
    (folder / "readme.txt").write_text("not a workshop", encoding="utf-8")
    return folder


def test_a_folder_of_mixed_files(clients: Path) -> None:
    before = everything_in(clients)
    result = run("status", clients)
    assert result.returncode == 1  # some were skipped
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    header = ["File", "Title", "Organization", "State", "Day", "Latest", "verdict"]
    assert lines[0].split() == header
    assert set(lines[1]) <= {"-", " "}
    good, draft = lines[2:]
    day = (dt.date.today() - HELD).days
    assert good.startswith(str(clients / "a-harrowfield.workshop"))
    assert "Choosing our first AI workflow" in good
    assert "Harrowfield Industrial Supply" in good
    assert "signed by 1 of 8" in good
    assert "at risk on day 7" in good
    assert f"day {day}" in good
    assert "Kestrel Logistics: where to start" in draft
    assert "draft (" in draft and "no workflow chosen" in draft
    # The columns line up: every row starts its title where the header's does.
    assert good.index("Choosing") == draft.index("Kestrel") == lines[0].index("Title")
    skipped = result.stderr.strip().splitlines()
    assert [line.split(":")[0] for line in skipped] == [
        str(clients / name)
        for name in (
            "c-damaged.workshop",
            "d-foreign.workshop",
            "e-notes.workshop",
            "f-pipe.workshop",
            "g-folder.workshop",
        )
    ]
    assert "damaged" in skipped[0]
    assert "another program" in skipped[1]
    assert "not an SQLite database" in skipped[2]
    assert "pipe" in skipped[3]
    assert "folder" in skipped[4]
    assert everything_in(clients) == before
    assert sorted(p.name for p in clients.iterdir()) == [
        "a-harrowfield.workshop",
        "b-kestrel.workshop",
        "c-damaged.workshop",
        "d-foreign.workshop",
        "e-notes.workshop",
        "f-pipe.workshop",
        "g-folder.workshop",
        "readme.txt",
    ]


def test_json_for_files_and_folders(clients: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.workshop"
    elsewhere.write_bytes((clients / "a-harrowfield.workshop").read_bytes())
    result = run("status", "--json", elsewhere, clients, clients / "a-harrowfield.workshop")
    assert result.returncode == 1
    records = json.loads(result.stdout)
    # Each file once, in the order given; a folder's files in name order.
    assert [Path(r["file"]).name for r in records] == [
        "elsewhere.workshop",
        "a-harrowfield.workshop",
        "b-kestrel.workshop",
    ]
    first = records[0]
    assert set(first) == {
        "file",
        "title",
        "organization",
        "date",
        "agreement",
        "open_points",
        "approved",
        "changes_requested",
        "must_sign",
        "state",
        "day",
        "day_words",
        "workflow",
        "verdict",
        "verdict_day",
        "verdict_words",
    }
    assert first["agreement"] == "agreed"
    assert (first["approved"], first["must_sign"]) == (1, 8)
    assert first["day"] == (dt.date.today() - HELD).days
    assert (first["verdict"], first["verdict_day"]) == ("at risk", 7)
    assert first["workflow"] == "Draft quotes from emailed quote requests"
    draft = records[2]
    assert draft["agreement"] == "draft" and draft["open_points"] >= 1
    assert draft["workflow"] is None and draft["verdict"] is None


def test_all_read_is_exit_zero_and_nothing_on_stderr(clients: Path) -> None:
    result = run("status", clients / "a-harrowfield.workshop", clients / "b-kestrel.workshop")
    assert result.returncode == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 4


def test_nothing_readable(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("status", empty, tmp_path / "missing.workshop")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{empty}: skipped: the folder holds no .workshop files",
        f"{tmp_path / 'missing.workshop'}: skipped: no such file",
    ]
    assert json.loads(run("status", "--json", empty).stdout) == []


def test_no_path_is_a_usage_error() -> None:
    result = run("status")
    assert result.returncode == 2
    assert "PATH" in result.stderr
