"""What the command line writes reaches a terminal as text, never as commands to it.

Workshop text comes from people and from files other programs wrote: a name may hold an escape
sequence that would recolour, retitle or clear a terminal, a carriage return that hides the
line before it, or a bidirectional override that shows text in another order than it is. The
command line's output streams pass every such character as a visible escape (``\\u001b``);
a line break and a tab pass as they are. In JSON the same escape means the same character, so
``export`` and ``rank --json`` stay exact.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

#: Control characters (C0 but line break and tab, DEL, C1) and the bidirectional controls.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def shown(text: str) -> str:
    """``text`` with every control character written as a visible escape."""
    return _UNSAFE.sub(_escaped, text)


class SafeStream(io.TextIOBase):
    """A text stream that passes what is written to ``stream`` through :func:`shown`."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(shown(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding
