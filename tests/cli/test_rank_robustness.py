"""``workshop-app rank --json``'s ``robustness`` object: how sure the ranking is of #1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.test_commands import run


def robustness_of(path: Path) -> dict[str, Any]:
    result = run("rank", path, "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["robustness"]
    assert isinstance(found, dict)
    return found


def test_rank_json_says_how_sure_the_demo_is_of_its_first(plain_demo_file: Path) -> None:
    found = robustness_of(plain_demo_file)
    assert found["leader"]["id"] == "c1" and found["chosen"] and found["first"]
    assert found["runner_up"] == {"id": "c6", "name": "Resolve supplier invoice mismatches"}
    assert found["rivals"] == ["c6", "c2", "c7", "c4", "c8"]
    assert found["sentence"].startswith("Draft quotes from emailed quote requests stays #1 unless")
    assert found["draws"] is None and not found["estimated"] and found["fragile"] == []
    occurrences = next(
        m for m in found["margins"] if m["candidate_id"] == "c1" and m["fact"] == "occurrences"
    )
    assert occurrences == {
        "candidate_id": "c1",
        "candidate_name": "Draft quotes from emailed quote requests",
        "role": "leader",
        "fact": "occurrences",
        "direction": "down",
        "current": 55.0,
        "threshold": 20 / 21,
        "threshold_exact": "20/21",
        "inclusive": False,
        "relative_change": (55 - 20 / 21) / 55,
        "change": "more than 98% lower",
        "takes_first": "c6",
        "spread": None,
        "fragile": None,
    }
    assert [(bar["candidate_id"], bar["fact"]) for bar in found["tornado"]] == [
        ("c1", "occurrences"),
        ("c1", "minutes"),
        ("c1", "pain"),
        ("c6", "occurrences"),
        ("c6", "minutes"),
        ("c6", "pain"),
    ]


def test_with_estimates_the_draws_are_the_same_on_every_run(
    tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    def answer(candidate: str, fact: str, who: str, value: float, per: str | None) -> dict:
        return {
            "candidate_id": candidate,
            "fact": fact,
            "round": 1,
            "who": who,
            "value": value,
            "per": per,
        }

    demo_document["estimates"] = [
        answer("c1", "occurrences", "s1", 30, "day"),
        answer("c1", "occurrences", "s2", 70, "day"),
        answer("c6", "minutes", "s1", 10, None),
        answer("c6", "minutes", "s2", 120, None),
    ]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(demo_document), encoding="utf-8")
    imported = run("import", source, tmp_path / "w.workshop")
    assert imported.returncode == 0, imported.stderr
    first = robustness_of(tmp_path / "w.workshop")
    assert first == robustness_of(tmp_path / "w.workshop")
    draws = first["draws"]
    assert draws["count"] == 2000 and draws["drawn_candidates"] == 2
    assert 0 < draws["share"] < 1 and draws["first"] == round(draws["share"] * 2000)
    # The runner-up reaches #1 above 605/6 minutes; the room said 10 to 120: fragile.
    assert first["fragile"] == [{"candidate_id": "c6", "fact": "minutes"}]
    assert "(within the room's own disagreement)" in first["sentence"]
    assert first["summary"].endswith("draws within the room's estimates.")


def test_rank_json_without_a_first_has_no_robustness(
    tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    for candidate in demo_document["candidates"]:
        candidate["status"] = "parked"
        candidate["parked_reason"] = candidate["parked_reason"] or "Later."
    demo_document["decisions"] = []
    source = tmp_path / "in.json"
    source.write_text(json.dumps(demo_document), encoding="utf-8")
    assert run("import", source, tmp_path / "w.workshop").returncode == 0
    result = run("rank", tmp_path / "w.workshop", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["robustness"] is None


def test_the_demos_round_of_minutes_gives_draws_and_a_verdict(demo_file: Path) -> None:
    found = robustness_of(demo_file)
    assert found["estimated"] and found["fragile"] == []
    assert found["draws"]["count"] == 2000 and found["draws"]["share"] == 1.0
    minutes = next(
        m for m in found["margins"] if m["candidate_id"] == "c1" and m["fact"] == "minutes"
    )
    assert minutes["spread"] == 16 and minutes["fragile"] is False  # 8 to 24 minutes
