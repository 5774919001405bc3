"""The libraries bundled in ``resources/``: the demo, word lists and examples, read once."""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from typing import Any

from workshop_app.domain.model import Direction, MetricKind, Period, Symptom
from workshop_app.domain.records import record
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


class ExampleArea(StrEnum):
    """The part of a company an example workflow comes from."""

    SALES = "sales"
    CUSTOMER_SERVICE = "customer_service"
    FINANCE = "finance"
    OPERATIONS = "operations"
    HR = "hr"
    PROCUREMENT = "procurement"
    IT = "it"

    @property
    def label(self) -> str:
        """The area as the room says it: ``Customer service``, ``HR``."""
        return _AREA_LABELS[self]


_AREA_LABELS = {
    ExampleArea.SALES: "Sales",
    ExampleArea.CUSTOMER_SERVICE: "Customer service",
    ExampleArea.FINANCE: "Finance",
    ExampleArea.OPERATIONS: "Operations",
    ExampleArea.HR: "HR",
    ExampleArea.PROCUREMENT: "Procurement",
    ExampleArea.IT: "IT",
}


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


@record(frozen=True)
class TypicalRange:
    """A typical range of one fact: a hint for the room, never a value to fill in.

    Attributes:
        low, high: the range's ends, both above zero, ``low`` at most ``high``.
    """

    low: float
    high: float

    def __post_init__(self) -> None:
        if not 0 < self.low <= self.high:
            raise ValueError(f"a typical range needs 0 < low <= high, got {self.low}-{self.high}")

    def __str__(self) -> str:
        """``10–60``, or ``1`` when both ends are the same."""
        if self.low == self.high:
            return _plain(self.low)
        return f"{_plain(self.low)}–{_plain(self.high)}"


@record(frozen=True)
class TypicalFrequency(TypicalRange):
    """How often an example's work typically happens: ``low`` to ``high`` times per ``per``."""

    per: Period

    def __str__(self) -> str:
        """``10–60 a day``."""
        return f"{super().__str__()} a {self.per}"


@record(frozen=True)
class MetricExample:
    """A suggested 30-day metric, ready to copy into a workshop's metrics (no baseline, target
    or owner: the room sets those)."""

    kind: MetricKind
    name: str
    unit: str
    direction: Direction
    method: str


@record(frozen=True)
class WorkflowExample:
    """An example first workflow to offer a stuck room.

    Attributes:
        id: a stable name for it (``sales-lead-follow-up``), kept on a candidate added from it.
        area: the part of the company it comes from.
        name: the process it improves, never a tool.
        description: what happens today and what the workflow would do.
        symptoms: the kinds of loss it addresses, as tagged on problems.
        frequency: how often the work typically happens, across the whole team.
        minutes: typical minutes of human effort each time.
        metrics: suggested metrics, at least one adoption and one outcome metric.
    """

    id: str
    area: ExampleArea
    name: str
    description: str
    symptoms: tuple[Symptom, ...]
    frequency: TypicalFrequency
    minutes: TypicalRange
    metrics: tuple[MetricExample, ...]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> WorkflowExample:
        """Build one example from its JSON object; a wrong value raises ``ValueError``."""
        frequency = data["frequency"]
        return cls(
            id=data["id"],
            area=ExampleArea(data["area"]),
            name=data["name"],
            description=data["description"],
            symptoms=tuple(Symptom(symptom) for symptom in data["symptoms"]),
            frequency=TypicalFrequency(
                frequency["low"], frequency["high"], Period(frequency["per"])
            ),
            minutes=TypicalRange(data["minutes"]["low"], data["minutes"]["high"]),
            metrics=tuple(
                MetricExample(
                    kind=MetricKind(metric["kind"]),
                    name=metric["name"],
                    unit=metric["unit"],
                    direction=Direction(metric["direction"]),
                    method=metric["method"],
                )
                for metric in data["metrics"]
            ),
        )


@cache
def workflow_examples() -> tuple[WorkflowExample, ...]:
    """Example first workflows across sales, service, finance, operations, HR, procurement
    and IT, in the library's order (grouped by area)."""
    examples = _read_json("libraries/workflow_examples.json")["examples"]
    return tuple(WorkflowExample.from_mapping(example) for example in examples)


def workflow_example(example_id: str | None) -> WorkflowExample | None:
    """The example with this id; None for None or an id the library does not have (a file
    from a later library, say)."""
    return next((example for example in workflow_examples() if example.id == example_id), None)
