"""Records: dataclasses that compare, hash and print through shared methods.

``@record`` and ``@record(frozen=True)`` make a class exactly as ``@dataclass`` and
``@dataclass(frozen=True)`` would, with the same ``__init__``, fields, ``replace`` and
``fields``, and equality, hash and text that give the same answers. The difference is cost:
Python 3.11's dataclass writes each method as source text and compiles it, class by class
(three compilations for a record, six for a frozen one), and some forty records load before
the app's window first paints; compiling their comparisons, hashes and texts was about 4% of
the whole start (``docs/performance.md``). Here those three are written once, below, and read
the fields each class names when it is made, so only ``__init__`` (and a frozen record's guard
against changes) is compiled per class.

Equality is that of a dataclass: two records are equal when they are of the same class and
their compared fields (``field(compare=False)`` leaves one out) are equal in order. A frozen
record hashes those fields; a record that can change has no hash, as a dataclass with
equality has none. The text is ``Name(field=value, …)`` for the fields shown
(``field(repr=False)`` hides one).
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import Field, dataclass, field, fields
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")


def _compared(record: Any) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in record.__record_compared__)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _compared(self) == _compared(other)


def _hash(self: Any) -> int:
    return hash(_compared(self))


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


def _made(cls: type[_T], frozen: bool) -> type[_T]:
    made = dataclass(frozen=frozen, repr=False, eq=False)(cls)
    parts = fields(made)  # type: ignore[arg-type]
    made.__record_compared__ = tuple(part.name for part in parts if part.compare)  # type: ignore[attr-defined]
    made.__record_shown__ = tuple(part.name for part in parts if part.repr)  # type: ignore[attr-defined]
    own = vars(made)
    if "__repr__" not in own:
        made.__repr__ = _repr  # type: ignore[method-assign]
    if "__eq__" not in own:
        made.__eq__ = _eq  # type: ignore[method-assign]
        # A dataclass with equality hashes its fields when frozen and has no hash otherwise.
        made.__hash__ = _hash if frozen else None  # type: ignore[assignment,method-assign]
    return made


@overload
def record(cls: type[_T], /) -> type[_T]: ...


@overload
def record(*, frozen: bool = False) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(field_specifiers=(field, Field))
def record(
    cls: type[_T] | None = None, /, *, frozen: bool = False
) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """The class as a dataclass with shared comparison, hash and text (module docstring)."""
    if cls is None:
        return lambda later: _made(later, frozen)
    return _made(cls, frozen)
