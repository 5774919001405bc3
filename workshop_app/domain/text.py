"""Rules for text typed by people: what we refuse, and how long a field may be.

Text ends up in a PDF and in a SQLite file. Lone surrogates cannot be encoded at all, control
characters break the PDF's XML metadata, and a single word of thousands of characters makes page
layout crawl, so these are decided here, at the edge of the domain, once for every way in.

Lengths count characters as a person sees them (:func:`visible_length`): a letter with its
combining marks is one character, as is an emoji with its skin tone or a flag. So that no text
grows without bound behind few visible characters, a field also takes at most
:data:`CODE_POINTS_PER_CHARACTER` code points for each character its limit allows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from itertools import chain

#: Length limits by field role, in characters as they show.
SHORT = 200  # names, titles, roles
LABEL = 64  # ids, units
MEDIUM = 1000  # reasons, methods, one-paragraph answers
LONG = 5000  # descriptions and notes

#: The most code points a field holds per character of its limit: far above any honest text
#: (a Vietnamese letter with two marks is 3, a family emoji with skin tones 11, but a whole
#: field of those is not written), and a bound the file's own checks can repeat.
CODE_POINTS_PER_CHARACTER = 8

#: A word longer than this is broken with soft opportunities before rendering.
LONGEST_UNBROKEN_WORD = 60

_ALLOWED_CONTROLS = {"\t", "\n"}
#: Every character text may not hold: the control characters (Unicode category Cc) but tab
#: and newline, and lone surrogates, as a ``str.translate`` table that deletes them.
_REFUSED = dict.fromkeys(
    chain(range(0x09), range(0x0B, 0x20), range(0x7F, 0xA0), range(0xD800, 0xE000))
)
_MARKS = {"Mn", "Mc", "Me"}
_JOINER = "\u200d"


def _extends(char: str, previous: str) -> bool:
    """Whether ``char`` belongs to the character before it instead of starting a new one.

    An approximation of Unicode's grapheme clusters with the standard library alone: marks,
    the zero-width joiner and what it joins, emoji skin tones and tags; a flag's second
    regional indicator is handled by :func:`_starts`.
    """
    code = ord(char)
    return (
        unicodedata.category(char) in _MARKS
        or _JOINER in (char, previous)
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin tones
        or 0xE0020 <= code <= 0xE007F  # emoji tags (the flags of England, Scotland, Wales)
    )


def _starts(value: str) -> Iterator[bool]:
    """For each code point of ``value``: whether it starts a character a person sees."""
    previous = ""
    open_flag = False  # a first regional indicator waits for its pair
    for char in value:
        regional = 0x1F1E6 <= ord(char) <= 0x1F1FF
        if previous and _extends(char, previous):
            yield False
        elif regional and open_flag:
            open_flag = False
            yield False
        else:
            open_flag = regional
            yield True
        previous = char


def visible_length(value: str) -> int:
    """How many characters ``value`` shows: ``"e\\u0301"`` (é) is one, as is ``"👩🏽‍🔬"``."""
    if value.isascii():
        return len(value)
    return sum(_starts(value))


def first_refused(value: str) -> int | None:
    """Where the first character text may not hold is in ``value`` (0 for the first), or None.

    Text that is all printable holds none; other text is looked through only when deleting
    the refused characters shortens it. (A regular expression says the same, but compiling
    its class of wide characters cost about 1% of the app's start.)
    """
    if value.isprintable() or len(value.translate(_REFUSED)) == len(value):
        return None
    return next(index for index, char in enumerate(value) if ord(char) in _REFUSED)


def text_problem(value: str, limit: int) -> str | None:
    """Why ``value`` cannot be stored, or None when it is acceptable."""
    refused = first_refused(value)
    if refused is not None:
        code, position = ord(value[refused]), refused + 1
        if 0xD800 <= code <= 0xDFFF:
            return f"has a broken character (lone surrogate U+{code:04X}) at position {position}"
        return f"has a control character U+{code:04X} at position {position}"
    shown = visible_length(value)
    if shown > limit:
        return f"is {shown} characters long; the limit is {limit}"
    most = limit * CODE_POINTS_PER_CHARACTER
    if len(value) > most:
        return (
            f"has {len(value)} code points behind its {shown} characters (letters with "
            f"their marks); the most is {most}"
        )
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


def readable_text(value: str, limit: int) -> str:
    """What can be kept of text that cannot be stored: control characters other than tab and
    newline dropped, broken characters (lone surrogates) replaced by U+FFFD, and the text cut
    back to ``limit`` characters and to the code points they may hold."""
    kept = "".join(
        "\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char
        for char in value
        if char in _ALLOWED_CONTROLS or unicodedata.category(char) != "Cc"
    )
    shown = 0
    most = limit * CODE_POINTS_PER_CHARACTER
    for index, starts in enumerate(_starts(kept)):
        shown += starts
        if shown > limit or index >= most:
            return kept[:index]
    return kept


def break_long_words(value: str, limit: int = LONGEST_UNBROKEN_WORD) -> str:
    """Insert zero-width spaces into words longer than ``limit`` characters so layout stays
    fast; a break never separates a letter from its marks."""
    out: list[str] = []
    run = 0
    for char, starts in zip(value, _starts(value), strict=True):
        if char.isspace():
            run = 0
        elif starts:
            run += 1
            if run > limit:
                out.append("\u200b")
                run = 1
        out.append(char)
    return "".join(out)
