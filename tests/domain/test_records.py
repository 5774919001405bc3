"""A record answers as the dataclass it replaces: equality, hash, text, replace, immutability."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from dataclasses import field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app.domain import records
from workshop_app.domain.records import record


def _pair(frozen: bool) -> tuple[Any, Any]:
    """The same class twice: as a record and as the dataclass it stands for."""

    def body() -> dict[str, Any]:
        return {
            "__annotations__": {
                "name": "str",
                "count": "int",
                "note": "str",
                "tags": "tuple[str, ...]",
            },
            "count": 0,
            "note": field(default="", compare=False),
            "tags": field(default=(), repr=False),
        }

    as_record = record(frozen=frozen)(type("Thing", (), body()))
    as_dataclass = dataclasses.dataclass(frozen=frozen)(type("Thing", (), body()))
    return as_record, as_dataclass


values = st.tuples(st.text(max_size=5), st.integers(-3, 3), st.text(max_size=3))


@pytest.mark.parametrize("frozen", [False, True])
@given(first=values, second=values)
def test_a_record_compares_and_prints_as_its_dataclass(
    frozen: bool, first: tuple[str, int, str], second: tuple[str, int, str]
) -> None:
    as_record, as_dataclass = _pair(frozen)
    a, b = as_record(*first), as_record(*second)
    da, db = as_dataclass(*first), as_dataclass(*second)
    assert (a == b) == (da == db)
    assert (a != b) == (da != db)
    assert repr(a) == repr(da)
    if frozen:
        assert a != b or hash(a) == hash(b)  # equal records hash alike
        assert hash(a) == hash(as_record(*first))
    else:
        with pytest.raises(TypeError, match="unhashable"):
            hash(a)


def test_a_record_is_a_dataclass_with_its_fields_and_replace() -> None:
    as_record, _ = _pair(frozen=True)
    thing = as_record("a", 2, "kept out of equality", ("x",))
    assert dataclasses.is_dataclass(thing)
    assert [part.name for part in dataclasses.fields(thing)] == ["name", "count", "note", "tags"]
    changed = dataclasses.replace(thing, count=3)
    assert (changed.name, changed.count, changed.tags) == ("a", 3, ("x",))
    assert changed != thing
    assert dataclasses.replace(thing, note="other") == thing  # note is not compared


def test_a_frozen_record_refuses_changes_and_a_plain_one_takes_them() -> None:
    frozen, _ = _pair(frozen=True)
    thing = frozen("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        thing.count = 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        del thing.name
    plain, _ = _pair(frozen=False)
    other = plain("a")
    other.count = 5
    assert other == plain("a", 5)


def test_records_of_different_classes_are_never_equal() -> None:
    as_record, as_dataclass = _pair(frozen=True)
    twin, _ = _pair(frozen=True)
    assert as_record("a") != twin("a")
    assert as_record("a") != as_dataclass("a")
    assert as_record("a").__eq__(("a", 0)) is NotImplemented


def test_a_record_that_holds_itself_prints_without_recursing() -> None:
    @record
    class Node:
        label: str
        children: list[Any] = field(default_factory=list)

    node = Node("top")
    node.children.append(node)
    assert repr(node).endswith(".<locals>.Node(label='top', children=[...])")


def test_own_methods_of_a_class_are_kept() -> None:
    @record(frozen=True)
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert repr(Named("x")) == "<x>"


def test_the_app_model_is_made_of_records() -> None:
    """The point of records: the classes loaded before the first paint compile no comparison
    of their own (a dataclass's generated ``__eq__`` is a function of the class's module)."""
    from workshop_app.domain import model

    made_here = [
        value
        for value in vars(model).values()
        if isinstance(value, type) and dataclasses.is_dataclass(value)
    ]
    assert len(made_here) >= 17
    for cls in made_here:
        assert cls.__eq__.__module__ == "workshop_app.domain.records", cls
    assert "workshop_app.domain.records" in sys.modules


def _outcome(cls: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, Any]:
    try:
        made = cls(*args, **kwargs)
    except TypeError as exc:
        return "refused", str(exc)
    return "made", tuple(getattr(made, part.name) for part in dataclasses.fields(made))


names = st.sampled_from(["name", "count", "note", "tags", "other"])
arguments = st.tuples(
    st.lists(st.integers(0, 9), max_size=6).map(tuple),
    st.dictionaries(names, st.integers(0, 9), max_size=3),
)


@pytest.mark.parametrize("frozen", [False, True])
@pytest.mark.parametrize("instances_before", [0, records.COMPILE_AFTER + 1])
@given(calls=st.lists(arguments, min_size=1, max_size=4))
def test_a_record_takes_and_refuses_the_arguments_its_dataclass_does(
    frozen: bool, instances_before: int, calls: list[tuple[tuple[Any, ...], dict[str, Any]]]
) -> None:
    """Before its ``__init__`` is compiled (shared) and after (compiled): the same fields from
    the same arguments, and the same ``TypeError`` word for word for wrong ones."""
    as_record, as_dataclass = _pair(frozen)
    for number in range(instances_before):
        as_record(str(number))
    for args, kwargs in calls:
        assert _outcome(as_record, args, kwargs) == _outcome(as_dataclass, args, kwargs)


def test_a_default_factory_gives_each_record_its_own_and_post_init_runs() -> None:
    seen: list[str] = []

    @record
    class Bag:
        label: str
        items: list[str] = field(default_factory=list)

        def __post_init__(self) -> None:
            seen.append(self.label)

    made = [Bag(str(number)) for number in range(records.COMPILE_AFTER + 3)]
    made[0].items.append("x")
    assert [bag.items for bag in made[:2]] == [["x"], []]
    assert made[-1].items == [] and made[-1].items is not made[-2].items
    assert seen == [bag.label for bag in made]


def test_a_class_that_is_not_a_record_may_add_names_to_a_frozen_one() -> None:
    @record(frozen=True)
    class Base:
        name: str

    class Extended(Base):
        pass

    extended = Extended("a")
    extended.extra = 1  # type: ignore[attr-defined]
    assert extended.extra == 1  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        extended.name = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Base("a").extra = 1  # type: ignore[attr-defined]


def test_records_refuse_what_their_init_does_not_take() -> None:
    with pytest.raises(TypeError, match="follows default argument"):

        @record
        class Ordered:
            first: int = 0
            second: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="every field of a record is a parameter"):

        @record
        class Hidden:
            shown: int
            kept: int = field(default=0, init=False)


#: Makes records and instances in a fresh interpreter and prints what Python compiled, as the
#: audit hook sees it (a hook cannot be taken out of the process that adds it).
_COMPILATIONS = """
import sys
compiled = []
sys.addaudithook(lambda event, args: compiled.append(event) if event == "compile" else None)
from workshop_app.domain.records import COMPILE_AFTER, record
compiled.clear()

@record(frozen=True)
class Frozen:
    name: str
    count: int = 0

@record
class Plain:
    name: str

print(len(compiled))
for number in range(COMPILE_AFTER):
    Frozen(str(number)), Plain(str(number))
print(len(compiled))
for number in range(100):
    Frozen(str(number)), Plain(str(number))
print(len(compiled))
"""


def test_making_records_compiles_nothing_until_a_class_is_made_by_the_score() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COMPILATIONS], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["0", "0", "2"]
