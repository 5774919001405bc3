"""Rules for text typed by people: what we refuse, and how long a field may be.

Text ends up in a PDF and in a SQLite file. Lone surrogates cannot be encoded at all, control
characters break the PDF's XML metadata, and a single word of thousands of characters makes page
layout crawl, so these are decided here, at the edge of the domain, once for every way in.
"""

from __future__ import annotations

import unicodedata

#: Length limits by field role, in characters.
SHORT = 200  # names, titles, roles
LABEL = 64  # ids, units
MEDIUM = 1000  # reasons, methods, one-paragraph answers
LONG = 5000  # descriptions and notes

#: A word longer than this is broken with soft opportunities before rendering.
LONGEST_UNBROKEN_WORD = 60

_ALLOWED_CONTROLS = {"\t", "\n"}


def text_problem(value: str, limit: int) -> str | None:
    """Why ``value`` cannot be stored, or None when it is acceptable."""
    for index, char in enumerate(value):
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            return f"has a broken character (lone surrogate U+{code:04X}) at position {index + 1}"
        if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc":
            return f"has a control character U+{code:04X} at position {index + 1}"
    if len(value) > limit:
        return f"is {len(value)} characters long; the limit is {limit}"
    return None


def clean_typed_text(value: str) -> str:
    """Text as a person meant it: Windows line ends made plain, other controls dropped.

    The UI passes pasted text through this before storing; imports are refused instead, so a
    document never changes silently.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        char
        for char in value
        if char in _ALLOWED_CONTROLS or (unicodedata.category(char) not in {"Cc", "Cs"})
    )


def break_long_words(value: str, limit: int = LONGEST_UNBROKEN_WORD) -> str:
    """Insert zero-width spaces into words longer than ``limit`` so layout stays fast."""
    out: list[str] = []
    run = 0
    for char in value:
        if char.isspace():
            run = 0
        else:
            run += 1
            if run > limit:
                out.append("\u200b")
                run = 1
        out.append(char)
    return "".join(out)
