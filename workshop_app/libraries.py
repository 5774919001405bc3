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
