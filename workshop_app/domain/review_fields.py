"""The names of a review form's fields, and of its file: one scheme, shared by the form that
is made and the import that reads a filled one back.

Every field of a stakeholder's review form is named ``fw.<fingerprint>.<stakeholder>.<part>``
(its fully qualified PDF name: a real hierarchy ``fw`` › fingerprint › stakeholder › part, so no
partial name holds a period). ``<stakeholder>`` is the stakeholder's id when it is made of ASCII
letters, digits, ``-`` and ``_`` only; any other id is written ``~`` followed by the hex of its
UTF-8 bytes, so no id can be mistaken for another. See ``docs/review.md``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from workshop_app.domain.fingerprint import PATTERN as FINGERPRINT
from workshop_app.domain.model import SignoffDecision
from workshop_app.domain.records import record

#: The first part of every field name: this is a First Workflow review form.
ROOT = "fw"

#: The file a review form carries: the charter document of the version it was made from, so
#: a review of an older version can show what changed since even when that version was never
#: recorded in the workshop.
ATTACHED_NAME = "charter-version.json"


class FormPart(StrEnum):
    """A field of the form (the last part of its name)."""

    DECISION = "decision"
    COMMENT_WORKFLOW = "comment_workflow"
    COMMENT_METRICS = "comment_metrics"
    COMMENT_ADOPTION = "comment_adoption"
    NAME = "name"
    DATE = "date"


#: The states of the decision radio buttons (PDF names without ``/``): the sign-off decisions
#: of the interchange format, word for word.
DECISIONS: tuple[SignoffDecision, ...] = (
    SignoffDecision.APPROVED,
    SignoffDecision.CHANGES_REQUESTED,
)


#: The comment fields, with the section of the form each comments on.
COMMENTS: tuple[tuple[FormPart, str], ...] = (
    (FormPart.COMMENT_WORKFLOW, "workflow"),
    (FormPart.COMMENT_METRICS, "metrics"),
    (FormPart.COMMENT_ADOPTION, "adoption plan"),
)

_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")
_ENCODED_ID = re.compile(r"~(?:[0-9a-f]{2})+")


def id_token(stakeholder_id: str) -> str:
    """The stakeholder's part of a field name (never empty, never with a period)."""
    if _PLAIN_ID.fullmatch(stakeholder_id):
        return stakeholder_id
    return "~" + stakeholder_id.encode("utf-8", "surrogatepass").hex()


def id_of_token(token: str) -> str | None:
    """The stakeholder id a token names, or None when it is not a token."""
    if _PLAIN_ID.fullmatch(token):
        return token
    if _ENCODED_ID.fullmatch(token):
        try:
            return bytes.fromhex(token[1:]).decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None


def field_name(fingerprint: str, stakeholder_id: str, part: FormPart) -> str:
    """The fully qualified name of one field: ``fw.ab12cd34ef.s1.decision``."""
    return f"{ROOT}.{fingerprint}.{id_token(stakeholder_id)}.{part}"


@record(frozen=True)
class FieldName:
    """A review form's field name, read back.

    Attributes:
        fingerprint: the charter version the form was made for.
        stakeholder_id: whose form it is.
        part: which field.
    """

    fingerprint: str
    stakeholder_id: str
    part: FormPart


def parse_field_name(name: str) -> FieldName | None:
    """The parts of a field name of our scheme, or None for any other name."""
    pieces = name.split(".")
    if len(pieces) != 4 or pieces[0] != ROOT or not FINGERPRINT.fullmatch(pieces[1]):
        return None
    stakeholder_id = id_of_token(pieces[2])
    if stakeholder_id is None or pieces[3] not in FormPart.__members__.values():
        return None
    return FieldName(pieces[1], stakeholder_id, FormPart(pieces[3]))


def form_file_stem(name: str, stakeholder_id: str) -> str:
    """A file name (without ``.pdf``) for a stakeholder's form that is safe on every system:
    ``Review Ana Lopez`` (accents kept, no separators or reserved characters); the id when the
    name has nothing usable left."""
    cleaned = unicodedata.normalize("NFC", name)
    kept = "".join(ch if ch.isalnum() or ch in " -_'" else " " for ch in cleaned)
    words = " ".join(kept.split())[:60].strip()
    if not words:
        words = "".join(ch for ch in stakeholder_id if ch.isalnum() or ch in "-_")[:40] or "person"
    return f"Review {words}"
