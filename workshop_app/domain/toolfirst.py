"""Spot candidates that name a tool instead of the process it should improve.

"A chatbot" or "an AI CRM" is a technology looking for a problem. A candidate is flagged when
its name and description use a technology term and no process or outcome term. The words live
in ``resources/libraries/tool_first.json`` so they can grow without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from workshop_app.domain.model import Candidate
from workshop_app.domain.records import record


def _pattern(terms: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted(
        {term.strip().casefold() for term in terms if term.strip()}, key=len, reverse=True
    )
    body = "|".join(re.escape(term) for term in alternatives) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@record(frozen=True)
class ToolFirstVocabulary:
    """Compiled word lists; build it once with :meth:`from_mapping`."""

    technology: re.Pattern[str]
    process: re.Pattern[str]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ToolFirstVocabulary:
        process = [*data.get("process_terms", []), *data.get("outcome_terms", [])]
        return cls(_pattern(data.get("technology_terms", [])), _pattern(process))

    def technology_terms_in(self, text: str) -> list[str]:
        return sorted({match.group(0).casefold() for match in self.technology.finditer(text)})

    def names_process(self, text: str) -> bool:
        return self.process.search(text) is not None


def is_tool_first(candidate: Candidate, vocabulary: ToolFirstVocabulary) -> bool:
    """True when the candidate names a technology but no process or outcome."""
    text = f"{candidate.name}\n{candidate.description}"
    return bool(vocabulary.technology_terms_in(text)) and not vocabulary.names_process(text)


def recast_hint(candidate: Candidate, vocabulary: ToolFirstVocabulary) -> str:
    """A one-line nudge for a tool-first candidate, naming the technology it mentions."""
    terms = vocabulary.technology_terms_in(f"{candidate.name}\n{candidate.description}")
    named = ", ".join(f"“{term}”" for term in terms[:3]) or "a tool"
    return (
        f"This names {named} but no process. Recast it as the work it should improve: "
        "which requests, reports or hand-offs, how often, and what should change?"
    )
