"""The follow-through commands: ``checkin`` stores one reading, ``progress`` writes the report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.domain.model import Workshop
from workshop_app.store.interchange import export_text

from ..pdf_reading import pdf_file
from .test_commands import assert_one_clear_line, digest, run


def exported(path: Path) -> dict:
    result = run("export", path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_checkin_stores_a_reading(demo_file: Path) -> None:
    before = exported(demo_file)["checkins"]
    result = run(
        "checkin",
        demo_file,
        "--metric",
        "m1",
        "--date",
        "2026-11-24",
        "--value",
        "30",
        "--note",
        "Most of the desk now drafts first",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert str(demo_file) in result.stdout
    assert "2026-11-24" in result.stdout
    after = exported(demo_file)["checkins"]
    assert after[: len(before)] == before
    assert after[len(before) :] == [
        {
            "metric_id": "m1",
            "date": "2026-11-24",
            "value": 30,
            "note": "Most of the desk now drafts first",
        }
    ]


def test_checkin_by_name_with_a_comma_decimal(demo_file: Path) -> None:
    name = "median time from quote request received to quote sent"
    result = run("checkin", demo_file, "--metric", name, "--date", "2026-11-20", "--value", "19,5")
    assert result.returncode == 0, result.stderr
    last = exported(demo_file)["checkins"][-1]
    assert (last["metric_id"], last["value"], last["note"]) == ("m2", 19.5, "")


@pytest.mark.parametrize(
    ("metric", "date", "value", "words"),
    [
        ("m9", "2026-11-24", "30", ("m9",)),
        ("m1", "2026-11-01", "30", ("before the workshop",)),
        ("m1", "10/11/2026", "30", ("YYYY-MM-DD",)),
        ("m1", "2026-13-01", "30", ("YYYY-MM-DD",)),
        ("m1", "2026-11-24", "abc", ("is not a number",)),
        ("m1", "2026-11-24", "nan", ("is not a number",)),
    ],
)
def test_a_bad_reading_is_refused_in_one_line_and_changes_nothing(
    demo_file: Path, metric: str, date: str, value: str, words: tuple[str, ...]
) -> None:
    before = digest(demo_file)
    result = run("checkin", demo_file, "--metric", metric, "--date", date, "--value", value)
    assert result.returncode == 1
    assert_one_clear_line(result, str(demo_file), *words)
    assert result.stdout == ""
    assert digest(demo_file) == before


def test_checkin_on_a_missing_file_fails_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.workshop"
    result = run("checkin", missing, "--metric", "m1", "--date", "2026-11-24", "--value", "1")
    assert result.returncode == 1
    assert_one_clear_line(result, str(missing))
    assert not missing.exists()


def test_checkin_without_a_value_is_a_usage_error(demo_file: Path) -> None:
    before = digest(demo_file)
    result = run("checkin", demo_file, "--metric", "m1", "--date", "2026-11-24")
    assert result.returncode == 2
    assert_one_clear_line(result, "--value")
    assert digest(demo_file) == before


def test_progress_writes_a_pdf(demo_file: Path, tmp_path: Path) -> None:
    before = digest(demo_file)
    out = tmp_path / "progress.pdf"
    result = run("progress", demo_file, "-o", out)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and "progress report written" in result.stdout
    pdf = pdf_file(out)
    text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "AT RISK" in text
    assert "workshop.json" in pdf.attachments
    assert digest(demo_file) == before


def test_progress_letter_paper(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    assert run("progress", demo_file, "-o", out, "--paper", "letter").returncode == 0
    box = pdf_file(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_progress_to_a_missing_folder_fails_in_one_line(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "no such folder" / "p.pdf"
    result = run("progress", demo_file, "-o", out)
    assert result.returncode == 1
    assert_one_clear_line(result, str(out), "folder does not exist")
    assert not out.parent.exists()


def test_progress_of_a_missing_file_fails_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    result = run("progress", tmp_path / "nope.workshop", "-o", out)
    assert_one_clear_line(result, "nope.workshop")
    assert not out.exists()


def test_progress_reads_json_from_stdin(demo_workshop: Workshop, tmp_path: Path) -> None:
    out = tmp_path / "stdin.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONWARNINGS": "error"}
    result = subprocess.run(
        [sys.executable, "-m", "workshop_app", "progress", "-", "-o", str(out)],
        input=export_text(demo_workshop),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pdf = pdf_file(out)
    attached = pdf.attachments["workshop.json"][0].decode("utf-8")
    assert json.loads(attached) == json.loads(export_text(demo_workshop))


def test_progress_refuses_bad_json_on_stdin(tmp_path: Path) -> None:
    out = tmp_path / "bad.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONWARNINGS": "error"}
    result = subprocess.run(
        [sys.executable, "-m", "workshop_app", "progress", "-", "-o", str(out)],
        input="{not json",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()
    assert not out.exists()
