"""The workshop file's schema and its migrations.

``PRAGMA application_id`` marks a file as ours; ``PRAGMA user_version`` is the schema version.
Each migration step runs in its own transaction (sqlite-utils ``Migrations``) and sets
``user_version`` to the version it produces, so a file written by a newer app is recognised
before anything touches it. Both numbers are kept in :mod:`workshop_app.store.inspection`,
which checks a file without loading this module: a new step raises ``SCHEMA_VERSION`` there.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workshop_app.store.inspection import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "migrate"]

MIGRATIONS = Migrations("first-workflow")

_V1_TABLES = """
CREATE TABLE workshop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title TEXT NOT NULL, organization TEXT NOT NULL, date TEXT NOT NULL,
    facilitator TEXT NOT NULL, location TEXT NOT NULL, notes TEXT NOT NULL
);
CREATE TABLE stakeholders (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, role TEXT NOT NULL, department TEXT NOT NULL, email TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE problems (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL,
    title TEXT NOT NULL, description TEXT NOT NULL, affected TEXT NOT NULL,
    symptoms TEXT NOT NULL,
    raised_by TEXT REFERENCES stakeholders(id) ON DELETE SET NULL
);
CREATE TABLE prior_attempts (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL,
    what TEXT NOT NULL, notes TEXT NOT NULL, stall_signs TEXT NOT NULL
);
CREATE TABLE candidates (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, description TEXT NOT NULL,
    frequency_count NOT NULL, frequency_per TEXT NOT NULL,
    minutes_per_occurrence NOT NULL, people INTEGER NOT NULL, pain INTEGER NOT NULL,
    handoffs INTEGER NOT NULL, data_readiness TEXT NOT NULL,
    integration_effort TEXT NOT NULL, governance TEXT NOT NULL, appetite INTEGER NOT NULL,
    votes INTEGER NOT NULL, status TEXT NOT NULL, parked_reason TEXT NOT NULL,
    overrides_friction INTEGER, overrides_frequency INTEGER, overrides_reason TEXT NOT NULL
);
CREATE TABLE candidates__problem_ids (
    owner_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    PRIMARY KEY (owner_id, position)
);
CREATE TABLE metrics (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL,
    candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    name TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL, direction TEXT NOT NULL,
    baseline, target, method TEXT NOT NULL,
    owner_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL
);
CREATE TABLE metrics__agreed_by (
    owner_id TEXT NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    PRIMARY KEY (owner_id, position)
);
CREATE TABLE adoption (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    champion_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    owner_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    trust_measures TEXT NOT NULL, training TEXT NOT NULL, feedback_channel TEXT NOT NULL
);
CREATE TABLE adoption__users_involved (
    owner_id INTEGER NOT NULL REFERENCES adoption(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    PRIMARY KEY (owner_id, position)
);
CREATE TABLE risks (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL,
    description TEXT NOT NULL, category TEXT NOT NULL,
    likelihood INTEGER NOT NULL, impact INTEGER NOT NULL, mitigation TEXT NOT NULL,
    owner_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL
);
CREATE TABLE checkins (
    position INTEGER PRIMARY KEY,
    metric_id TEXT NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
    date TEXT NOT NULL, value NOT NULL, note TEXT NOT NULL
);
CREATE TABLE signoffs (
    position INTEGER PRIMARY KEY,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    date TEXT NOT NULL, decision TEXT NOT NULL, comment TEXT NOT NULL
);
CREATE TABLE decisions (
    position INTEGER PRIMARY KEY,
    at TEXT NOT NULL, kind TEXT NOT NULL,
    candidate_id TEXT REFERENCES candidates(id) ON DELETE SET NULL,
    reason TEXT NOT NULL
);
CREATE INDEX candidates_position ON candidates(position);
CREATE INDEX metrics_candidate ON metrics(candidate_id);
CREATE INDEX checkins_metric ON checkins(metric_id);
"""


@MIGRATIONS(name="0001_workshop_tables")
def _create_v1(db: Database) -> None:
    """Version 1: a table per entity, join tables for lists of references."""
    for statement in _V1_TABLES.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("INSERT INTO workshop VALUES (1, '', '', '', '', '', '')")
    db.execute("INSERT INTO adoption VALUES (1, NULL, NULL, '', '', '')")
    db.execute("PRAGMA user_version = 1")


@MIGRATIONS(name="0002_checkin_plan")
def _add_checkin_plan(db: Database) -> None:
    """Version 2: the check-in meetings after the workshop (day and notes of each)."""
    db.execute(
        "CREATE TABLE checkin_plan (position INTEGER PRIMARY KEY, day INTEGER NOT NULL, "
        "note TEXT NOT NULL)"
    )
    db.execute("PRAGMA user_version = 2")


def migrate(conn: sqlite3.Connection, migrations: Migrations | None = None) -> list[str]:
    """Bring an open file up to the last step of ``migrations`` (the app's own by default);
    returns the names of the steps applied."""
    steps = MIGRATIONS if migrations is None else migrations
    db = Database(conn)
    pending = [step.name for step in steps.pending(db)]
    if pending:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        steps.apply(db)
    return pending
