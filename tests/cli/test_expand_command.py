"""``workshop-app expand``: the next workshop from the demo passes ``check``, and a refused
expand says why in one line and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_commands import assert_one_clear_line, digest, run


def test_expand_the_demo_and_check_the_new_file(tmp_path: Path) -> None:
    assert run("demo", tmp_path / "demo.workshop").returncode == 0
    before = digest(tmp_path / "demo.workshop")
    result = run("expand", tmp_path / "demo.workshop", tmp_path / "next.workshop")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == (
        f"{tmp_path / 'next.workshop'}: next workshop written from {tmp_path / 'demo.workshop'}: "
        "7 candidates in play, “Draft quotes from emailed quote requests” recorded as an "
        "earlier attempt"
    )
    assert digest(tmp_path / "demo.workshop") == before
    checked = run("check", tmp_path / "next.workshop")
    assert checked.returncode == 0, checked.stderr
    assert "valid workshop “Choosing our first AI workflow — next workflow”" in checked.stdout
    exported = json.loads(run("export", tmp_path / "next.workshop").stdout)
    assert exported["decisions"][0]["kind"] == "expanded"
    assert [a["id"] for a in exported["prior_attempts"]] == ["a1", "a2"]
    assert {c["status"] for c in exported["candidates"]} == {"candidate"}
    assert exported["metrics"] == [] and exported["signoffs"] == []


def test_expand_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    assert run("demo", tmp_path / "demo.workshop").returncode == 0
    taken = tmp_path / "next.workshop"
    taken.write_text("someone's file", encoding="utf-8")
    result = run("expand", tmp_path / "demo.workshop", taken)
    assert_one_clear_line(result, str(taken), "already exists", "--force")
    assert taken.read_text(encoding="utf-8") == "someone's file"
    forced = run("expand", tmp_path / "demo.workshop", taken, "--force")
    assert forced.returncode == 0, forced.stderr
    assert run("check", taken).returncode == 0


def test_expand_refuses_a_missing_or_bad_source_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "next.workshop"
    missing = run("expand", tmp_path / "gone.workshop", target)
    assert_one_clear_line(missing, "gone.workshop", "no such file")
    assert missing.returncode == 1
    bad = tmp_path / "notes.workshop"
    bad.write_text("minutes of the meeting", encoding="utf-8")
    refused = run("expand", bad, target)
    assert_one_clear_line(refused, "notes.workshop", "not a workshop")
    assert refused.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.workshop"]


def test_expand_into_the_same_file_is_refused_even_with_force(tmp_path: Path) -> None:
    assert run("demo", tmp_path / "demo.workshop").returncode == 0
    before = digest(tmp_path / "demo.workshop")
    result = run("expand", tmp_path / "demo.workshop", tmp_path / "demo.workshop", "--force")
    assert_one_clear_line(result, "demo.workshop", "is the workshop being expanded")
    assert digest(tmp_path / "demo.workshop") == before


def test_expand_without_a_target_is_a_usage_error(tmp_path: Path) -> None:
    result = run("expand", tmp_path / "demo.workshop")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "new" in result.stderr
