"""Records: dataclasses that compare, hash, print, guard and start through shared methods.

``@record`` and ``@record(frozen=True)`` make a class exactly as ``@dataclass`` and
``@dataclass(frozen=True)`` would, with the same ``__init__`` arguments, fields, ``replace`` and
``fields``, and equality, hash, text, immutability and refusals that give the same answers.
The difference is cost. Python 3.11's dataclass writes each method as source text and compiles
it, class by class (three compilations for a class, six for a frozen one), and some forty
records load before the app's window first paints: compiling them was a twentieth of the whole
start (``docs/performance.md``). Here nothing is compiled when a class is made:

* equality, hash and text are written once, below, and read the fields each class names;
* a frozen record's guards against changes are closures over its class and its fields;
* ``__init__`` is shared too, reading the fields, for the first :data:`COMPILE_AFTER`
  instances of a class; then the class gets an ``__init__`` compiled for its fields, as fast
  as a dataclass's, so a class made by the thousand pays for one compilation and a class the
  start makes a few of pays for none.

Equality is that of a dataclass: two records are equal when they are of the same class and
their compared fields (``field(compare=False)`` leaves one out) are equal in order. A frozen
record hashes those fields; a record that can change has no hash, as a dataclass with
equality has none. The text is ``Name(field=value, …)`` for the fields shown
(``field(repr=False)`` hides one). Every field is a parameter of ``__init__``, in order, as the
app's records use them; ``field(init=False)``, ``kw_only`` and ``InitVar`` are refused when
the class is made.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
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


def _guards(
    cls: type[Any], names: tuple[str, ...]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """A frozen dataclass's ``__setattr__`` and ``__delattr__``: a field of the class, or any
    name on an instance of the class itself, is refused; a subclass that is not a record may
    set names of its own."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = f"{cls.__qualname__}.__setattr__"
    __delattr__.__qualname__ = f"{cls.__qualname__}.__delattr__"
    return __setattr__, __delattr__


_FACTORY = object()  # the default of a parameter whose field has a default factory


def _compiled_init(cls: type, parts: tuple[Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """The ``__init__`` a dataclass would write for ``parts``: one parameter per field with the
    field's default, a default factory called when its parameter is left out, every value
    stored (with ``object.__setattr__`` past a frozen record's guard), then ``__post_init__``."""
    space: dict[str, Any] = {"__record_factory__": _FACTORY, "__record_set__": object.__setattr__}
    parameters = ["__record_self__"]
    body = []
    for part in parts:
        name = part.name
        value = name
        if part.default is not MISSING:
            space[f"__record_default_{name}__"] = part.default
            parameters.append(f"{name}=__record_default_{name}__")
        elif part.default_factory is not MISSING:
            space[f"__record_make_{name}__"] = part.default_factory
            parameters.append(f"{name}=__record_factory__")
            value = f"__record_make_{name}__() if {name} is __record_factory__ else {name}"
        else:
            parameters.append(name)
        if frozen:
            body.append(f"  __record_set__(__record_self__, {name!r}, {value})")
        else:
            body.append(f"  __record_self__.{name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("  __record_self__.__post_init__()")
    source = f"def __init__({', '.join(parameters)}):\n" + ("\n".join(body) or "  pass")
    exec(source, space)  # our own text, made from the field names of a class
    made: Callable[..., None] = space["__init__"]
    made.__qualname__ = f"{cls.__qualname__}.__init__"
    made.__module__ = cls.__module__
    return made


#: Instances of a class made by its shared ``__init__`` before its own is compiled: a class the
#: start-up makes a few of compiles nothing, one made by the thousand compiles once.
COMPILE_AFTER = 20


def _missing_text(names: list[str]) -> str:
    """Python's own words for missing arguments: 'a', 'a' and 'b', 'a', 'b', and 'c'."""
    quoted = [repr(name) for name in names]
    if len(quoted) <= 2:
        listed = " and ".join(quoted)
    else:
        listed = ", ".join(quoted[:-1]) + ", and " + quoted[-1]
    plural = "s" if len(names) > 1 else ""
    return f"missing {len(names)} required positional argument{plural}: {listed}"


def _shared_init(cls: type, parts: tuple[Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """An ``__init__`` that takes the arguments the compiled one would, reading the fields
    instead of being compiled for them, and refuses what it would refuse with the same
    ``TypeError``; after :data:`COMPILE_AFTER` instances the class gets the compiled one."""
    names = tuple(part.name for part in parts)
    position = {name: index for index, name in enumerate(names)}
    defaults = {part.name: part.default for part in parts if part.default is not MISSING}
    factories = {
        part.name: part.default_factory for part in parts if part.default_factory is not MISSING
    }
    required = len(names) - len(defaults) - len(factories)
    post_init = hasattr(cls, "__post_init__")
    store = object.__setattr__ if frozen else setattr
    called = f"{cls.__qualname__}.__init__()"
    made = 0

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        nonlocal made
        made += 1
        if made > COMPILE_AFTER:
            compiled = _compiled_init(cls, parts, frozen)
            cls.__init__ = compiled  # type: ignore[misc]
            compiled(self, *args, **kwargs)
            return
        for name in kwargs:  # in the order Python checks a call
            if name not in position:
                raise TypeError(f"{called} got an unexpected keyword argument {name!r}")
            if position[name] < len(args):
                raise TypeError(f"{called} got multiple values for argument {name!r}")
        if len(args) > len(names):
            most = len(names) + 1
            took = f"from {required + 1} to {most}" if required < len(names) else str(most)
            plural = "" if took == "1" else "s"
            raise TypeError(
                f"{called} takes {took} positional argument{plural} but {len(args) + 1} were given"
            )
        missing = [
            name
            for name in names[len(args) :]
            if name not in kwargs and name not in defaults and name not in factories
        ]
        if missing:
            raise TypeError(f"{called} {_missing_text(missing)}")
        for index, name in enumerate(names):
            if index < len(args):
                value = args[index]
            elif name in kwargs:
                value = kwargs[name]
            elif name in defaults:
                value = defaults[name]
            else:
                value = factories[name]()
            store(self, name, value)
        if post_init:
            self.__post_init__()

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _described(part: Field[Any]) -> str:
    """A field as a dataclass's own text names it in the class's generated docstring."""
    if part.default is not MISSING:
        return f"{part.name}: {part.type} = {part.default!r}"
    if part.default_factory is not MISSING:
        return f"{part.name}: {part.type} = <factory>"
    return f"{part.name}: {part.type}"


def _checked(cls: type, parts: tuple[Field[Any], ...]) -> None:
    """Refuse what the ``__init__`` of a record does not take, and a field without a default
    after one with a default (as a dataclass refuses it)."""
    defaulted = None
    for part in parts:
        if not part.init or part.kw_only is True:
            raise TypeError(
                f"{cls.__qualname__}.{part.name}: every field of a record is a parameter"
            )
        if part.default is not MISSING or part.default_factory is not MISSING:
            defaulted = part.name
        elif defaulted is not None:
            raise TypeError(f"non-default argument {part.name!r} follows default argument")
    pseudo = [part for part in cls.__dataclass_fields__.values() if part not in parts]  # type: ignore[attr-defined]
    if any("InitVar" in str(part.type) for part in pseudo):
        raise TypeError(f"{cls.__qualname__}: a record takes no InitVar")


def _made(cls: type[_T], frozen: bool) -> type[_T]:
    own_before = vars(cls)
    if frozen and ("__setattr__" in own_before or "__delattr__" in own_before):
        raise TypeError(
            f"Cannot overwrite attribute __setattr__ or __delattr__ in class {cls.__name__}"
        )
    documented = vars(cls).get("__doc__") is not None
    if not documented:  # else the dataclass would parse object.__init__'s text to write one
        cls.__doc__ = cls.__name__
    made = dataclass(init=False, repr=False, eq=False)(cls)
    parts = fields(made)  # type: ignore[arg-type]
    _checked(made, parts)
    if not documented:
        made.__doc__ = f"{cls.__name__}({', '.join(_described(part) for part in parts)})"
    made.__record_compared__ = tuple(part.name for part in parts if part.compare)  # type: ignore[attr-defined]
    made.__record_shown__ = tuple(part.name for part in parts if part.repr)  # type: ignore[attr-defined]
    own = vars(made)
    if "__init__" not in own:
        made.__init__ = _shared_init(made, parts, frozen)  # type: ignore[method-assign]
    if frozen:
        made.__setattr__, made.__delattr__ = _guards(made, tuple(part.name for part in parts))  # type: ignore[method-assign]
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
    """The class as a dataclass with shared comparison, hash, text and guards (module docstring)."""
    if cls is None:
        return lambda later: _made(later, frozen)
    return _made(cls, frozen)
