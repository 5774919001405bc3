"""``workshop-app rank`` with a candidate that awaits estimates: listed after the ranked ones,
without a rank or scores, in the table and in ``--json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_commands import run
from workshop_app.domain.document import workshop_from_document
from workshop_app.store.workshop_file import write_new_file


def _with_awaiting(tmp_path: Path, document: dict[str, Any]) -> Path:
    document["candidates"].insert(
        0,
        {
            **document["candidates"][1],
            "id": "c9",
            "name": "Check returns and prepare refunds",
            "frequency": {"count": None, "per": "day"},
            "minutes_per_occurrence": None,
            "pain": 4,
            "votes": 99,
            "status": "candidate",
            "parked_reason": "",
            "overrides": {"friction": None, "frequency": None, "reason": ""},
            "example": "service-returns-refunds",
        },
    )
    path = tmp_path / "awaiting.workshop"
    write_new_file(path, workshop_from_document(document))
    return path


def test_rank_json_lists_it_last_as_not_estimated(
    tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    result = run("rank", _with_awaiting(tmp_path, demo_document), "--json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    candidates = listing["candidates"]
    assert [c["rank"] for c in candidates] == [*range(1, 9), None]
    assert all(c["estimated"] for c in candidates[:8])
    last = candidates[-1]
    assert last["id"] == "c9" and last["estimated"] is False
    assert last["missing"] == ["occurrences", "minutes"]
    for key in ("frequency_score", "friction_score", "priority", "hours_per_month", "quadrant"):
        assert last[key] is None
    assert last["readiness"] in {"ready", "needs work", "blocked"}
    assert last["votes"] == 99 and last["status"] == "candidate"
    assert last["reason"] == "not ranked: its occurrences and minutes are not estimated yet"
    # How sure #1 is does not count it as a rival.
    assert "c9" not in listing["robustness"]["rivals"]


def test_rank_table_shows_it_after_the_ranked_rows(
    tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    result = run("rank", _with_awaiting(tmp_path, demo_document))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [line for line in lines[2:] if line[:2].strip().isdigit() or line.startswith("-  ")]
    assert len(rows) == 9
    assert rows[-1].startswith("-  ") and "Check returns and prepare refunds?" in rows[-1]
    assert "awaiting estimates" in rows[-1]
    assert "? awaiting estimates (1): not ranked until the room estimates" in result.stdout
    assert "Recommended: Draft quotes from emailed quote requests" in result.stdout
