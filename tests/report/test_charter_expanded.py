"""The charter of a workshop started by "then expand": its log opens with where it came from,
and the first workflow reads as an earlier attempt with its result (no PDF is made here)."""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.expand import next_workshop
from workshop_app.domain.model import Workshop
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.report.charter import charter_context


def test_the_log_and_the_earlier_attempts_read_in_words(demo_workshop: Workshop) -> None:
    new = next_workshop(demo_workshop, "demo.workshop", dt.datetime(2026, 12, 14, 9, 30))
    context = charter_context(new, tool_first_vocabulary(), today=dt.date(2026, 12, 14))
    first = context["decisions"][0]
    assert (first["at"], first["kind"], first["candidate"]) == (
        "2026-12-14 09:30",
        "Started from an earlier workshop",
        "",
    )
    assert first["reason"].startswith("Started from the workshop “Choosing our first AI workflow”")
    assert context["decisions"][1]["kind"] == "Unparked"
    attempt = context["prior_attempts"][-1]
    assert attempt["what"].startswith("Draft quotes from emailed quote requests: the first")
    assert "partly adopted" in attempt["notes"]
    assert attempt["stall_signs"] == ["Sponsors lost interest"]
