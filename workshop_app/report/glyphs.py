"""Which characters of a report the bundled fonts cannot print: they would show as empty boxes
(an emoji, a script Noto Sans does not cover). Found from the fonts' own character maps, once
per process, and said once per export in plain words."""

from __future__ import annotations

import unicodedata
from functools import cache

from workshop_app.paths import resource

#: Characters never drawn, so never missing: controls, and the invisible ones that join or
#: choose a form of their neighbours (zero-width joiner, variation selectors).
_NOT_DRAWN = ("Cc", "Cf", "Zl", "Zp")
#: The most characters a note lists by name.
LISTED = 8


@cache
def _covered() -> frozenset[int]:
    """Every code point at least one bundled font has a glyph for."""
    from fontTools.ttLib import TTFont  # WeasyPrint's own font library

    points: set[int] = set()
    for font_file in sorted(resource("fonts").glob("*.ttf")):
        with TTFont(font_file, lazy=True) as font:
            points.update(font["cmap"].getBestCmap() or {})
    return frozenset(points)


def _selects_a_form(char: str) -> bool:
    """A variation selector: it chooses how the character before it looks (text or emoji)."""
    point = ord(char)
    return 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` no bundled font covers, each once, in order of first use."""
    covered = _covered()
    found: dict[str, None] = {}
    for char in text:
        if ord(char) in covered or char in found or char.isspace():
            continue
        if unicodedata.category(char) in _NOT_DRAWN or _selects_a_form(char):
            continue
        found[char] = None
    return list(found)


def note_on(title: str, chars: list[str]) -> str | None:
    """The one note an export gives about ``chars`` (None when there are none)."""
    if not chars:
        return None
    shown = ", ".join(f"{char} (U+{ord(char):04X})" for char in chars[:LISTED])
    more = f" and {len(chars) - LISTED} more" if len(chars) > LISTED else ""
    if len(chars) == 1:
        said, them = "1 character is not in the bundled fonts and prints", "it"
    else:
        said, them = f"{len(chars)} characters are not in the bundled fonts and print", "them"
    return (
        f"{title}: {said} as empty boxes: {shown}{more}; replace {them} with words to print {them}"
    )
