"""Then expand, on disk: the next workshop written to a new file by the same writer as New,
the demo and an import, so it appears whole or not at all. The old file is only read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.expand import next_workshop
from workshop_app.domain.model import Workshop
from workshop_app.domain.validation import InvalidWorkshop, validate_document
from workshop_app.store import errors
from workshop_app.store.outputs import check_output
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.store.writer import write_new_file

_TAKEN = "already exists; choose another name or add --force to replace it"


def write_next_workshop(
    workshop: Workshop,
    source: Path,
    target: Path,
    now: dt.datetime,
    *,
    overwrite: bool = False,
) -> Workshop:
    """Write the workshop that follows ``workshop`` (kept in ``source``) to ``target`` and
    return it.

    Raises :class:`~workshop_app.store.errors.FileExists` when ``target`` exists and not
    ``overwrite``, a :class:`~workshop_app.store.errors.WorkshopFileError` when ``target`` is
    ``source`` itself, not a place for a file, or cannot be written, and
    :class:`InvalidWorkshop` should the new workshop break a rule of the format (nothing is
    written then).
    """
    check_output(target, [source], role="the workshop being expanded")
    if target.exists() and not overwrite:
        raise errors.FileExists(target, _TAKEN)
    new = next_workshop(workshop, source.name, now)
    issues = validate_document(workshop_to_document(new))
    if issues:
        raise InvalidWorkshop(issues)
    write_new_file(target, new, overwrite=overwrite)
    return new


def expand_file(
    source: Path, target: Path, now: dt.datetime, *, force: bool = False
) -> tuple[Workshop, Workshop]:
    """Read the workshop in ``source`` (read-only: it may be open in the app) and write the
    next one to ``target``; returns both. Raises as :func:`write_next_workshop`, and a
    :class:`~workshop_app.store.errors.WorkshopFileError` when ``source`` cannot be read."""
    check_output(target, [source], role="the workshop being expanded")
    if target.exists() and not force:
        raise errors.FileExists(target, _TAKEN)
    with WorkshopFile.open(source, read_only=True) as opened:
        old = opened.workshop
    return old, write_next_workshop(old, source, target, now, overwrite=force)
