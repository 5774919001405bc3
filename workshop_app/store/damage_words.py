"""What SQLite says about a damaged file, in one line: the errors it raises on one, and their
words cut to a length a message can quote."""

from __future__ import annotations

import sqlite3

#: What SQLite may raise on a damaged file: its own errors, and the error it reports in text
#: that is not UTF-8 (a damaged name in the schema), which Python raises as UnicodeDecodeError.
SQLITE_FAILURES = (sqlite3.Error, UnicodeDecodeError)

#: The longest report of damage that is quoted whole; a longer one is cut.
LONGEST_REPORT = 160


def damage(error: Exception | str) -> str:
    """What an error of :data:`SQLITE_FAILURES` (or a line of ``integrity_check``) says
    about the file, in one line (SQLite may quote a whole damaged statement)."""
    if isinstance(error, UnicodeDecodeError):
        return "its schema holds a name that is not UTF-8 text"
    said = " ".join(str(error).split())
    return said if len(said) <= LONGEST_REPORT else said[: LONGEST_REPORT - 1] + "…"
