"""How a value of a workshop document is shown in a problem message
(:mod:`workshop_app.domain.validation`): text quoted and cut, numbers as typed, and the type named
where a value of the wrong type was given."""

from __future__ import annotations

from typing import Any


def described(value: Any, *, typed: bool = False) -> str:
    """A value as a message shows it; ``typed`` names the type of text and binary data too,
    for a value of the wrong type (``got text '4'`` where a number belongs)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = repr(value if len(value) <= 40 else value[:37] + "...")
        return f"text {shown}" if typed else shown
    if isinstance(value, bytes | bytearray | memoryview):
        return f"binary data ({len(value)} bytes)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return str(value)


def is_number(value: Any) -> bool:
    """An int or a float, not a bool (which Python counts as an int)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def number_shown(value: float) -> str:
    """A number as a message shows it: a whole float without ".0", a long integer cut."""
    if isinstance(value, int):
        text = str(value)
        return text if len(text) <= 20 else text[:17] + "..."
    return str(int(value)) if value.is_integer() else str(value)
