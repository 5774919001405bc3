"""The real ``workshop-app`` command, run in a subprocess as a user or a script would."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from workshop_app import __version__


def run(
    *args: str | Path,
    cwd: Path | None = None,
    stdin: IO[bytes] | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONWARNINGS": "error"}
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        stdin=stdin,
        timeout=120,
        check=False,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"workshop-app {__version__}"


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo", "import", "export", "rank", "check"):
        assert command in result.stdout


def test_demo_export_import_round_trip(tmp_path: Path, demo_document: dict) -> None:
    assert run("demo", tmp_path / "d.workshop").returncode == 0
    exported = run("export", tmp_path / "d.workshop")
    assert exported.returncode == 0
    assert json.loads(exported.stdout) == demo_document

    assert run("export", tmp_path / "d.workshop", "-o", tmp_path / "d.json").returncode == 0
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8")) == demo_document
    imported = run("import", tmp_path / "d.json", tmp_path / "again.workshop")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(run("export", tmp_path / "again.workshop").stdout) == demo_document


def test_rank_json_lists_candidates_in_rank_order(demo_file: Path) -> None:
    result = run("rank", demo_file, "--json")
    assert result.returncode == 0, result.stderr
    candidates = json.loads(result.stdout)["candidates"]
    assert [c["rank"] for c in candidates] == list(range(1, 9))
    first = candidates[0]
    for key in (
        "id",
        "name",
        "frequency_score",
        "friction_score",
        "priority",
        "hours_per_month",
        "readiness",
        "readiness_reasons",
        "quadrant",
        "votes",
        "status",
        "tool_first",
    ):
        assert key in first
    priorities = [c["priority"] for c in candidates]
    assert priorities == sorted(priorities, reverse=True)
    assert {c["readiness"] for c in candidates} <= {"ready", "needs work", "blocked"}
    assert [c["id"] for c in candidates if c["tool_first"]] == ["c7"]
    assert [c["id"] for c in candidates if c["status"] == "chosen"] == ["c1"]


def test_rank_table_is_aligned_and_names_the_recommendation(demo_file: Path) -> None:
    result = run("rank", demo_file)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["#", "Candidate", "Freq"]
    rows = [line for line in lines[2:] if line[:1].strip().isdigit() or line[:2].strip().isdigit()]
    assert len(rows) == 8
    status_column = lines[0].index("Status")
    assert {row[status_column:].strip() for row in rows} == {"chosen", "parked"}
    assert "Recommended: Draft quotes from emailed quote requests" in result.stdout


def test_check_accepts_the_demo(demo_file: Path) -> None:
    result = run("check", demo_file)
    assert result.returncode == 0
    assert "valid workshop" in result.stdout
    assert "charter agreed" in result.stdout


def test_check_reports_each_invalid_value_with_its_place(demo_file: Path) -> None:
    from ..damage import tamper

    tamper(demo_file, "UPDATE candidates SET pain = 9 WHERE id = 'c2'")  # checks off
    result = run("check", demo_file)
    assert result.returncode == 1
    assert result.stderr.strip() == f"{demo_file}: candidates c2.pain: must be 1 to 5, got 9"


@pytest.mark.parametrize("command", ["rank", "export", "check"])
def test_a_missing_file_is_one_line(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "typo.workshop"
    assert_one_clear_line(run(command, missing), str(missing), "no such file")
    assert not missing.exists()


@pytest.mark.parametrize("command", ["rank", "export", "check"])
def test_a_file_that_is_not_a_workshop_is_one_line(tmp_path: Path, command: str) -> None:
    other = tmp_path / "notes.workshop"
    other.write_text("meeting notes\n", encoding="utf-8")
    assert_one_clear_line(run(command, other), str(other), "not a workshop file")
    assert other.read_text(encoding="utf-8") == "meeting notes\n"


def test_import_of_invalid_json_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('{"format": ', encoding="utf-8")
    result = run("import", source, tmp_path / "w.workshop")
    assert_one_clear_line(result, str(source), "not valid JSON", "line 1")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_import_of_an_out_of_range_value_names_the_place(
    tmp_path: Path, demo_document: dict
) -> None:
    demo_document["candidates"][2]["pain"] = 7
    source = tmp_path / "in.json"
    source.write_text(json.dumps(demo_document), encoding="utf-8")
    result = run("import", source, tmp_path / "w.workshop")
    assert_one_clear_line(result, f"{source}: candidates[2].pain: must be 1 to 5, got 7")
    assert not (tmp_path / "w.workshop").exists()


def test_import_lists_every_problem_one_line_each(tmp_path: Path, demo_document: dict) -> None:
    demo_document["candidates"][0]["pain"] = 0
    demo_document["risks"][1]["likelihood"] = 6
    source = tmp_path / "in.json"
    source.write_text(json.dumps(demo_document), encoding="utf-8")
    result = run("import", source, tmp_path / "w.workshop")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{source}: candidates[0].pain: must be 1 to 5, got 0",
        f"{source}: risks[1].likelihood: must be 1 to 5, got 6",
    ]


def test_import_and_demo_refuse_to_replace_without_force(tmp_path: Path, demo_file: Path) -> None:
    before = digest(demo_file)
    assert_one_clear_line(run("demo", demo_file), "already exists", "--force")
    export = run("export", demo_file, "-o", tmp_path / "d.json")
    assert export.returncode == 0
    assert_one_clear_line(run("import", tmp_path / "d.json", demo_file), "already exists")
    assert digest(demo_file) == before
    assert run("import", tmp_path / "d.json", demo_file, "--force").returncode == 0


def test_export_to_a_missing_folder_is_one_line(tmp_path: Path, demo_file: Path) -> None:
    target = tmp_path / "no-such-folder" / "out.json"
    assert_one_clear_line(run("export", demo_file, "-o", target), "folder does not exist")


def test_unknown_commands_and_options_are_one_line() -> None:
    assert_one_clear_line(run("frobnicate"), "unknown command")
    result = run("rank")
    assert result.returncode == 2
    assert_one_clear_line(result, "the following arguments are required: file")
    assert_one_clear_line(run("rank", "x.workshop", "--colour"), "unrecognized arguments")


def start_the_app(home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run Python with ``arguments`` (the app, or a script that starts it) offscreen, with its
    settings and data under ``home``; the app must end by itself (``--smoke-test``)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "cfg"),
    }
    result = subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_smoke_test_paints_the_demo_without_weasyprint(tmp_path: Path) -> None:
    result = start_the_app(tmp_path, "-X", "importtime", "-m", "workshop_app", "--smoke-test")
    assert result.stdout.startswith("first paint after ")
    assert result.stdout.strip().endswith(" ms")
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "PySide6.QtWidgets" in imported
    assert not {name for name in imported if name.split(".")[0] == "weasyprint"}


def test_the_garbage_collector_waits_for_the_first_paint_and_then_runs(tmp_path: Path) -> None:
    """Start-up runs without the cyclic collector; once the window has painted it runs again,
    with what start-up made set aside (frozen)."""
    script = (
        "import gc, sys\n"
        "from workshop_app import cli\n"
        "status = cli.main(['--smoke-test'])\n"
        "print('collecting' if gc.isenabled() else 'not collecting', gc.get_freeze_count() > 0)\n"
        "sys.exit(status)\n"
    )
    result = start_the_app(tmp_path, "-c", script)
    assert result.stdout.splitlines()[-1] == "collecting True", result.stdout


def test_the_app_backs_up_the_file_it_starts_on(tmp_path: Path, demo_file: Path) -> None:
    """The file the app starts on is backed up as it was opened (once the window has painted,
    or at the latest as it closes), and the file itself is not touched."""
    from workshop_app.store.backups import list_backups

    before = digest(demo_file)
    start_the_app(tmp_path, "-m", "workshop_app", str(demo_file), "--smoke-test")
    [backup] = list_backups(demo_file)  # where this test process says backups go
    assert backup.reason == "opened"
    assert digest(demo_file) == before


def test_a_charter_carries_its_workshop_back_in(
    tmp_path: Path, demo_file: Path, demo_document: dict
) -> None:
    charter = tmp_path / "charter.pdf"
    made = run("charter", demo_file, "-o", charter, "--paper", "letter")
    assert made.returncode == 0, made.stderr
    assert charter.read_bytes().startswith(b"%PDF-")
    back = tmp_path / "back.workshop"
    imported = run("import", charter, back)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(run("export", back).stdout) == demo_document


def test_charter_to_a_missing_folder_is_one_line(tmp_path: Path, demo_file: Path) -> None:
    assert_one_clear_line(
        run("charter", demo_file, "-o", tmp_path / "no" / "c.pdf"), "folder does not exist"
    )


def test_a_pdf_that_is_not_a_charter_is_refused(tmp_path: Path) -> None:
    pdf = tmp_path / "other.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    result = run("import", pdf, tmp_path / "w.workshop")
    assert_one_clear_line(result, str(pdf))
    assert not (tmp_path / "w.workshop").exists()
