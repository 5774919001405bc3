"""A number as a person types it, read as they mean it, or refused with the reason.

People write a decimal point or a decimal comma (``12.5``, ``12,5``) and group thousands with
commas, points or spaces (``1,200,000``, ``1.200.000``, ``1 200``). One separator followed by
exactly three digits cannot be told apart: ``1,000`` is a thousand in London and one in
Berlin, so it is refused, saying how to type either (``1000``, or ``1.0``). Everything else is
read by one rule, whatever the machine's language: with both a comma and a point, the last one
is the decimal mark; a separator used twice groups thousands; a single separator followed by
other than three digits (or after a leading 0) is the decimal mark.
"""

from __future__ import annotations

import math
import re

#: Spaces people group digits with: space, no-break space, thin and narrow no-break spaces, as
#: a ``str.translate`` table that deletes them (a regular expression's class of these took
#: longer to compile than all the rest of reading numbers).
_SPACES = dict.fromkeys(map(ord, " \u00a0\u2009\u202f"))
_SHAPE = re.compile(r"(?P<sign>[+-]?)(?P<body>[0-9.,]*[0-9][0-9.,]*)(?P<exp>[eE][+-]?[0-9]+)?")


class NumberRefused(ValueError):
    """Text that is not a number, or not one that can be read only one way; ``str()`` says
    why, in words for the person who typed it."""


def _grouped(digits: str, separator: str) -> bool:
    """Whether ``digits`` are thousands grouped by ``separator`` (``1,234,567``)."""
    return bool(re.fullmatch(r"[1-9][0-9]{0,2}(?:" + re.escape(separator) + r"[0-9]{3})+", digits))


def _plain_digits(body: str, shown: str) -> tuple[str, bool]:
    """The body as Python reads a number (``1234.5``), and whether it has a decimal mark."""
    commas, points = body.count(","), body.count(".")
    if commas and points:
        mark = "," if body.rfind(",") > body.rfind(".") else "."
        group = "." if mark == "," else ","
        whole, _, fraction = body.rpartition(mark)
        if mark in whole or not _grouped(whole, group):
            raise NumberRefused(f"{shown!r} mixes commas and points in a way that is not a number")
        return f"{whole.replace(group, '')}.{fraction}", True
    separator = "," if commas else "." if points else ""
    if not separator:
        return body, False
    if body.count(separator) > 1:
        if not _grouped(body, separator):
            raise NumberRefused(f"{shown!r} is not a number")
        return body.replace(separator, ""), False
    whole, _, fraction = body.partition(separator)
    if len(fraction) == 3 and whole and not whole.startswith("0"):
        decimals = fraction.rstrip("0")
        small = f"{whole}.{decimals or '0'}" if len(decimals) < 3 else f"{whole}.{fraction}0"
        raise NumberRefused(
            f"{shown!r} could mean {whole}{fraction} or {small}: type {whole}{fraction} for "
            f"the first, or {small} for the second"
        )
    return f"{whole or '0'}.{fraction or '0'}", True


def read_number(text: str) -> int | float:
    """The number ``text`` means; an int when it is written without a decimal mark or an
    exponent. :class:`NumberRefused` says why not."""
    shown = text.strip()
    cleaned = shown.translate(_SPACES).replace("\u2212", "-")  # the typographic minus, too
    found = _SHAPE.fullmatch(cleaned)
    if found is None:
        raise NumberRefused(f"{shown!r} is not a number")
    plain, decimal = _plain_digits(found["body"], shown)
    exponent = found["exp"] or ""
    value = float(f"{found['sign']}{plain}{exponent}")
    if not math.isfinite(value):
        raise NumberRefused(f"{shown!r} is too large to be a number here")
    if not decimal and not exponent:
        return int(f"{found['sign']}{plain}")
    return value
