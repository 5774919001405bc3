"""Bring an older workshop file up to the newest schema (sqlite-utils ``Migrations``).

The steps themselves are in :mod:`workshop_app.store.tables`; here they are registered with
sqlite-utils, which records each one applied; all run in one transaction. Only an
upgrade (or a test) loads this module, and with it sqlite-utils.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workshop_app.store.tables import APPLICATION_ID, MIGRATION_SET, SCHEMA_VERSION, STEPS

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "migrate"]

#: The app's migrations: every step of :data:`workshop_app.store.tables.STEPS`.
MIGRATIONS = Migrations(MIGRATION_SET)
for _name, _step in STEPS:
    MIGRATIONS(name=_name)(_step)


def migrate(conn: sqlite3.Connection, migrations: Migrations | None = None) -> list[str]:
    """Bring an open file up to the last step of ``migrations`` (the app's own by default);
    returns the names of the steps applied.

    Foreign keys are off while the steps run (and back as they were after): a step that
    rebuilds a table drops the old one, which with them on would delete its rows first and
    cascade into every table that refers to it. The pragma cannot change inside a
    transaction, so it is set here, around the steps; each step checks its references. All
    the steps run in one transaction (each in a savepoint of it, as sqlite-utils nests them):
    an upgrade that fails at any step leaves the file exactly as it was (``conn`` in
    autocommit mode, as the app opens files).
    """
    steps = MIGRATIONS if migrations is None else migrations
    db = Database(conn)
    pending = [step.name for step in steps.pending(db)]
    if pending:
        enforced = conn.execute("PRAGMA foreign_keys").fetchone()[0]
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with db.atomic():  # every step, or none: a failed upgrade leaves the file as it was
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                steps.apply(db)
        finally:
            conn.execute(f"PRAGMA foreign_keys = {'ON' if enforced else 'OFF'}")
    return pending
