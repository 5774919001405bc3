"""``workshop-app charter`` records the version it exported in the workshop file (when it can
write it; a charter is exported all the same when it cannot), and ``check`` validates the
versions."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..lock_holder import held_elsewhere
from .test_commands import digest, run


def _versions(path: Path) -> list[dict[str, object]]:
    result = run("export", path)
    assert result.returncode == 0, result.stderr
    versions: list[dict[str, object]] = json.loads(result.stdout).get("versions", [])
    return versions


def test_charter_records_its_version_once(tmp_path: Path) -> None:
    path = tmp_path / "d.workshop"
    assert run("demo", path).returncode == 0
    first = run("charter", path, "-o", tmp_path / "c.pdf")
    assert first.returncode == 0, first.stderr
    versions = _versions(path)
    assert [v["fingerprint"] for v in versions] == ["fu5cgn6drs"]
    assert f"{path}: charter version fu5cgn6drs recorded" in first.stdout
    again = run("charter", path, "-o", tmp_path / "c2.pdf")
    assert again.returncode == 0 and len(_versions(path)) == 1
    checked = run("check", path)
    assert checked.returncode == 0, checked.stderr


def test_no_record_and_standard_input_leave_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "d.workshop"
    run("demo", path)
    before = digest(path)
    result = run("charter", path, "-o", tmp_path / "c.pdf", "--no-record")
    assert result.returncode == 0, result.stderr
    assert digest(path) == before and "recorded" not in result.stdout


def test_a_file_open_elsewhere_still_exports_and_says_why_not_recorded(tmp_path: Path) -> None:
    path = tmp_path / "d.workshop"
    run("demo", path)
    with held_elsewhere(path):
        result = run("charter", path, "-o", tmp_path / "c.pdf")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF-")
    assert "note: version fu5cgn6drs not recorded: it is open in First Workflow" in result.stderr
    assert _versions(path) == []


def test_check_refuses_a_version_that_is_not_its_document(tmp_path: Path) -> None:
    path = tmp_path / "d.workshop"
    run("demo", path)
    run("charter", path, "-o", tmp_path / "c.pdf")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE versions SET fingerprint = 'abcdefghij'")
    conn.commit()
    conn.close()
    result = run("check", path)
    assert result.returncode == 1
    assert "versions row 0.fingerprint: 'abcdefghij' is not the fingerprint" in result.stderr
