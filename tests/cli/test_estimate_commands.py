"""Estimates through the real command: ``check`` names a bad answer's place, ``import`` and
``export`` carry them, and a charter PDF brings them back in."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from .test_commands import assert_one_clear_line, run

ESTIMATES: list[dict[str, Any]] = [
    {"candidate_id": "c1", "fact": "occurrences", "round": 1, "who": "s1", "value": 50,
     "per": "day"},
    {"candidate_id": "c1", "fact": "occurrences", "round": 1, "who": None, "value": None,
     "per": "week"},
    {"candidate_id": "c1", "fact": "minutes", "round": 2, "who": "s2", "value": 7.5, "per": None},
    {"candidate_id": "c3", "fact": "pain", "round": 1, "who": "s3", "value": 4, "per": None},
]  # fmt: skip


def _imported(tmp_path: Path, document: dict) -> Path:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "estimated.workshop"
    result = run("import", source, target)
    assert result.returncode == 0, result.stderr
    return target


def _insert(path: Path, *rows: tuple[Any, ...]) -> None:
    """Write answers as another program could: with the file's own checks off."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("DELETE FROM estimates")  # the demo's own round: the places named are these
    conn.executemany("INSERT INTO estimates VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()


def test_import_and_export_carry_estimates(tmp_path: Path, demo_document: dict) -> None:
    document = {**demo_document, "estimates": ESTIMATES}
    result = run("export", _imported(tmp_path, document))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == document


def test_check_names_each_bad_estimate_row_with_its_place(demo_file: Path) -> None:
    _insert(
        demo_file,
        (0, "c1", "pain", 1, "s1", 9, None),
        (1, "c1", "minutes", 1, None, 5, "day"),
        (2, "c1", "occurrences", 1, "s2", 3, "week"),
        (3, "c1", "occurrences", 1, "s2", 4, "week"),
    )
    result = run("check", demo_file)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{demo_file}: estimates row 0.value: a pain estimate must be a whole number 1 to 5, got 9",
        f"{demo_file}: estimates row 1.per: must be null for a minutes estimate; only "
        "occurrences count per period",
        f"{demo_file}: estimates row 3.who: 's2' already answered occurrences of 'c1' in round "
        "1; keep one answer per person and round",
    ]


def test_an_estimate_row_of_an_unknown_fact_is_one_clear_line(demo_file: Path) -> None:
    _insert(demo_file, (0, "c1", "cost", 1, None, 5, None))
    assert_one_clear_line(
        run("check", demo_file),
        f"{demo_file}: estimates row 0.fact: must be one of occurrences, minutes, pain; got 'cost'",
    )


def test_a_charter_carries_its_estimates_back_in(tmp_path: Path, demo_document: dict) -> None:
    document = {**demo_document, "estimates": ESTIMATES}
    workshop = _imported(tmp_path, document)
    charter = tmp_path / "charter.pdf"
    made = run("charter", workshop, "-o", charter)
    assert made.returncode == 0, made.stderr
    back = tmp_path / "back.workshop"
    imported = run("import", charter, back)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(run("export", back).stdout) == document
