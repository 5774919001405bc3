"""Read a workshop file without changing it, not by one byte: for the welcome screen's recent
workshops and ``workshop-app status``.

The checks are the very ones every command and the app make (:mod:`.inspection`): the header,
a journal beside the file judged by :mod:`.journal` (a pipe or folder refused before anything
waits on it, another copy's journal refused), ``integrity_check``, the exact layout of its
version, the file's revision, and every row as an import checks it. Only where they would
change the file does a look differ from an open:

* the journal a crash of this file left is rolled back into a copy in a private folder
  (:func:`~.inspection.checked_rollback`, which every open judges it by), never into the
  file: the file keeps its journal for the app to roll back;
* an older file is read as its upgrade would make it, in memory, never upgraded.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from workshop_app.domain.model import Workshop
from workshop_app.store import errors
from workshop_app.store.inspection import (
    APP_SCHEMA,
    SQLITE_FAILURES,
    check_contents,
    check_header,
    checked_rollback,
    connect,
    damage,
    upgraded_copy,
)
from workshop_app.store.row_reading import load_checked

#: How long a read waits for a writer in another process to finish its transaction.
BUSY_MILLISECONDS = 2000


@contextlib.contextmanager
def unchanged(path: Path | str) -> Iterator[tuple[sqlite3.Connection, int]]:
    """A checked connection to the workshop in ``path`` and its schema version, read without
    changing the file (see the module's notes); refused with a ``WorkshopFileError`` exactly
    where ``workshop-app check`` refuses it."""
    path = Path(path)
    check_header(path)
    with contextlib.ExitStack() as stack:
        conn = stack.enter_context(checked_rollback(path))
        if conn is None:
            try:
                conn = connect(path, "ro")
            except sqlite3.Error as exc:
                raise errors.WorkshopFileError(path, f"cannot be opened: {exc}") from None
            stack.callback(conn.close)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MILLISECONDS}")
        version = check_contents(path, conn)
        try:
            yield conn, version
        except SQLITE_FAILURES as exc:
            raise errors.DamagedWorkshop(path, f"cannot be read: {damage(exc)}") from None


def read_workshop(path: Path | str) -> Workshop:
    """The workshop in ``path``, every row checked, read without changing the file; an older
    file as its upgrade makes it."""
    path = Path(path)
    with unchanged(path) as (conn, version):
        workshop = load_checked(path, conn)
        if version >= APP_SCHEMA.version:
            return workshop
        with upgraded_copy(path, conn) as upgraded:
            return load_checked(path, upgraded)
