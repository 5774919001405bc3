"""Generate large, valid workshops for benchmarks and stress tests (deterministic per seed)."""

from __future__ import annotations

import copy
import random
from typing import Any

from workshop_app.libraries import demo_document

PERIODS = ("day", "week", "month", "quarter", "year")
LEVELS = ("low", "medium", "high")
KINDS = ("sponsor", "process_owner", "daily_user", "it_data", "governance", "other")
SYMPTOMS = ("time_sink", "dropped_handoffs", "slow_reporting", "errors_rework", "waiting_on_data")
VERBS = ("Reconcile", "Draft", "Route", "Summarise", "Check", "Prepare", "Triage", "Compile")
OBJECTS = (
    "supplier invoices",
    "quote requests",
    "order enquiries",
    "credit reviews",
    "returns",
    "branch reports",
    "warranty claims",
    "delivery exceptions",
)


def big_document(
    candidates: int = 1000,
    stakeholders: int = 200,
    problems: int = 300,
    metrics: int = 100,
    seed: int = 7,
) -> dict[str, Any]:
    """A workshop the size of a very large engagement, built on the demo's header."""
    rng = random.Random(seed)
    doc = copy.deepcopy(demo_document())
    doc["workshop"]["title"] = f"Large workshop ({candidates} candidates)"
    doc["stakeholders"] = [
        {
            "id": f"s{i}",
            "name": f"Person {i}",
            "role": "Role",
            "department": f"Dept {i % 12}",
            "email": f"person{i}@example.com",
            "kind": KINDS[i % len(KINDS)],
        }
        for i in range(1, stakeholders + 1)
    ]
    doc["problems"] = [
        {
            "id": f"p{i}",
            "title": f"Problem {i}: {rng.choice(OBJECTS)} are slow",
            "description": "What happens today, who is affected and what it costs. " * 3,
            "affected": "Customer service",
            "symptoms": rng.sample(SYMPTOMS, 2),
            "raised_by": f"s{rng.randint(1, stakeholders)}",
        }
        for i in range(1, problems + 1)
    ]
    doc["candidates"] = [
        {
            "id": f"c{i}",
            "name": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} #{i}",
            "description": "Handle the requests faster with fewer hand-offs.",
            "problem_ids": [f"p{rng.randint(1, problems)}"],
            "frequency": {"count": rng.randint(1, 60), "per": rng.choice(PERIODS)},
            "minutes_per_occurrence": rng.randint(1, 300),
            "people": rng.randint(1, 20),
            "pain": rng.randint(1, 5),
            "handoffs": rng.randint(0, 6),
            "data_readiness": rng.choice(("ready", "partial", "missing")),
            "integration_effort": rng.choice(LEVELS),
            "governance": rng.choice(LEVELS),
            "appetite": rng.randint(1, 5),
            "votes": rng.randint(0, 9),
            "status": "chosen" if i == 1 else "parked" if i % 3 == 0 else "candidate",
            "parked_reason": "Later, after the first workflow." if i % 3 == 0 else "",
            "overrides": {"friction": None, "frequency": None, "reason": ""},
        }
        for i in range(1, candidates + 1)
    ]
    doc["candidates"][0].update(data_readiness="ready", governance="low")
    doc["metrics"] = [
        {
            "id": f"m{i}",
            "candidate_id": "c1",
            "name": f"Metric {i}",
            "kind": ("adoption", "outcome", "trust", "activity")[i % 4],
            "unit": "%",
            "direction": "increase",
            "baseline": 10,
            "target": 40 + i % 20,
            "method": "Counted weekly from the shared mailbox.",
            "owner_id": "s1",
            "agreed_by": ["s1", "s3"],
        }
        for i in range(1, metrics + 1)
    ]
    doc["adoption"].update(champion_id="s3", owner_id="s2", users_involved=["s3", "s9"])
    for risk in doc["risks"]:
        risk["owner_id"] = "s1"
    doc["checkins"] = [{"metric_id": "m1", "date": "2026-11-17", "value": 15, "note": ""}]
    doc["signoffs"] = [
        {"stakeholder_id": "s1", "date": "2026-11-10", "decision": "approved", "comment": ""}
    ]
    doc["decisions"] = [
        {
            "at": "2026-11-10T11:12:00",
            "kind": "chosen",
            "candidate_id": "c1",
            "reason": "Highest priority that is not blocked.",
        }
    ]
    return doc
