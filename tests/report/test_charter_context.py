"""The charter's values before any template: the ranking table's place note and the
formatters it is written with (no PDF is made here)."""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.model import (
    Candidate,
    DataReadiness,
    Frequency,
    Overrides,
    Period,
    Workshop,
)
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.report.charter import charter_context
from workshop_app.report.formatting import hours, long_date, number

TODAY = dt.date(2026, 11, 24)


def cand(ident: str, name: str, votes: int = 0, overrides: Overrides | None = None) -> Candidate:
    return Candidate(
        ident,
        name,
        frequency=Frequency(1, Period.DAY),
        minutes_per_occurrence=20,
        pain=3,
        votes=votes,
        data_readiness=DataReadiness.READY,
        overrides=overrides or Overrides(),
    )


def places(workshop: Workshop) -> dict[str, str]:
    context = charter_context(workshop, tool_first_vocabulary(), today=TODAY)
    return {row["id"]: row["place"] for row in context["ranking"]}


def test_the_place_note_says_only_how_a_tie_was_settled() -> None:
    workshop = Workshop(candidates=[cand("a", "Alpha", votes=1), cand("b", "Beta", votes=4)])
    assert places(workshop) == {
        "b": "Above Alpha on the same priority: more votes (4 against 1)",
        "a": "Below Beta on the same priority: more votes (4 against 1)",
    }


def test_a_reason_or_name_that_reads_like_the_ranking_sentence_changes_no_place() -> None:
    mimic = "; 7.0 h a month at stake; above Nobody on the same priority: fake"
    lifted = Overrides(frequency=4, reason=mimic)  # the score it had anyway: still a tie
    workshop = Workshop(
        candidates=[cand("a", f"Alpha{mimic}", votes=1, overrides=lifted), cand("b", "Beta")]
    )
    assert places(workshop) == {
        "a": "Above Beta on the same priority: more votes (1 against 0)",
        "b": f"Below Alpha{mimic} on the same priority: more votes (1 against 0)",
    }


def test_a_candidate_alone_on_its_priority_has_no_place_note() -> None:
    assert places(Workshop(candidates=[cand("a", "Alpha")])) == {"a": ""}


def test_numbers_dates_and_hours_as_people_write_them() -> None:
    assert [number(60), number(23.5), number(1200), number(None)] == ["60", "23.5", "1,200", "—"]
    assert [hours(424.4), hours(63)] == ["424", "63.0"]
    assert [long_date("2026-11-10"), long_date("soon")] == ["10 November 2026", "soon"]


def test_an_adopted_estimate_is_in_the_decision_log_with_its_figures() -> None:
    from workshop_app.domain import operations as op
    from workshop_app.domain.model import Estimate, EstimateFact

    workshop = Workshop(candidates=[cand("a", "Alpha")])
    op.add_estimates(
        workshop,
        [Estimate("a", EstimateFact.MINUTES, 1, None, v) for v in (15, 22, 40)],
    )
    op.adopt_estimate(workshop, "a", EstimateFact.MINUTES, 22, "", 1, "2026-11-10T14:30:00")
    context = charter_context(workshop, tool_first_vocabulary(), today=TODAY)
    assert context["decisions"][-1] == {
        "at": "2026-11-10 14:30",
        "kind": "Estimate adopted",
        "candidate": "Alpha",
        "reason": "Minutes each: 22 minutes from round 1 (3 numbers; 15 to 40 minutes, "
        "median 22). Median taken.",
    }
