"""A rollback journal beside a workshop file is rolled back into it only when it belongs to it.

SQLite keeps a change in progress in ``NAME-journal``: the pages as they were before. After a
crash, that journal is what makes the file whole again, and SQLite rolls it back on the next
open. But SQLite cannot tell whose journal it is: one left by a crash of *another copy* of the
workshop, put beside this file by a sync tool or a careless copy, would be rolled back all the
same, mixing that copy's pages into this file.

So, before anything opens the file, a journal beside it is judged on copies in a private
folder, and the file and the journal are left as they are unless it belongs:

* a journal that is not a regular file, or whose header is not that of an SQLite journal,
  is refused by name (SQLite would delete the second kind without a word). SQLite's own
  journal of an edit cut off before anything reached the file (its magic still zero)
  restores nothing: SQLite removes it, as it always has;
* SQLite must roll back every record the journal holds: one with a damaged count or a
  damaged record would restore only part of the change, and is refused
  (:mod:`workshop_app.store.journal_format`);
* otherwise a copy of the file with a copy of the journal is rolled back, and the state it
  gives must be a workshop of ours that passes every check an open makes (its layout, its
  revision, every row: SQLite's checksums look at every 200th byte of a page, so a page
  damaged elsewhere is caught here), and the state the file was in when the journal began:
  every write of the app draws a new revision in ``file_state`` (schema version 8), keeping
  the one it replaced, and the new revision starts with the nonce SQLite drew for that
  write's journal. So a journal of this file restores the file's revision (the crash came
  before that page reached the file), or the one before it while the file's revision starts
  with the journal's own nonce (it came after). A journal of another copy restores another
  revision, or the one before this file's last edit under another nonce, and is refused;
* a file that cannot be read without its journal (the crash cut a write in half) can only
  be mended by it: the journal is taken when what it restores passes those checks; so is
  the journal of an upgrade to version 8 cut off (the file's first revision, which nothing
  has replaced, and a version-7 state).

A file older than version 8 has no revision to compare: its journal is taken when what it
restores passes those checks. A journal left by another program's crash that did not
touch ``file_state`` restores this file's own revision and is taken too. While the app (or
a command) holds the file open, a journal may be a change being written: it is left alone.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple

from workshop_app.store import errors
from workshop_app.store.journal_format import MAGIC, nonce, whole_rollback

#: A revision is drawn by every transaction that writes rows (version 8 on).
_REVISION = "SELECT revision, previous FROM file_state WHERE id = 1"


class StrayJournal(errors.DamagedWorkshop):
    """A journal beside the file that must not be rolled back into it; the file and the
    journal are both left as they are.

    Attributes:
        journal: where the journal is.
    """

    def __init__(self, path: Path, journal: Path, problem: str) -> None:
        self.journal = journal
        super().__init__(
            path,
            f"the journal beside it ({journal.name}) {problem}; neither was changed. Move "
            "the journal out of the folder to open the file as it was last saved",
        )


class State(NamedTuple):
    """Which state of its file a copy is in (``file_state``)."""

    revision: str
    previous: str


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _header(journal: Path) -> bytes:
    """The journal's header (its first 28 bytes), read without waiting."""
    handle = os.open(journal, os.O_RDONLY | os.O_NONBLOCK)
    try:
        return os.read(handle, 28)
    finally:
        os.close(handle)


def _sizes_of_sqlite(head: bytes) -> bool:
    """Whether a header names a sector size and a page size SQLite uses (powers of two from
    512 to 65,536), as every journal it writes does."""
    sizes = (int.from_bytes(head[20:24], "big"), int.from_bytes(head[24:28], "big"))
    return len(head) == 28 and all(512 <= n <= 65536 and n & (n - 1) == 0 for n in sizes)


def _before_its_first_sync(head: bytes) -> bool:
    """Whether a journal is SQLite's own, cut off before it was first synced: its magic is
    still zero, which SQLite writes only once the pages it holds are safe, before the first
    page of the file is changed. It restores nothing, and SQLite removes it."""
    return head[:8] == bytes(8) and _sizes_of_sqlite(head)


def pending(path: Path) -> Path | None:
    """The journal a crash left beside ``path``, or None. A journal that is empty, or that
    SQLite never synced, is none (it restores nothing); one that is not a regular file, or
    not SQLite's, is refused."""
    journal = journal_of(path)
    try:
        found = os.lstat(journal)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StrayJournal(path, journal, f"cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(found.st_mode):
        raise StrayJournal(path, journal, "is a folder, not a journal")
    if not stat.S_ISREG(found.st_mode):
        raise StrayJournal(path, journal, "is not a file (it is a link, pipe, socket or device)")
    if found.st_size == 0:
        return None
    try:
        head = _header(journal)
    except OSError as exc:
        raise StrayJournal(path, journal, f"cannot be read ({exc.strerror})") from None
    if _before_its_first_sync(head):
        return None
    if head[:8] != MAGIC or not _sizes_of_sqlite(head):
        raise StrayJournal(path, journal, "is not a journal SQLite wrote")
    return journal


def _state(copy: Path) -> State | None:
    """The revision of a copy, or None when it cannot be read (or has none)."""
    try:
        conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
        try:
            found = conn.execute(_REVISION).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    return State(str(found[0]), str(found[1])) if found else None


def _rolled_back(copy: Path, application_id: int) -> tuple[str | None, State | None]:
    """Roll a copy's journal back into it; what is wrong with the result when it is not a
    workshop of ours that passes every check an open makes (its layout, its revision, every
    row: a page the journal restores damaged where its checksums do not look fails one of
    them), or None; and its revision."""
    from workshop_app.store.contents import check_contents, connect
    from workshop_app.store.row_reading import UNREADABLE, RowProblems, load

    try:
        conn = connect(copy, "rw")
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != application_id:
                return "it is not a workshop's", None
            check_contents(copy, conn)
            load(conn)
        finally:
            conn.close()
    except errors.WorkshopFileError as exc:
        return exc.problem, None
    except RowProblems as exc:
        return str(exc), None
    except (*UNREADABLE, UnicodeDecodeError) as exc:
        return f"cannot be read: {' '.join(str(exc).split())[:160]}", None
    return None, _state(copy)


def judge(path: Path, journal: Path, application_id: int) -> None:
    """Refuse ``journal`` unless rolling it back into ``path`` restores a state of this very
    file (see the module's notes); nothing is changed either way."""
    with tempfile.TemporaryDirectory(prefix="first-workflow-journal-") as scratch:
        alone, rolled = Path(scratch, "alone.workshop"), Path(scratch, "rolled.workshop")
        shutil.copyfile(path, alone)
        shutil.copyfile(path, rolled)
        shutil.copyfile(journal, journal_of(rolled))
        data = journal_of(rolled).read_bytes()
        partial = whole_rollback(data)
        if partial is not None:
            raise StrayJournal(
                path, journal, f"is damaged ({partial}): SQLite would not roll it back whole"
            )
        now = _state(alone)
        problem, restored = _rolled_back(rolled, application_id)
    if problem is not None:
        raise StrayJournal(
            path, journal, f"would not give a valid workshop if it were rolled back ({problem})"
        )
    if now is None:
        return  # torn without it, or too old to tell: only the journal can mend it
    if restored is None and now.previous == "":
        return  # cut off while the file was being upgraded to version 8
    if restored is not None and restored.revision == now.revision:
        return  # cut off before the page of the revision reached the file
    if (
        restored is not None
        and restored.revision == now.previous
        and now.revision.startswith(nonce(data))
    ):
        return  # that page was written: the revision its own transaction drew
    raise StrayJournal(
        path,
        journal,
        "was left by a crash of another copy of this workshop (or of another file); "
        "rolling it back would mix that copy into this one",
    )


def set_aside(path: Path) -> Path:
    """Move the journal beside ``path`` that does not belong to it (one :class:`StrayJournal`
    refuses) out of SQLite's way, keeping it: renamed in the same folder, whatever it is (a
    file, a folder, a pipe, a link), to ``NAME-journal.set-aside-YYYYMMDD-HHMMSS`` (``-2``,
    ``-3``… when that is taken), a name SQLite never reads as a journal. Returns its new path.

    Done under the workshop's lock, so a journal another process is writing is never moved
    (:class:`~workshop_app.store.lock.WorkshopLocked` names it), and judged again under it: a
    journal that belongs to the file (it is rolled back when the file is opened) is refused,
    as is a file with no journal beside it. Nothing is deleted, nothing is written to the
    file, and nothing is moved when it fails.
    """
    import datetime as dt

    from workshop_app.store.lock import WorkshopLock
    from workshop_app.store.tables import APPLICATION_ID

    journal = journal_of(path)
    lock = WorkshopLock(path)
    lock.acquire(path)  # False in a folder that takes no lock file: nothing can write there
    try:
        if not os.path.lexists(journal):
            raise errors.WorkshopFileError(
                path, f"there is no journal beside it ({journal.name}) to set aside"
            )
        try:
            found = pending(path)
            if found is not None:
                judge(path, found, APPLICATION_ID)
                raise errors.WorkshopFileError(
                    path,
                    f"the journal beside it ({journal.name}) belongs to it: it is rolled back "
                    "when the file is opened, so it was not set aside",
                )
        except StrayJournal:
            pass  # not the file's: set it aside
        except OSError as exc:
            raise errors.WorkshopFileError(
                path, f"cannot be read ({exc.strerror}); its journal was not set aside"
            ) from None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = journal.with_name(f"{journal.name}.set-aside-{stamp}")
        number = 2
        while os.path.lexists(aside):
            aside = journal.with_name(f"{journal.name}.set-aside-{stamp}-{number}")
            number += 1
        try:
            journal.rename(aside)  # os.rename: in one step, in the same folder
        except OSError as exc:
            raise errors.WorkshopFileError(
                path, f"its journal {journal.name} could not be set aside ({exc.strerror})"
            ) from None
        try:  # the rename lasts through a power cut, where the system allows it
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
        except OSError:
            pass
        return aside
    finally:
        lock.release()
