"""Metric advice, the 30-day gate, check-in dates, the tool-first flag and typed-text rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from workshop_app.domain.advice import Advice, metric_advice, target_moves_wrong_way
from workshop_app.domain.gate import gate_gaps, is_agreed
from workshop_app.domain.model import (
    Candidate,
    CandidateStatus,
    DataReadiness,
    Direction,
    Level,
    Metric,
    MetricKind,
    Workshop,
)
from workshop_app.domain.schedule import checkin_dates
from workshop_app.domain.text import break_long_words, clean_typed_text
from workshop_app.domain.toolfirst import is_tool_first, recast_hint
from workshop_app.libraries import tool_first_vocabulary

UP, DOWN = Direction.INCREASE, Direction.DECREASE
VOCABULARY = tool_first_vocabulary()


def metric(
    kind: MetricKind,
    direction: Direction = UP,
    baseline: float | None = 0,
    target: float | None = 10,
    method: str = "count",
    owner: str | None = "s1",
    name: str = "Uptake",
    cid: str = "c1",
) -> Metric:
    return Metric(f"m-{name}", cid, name, kind, "", direction, baseline, target, method, owner)


def advice_of(*metrics: Metric) -> list[Advice]:
    return metric_advice(Workshop(metrics=list(metrics)), "c1")


def test_no_metrics_asks_for_adoption_and_outcome() -> None:
    assert advice_of() == [
        Advice(
            "", "No success metrics yet: agree at least one adoption metric and one outcome metric."
        )
    ]


def test_only_activity_metrics_are_called_out() -> None:
    words = [str(a) for a in advice_of(metric(MetricKind.ACTIVITY, name="Live"))]
    assert words[0].startswith("Only activity metrics: they show that something was done")
    assert words[1].startswith("No adoption metric:") and words[2].startswith("No outcome metric:")
    assert words[3].startswith("metrics[0]: Live measures activity, not behaviour change")
    assert len(words) == 4


@pytest.mark.parametrize(
    ("kind", "start"),
    [(MetricKind.OUTCOME, "No adoption metric:"), (MetricKind.ADOPTION, "No outcome metric:")],
)
def test_a_missing_adoption_or_outcome_metric_is_one_line(kind: MetricKind, start: str) -> None:
    [advice] = advice_of(metric(kind))
    assert advice.path == "" and advice.message.startswith(start)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"baseline": None, "target": None, "method": "", "owner": None},
            "Uptake has no baseline, target, measurement method, owner.",
        ),
        ({"target": None}, "Uptake has no target."),
        ({"method": "  "}, "Uptake has no measurement method."),
        ({"owner": None, "name": ""}, "This metric has no owner."),
    ],
)
def test_missing_parts_of_a_metric_are_named(changes: dict, expected: str) -> None:
    advice = advice_of(
        metric(MetricKind.OUTCOME, **changes), metric(MetricKind.ADOPTION, name="Use")
    )
    assert advice == [Advice("metrics[0]", expected)]


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "verb"),
    [
        (UP, 10, 5, "above"),
        (UP, 10, 10, "above"),
        (DOWN, 10, 12, "below"),
        (DOWN, 10, 10, "below"),
    ],
)
def test_a_target_not_moving_in_the_metric_direction_is_flagged(
    direction: Direction, baseline: float, target: float, verb: str
) -> None:
    advice = advice_of(
        metric(MetricKind.OUTCOME, direction, baseline, target),
        metric(MetricKind.ADOPTION, name="Use"),
    )
    assert advice == [
        Advice(
            "metrics[0].target",
            f"the target of Uptake should be {verb} its baseline, since it should {direction}.",
        )
    ]


@pytest.mark.parametrize(
    ("direction", "baseline", "target"),
    [(UP, 10, 11), (DOWN, 10, 9), (UP, None, 5), (DOWN, 3, None)],
)
def test_a_target_moving_the_right_way_or_unknown_is_fine(direction, baseline, target) -> None:
    assert not target_moves_wrong_way(metric(MetricKind.OUTCOME, direction, baseline, target))


def test_advice_paths_index_the_whole_metric_list() -> None:
    workshop = Workshop(
        metrics=[
            metric(MetricKind.OUTCOME, cid="c2", target=None),
            metric(MetricKind.OUTCOME, owner=None),
            metric(MetricKind.ADOPTION),
        ]
    )
    assert metric_advice(workshop, "c1") == [Advice("metrics[1]", "Uptake has no owner.")]


def test_an_incomplete_activity_metric_gets_only_the_activity_advice() -> None:
    advice = advice_of(
        metric(MetricKind.ACTIVITY, method="", owner=None, name="Live"),
        metric(MetricKind.ADOPTION),
        metric(MetricKind.OUTCOME, name="Hours"),
    )
    assert [a.path for a in advice] == ["metrics[0]"]
    assert "measures activity" in advice[0].message


def test_the_demo_choice_gets_advice_only_on_its_activity_metric(demo_workshop) -> None:
    [advice] = metric_advice(demo_workshop, "c1")
    assert advice.path == "metrics[3]"
    assert "measures activity, not behaviour change" in advice.message


def _set(attr: str, value: object, cid: str = "c1") -> Callable[[Workshop], None]:
    return lambda w: setattr(w.candidate(cid), attr, value)


GATE_BREAKS = [
    (
        _set("status", CandidateStatus.CANDIDATE),
        "No workflow is chosen yet: the room chooses exactly one.",
    ),
    (
        _set("status", CandidateStatus.CHOSEN, "c2"),
        "2 workflows are chosen (Draft quotes from "
        "emailed quote requests, Route and answer order status enquiries): keep exactly one.",
    ),
    (
        _set("governance", Level.HIGH),
        "The chosen workflow is blocked: governance sensitivity is high.",
    ),
    (
        _set("data_readiness", DataReadiness.MISSING),
        "The chosen workflow is blocked: the data it needs is missing.",
    ),
    (lambda w: setattr(w.adoption, "champion_id", None), "No champion is named."),
    (
        lambda w: setattr(w.adoption, "owner_id", None),
        "No adoption owner is named for after the technical team moves on.",
    ),
    (
        lambda w: setattr(w.adoption, "users_involved", ["s1", "s2"]),
        "No daily user is involved in defining success.",
    ),
    (lambda w: setattr(w.metric("m1"), "kind", MetricKind.TRUST), "No adoption metric is agreed."),
    (
        lambda w: setattr(w.metric("m2"), "method", " "),
        "No outcome metric has a baseline, target, method and owner.",
    ),
    (
        _set("parked_reason", "", "c8"),
        "Summarise supplier price-increase notices is parked without a reason.",
    ),
]


def test_the_demo_passes_the_gate(demo_workshop: Workshop) -> None:
    assert gate_gaps(demo_workshop) == [] and is_agreed(demo_workshop)


@pytest.mark.parametrize(("breaks", "line"), GATE_BREAKS)
def test_each_broken_gate_condition_is_exactly_one_line(
    demo_workshop: Workshop, breaks: Callable[[Workshop], None], line: str
) -> None:
    breaks(demo_workshop)
    assert gate_gaps(demo_workshop) == [line]
    assert not is_agreed(demo_workshop)


@pytest.mark.parametrize(
    ("start", "dates"),
    [
        ("2026-11-10", ["2026-11-17", "2026-11-24", "2026-12-10"]),
        ("2026-01-25", ["2026-02-01", "2026-02-08", "2026-02-24"]),
        ("2026-12-20", ["2026-12-27", "2027-01-03", "2027-01-19"]),
        ("2028-02-22", ["2028-02-29", "2028-03-07", "2028-03-23"]),
        ("2027-02-22", ["2027-03-01", "2027-03-08", "2027-03-24"]),
    ],
)
def test_checkins_default_to_days_7_14_30_across_month_and_year_ends(
    start: str, dates: list[str]
) -> None:
    planned = checkin_dates(start)
    assert [p.date.isoformat() for p in planned] == dates
    assert [p.label for p in planned] == ["Day 7", "Day 14", "Day 30"]


def test_custom_checkin_days_are_sorted_and_deduplicated() -> None:
    planned = checkin_dates("2026-11-10", (30, 1, 7, 7))
    assert [(p.day, p.date) for p in planned] == [
        (1, dt.date(2026, 11, 11)),
        (7, dt.date(2026, 11, 17)),
        (30, dt.date(2026, 12, 10)),
    ]


def test_only_the_demo_ai_chatbot_is_tool_first(demo_workshop: Workshop) -> None:
    flagged = [c.id for c in demo_workshop.candidates if is_tool_first(c, VOCABULARY)]
    assert flagged == ["c7"] and demo_workshop.candidate("c7").name == "AI chatbot"


@pytest.mark.parametrize(
    ("name", "flagged"),
    [
        ("An AI CRM", True),
        ("A chat bot for staff", True),
        ("GenAI platform", True),
        ("AI to draft replies to customer enquiries", False),
        ("Copilot for quotes", False),
        ("Maintain the email templates", False),
        ("Retain staff", False),
    ],
)
def test_tool_first_needs_a_whole_technology_word_and_no_process(name: str, flagged: bool) -> None:
    assert is_tool_first(Candidate("x", name), VOCABULARY) is flagged


def test_whole_word_matching_skips_words_containing_ai() -> None:
    assert VOCABULARY.technology_terms_in("email, maintain, said, paid, AI") == ["ai"]


def test_recast_hint_names_the_technology(demo_workshop: Workshop) -> None:
    hint = recast_hint(Candidate("x", "An AI CRM"), VOCABULARY)
    assert hint.startswith("This names “ai”, “crm” but no process. Recast it")
    assert "“chatbot”" in recast_hint(demo_workshop.candidate("c7"), VOCABULARY)


def test_break_long_words_keeps_every_run_within_the_limit() -> None:
    text = "x" * 150 + " short " + "y" * 61
    broken = break_long_words(text, 60)
    assert broken.replace("\u200b", "") == text
    runs = broken.replace("\u200b", " ").split()
    assert max(map(len, runs)) == 60 and broken.count("\u200b") == 3
    assert break_long_words("y" * 61) == "y" * 60 + "\u200by"


@pytest.mark.parametrize("text", ["", "plain words\tand a tab\nand lines", "z" * 60])
def test_text_without_long_words_is_unchanged(text: str) -> None:
    assert break_long_words(text) == text


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("one\r\ntwo", "one\ntwo"),
        ("a\x00b\x1bc\x7f", "abc"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("bad\ud800char", "badchar"),
        ("plain é ✓", "plain é ✓"),
    ],
)
def test_clean_typed_text_fixes_line_ends_and_drops_controls(typed: str, clean: str) -> None:
    assert clean_typed_text(typed) == clean


@pytest.mark.parametrize(("reason", "advised"), [("", True), ("  ", True), ("IT is ready", False)])
def test_choosing_against_the_recommendation_asks_for_a_reason_until_one_is_given(
    demo_workshop: Workshop, reason: str, advised: bool
) -> None:
    from workshop_app.domain.operations import choose
    from workshop_app.domain.ranking import rank_candidates, recommendation
    from workshop_app.domain.stage import Stage
    from workshop_app.domain.stages import stage_reports

    best = recommendation(rank_candidates(demo_workshop.candidates))
    assert best is not None
    other = next(c for c in demo_workshop.candidates if c is not best.candidate)
    choose(demo_workshop, other.id, reason, "2026-11-10T11:00:00")
    advice = stage_reports(demo_workshop, tool_first_vocabulary())[Stage.RANK].advice
    asked = [a for a in advice if "note why in the decision" in a.message]
    assert bool(asked) is advised


@pytest.mark.parametrize(
    ("open_ones", "said"),
    [
        (1, "1 candidate is neither chosen nor parked: park it with a reason"),
        (2, "2 candidates are neither chosen nor parked: park them with a reason"),
    ],
)
def test_the_rank_advice_counts_the_candidates_left_open_in_words(
    demo_workshop: Workshop, open_ones: int, said: str
) -> None:
    from workshop_app.domain.model import CandidateStatus
    from workshop_app.domain.stage import Stage
    from workshop_app.domain.stages import stage_reports

    parked = [c for c in demo_workshop.candidates if c.status is CandidateStatus.PARKED]
    for candidate in parked[:open_ones]:
        candidate.status = CandidateStatus.CANDIDATE
    advice = stage_reports(demo_workshop, tool_first_vocabulary())[Stage.RANK].advice
    assert [a.message for a in advice if "neither chosen" in a.message] == [
        f"{said} so the backlog is kept."
    ]
