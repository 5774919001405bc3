"""Read and write the JSON interchange format, and import a document into a new workshop file.

An import checks everything first and writes nothing on any error; the new file appears whole
or not at all, and never replaces an existing file unless asked to.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

from workshop_app.domain.document import (
    ATTACHMENT_NAME,
    workshop_from_document,
    workshop_to_document,
)
from workshop_app.domain.model import Workshop
from workshop_app.store import errors
from workshop_app.store.atomic import fsync_folder, temporary_sibling
from workshop_app.store.inputs import Expected, quiet_pypdf, read_bounded, read_stream
from workshop_app.store.outputs import check_output
from workshop_app.store.writer import write_new_file

#: Interchange files larger than this are refused while reading (a workshop is far smaller).
LARGEST_DOCUMENT = 64 * 1024 * 1024


class DocumentError(errors.WorkshopFileError):
    """An interchange file that cannot be read or is not a valid workshop.

    ``issues`` holds every problem, each phrased as ``place: message``.
    """

    def __init__(self, path: Path | str, problem: str, issues: list[str] | None = None) -> None:
        super().__init__(path, problem)
        self.issues = issues or [problem]


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_document(text: str, path: Path | str) -> Any:
    """Parse interchange JSON strictly: no NaN or Infinity, no repeated keys."""
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        raise DocumentError(
            path, f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise DocumentError(path, f"is not valid interchange JSON: {exc}") from None


def _json_attached_to(raw: bytes, path: Path) -> bytes:
    """The ``workshop.json`` a charter PDF carries (charters embed their workshop). A PDF
    that carries two files of that name is refused: which one is ours cannot be told."""
    from pypdf import PdfReader

    with quiet_pypdf():
        try:
            found = PdfReader(io.BytesIO(raw)).attachments.get(ATTACHMENT_NAME) or []
        # pypdf raises many kinds of error on a damaged or crafted file; each means the same.
        except Exception as exc:
            raise DocumentError(path, f"is a PDF that cannot be read ({exc})") from None
    if not found:
        raise DocumentError(
            path,
            f"is a PDF without an attached {ATTACHMENT_NAME}; only "
            "charters exported by First Workflow carry their workshop",
        )
    if len(found) > 1:
        raise DocumentError(
            path,
            f"is a PDF with {len(found)} files attached as {ATTACHMENT_NAME}; a charter "
            "First Workflow exported carries one, so this one was changed since",
        )
    return bytes(found[0])


#: What an interchange file must be, to be read.
_DOCUMENT = Expected(
    "a JSON file",
    LARGEST_DOCUMENT,
    f"an interchange file may be at most {LARGEST_DOCUMENT // (1024 * 1024)} MB",
    DocumentError,
)


def document_from_bytes(raw: bytes, path: Path | str) -> Any:
    """The parsed JSON of interchange bytes, or of the ``workshop.json`` a charter PDF's
    bytes carry (``path`` names where they came from)."""
    if raw.startswith(b"%PDF-"):
        raw = _json_attached_to(raw, Path(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            path,
            f"is neither interchange JSON (UTF-8 text; byte {exc.start + 1} cannot be "
            "read) nor a charter PDF",
        ) from None
    return parse_document(text, path)


def read_document(path: Path | str) -> Any:
    """The parsed JSON of an interchange file (or of the ``workshop.json`` a charter PDF
    carries), or :class:`DocumentError` saying why not. Only a regular file is read, and
    never more than :data:`LARGEST_DOCUMENT` bytes of it."""
    return document_from_bytes(read_bounded(path, _DOCUMENT), path)


def read_standard_input() -> Any:
    """The parsed JSON on standard input, read as a file is (capped; a charter PDF too)."""
    import sys

    return document_from_bytes(read_stream(sys.stdin.buffer, "stdin", _DOCUMENT), "stdin")


def document_to_workshop(document: Any, path: Path | str) -> Workshop:
    """The workshop in a parsed document; :class:`DocumentError` lists every issue otherwise."""
    from workshop_app.domain.validation import InvalidWorkshop

    try:
        return workshop_from_document(document)
    except InvalidWorkshop as exc:
        issues = [str(issue) for issue in exc.issues]
        raise DocumentError(path, f"is not a valid workshop: {exc}", issues) from None


def import_document(source: Path | str, target: Path | str, *, force: bool = False) -> Workshop:
    """Create the workshop file ``target`` from the interchange file ``source``."""
    target = Path(target)
    check_output(target, [source])
    if target.exists() and not force:
        raise errors.FileExists(
            target, "already exists; choose another name or add --force to replace it"
        )
    workshop = document_to_workshop(read_document(source), source)
    write_new_file(target, workshop, overwrite=force)
    return workshop


def export_text(workshop: Workshop) -> str:
    """The interchange JSON of a workshop: UTF-8, two-space indents, keys in format order."""
    return json.dumps(workshop_to_document(workshop), ensure_ascii=False, indent=2) + "\n"


def write_text_atomically(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a synced temporary file in the same folder."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a synced temporary file and a rename: the file
    appears whole or not at all, and a failure leaves any earlier file untouched."""
    path = Path(path)
    check_output(path)
    try:
        with temporary_sibling(path) as temp:
            with temp.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            temp.replace(path)
    except PermissionError:
        raise errors.WriteFailed(path, "cannot be written: permission denied") from None
    except OSError as exc:
        raise errors.WriteFailed(path, f"cannot be written: {exc.strerror}") from None
    fsync_folder(path.parent)
