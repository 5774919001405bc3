"""Check what is in an open workshop file: its schema version, its exact layout, its
revision (:func:`check_contents`), through connections that never create a file. Used by every
open (:mod:`.inspection`) and by the judge of a journal (:mod:`.journal`), which checks what a
journal would restore exactly as an open checks a file."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.domain.records import record
from workshop_app.store import errors
from workshop_app.store.damage_words import SQLITE_FAILURES, damage
from workshop_app.store.layout import layout_problems
from workshop_app.store.tables import APPLICATION_ID, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations


@record(frozen=True)
class Schema:
    """The migrations a file is brought up to, and the version they end at.

    Attributes:
        migrations: the steps; None means the app's own
            (:data:`workshop_app.store.schema.MIGRATIONS`).
        version: the version the last step sets; a file above it is refused.
    """

    migrations: Migrations | None = None
    version: int = SCHEMA_VERSION


#: The app's own schema: what every file is checked against and brought up to.
APP_SCHEMA = Schema()


def check_version(path: Path, version: int, newest: int) -> None:
    """Refuse a file whose schema version (``PRAGMA user_version``) this app cannot read: newer
    than ``newest``, or below 1 (no workshop tables)."""
    if version > newest:
        raise errors.NewerWorkshop(
            path,
            f"was saved by a newer version of First Workflow (file version {version}; "
            f"this app reads up to version {newest}); update the app to open it",
        )
    if version < 1:
        raise errors.DamagedWorkshop(path, "is damaged: it has no workshop tables")


def text_as_stored(raw: bytes) -> str:
    """Text read from a file, also when another program stored bytes that are not UTF-8:
    each such byte becomes a lone surrogate (U+DC80–U+DCFF), which the rules of text then
    refuse with its place, instead of the read failing without one."""
    return raw.decode("utf-8", "surrogateescape")


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """A connection to an existing file (``mode`` "ro" or "rw"; never creates one), in
    autocommit mode with foreign keys on."""
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.text_factory = text_as_stored
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def version_of(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def application_id_of(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def check_contents(path: Path, conn: sqlite3.Connection, schema: Schema = APP_SCHEMA) -> int:
    """Check that an open file is an intact workshop this app can read; return its version."""
    try:
        app_id = application_id_of(conn)
        version = version_of(conn)
        if app_id != APPLICATION_ID:
            raise errors.NotAWorkshop(
                path, "is not a workshop file (it is an SQLite database of another program)"
            )
        check_version(path, version, schema.version)
        result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise errors.DamagedWorkshop(path, f"is damaged: {damage(result[0])}")
        check_layout(path, conn, version)
        if version >= 8:
            check_revision(path, conn)
    except SQLITE_FAILURES as exc:
        raise errors.DamagedWorkshop(path, f"is damaged: {damage(exc)}") from None
    return version


#: What a revision is: 32 lower-case hexadecimal digits (``file_state``'s CHECK).
_REVISION = re.compile("[0-9a-f]{32}")


def check_revision(path: Path, conn: sqlite3.Connection) -> None:
    """Refuse a file whose ``file_state`` row is missing or breaks its rules: every write
    moves the revision into ``previous``, so the file could not be written."""
    rows = conn.execute("SELECT id, revision, previous FROM file_state").fetchall()
    if not rows:
        raise errors.DamagedWorkshop(path, "file_state: its row is missing (the file's revision)")
    ident, revision, previous = rows[0]
    if len(rows) > 1 or ident != 1:
        raise errors.DamagedWorkshop(path, "file_state: it must hold one row, with id 1")
    for name, value in (("revision", revision), ("previous", previous)):
        empty_allowed = name == "previous" and value == ""
        if not (isinstance(value, str) and (_REVISION.fullmatch(value) or empty_allowed)):
            raise errors.DamagedWorkshop(
                path,
                f"file_state.{name}: must be 32 hexadecimal digits (the file's revision), "
                f"got {value!r}",
            )


def check_layout(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Refuse a file whose tables are not exactly those of its version
    (:mod:`workshop_app.store.layout`). A version beyond the app's own is reached only by a
    test's made-up step, whose layout the app does not know."""
    if version > SCHEMA_VERSION:
        return
    problems = layout_problems(conn, version)
    if problems:
        raise errors.AlteredLayout(path, problems)
