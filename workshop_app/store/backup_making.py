"""Make one backup of a workshop file (:mod:`workshop_app.store.backups`), and keep a file as
it is before a restore replaces it.

A backup is made under a hidden temporary name in the workshop's backups folder (with SQLite's
backup API from the open file, or as a byte copy of a file with the journal a crash left beside
it), synced, then checked as every open checks a file (``integrity_check``, the exact layout,
every row read as an import reads it); only then are its details written and its real name
given. What a backup cut off by a crash leaves is removed the next time one is made.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from workshop_app.domain.model import Workshop
from workshop_app.domain.records import record
from workshop_app.store import errors
from workshop_app.store.atomic import fsync, fsync_folder
from workshop_app.store.backups import (
    KEEP,
    REPLACED,
    Backup,
    BackupFailed,
    ReplacedCopy,
    backup_from,
    check_copy,
    clean_leftovers,
    content_of,
    details_of,
    folder_of,
    list_backups,
    next_number,
    number_of,
    prune,
    write_details,
)
from workshop_app.store.inspection import damage


def _failed(workshop: Path, folder: Path, exc: BaseException) -> BackupFailed:
    if isinstance(exc, errors.WorkshopFileError):
        why = exc.problem
    elif isinstance(exc, OSError):
        why = exc.strerror or str(exc)
    else:
        why = damage(exc) if isinstance(exc, sqlite3.Error) else str(exc)
    return BackupFailed(workshop, f"no backup could be made in {folder}: {why}")


def _new_slot(workshop: Path, root: Path | None, made_at: dt.datetime) -> tuple[Path, str]:
    folder = folder_of(workshop, root)
    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the client's work: private
    folder.mkdir(exist_ok=True, mode=0o700)
    clean_leftovers(folder)
    return folder, f"{next_number(folder):04d}_{made_at:%Y-%m-%d_%H-%M-%S}"


def _publish(
    temp: Path, final: Path, reason: str, made_at: dt.datetime, checked: Workshop | None = None
) -> Backup:
    """Check a finished copy (unless ``checked`` is what it holds, checked already); then
    write its details, then give it its real name: from here it counts."""
    workshop = check_copy(temp) if checked is None else checked
    details = details_of(temp, reason, made_at, workshop)
    write_details(final.with_suffix(".json"), details)
    temp.replace(final)
    fsync_folder(final.parent)
    return backup_from(final, number_of(final) or 0, details)


@record(frozen=True)
class Copy:
    """A copy of an open file in its backups folder, not yet checked: it does not count.

    Attributes:
        workshop: the workshop file it is a copy of.
        temp: the copy, under its hidden temporary name.
        final: the name it takes once it has passed its checks.
        reason, made_at: why and when, for its details.
        root, keep: where the backups are, and how many are kept.
    """

    workshop: Path
    temp: Path
    final: Path
    reason: str
    made_at: dt.datetime
    root: Path | None
    keep: int

    def discard(self) -> None:
        _remove_temp(self.temp)


def copy_out(
    source: sqlite3.Connection,
    workshop: Path,
    reason: str,
    *,
    root: Path | None = None,
    made_at: dt.datetime | None = None,
    keep: int = KEEP,
) -> Copy:
    """Copy the open file ``source`` (of ``workshop``) into its backups folder with SQLite's
    backup API: the only step that needs the connection, and a quick one. Raises
    :class:`BackupFailed`."""
    made_at = (made_at or dt.datetime.now()).replace(microsecond=0)
    folder = folder_of(workshop, root)
    temp: Path | None = None
    try:
        folder, stem = _new_slot(workshop, root, made_at)
        temp = folder / f".{stem}.{os.urandom(4).hex()}.tmp"
        copy = sqlite3.connect(temp)
        try:
            # Nobody reads the copy before it is synced as a whole and checked (finish), so
            # it is written without a journal or syncs of its own: a thirtieth of the time.
            copy.execute("PRAGMA journal_mode = MEMORY")
            copy.execute("PRAGMA synchronous = OFF")
            source.backup(copy)
        finally:
            copy.close()
    except (errors.WorkshopFileError, OSError, sqlite3.Error) as exc:
        if temp is not None:
            _remove_temp(temp)
        raise _failed(workshop, folder, exc) from None
    return Copy(workshop, temp, folder / f"{stem}.workshop", reason, made_at, root, keep)


def finish(copy: Copy, unless: str | None = None) -> Backup | None:
    """Sync the copy, check it as an open checks a file, then write its details and give it
    its name: from then on it counts; keep the newest. None (and the copy removed) when it
    holds the workshop whose content is ``unless`` (the newest backup's: nothing changed).
    Needs no connection of the caller's, so it may run in another thread. Raises
    :class:`BackupFailed`, the copy removed."""
    try:
        fsync(copy.temp)
        workshop = check_copy(copy.temp)
        if unless is not None and content_of(workshop) == unless:
            return None
        made = _publish(copy.temp, copy.final, copy.reason, copy.made_at, workshop)
    except (errors.WorkshopFileError, OSError, sqlite3.Error) as exc:
        raise _failed(copy.workshop, copy.final.parent, exc) from None
    finally:
        copy.discard()
    with contextlib.suppress(OSError):
        prune(copy.workshop, copy.keep, copy.root)
    return made


def make_backup(
    source: sqlite3.Connection,
    workshop: Path,
    reason: str,
    *,
    root: Path | None = None,
    made_at: dt.datetime | None = None,
    keep: int = KEEP,
) -> Backup:
    """Copy the open file ``source`` (of ``workshop``) into its backups folder, check the copy,
    and only then let it count; keep the ``keep`` newest. Raises :class:`BackupFailed`."""
    copy = copy_out(source, workshop, reason, root=root, made_at=made_at, keep=keep)
    made = finish(copy)
    assert made is not None
    return made


def _remove_temp(temp: Path) -> None:
    if temp.is_dir():
        shutil.rmtree(temp, ignore_errors=True)
    for leftover in (temp, temp.with_name(temp.name + "-journal")):
        with contextlib.suppress(FileNotFoundError, OSError):
            leftover.unlink()


def _copy_bytes(source: Path, target: Path) -> None:
    with source.open("rb") as reading, target.open("xb") as writing:
        while chunk := reading.read(1 << 20):
            writing.write(chunk)
        writing.flush()
        os.fsync(writing.fileno())


def _copy_with_journal(source: Path, target: Path) -> None:
    """Copy a file and the journal a crash may have left beside it (what makes it whole)."""
    _copy_bytes(source, target)
    journal = source.with_name(source.name + "-journal")
    if journal.exists():
        _copy_bytes(journal, target.with_name(target.name + "-journal"))


def keep_file(
    workshop: Path,
    reason: str,
    *,
    root: Path | None = None,
    made_at: dt.datetime | None = None,
    keep: int = KEEP,
) -> Backup | ReplacedCopy:
    """Keep the file ``workshop`` as it is (with a journal a crash left beside it): as a
    backup when a copy of it passes the checks (or the newest backup, when that holds the
    same workshop), else its bytes untouched as a :class:`ReplacedCopy`. Raises
    :class:`BackupFailed` when not even its bytes could be kept."""
    made_at = (made_at or dt.datetime.now()).replace(microsecond=0)
    folder = folder_of(workshop, root)
    temps: list[Path] = []
    try:
        folder, stem = _new_slot(workshop, root, made_at)
        raw, checking = (folder / f".{stem}.{os.urandom(4).hex()}.tmp" for _ in range(2))
        temps += [raw, checking]
        _copy_with_journal(workshop, raw)
        # Checked in a copy of its own (checking rolls a journal back: not into the bytes kept),
        # under the file's own name, which is the name the checks' words give it.
        checking.mkdir(mode=0o700)
        checked = checking / workshop.name
        _copy_with_journal(raw, checked)
        kept: Backup | ReplacedCopy
        try:
            found = check_copy(checked)
        except errors.WorkshopFileError as problem:
            kept = _keep_replaced(raw, folder / f"{stem}{REPLACED}", made_at, problem)
        else:
            newest = next(iter(list_backups(workshop, root)), None)
            if newest is not None and newest.content == content_of(found):
                return newest  # kept already, just as it is
            kept = _publish(checked, folder / f"{stem}.workshop", reason, made_at, found)
    except (errors.WorkshopFileError, OSError, sqlite3.Error) as exc:
        raise _failed(workshop, folder, exc) from None
    finally:
        for temp in temps:
            _remove_temp(temp)
    with contextlib.suppress(OSError):
        prune(workshop, keep, root)
    return kept


def _keep_replaced(
    temp: Path, final: Path, made_at: dt.datetime, problem: errors.WorkshopFileError
) -> ReplacedCopy:
    details = {
        "format": "first-workflow-backup/1",
        "made_at": made_at.isoformat(timespec="seconds"),
        "reason": "before restore",
        "problem": problem.problem,
        "size": temp.stat().st_size,
    }
    write_details(final.with_suffix(".json"), details)
    journal = temp.with_name(temp.name + "-journal")
    if journal.exists():
        journal.replace(final.with_name(final.name + "-journal"))
    temp.replace(final)
    fsync_folder(final.parent)
    return ReplacedCopy(final, number_of(final) or 0, made_at, problem.problem)
