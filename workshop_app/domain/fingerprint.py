"""The charter's fingerprint: a short name for one version of what the stakeholders sign.

A charter document is the workshop's interchange document without what is not the charter:
the record of exported versions (``versions``, which would make a version name itself), and the
30 days that follow it (the check-in readings ``checkins`` and the meetings ``checkin_plan``).
The fingerprint hashes that document with the sign-offs left out as well: a signature does not
change what is signed, so version ``ab12cd34ef`` stays version ``ab12cd34ef`` while the
stakeholders sign it one by one (their sign-offs and the decision log's ``signed`` entries).
Everything else counts, the decision log's times and reasons included: the charter prints it.

The hash is SHA-256 of canonical JSON (keys sorted, no whitespace, UTF-8 text as is, a whole
number written without a fraction), in lowercase base32 (letters and the digits 2–7: no 0 or 1
to misread as o or l on paper). Nothing here reads a clock, a path or the machine, so one
workshop has one fingerprint everywhere.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from typing import Any

#: Top-level lists of an interchange document that are not part of the charter document.
NOT_THE_CHARTER = ("versions", "checkins", "checkin_plan")

#: How many characters a fingerprint has: 50 bits, far more than a workshop has versions.
LENGTH = 10

#: What a fingerprint looks like.
PATTERN = re.compile(f"[a-z2-7]{{{LENGTH}}}")

#: The decision-log entries a sign-off writes; like the sign-offs, not part of the version.
_SIGNED = "signed"


def plain_numbers(value: Any) -> Any:
    """``value`` with every whole float written as an int (``8.0`` as ``8``, ``-0.0`` as ``0``).

    The charter prints 8 and 8.0 alike, and an edit may give either; the version must not
    depend on which. Other floats keep Python's shortest round-trip form, the same on every
    machine and every Python 3.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {key: plain_numbers(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_numbers(item) for item in value]
    return value


def charter_part(document: Mapping[str, Any]) -> dict[str, Any]:
    """The charter document of an interchange document: without :data:`NOT_THE_CHARTER`,
    numbers made plain."""
    kept = {key: value for key, value in document.items() if key not in NOT_THE_CHARTER}
    result: dict[str, Any] = plain_numbers(kept)
    return result


def canonical_json(document: Mapping[str, Any]) -> str:
    """The one text of a document that is hashed: keys sorted, no whitespace, non-ASCII kept."""
    return json.dumps(
        plain_numbers(document),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )


def _signed_content(document: Mapping[str, Any]) -> dict[str, Any]:
    """What a fingerprint covers: the charter document without sign-offs and their log."""
    content = {key: value for key, value in charter_part(document).items() if key != "signoffs"}
    log = content.get("decisions")
    if isinstance(log, list):
        content["decisions"] = [
            entry
            for entry in log
            if not (isinstance(entry, Mapping) and entry.get("kind") == _SIGNED)
        ]
    return content


def fingerprint_of(document: Mapping[str, Any]) -> str:
    """The fingerprint of an interchange (or charter) document."""
    # Loaded with the first fingerprint: hashlib brings OpenSSL, and opening a workshop that
    # has no exported version needs none (about 1% of the app's start).
    import hashlib

    text = canonical_json(_signed_content(document))
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:LENGTH]
