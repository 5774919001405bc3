"""Reading a filled review form (a PDF a stakeholder sent back) without trusting it.

The file is read whole, once, only when it is a regular file of a sane size (a named pipe or a
device is refused without waiting); its form fields and the charter version it carries are read
with pypdf, whose warnings about a damaged file are kept off the terminal. Every way the file
can be wrong ends in one :class:`ReviewFileError` naming the file. Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from workshop_app.domain.document import ATTACHMENT_NAME as CHARTER_ATTACHMENT
from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record
from workshop_app.domain.review_fields import ATTACHED_NAME
from workshop_app.domain.review_reading import ReviewCheck, ReviewRefused, check_review, read_form
from workshop_app.store import errors
from workshop_app.store.inputs import Expected, quiet_pypdf, read_bounded

#: A review form is about a megabyte; anything far larger is not one.
LARGEST_REVIEW = 32 * 1024 * 1024


class ReviewFileError(errors.WorkshopFileError):
    """A file that cannot be read as a filled review form; ``str()`` says why."""


@record(frozen=True)
class ReviewPdf:
    """What a PDF holds for the import.

    Attributes:
        fields: every form field's full name and value (text, a radio button's state name
            with its ``/``, a list for a field with several values, or None).
        attached: the parsed ``charter-version.json`` it carries, or None.
        charter: it carries a whole workshop (``workshop.json``): a charter, not a form.
    """

    fields: dict[str, Any]
    attached: Any
    charter: bool = False


#: What a review form must be, to be read.
_REVIEW = Expected(
    "a review form",
    LARGEST_REVIEW,
    "a review form is about 1 MB, so this is not one",
    ReviewFileError,
)


def _value(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return None if value is None else str(value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, list | tuple):
        return [_value(item) for item in value]
    return str(value)


def _attached(reader: Any) -> Any:
    found = reader.attachments.get(ATTACHED_NAME) or []
    if len(found) != 1:  # none, or two of that name: trust neither
        return None
    try:
        return json.loads(found[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def read_review_pdf(path: Path | str) -> ReviewPdf:
    """The form fields and the attached charter version of the PDF at ``path``."""
    from pypdf import PdfReader

    path = Path(path)
    raw = read_bounded(path, _REVIEW)
    if b"%PDF-" not in raw[:1024]:
        kind = "empty" if not raw else "not a PDF"
        raise ReviewFileError(path, f"is {kind}, not a review form")
    with quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ReviewFileError(
                    path, "is protected by a password; ask for the form without one"
                )
            fields = {
                name: _value(field.get("/V")) for name, field in (reader.get_fields() or {}).items()
            }
            attached = _attached(reader)
            charter = bool(reader.attachments.get(CHARTER_ATTACHMENT))
        except ReviewFileError:
            raise
        # pypdf raises many kinds of error on a damaged or crafted file; each means the same.
        except Exception as exc:
            raise ReviewFileError(path, f"is a PDF that cannot be read ({exc})") from None
    return ReviewPdf(fields, attached, charter)


def check_review_file(path: Path | str, workshop: Workshop, today: dt.date) -> ReviewCheck:
    """Read the filled review form at ``path`` and match it with ``workshop``: what recording
    it would do. :class:`ReviewFileError` (naming the file) when it cannot be recorded."""
    pdf = read_review_pdf(path)
    if pdf.charter and not pdf.fields:
        raise ReviewFileError(
            path,
            "is a charter, not a review form: each stakeholder's review form is made from the "
            "Charter stage (Review forms…) or by 'workshop-app review-form'",
        )
    try:
        return check_review(workshop, read_form(pdf.fields), today, pdf.attached)
    except ReviewRefused as exc:
        raise ReviewFileError(path, str(exc)) from None
