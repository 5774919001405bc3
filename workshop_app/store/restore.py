"""Bring a workshop file back: from one of its backups (:mod:`workshop_app.store.backups`),
from another workshop file, or rebuilt from a charter PDF we exported (a charter carries the
whole workshop as ``workshop.json``).

What comes back is read and checked whole before anything is touched. Then, holding the
workshop's lock (a file open in the app is refused), the new file is built under a temporary
name beside the old one and checked again; the file as it is now — even damaged, its bytes —
is kept in the backups folder, so a restore is undone by restoring again; only then does the
new file take the old one's name, in one rename.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import stat
from pathlib import Path

from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record
from workshop_app.store import errors
from workshop_app.store.atomic import fsync, fsync_folder, temporary_sibling
from workshop_app.store.backup_making import keep_file
from workshop_app.store.backups import (
    KEEP,
    Backup,
    BackupFailed,
    ReplacedCopy,
    check_copy,
    list_backups,
)
from workshop_app.store.inspection import SQLITE_HEADER
from workshop_app.store.lock import Holder, WorkshopLock, WorkshopLocked, read_holder
from workshop_app.store.outputs import UnsafeOutput, check_output
from workshop_app.store.writer import write_new_file

NOTHING_DONE = "nothing was restored"


class RestoreRefused(errors.WorkshopFileError):
    """A restore that cannot be made; nothing was changed."""


@record(frozen=True)
class Source:
    """What a restore brings back, read and checked.

    Attributes:
        words: what it is, for a message: ``backup 7 of 2026-11-24 09:12``.
        workshop: the workshop in it.
        file: a workshop file copied as it is (a backup); None: the file is written from
            :attr:`workshop` (rebuilt from a charter).
    """

    words: str
    workshop: Workshop
    file: Path | None


@record(frozen=True)
class Restored:
    """A restore that was made.

    Attributes:
        path: the workshop file, now holding what was brought back.
        source: what was brought back.
        kept: the file as it was before (a backup, or its bytes when it did not open);
            None when there was no file.
    """

    path: Path
    source: Source
    kept: Backup | ReplacedCopy | None


def when(moment: dt.datetime) -> str:
    """A backup's time as a listing shows it: ``2026-11-24 09:12:05``."""
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def _backup_source(backup: Backup) -> Source:
    words = f"backup {backup.number} of {when(backup.made_at)}"
    try:
        workshop = check_copy(backup.path)
    except errors.WorkshopFileError as exc:
        raise RestoreRefused(
            backup.path, f"{words} does not open ({exc.problem}); {NOTHING_DONE}"
        ) from None
    return Source(words, workshop, backup.path)


def numbered(path: Path, number: int, root: Path | None = None) -> Backup:
    """The backup of ``path`` with this number, or :class:`RestoreRefused` naming the
    numbers there are."""
    backups = list_backups(path, root)
    found = next((backup for backup in backups if backup.number == number), None)
    if found is not None:
        return found
    if not backups:
        raise RestoreRefused(path, f"has no backups; {NOTHING_DONE}")
    numbers = sorted(backup.number for backup in backups)
    which = (
        f"its only backup is number {numbers[0]}"
        if len(numbers) == 1
        else f"its backups are numbers {numbers[0]} to {numbers[-1]}"
    )
    raise RestoreRefused(
        path,
        f"has no backup number {number}; {which} (workshop-app backups lists them); "
        + NOTHING_DONE,
    )


def newest_that_opens(path: Path, root: Path | None = None) -> tuple[Backup, Source] | None:
    """The newest backup of ``path`` that passes every check an open makes, and what
    restoring it brings back; None when none does."""
    for backup in list_backups(path, root):
        with contextlib.suppress(RestoreRefused):
            return backup, _backup_source(backup)
    return None


def _open_elsewhere(path: Path, holder: Holder | None) -> RestoreRefused:
    who = str(getattr(holder, "app", "") or "First Workflow")  # the app, or a command
    if holder is not None and holder.host:
        who += f" on {holder.host} (process {holder.pid})"
        who += f" since {holder.since}" if holder.since else ""
    return RestoreRefused(path, f"is open in {who}; close it there first; {NOTHING_DONE}")


def refuse_if_open_elsewhere(path: Path) -> None:
    """Refuse (:class:`RestoreRefused`) a restore of a file another process holds open."""
    holder = read_holder(path)
    if holder is not None and (holder.host, holder.pid) != (platform.node(), os.getpid()):
        raise _open_elsewhere(path, holder)


def _first_bytes(path: Path) -> bytes:
    """The first bytes of a regular file; a folder, pipe or device is refused unread."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise errors.FileMissing(path, "no such file") from None
    except OSError as exc:
        raise RestoreRefused(path, f"cannot be read: {exc.strerror}; {NOTHING_DONE}") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise RestoreRefused(path, f"is not a file (a folder, pipe or device); {NOTHING_DONE}")
        return os.read(handle, 16)
    except OSError as exc:
        raise RestoreRefused(path, f"cannot be read: {exc.strerror}; {NOTHING_DONE}") from None
    finally:
        os.close(handle)


def charter_source(pdf: Path) -> Source:
    """The workshop a charter PDF carries, checked as an import checks it."""
    from workshop_app.store.interchange import document_to_workshop, read_document

    if not _first_bytes(pdf).startswith(b"%PDF-"):
        raise RestoreRefused(pdf, f"is not a PDF; {NOTHING_DONE}")
    document = read_document(pdf)  # pypdf's own complaints are kept off the terminal there
    workshop = document_to_workshop(document, pdf)
    return Source(f"the charter {pdf.name}", workshop, None)


def source_of(path: Path, given: str | Path | Backup, root: Path | None = None) -> Source:
    """What to restore into ``path``: a :class:`Backup`, a backup's number (as the
    ``backups`` command shows it), or the path of a backup (any workshop file) or of a
    charter PDF. Read and checked whole; a ``WorkshopFileError`` names what is wrong."""
    if isinstance(given, Backup):
        return _backup_source(given)
    if isinstance(given, str) and given.isdecimal():
        return _backup_source(numbered(path, int(given), root))
    source = Path(given)
    head = _first_bytes(source)
    with contextlib.suppress(OSError):
        if path.exists() and source.samefile(path):
            raise RestoreRefused(source, f"is the workshop file itself; {NOTHING_DONE}")
    if head.startswith(b"%PDF-"):
        return charter_source(source)
    if head.startswith(SQLITE_HEADER):
        return Source(f"the file {source.name}", check_copy(source), source)
    raise RestoreRefused(
        source,
        "is neither a backup number, a backup (a workshop file) nor a charter PDF; " + NOTHING_DONE,
    )


def _take_lock(path: Path) -> WorkshopLock:
    lock = WorkshopLock(path)
    try:
        taken = lock.acquire(path)
    except WorkshopLocked as locked:
        raise _open_elsewhere(path, locked.holder) from None
    if not taken:
        raise RestoreRefused(path, f"cannot be written in its folder; {NOTHING_DONE}")
    return lock


def _stage(staged: Path, source: Source) -> None:
    """The new file under its temporary name, whole and synced, checked as it will open."""
    if source.file is not None:
        with source.file.open("rb") as reading, staged.open("xb") as writing:
            while chunk := reading.read(1 << 20):
                writing.write(chunk)
    else:
        write_new_file(staged, source.workshop)
    fsync(staged)
    check_copy(staged)


def restore(
    path: Path,
    source: Source,
    *,
    root: Path | None = None,
    keep: int = KEEP,
    now: dt.datetime | None = None,
) -> Restored:
    """Replace the workshop file ``path`` with ``source``; the file as it was is kept in its
    backups first. Raises :class:`RestoreRefused` (or another ``WorkshopFileError``) with
    nothing changed."""
    try:
        check_output(path)  # a file, or a free name in a folder that exists
    except UnsafeOutput as exc:
        raise RestoreRefused(path, f"{exc.problem}; {NOTHING_DONE}") from None
    refuse_if_open_elsewhere(path)  # at once: the app holds a file for hours, not seconds
    lock = _take_lock(path)
    try:
        with temporary_sibling(path) as staged:
            try:
                _stage(staged, source)
            except (OSError, errors.WorkshopFileError) as exc:
                why = exc.problem if isinstance(exc, errors.WorkshopFileError) else exc.strerror
                raise RestoreRefused(
                    path, f"the restored file could not be written ({why}); {NOTHING_DONE}"
                ) from None
            kept = None
            if path.exists():
                try:
                    kept = keep_file(path, "before restore", root=root, made_at=now, keep=keep)
                except BackupFailed as failed:
                    raise RestoreRefused(
                        path, f"the file could not be kept first ({failed.problem}); {NOTHING_DONE}"
                    ) from None
            # A journal a crash left belongs to the file replaced (it was kept with it): beside
            # the new file it would be rolled back into it.
            with contextlib.suppress(FileNotFoundError):
                path.with_name(path.name + "-journal").unlink()
            staged.replace(path)
        fsync_folder(path.parent)
    finally:
        lock.release()
    return Restored(path, source, kept)
