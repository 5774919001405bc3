"""Find a charter PDF we exported of a workshop, beside its file: what a damaged workshop
can be rebuilt from when no backup is as new (:mod:`workshop_app.store.restore`).

A charter is this workshop's when the workshop it carries (its ``workshop.json``) has the
title and organization of the file or of one of its backups, or is a charter version the
file or a backup recorded. Its time is when its file was last written (a charter carries no
time of its own). Only PDFs newer than ``newer_than`` are read, newest first, and each is
refused unread when it is not a regular file of a sane size; nothing here writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import stat
from collections.abc import Iterable
from pathlib import Path

from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.fingerprint import fingerprint_of
from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record
from workshop_app.store import errors
from workshop_app.store.backups import Backup
from workshop_app.store.inspection import connect
from workshop_app.store.restore import Source, charter_source

#: A charter is a few hundred kilobytes; a PDF far larger is not read.
LARGEST_CHARTER = 64 * 1024 * 1024
#: At most this many PDFs are read in one search.
MOST_READ = 20


@record(frozen=True)
class Charter:
    """A charter PDF of the workshop, and the workshop it carries.

    Attributes:
        path: the PDF.
        modified: when its file was last written.
        source: what restoring from it brings back.
    """

    path: Path
    modified: dt.datetime
    source: Source


@record(frozen=True)
class Identity:
    """What marks a workshop as this one: its (title, organization) pairs and the charter
    versions it recorded."""

    names: frozenset[tuple[str, str]]
    versions: frozenset[str]

    def owns(self, workshop: Workshop) -> bool:
        info = workshop.info
        if (info.title, info.organization) in self.names:
            return True
        recorded = {version.fingerprint for version in workshop.versions}
        recorded.add(fingerprint_of(workshop_to_document(workshop)))
        return bool(recorded & self.versions)


def _what_the_file_says(path: Path) -> tuple[set[tuple[str, str]], set[str]]:
    """The title, organization and charter versions a (perhaps damaged) file still gives,
    read through a read-only connection; nothing when it gives nothing."""
    names: set[tuple[str, str]] = set()
    versions: set[str] = set()
    with contextlib.suppress(sqlite3.Error, UnicodeDecodeError, ValueError, OSError):
        conn = connect(path, "ro")
        try:
            row = conn.execute("SELECT title, organization FROM workshop WHERE id = 1").fetchone()
            if row is not None:
                names.add((str(row[0]), str(row[1])))
            versions.update(str(v) for (v,) in conn.execute("SELECT fingerprint FROM versions"))
        finally:
            conn.close()
    return names, versions


def identity_of(path: Path, backups: Iterable[Backup]) -> Identity:
    """What marks the workshop of ``path``: from the file as far as it can be read, and from
    its backups' details."""
    names, versions = _what_the_file_says(path)
    for backup in backups:
        names.add((backup.title, backup.organization))
        versions.update(backup.versions)
    names.discard(("", ""))
    return Identity(frozenset(names), frozenset(versions))


def _modified(path: Path) -> dt.datetime | None:
    try:
        status = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size > LARGEST_CHARTER:
        return None
    return dt.datetime.fromtimestamp(status.st_mtime)


def charter_beside(
    path: Path, identity: Identity, newer_than: dt.datetime | None = None
) -> Charter | None:
    """The newest charter PDF of this workshop in its folder written after ``newer_than``."""
    try:
        pdfs = [entry for entry in path.parent.iterdir() if entry.suffix.lower() == ".pdf"]
    except OSError:
        return None
    dated = [(moment, pdf) for pdf in pdfs if (moment := _modified(pdf)) is not None]
    fresh = [(m, pdf) for m, pdf in dated if newer_than is None or m > newer_than]
    for moment, pdf in sorted(fresh, reverse=True)[:MOST_READ]:
        try:
            source = charter_source(pdf)
        except errors.WorkshopFileError:
            continue  # not a charter of ours, or not one that can be read
        if identity.owns(source.workshop):
            return Charter(pdf, moment, source)
    return None
