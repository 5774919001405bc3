"""Every command refuses a damaged or hand-edited workshop file the same way: one line naming
the file, the table, the row and the column, exit status 1, no traceback, the file's bytes
unchanged, no lock and no output left behind. ``check`` calls valid only what every command
opens. Numbers in ``rank --json`` are carried in full."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from ..damage import FINDINGS, tamper
from .test_commands import assert_one_clear_line, digest, run


def _command(name: str, workshop: Path, out: Path) -> list[str | Path]:
    """The command line of ``name`` on ``workshop``, writing (if anything) under ``out``."""
    arguments: dict[str, list[str | Path]] = {
        "check": [],
        "export": [],
        "rank": ["--json"],
        "status": [],
        "checkin": ["--metric", "m1", "--date", "2026-12-20", "--value", "3"],
        "charter": ["-o", out / "charter.pdf"],
        "progress": ["-o", out / "progress.pdf"],
        "expand": [out / "next.workshop"],
        "review-form": ["-o", out / "forms"],
        "review-import": [out / "filled.pdf"],
    }
    return [name, workshop, *arguments[name]]


CASES = [
    *[
        ("text in a number", command)
        for command in (
            "check",
            "export",
            "rank",
            "status",
            "checkin",
            "charter",
            "progress",
            "expand",
            "review-form",
            "review-import",
        )
    ],
    ("a trigger that deletes readings", "check"),
    ("a trigger that deletes readings", "checkin"),
    ("a trigger that deletes readings", "export"),
    ("no adoption row", "check"),
    ("no adoption row", "checkin"),
    ("a table replaced by a view", "check"),
    ("the check-ins table dropped", "checkin"),
    ("bytes that are not UTF-8", "check"),
    ("a workshop on 9999-12-31", "charter"),
    ("negative minutes", "rank"),
]


@pytest.mark.parametrize(("finding", "command"), CASES)
def test_a_damaged_file_is_refused_by_every_command_with_one_line(
    finding: str, command: str, demo_file: Path, tmp_path: Path
) -> None:
    folder, out = tmp_path / "files", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    damaged = FINDINGS[finding].made_from(demo_file, folder)
    before = digest(damaged)
    result = run(*_command(command, damaged, out))
    skipped = "skipped: " if command == "status" else ""
    assert_one_clear_line(result, f"{damaged}: {skipped}{FINDINGS[finding].message}")
    assert result.returncode == 1
    assert digest(damaged) == before
    assert sorted(entry.name for entry in folder.iterdir()) == ["damaged.workshop"]
    assert list(out.iterdir()) == []


def test_the_line_names_the_file_the_table_the_row_and_the_column(
    demo_file: Path,
) -> None:
    """The message of the issue, word for word."""
    assert demo_file.name == "demo.workshop"
    tamper(demo_file, FINDINGS["text in a number"].sql)
    result = run("check", "demo.workshop", cwd=demo_file.parent)
    assert result.stderr == (
        "demo.workshop: candidates c3.minutes_per_occurrence: must be a number, got text 'abc'\n"
    )
    assert result.returncode == 1


def test_a_document_dated_9999_is_refused_on_import(
    demo_document: dict[str, Any], tmp_path: Path
) -> None:
    document = copy.deepcopy(demo_document)
    document["workshop"]["date"] = "9999-12-31"
    source = tmp_path / "far.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = run("import", source, tmp_path / "far.workshop")
    assert_one_clear_line(
        result, "workshop.date: must be a date from 1900-01-01 to 2999-12-31, got '9999-12-31'"
    )
    assert not (tmp_path / "far.workshop").exists()


def test_rank_json_carries_the_hours_in_full_and_the_table_rounds_them(
    demo_document: dict[str, Any], tmp_path: Path
) -> None:
    document = copy.deepcopy(demo_document)
    rare = document["candidates"][0]
    rare["frequency"] = {"count": 1, "per": "year"}
    rare["minutes_per_occurrence"] = 1
    source = tmp_path / "rare.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert run("import", source, tmp_path / "rare.workshop").returncode == 0
    listing = json.loads(run("rank", tmp_path / "rare.workshop", "--json").stdout)
    found = next(c for c in listing["candidates"] if c["id"] == rare["id"])
    assert found["hours_per_month"] == pytest.approx(1 / 12 / 60, rel=1e-12)
    table = run("rank", tmp_path / "rare.workshop").stdout
    assert "0.0" in next(line for line in table.splitlines() if rare["name"][:20] in line)


def test_check_refuses_a_stray_journal_in_one_line_and_keeps_both_files(
    demo_file: Path,
) -> None:
    journal = demo_file.with_name(demo_file.name + "-journal")
    journal.write_bytes(b"\x00garbage from a sync tool" * 30)
    before, journal_before = digest(demo_file), digest(journal)
    result = run("check", demo_file)
    assert_one_clear_line(
        result,
        f"{demo_file}: the journal beside it ({journal.name}) is not a journal SQLite wrote; "
        "neither was changed. Move the journal out of the folder to open the file as it was "
        "last saved",
    )
    assert result.returncode == 1
    assert (digest(demo_file), digest(journal)) == (before, journal_before)
