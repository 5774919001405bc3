"""The libraries bundled in ``resources/``: the demo workshop and word lists, read once."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from workshop_app.domain.toolfirst import ToolFirstVocabulary
from workshop_app.paths import resource

DEMO_WORKSHOP = "demo/demo_workshop.json"


def _read_json(relative: str) -> Any:
    with resource(relative).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def tool_first_vocabulary() -> ToolFirstVocabulary:
    """The technology and process words that decide the tool-first flag."""
    return ToolFirstVocabulary.from_mapping(_read_json("libraries/tool_first.json"))


def demo_document() -> dict[str, Any]:
    """A fresh copy of the bundled demo workshop as an interchange document."""
    document: dict[str, Any] = _read_json(DEMO_WORKSHOP)
    return document


@cache
def prompt_groups() -> list[dict[str, Any]]:
    """The facilitator's diagnose prompts, grouped by where time, quality or money is lost."""
    groups: list[dict[str, Any]] = _read_json("libraries/prompts.json")["groups"]
    return groups


@cache
def stall_risks() -> list[dict[str, Any]]:
    """Seeds for the risk register: the typical ways a launch stalls."""
    risks: list[dict[str, Any]] = _read_json("libraries/stall_risks.json")["risks"]
    return risks


@cache
def metric_examples() -> list[dict[str, Any]]:
    """Example 30-day metrics of each kind, to start the room's own."""
    examples: list[dict[str, Any]] = _read_json("libraries/metric_examples.json")["examples"]
    return examples
