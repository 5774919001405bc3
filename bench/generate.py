"""Generate large, valid workshops for benchmarks and stress tests (deterministic per seed)."""

from __future__ import annotations

import copy
import datetime as dt
import random
from typing import Any

from workshop_app.domain.limits import MOST_METRICS_EACH, MOST_STAKEHOLDERS
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

#: Metrics per candidate: the chosen candidate (c1) has this many (the most the format allows
#: one candidate), and the rest go to c2, c3… in turn.
METRICS_EACH = MOST_METRICS_EACH


def big_document(
    candidates: int = 1000,
    stakeholders: int = MOST_STAKEHOLDERS,
    problems: int = 100,
    metrics: int = 100,
    seed: int = 7,
) -> dict[str, Any]:
    """A workshop the size of a very large engagement, built on the demo's header: as many
    stakeholders and problems as a workshop may have (docs/interchange.md; it had 200 and 300
    before the lists were capped)."""
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
            # The chosen candidate c1 has the first METRICS_EACH (the most one may have).
            "candidate_id": f"c{(i - 1) // METRICS_EACH % candidates + 1}",
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


#: The decision kinds a generated log cycles through, each with a candidate (or none).
_LOG_KINDS = ("parked", "unparked", "override", "estimated", "parked", "chosen", "unchosen")


def sized_document(counts: dict[str, int], *, refs: int = 3, seed: int = 7) -> dict[str, Any]:
    """A valid workshop with exactly ``counts[key]`` items in each list ``key`` named (the
    others as in :func:`big_document`), every item filled in as a real one would be.

    Candidate c1 is chosen and has the first :data:`METRICS_EACH` metrics, the next candidates
    the rest; the readings are spread over c1's metrics, one a day from the workshop on; the
    answers of blind estimates are spread over every candidate; each
    reference list (a candidate's problems, a metric's agreed-by) names ``refs`` items; each
    version is a whole charter document of the workshop (its title numbered, so each has a
    fingerprint of its own).
    """
    from workshop_app.domain.fingerprint import charter_part, fingerprint_of

    base = {
        key: counts.get(key, default)
        for key, default in (
            ("candidates", 1000),
            ("stakeholders", MOST_STAKEHOLDERS),
            ("problems", 100),
            ("metrics", 100),
        )
    }
    doc = big_document(**base, seed=seed)
    rng = random.Random(seed)
    people, problems, metrics = base["stakeholders"], base["problems"], base["metrics"]
    candidates = base["candidates"]
    for candidate in doc["candidates"]:
        candidate["problem_ids"] = [f"p{p}" for p in rng.sample(range(1, problems + 1), refs)]
    for metric in doc["metrics"]:
        metric["agreed_by"] = [f"s{s}" for s in rng.sample(range(1, people + 1), refs)]
    doc["adoption"]["users_involved"] = [f"s{s}" for s in range(1, min(refs, people) + 1)]
    if "prior_attempts" in counts:
        doc["prior_attempts"] = [
            {
                "id": f"a{i}",
                "what": f"Attempt {i}: an add-on for {rng.choice(OBJECTS)}",
                "notes": "It was chosen without the people who would use it. " * 3,
                "stall_signs": ["unused_outputs", "distrust"],
            }
            for i in range(1, counts["prior_attempts"] + 1)
        ]
    if "risks" in counts:
        doc["risks"] = [
            {
                "id": f"r{i}",
                "description": f"Risk {i}: the {rng.choice(OBJECTS)} data is incomplete.",
                "category": rng.choice(("data_access", "integration", "governance", "trust")),
                "likelihood": rng.randint(1, 5),
                "impact": rng.randint(1, 5),
                "mitigation": "Load the missing records in week one, before go-live.",
                "owner_id": f"s{rng.randint(1, people)}",
            }
            for i in range(1, counts["risks"] + 1)
        ]
    if "checkins" in counts:
        start = dt.date.fromisoformat(doc["workshop"]["date"])
        chosen_metrics = min(metrics, METRICS_EACH)
        doc["checkins"] = [
            {
                "metric_id": f"m{i % chosen_metrics + 1}",
                "date": (start + dt.timedelta(days=i // chosen_metrics)).isoformat(),
                "value": 10 + (i // chosen_metrics) % 40 + rng.random(),
                "note": "Counted from the shared mailbox." if i % 5 == 0 else "",
            }
            for i in range(counts["checkins"])
        ]
    if "signoffs" in counts:
        doc["signoffs"] = [
            {
                "stakeholder_id": f"s{i}",
                "date": "2026-11-10",
                "decision": "approved" if i % 4 else "changes_requested",
                "comment": "Approved; send me the day-7 readings." if i % 3 == 0 else "",
            }
            for i in range(1, min(counts["signoffs"], people) + 1)
        ]
    if "decisions" in counts:
        doc["decisions"] = [
            {
                "at": f"2026-11-10T{9 + i // 3600 % 12:02d}:{i // 60 % 60:02d}:{i % 60:02d}",
                "kind": _LOG_KINDS[i % len(_LOG_KINDS)],
                "candidate_id": f"c{i % candidates + 1}",
                "reason": f"Entry {i}: the room agreed after a short discussion of the hours.",
            }
            for i in range(counts["decisions"])
        ]
    if "checkin_plan" in counts:
        doc["checkin_plan"] = [
            {"day": day, "note": "Readings reviewed with the sponsor." if day % 7 == 0 else ""}
            for day in range(1, counts["checkin_plan"] + 1)
        ]
    if "estimates" in counts:
        facts = (("occurrences", "day"), ("minutes", None), ("pain", None))
        # Spread over every candidate: each answer j of a candidate is fact j % 3, given by
        # stakeholder j // 3 (then a next round).
        answers = []
        for i in range(counts["estimates"]):
            j = i // candidates
            fact, per = facts[j % 3]
            answers.append(
                {
                    "candidate_id": f"c{i % candidates + 1}",
                    "fact": fact,
                    "round": j // (3 * people) + 1,
                    "who": f"s{j // 3 % people + 1}",
                    "value": rng.randint(1, 5) if fact == "pain" else rng.randint(1, 90),
                    "per": per,
                }
            )
        doc["estimates"] = answers
    if "versions" in counts:
        charter = charter_part({k: v for k, v in doc.items() if k != "versions"})
        versions = []
        for number in range(1, counts["versions"] + 1):
            version = copy.deepcopy(charter)
            version["workshop"]["title"] = f"{charter['workshop']['title']} (draft {number})"
            versions.append(
                {
                    "fingerprint": fingerprint_of(version),
                    "exported_at": f"2026-11-{10 + number // 1440 % 18:02d}T"
                    f"{number // 60 % 24:02d}:{number % 60:02d}:00",
                    "document": version,
                }
            )
        doc["versions"] = versions
    return doc
