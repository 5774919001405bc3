"""Automatic backups of a workshop file: where they are kept, what each is, how they are
listed and how many are kept. Making one: :mod:`~workshop_app.store.backup_making`; when:
:mod:`~workshop_app.store.backup_schedule`; bringing one back: :mod:`~workshop_app.store.restore`.

Backups live in a folder of the user's (``$FIRST_WORKFLOW_BACKUPS``, else
``$XDG_DATA_HOME/first-workflow/backups``, else ``~/.local/share/first-workflow/backups``), one
subfolder per workshop file, named after the file and a hash of its full path — not beside the
file: a failing USB stick or a synced folder would lose them with it, a read-only folder could
hold none, and a client's shared folder stays as the facilitator left it. The path (not
something inside the file) keys them because a damaged file cannot say who it is.

A backup is ``NNNN_YYYY-MM-DD_HH-MM-SS.workshop``, numbered in the order made (a number is
never reused while a later one exists), with its details beside it in ``NNNN_….json``, written
before the backup gets its name, so that listing never opens a backup. Only such names count:
what a backup cut off by a crash leaves has a hidden temporary name and is never listed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from workshop_app.domain.document import workshop_to_document
from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record
from workshop_app.store import errors
from workshop_app.store.backup_policy import KEEP
from workshop_app.store.inspection import connect, inspect, upgraded_copy
from workshop_app.store.row_reading import load_checked
from workshop_app.store.tables import SCHEMA_VERSION

#: The environment variable that names the folder of backups (tests set it).
ENVIRONMENT = "FIRST_WORKFLOW_BACKUPS"
#: Why a backup was made, in words for a listing.
REASONS = {
    "opened": "when opened",
    "edited": "while editing",
    "closed": "when closed",
    "saved as": "after Save As",
    "before restore": "before a restore",
}
_NAME = re.compile(r"^(?P<number>[0-9]{4,})_(?P<when>[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9-]{8})$")
#: A kept copy of a file that was replaced by a restore and did not open.
REPLACED = ".replaced"


class BackupFailed(errors.WorkshopFileError):
    """No backup could be made (the folder cannot be written, the disk is full, the copy did
    not pass its checks); the workshop file itself is not affected."""


def backups_root() -> Path:
    """The folder that holds every workshop's backups (see the module's notes)."""
    given = os.environ.get(ENVIRONMENT, "")
    if given:
        return Path(given).expanduser()
    data = os.environ.get("XDG_DATA_HOME", "")
    base = Path(data) if data and Path(data).is_absolute() else Path.home() / ".local" / "share"
    return base / "first-workflow" / "backups"


def folder_of(workshop: Path, root: Path | None = None) -> Path:
    """The folder of one workshop file's backups: its name and a hash of its full path."""
    resolved = workshop.expanduser().absolute()
    with contextlib.suppress(OSError, RuntimeError):
        resolved = resolved.resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    stem = re.sub(r"[^\w.-]+", "-", resolved.stem).strip("-.")[:40] or "workshop"
    return (backups_root() if root is None else root) / f"{stem}-{digest}"


def content_of(workshop: Workshop) -> str:
    """A hash of everything in a workshop (sign-offs, readings and versions included): two
    workshops with one content are the same workshop."""
    text = json.dumps(
        workshop_to_document(workshop),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@record(frozen=True)
class Backup:
    """One backup that counts: it passed every check before it got its name.

    Attributes:
        path: the backup file (a workshop file; open it read-only, or restore it).
        number: its number among the workshop's backups (the newest has the highest).
        made_at: when it was made (local time).
        reason: a key of :data:`REASONS`.
        title, organization, candidates: what it holds, for a listing.
        size: its size in bytes.
        content: :func:`content_of` the workshop in it.
        versions: the charter versions recorded in it (their fingerprints).
    """

    path: Path
    number: int
    made_at: dt.datetime
    reason: str
    title: str
    organization: str
    candidates: int
    size: int
    content: str
    versions: tuple[str, ...] = ()

    @property
    def why(self) -> str:
        return REASONS.get(self.reason, self.reason)


@record(frozen=True)
class ReplacedCopy:
    """The bytes of a file that a restore replaced and that did not open: kept, never
    restored by number. ``problem`` is why it did not open."""

    path: Path
    number: int
    made_at: dt.datetime
    problem: str


# ---------------------------------------------------------------- checking a copy
def check_copy(copy: Path) -> Workshop:
    """The workshop in ``copy`` after every check an open makes (``integrity_check``, the
    exact layout, every row as an import reads it); a ``WorkshopFileError`` says why not."""
    version = inspect(copy)
    try:
        conn = connect(copy, "ro")
    except sqlite3.Error as exc:
        raise errors.DamagedWorkshop(copy, f"cannot be opened: {exc}") from None
    try:
        workshop = load_checked(copy, conn)
        if version >= SCHEMA_VERSION:
            return workshop
        with upgraded_copy(copy, conn) as upgraded:  # what the file's first change makes
            return load_checked(copy, upgraded)
    finally:
        conn.close()


# ---------------------------------------------------------------- the folder
def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def number_of(path: Path) -> int | None:
    found = _NAME.match(path.name.lstrip(".").split(".", 1)[0])
    return int(found["number"]) if found else None


def next_number(folder: Path) -> int:
    numbers = [n for n in map(number_of, _entries(folder)) if n is not None]
    return max(numbers, default=0) + 1


def clean_leftovers(folder: Path) -> None:
    """Remove what a backup cut off by a crash left: hidden temporary files, and details
    whose backup never got its name."""
    entries = _entries(folder)
    names = {entry.name for entry in entries}
    for entry in entries:
        stem = entry.name.removesuffix(".json")
        orphan = entry.name.endswith(".json") and not (
            f"{stem}.workshop" in names or f"{stem}{REPLACED}" in names
        )
        if entry.name.startswith(".") and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(".") or orphan:
            with contextlib.suppress(OSError):
                entry.unlink()


def write_details(path: Path, details: dict[str, Any]) -> None:
    temp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        with temp.open("w", encoding="utf-8") as handle:
            json.dump(details, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _read_details(path: Path) -> dict[str, Any] | None:
    try:
        details = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return details if isinstance(details, dict) else None


def _when(details: dict[str, Any], path: Path) -> dt.datetime:
    with contextlib.suppress(TypeError, ValueError):
        return dt.datetime.fromisoformat(str(details.get("made_at")))
    with contextlib.suppress(KeyError, TypeError, ValueError):
        return dt.datetime.strptime(path.stem.split("_", 1)[1], "%Y-%m-%d_%H-%M-%S")
    return dt.datetime.fromtimestamp(0)


def backup_from(path: Path, number: int, details: dict[str, Any]) -> Backup:
    versions = details.get("versions")
    return Backup(
        path=path,
        number=number,
        made_at=_when(details, path),
        reason=str(details.get("reason", "")),
        title=str(details.get("title", "")),
        organization=str(details.get("organization", "")),
        candidates=int(details.get("candidates", 0)),
        size=int(details.get("size", 0)),
        content=str(details.get("content", "")),
        versions=tuple(map(str, versions)) if isinstance(versions, list) else (),
    )


def details_of(path: Path, reason: str, made_at: dt.datetime, workshop: Workshop) -> dict:
    return {
        "format": "first-workflow-backup/1",
        "made_at": made_at.isoformat(timespec="seconds"),
        "reason": reason,
        "title": workshop.info.title,
        "organization": workshop.info.organization,
        "candidates": len(workshop.candidates),
        "size": path.stat().st_size,
        "content": content_of(workshop),
        "versions": [version.fingerprint for version in workshop.versions],
    }


def list_backups(workshop: Path, root: Path | None = None) -> list[Backup]:
    """The backups of ``workshop`` that count, newest first, from their details alone."""
    folder = folder_of(workshop, root)
    found: list[Backup] = []
    for entry in _entries(folder):
        number = number_of(entry)
        if number is None or entry.name.startswith(".") or entry.suffix != ".workshop":
            continue
        details = _read_details(entry.with_suffix(".json"))
        try:
            if details is None:  # details lost (by hand): read them from the backup itself
                workshop_in = check_copy(entry)
                details = details_of(entry, "", _when({}, entry), workshop_in)
            found.append(backup_from(entry, number, details))
        except (errors.WorkshopFileError, OSError, TypeError, ValueError):
            continue
    return sorted(found, key=lambda backup: backup.number, reverse=True)


def list_replaced(workshop: Path, root: Path | None = None) -> list[ReplacedCopy]:
    """The kept copies of files a restore replaced that did not open, newest first."""
    folder = folder_of(workshop, root)
    found = []
    for entry in _entries(folder):
        number = number_of(entry)
        if number is not None and entry.suffix == REPLACED and not entry.name.startswith("."):
            details = _read_details(entry.with_suffix(".json")) or {}
            problem = str(details.get("problem", "it did not open"))
            found.append(ReplacedCopy(entry, number, _when(details, entry), problem))
    return sorted(found, key=lambda copy: copy.number, reverse=True)


def remove_backup(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal"), path.with_suffix(".json")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def prune(workshop: Path, keep: int = KEEP, root: Path | None = None) -> None:
    """Keep the ``keep`` newest backups (and kept copies) of ``workshop``; remove the rest,
    each backup before its details, so what is listed is always whole."""
    for backup in list_backups(workshop, root)[keep:]:
        remove_backup(backup.path)
    for copy in list_replaced(workshop, root)[keep:]:
        remove_backup(copy.path)
