"""The example workflows library: every example parses, reads as a process rather than a tool,
and carries ranges and metrics that the workshop's own field rules would accept. No Qt."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from workshop_app.domain.model import Candidate, MetricKind, Period, Workshop
from workshop_app.domain.toolfirst import is_tool_first
from workshop_app.domain.validation import field_problem
from workshop_app.libraries import (
    ExampleArea,
    TypicalFrequency,
    TypicalRange,
    WorkflowExample,
    tool_first_vocabulary,
    workflow_example,
    workflow_examples,
)
from workshop_app.paths import resource

RAW: list[dict[str, Any]] = json.loads(
    resource("libraries/workflow_examples.json").read_text(encoding="utf-8")
)["examples"]
EXAMPLES = workflow_examples()
NAMES = [example.name for example in EXAMPLES]

#: The fields an example's metric fills in, as the metrics list of a workshop names them.
METRIC_FIELDS = ("kind", "name", "unit", "direction", "method")


def test_the_library_loads_once_and_in_file_order() -> None:
    assert workflow_examples() is EXAMPLES
    assert [raw["name"] for raw in RAW] == NAMES
    assert 35 <= len(EXAMPLES) <= 45


def test_every_area_has_at_least_five_examples() -> None:
    counts = Counter(example.area for example in EXAMPLES)
    assert {area: counts[area] for area in ExampleArea if counts[area] < 5} == {}


def test_ids_are_unique_stable_names_of_their_area() -> None:
    """A candidate keeps the id of the example it came from: ids are unique, short enough
    for the candidate's field, and never change once shipped."""
    ids = [example.id for example in EXAMPLES]
    assert len(set(ids)) == len(ids)
    workshop = Workshop()
    for example in EXAMPLES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", example.id), example.id
        assert example.id.split("-")[0] in example.area.value.replace("customer_", "")
        assert field_problem(workshop, "candidates", "example", example.id) is None
    assert ids[0] == "sales-lead-follow-up" and ids[-1] == "it-security-questionnaires"
    assert workflow_example("service-returns-refunds") is EXAMPLES[9]
    assert workflow_example("no-such-example") is None and workflow_example(None) is None


def test_names_are_unique() -> None:
    repeated = [name for name, count in Counter(n.casefold() for n in NAMES).items() if count > 1]
    assert repeated == []


@pytest.mark.parametrize("example", EXAMPLES, ids=NAMES)
def test_an_example_names_a_process_not_a_tool(example: WorkflowExample) -> None:
    vocabulary = tool_first_vocabulary()
    candidate = Candidate("example", name=example.name, description=example.description)
    assert not is_tool_first(candidate, vocabulary)
    # Stricter than the flag: the name alone never mentions a technology.
    assert vocabulary.technology_terms_in(example.name) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=NAMES)
def test_an_example_has_symptoms_and_positive_ranges(example: WorkflowExample) -> None:
    assert example.symptoms
    assert len(set(example.symptoms)) == len(example.symptoms)
    for typical in (example.frequency, example.minutes):
        assert 0 < typical.low <= typical.high
    assert isinstance(example.frequency.per, Period)
    assert example.description.count(".") >= 2  # what happens today, and what would change


@pytest.mark.parametrize("example", EXAMPLES, ids=NAMES)
def test_an_example_suggests_an_adoption_and_an_outcome_metric(example: WorkflowExample) -> None:
    kinds = {metric.kind for metric in example.metrics}
    assert {MetricKind.ADOPTION, MetricKind.OUTCOME} <= kinds
    assert MetricKind.ACTIVITY not in kinds
    assert all(metric.method.strip() for metric in example.metrics)


@pytest.mark.parametrize("raw", RAW, ids=NAMES)
def test_an_example_passes_the_workshops_field_rules(raw: dict[str, Any]) -> None:
    """The text and numbers would be accepted if the room typed them into a candidate, a
    problem's symptoms or a metric."""
    workshop = Workshop()
    problems = {
        f"candidates.{field}": field_problem(workshop, "candidates", field, raw[field])
        for field in ("name", "description")
    }
    problems["problems.symptoms"] = field_problem(workshop, "problems", "symptoms", raw["symptoms"])
    for end in ("low", "high"):
        problems[f"frequency.{end}"] = field_problem(
            workshop, "candidates", "frequency.count", raw["frequency"][end]
        )
        problems[f"minutes.{end}"] = field_problem(
            workshop, "candidates", "minutes_per_occurrence", raw["minutes"][end]
        )
    problems["frequency.per"] = field_problem(
        workshop, "candidates", "frequency.per", raw["frequency"]["per"]
    )
    for index, metric in enumerate(raw["metrics"]):
        assert set(metric) == set(METRIC_FIELDS)
        for field in METRIC_FIELDS:
            problems[f"metrics[{index}].{field}"] = field_problem(
                workshop, "metrics", field, metric[field]
            )
    assert {where: why for where, why in problems.items() if why} == {}


def test_ranges_read_as_hints() -> None:
    assert str(TypicalRange(10, 60)) == "10–60"
    assert str(TypicalRange(1, 1)) == "1"
    assert str(TypicalFrequency(2.5, 4, Period.WEEK)) == "2.5–4 a week"


@pytest.mark.parametrize(("low", "high"), [(0, 5), (-1, 5), (6, 5)])
def test_a_range_must_be_positive_and_in_order(low: float, high: float) -> None:
    with pytest.raises(ValueError, match="typical range"):
        TypicalRange(low, high)


def test_a_wrong_enum_value_is_refused() -> None:
    broken = {**RAW[0], "frequency": {**RAW[0]["frequency"], "per": "fortnight"}}
    with pytest.raises(ValueError, match="fortnight"):
        WorkflowExample.from_mapping(broken)


def test_the_ranges_cover_many_a_day_to_quarterly() -> None:
    """Realistic variety: the room sees both a many-a-day process and a monthly one."""
    periods = {example.frequency.per for example in EXAMPLES}
    assert {Period.DAY, Period.WEEK, Period.MONTH, Period.QUARTER} <= periods
    assert len({(e.frequency.low, e.frequency.high, e.frequency.per) for e in EXAMPLES}) >= 20
