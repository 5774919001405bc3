"""The workshop file's tables, one step per schema version, and a new file laid out at the
newest version.

``PRAGMA application_id`` marks a file as ours; ``PRAGMA user_version`` is its schema version,
and each step sets it to the version it produces. An older file is brought up to date by
:mod:`workshop_app.store.schema` (sqlite-utils ``Migrations``, one transaction per step, each
recorded in ``_sqlite_migrations``). A new file runs every step in one transaction on a plain
``sqlite3`` connection and records them just as ``Migrations`` does, so creating a file needs
no sqlite-utils (tests/store/test_new_files.py holds both ways to the same result).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any, Protocol

from workshop_app.store.strict_tables import V7_INDEXES, V7_TABLE_NAMES, V7_TABLES

#: "FWKS" — First Workflow workshop file.
APPLICATION_ID = 0x46574B53
#: The newest schema this app writes and reads: the version the last of :data:`STEPS` sets.
SCHEMA_VERSION = 8
#: The name under which sqlite-utils records the steps applied to a file.
MIGRATION_SET = "first-workflow"


class Executes(Protocol):
    """What a step needs of a database: sqlite-utils' ``Database`` or a ``sqlite3`` connection."""

    def execute(self, sql: str, /) -> Any: ...


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


def create_v1(db: Executes) -> None:
    """Version 1: a table per entity, join tables for lists of references."""
    for statement in _V1_TABLES.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("INSERT INTO workshop VALUES (1, '', '', '', '', '', '')")
    db.execute("INSERT INTO adoption VALUES (1, NULL, NULL, '', '', '')")
    db.execute("PRAGMA user_version = 1")


def add_checkin_plan(db: Executes) -> None:
    """Version 2: the check-in meetings after the workshop (day and notes of each)."""
    db.execute(
        "CREATE TABLE checkin_plan (position INTEGER PRIMARY KEY, day INTEGER NOT NULL, "
        "note TEXT NOT NULL)"
    )
    db.execute("PRAGMA user_version = 2")


def add_estimates(db: Executes) -> None:
    """Version 3: the answers of blind-estimate rounds. ``who`` is NULL for an anonymous
    answer and becomes NULL when the stakeholder is removed; ``value`` is NULL for a pass
    (untyped, like a reading's value, so a whole number stays whole); ``per`` is set for
    occurrences only. The range and uniqueness rules are the domain's (``check`` names each
    broken one with its place), as for every other table."""
    db.execute(
        "CREATE TABLE estimates (position INTEGER PRIMARY KEY, "
        "candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE, "
        "fact TEXT NOT NULL, round INTEGER NOT NULL, "
        "who TEXT REFERENCES stakeholders(id) ON DELETE SET NULL, "
        "value, per TEXT)"
    )
    db.execute("CREATE INDEX estimates_candidate ON estimates(candidate_id)")
    db.execute("PRAGMA user_version = 3")


#: Version 4's candidates: version 1's columns and constraints exactly, except that the three
#: facts the room estimates may be NULL (not estimated yet), and the example it came from.
_V4_CANDIDATES = """
CREATE TABLE candidates_v4 (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, description TEXT NOT NULL,
    frequency_count, frequency_per TEXT NOT NULL,
    minutes_per_occurrence, people INTEGER NOT NULL, pain INTEGER,
    handoffs INTEGER NOT NULL, data_readiness TEXT NOT NULL,
    integration_effort TEXT NOT NULL, governance TEXT NOT NULL, appetite INTEGER NOT NULL,
    votes INTEGER NOT NULL, status TEXT NOT NULL, parked_reason TEXT NOT NULL,
    overrides_friction INTEGER, overrides_frequency INTEGER, overrides_reason TEXT NOT NULL,
    example TEXT
)
"""
#: The columns version 3's candidates table has, in its order (all are copied).
_V3_CANDIDATE_COLUMNS = (
    "id, position, name, description, frequency_count, frequency_per, "
    "minutes_per_occurrence, people, pain, handoffs, data_readiness, integration_effort, "
    "governance, appetite, votes, status, parked_reason, overrides_friction, "
    "overrides_frequency, overrides_reason"
)


def allow_unestimated(db: Executes) -> None:
    """Version 4: a candidate's occurrences, minutes and pain may be NULL (it awaits the room's
    estimates), and ``example`` keeps the id of the library example it was added from.

    SQLite cannot drop a NOT NULL constraint in place, so the table is rebuilt (SQLite's own
    procedure: a new table, the rows copied, the old one dropped, the new one renamed) with
    every other column and constraint as it was, and its index made again. Dropping a parent
    table with foreign keys on would first delete its rows and so cascade into metrics, links,
    estimates and the decision log: :func:`workshop_app.store.schema.migrate` turns them off
    around the steps (they cannot be switched inside a transaction), and this step refuses to
    run on rows with them on. A new, empty file is laid out with them on, harmlessly. The
    references are checked again before the step commits.
    """
    enforced = bool(db.execute("PRAGMA foreign_keys").fetchone()[0])
    has_rows = db.execute("SELECT EXISTS (SELECT 1 FROM candidates)").fetchone()[0]
    if enforced and has_rows:
        raise RuntimeError(
            "candidates cannot be rebuilt with foreign keys on: dropping the old table "
            "would delete every metric, link and estimate of its rows"
        )
    db.execute(_V4_CANDIDATES)
    db.execute(
        f"INSERT INTO candidates_v4 ({_V3_CANDIDATE_COLUMNS}, example) "
        f"SELECT {_V3_CANDIDATE_COLUMNS}, NULL FROM candidates"
    )
    db.execute("DROP TABLE candidates")
    db.execute("ALTER TABLE candidates_v4 RENAME TO candidates")
    db.execute("CREATE INDEX candidates_position ON candidates(position)")
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the rebuilt candidates table breaks {len(broken)} reference(s)")
    db.execute("PRAGMA user_version = 4")


def add_versions(db: Executes) -> None:
    """Version 5: the charter's exported versions (fingerprint, time of the last export, and
    the charter document as JSON text), and the version each sign-off was given on (NULL for
    the sign-offs recorded before)."""
    db.execute(
        "CREATE TABLE versions (position INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, "
        "exported_at TEXT NOT NULL, document TEXT NOT NULL)"
    )
    db.execute("ALTER TABLE signoffs ADD COLUMN version TEXT")
    db.execute("PRAGMA user_version = 5")


def add_review_signoffs(db: Executes) -> None:
    """Version 6: how each sign-off came (room, review form, email, paper), the name typed on
    a review form, and the form's comment on each part of the charter (NULL when none)."""
    for column in (
        "channel",
        "signed_as",
        "comment_workflow",
        "comment_metrics",
        "comment_adoption",
    ):
        db.execute(f"ALTER TABLE signoffs ADD COLUMN {column} TEXT")
    db.execute("PRAGMA user_version = 6")


def _columns(db: Executes, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _has_rows(db: Executes, table: str) -> bool:
    return bool(db.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0])


def _refuse_cascades(db: Executes) -> None:
    """With foreign keys on, refuse to drop a table whose rows others' rows refer to."""
    for table in V7_TABLE_NAMES:
        parents = {row[2] for row in db.execute(f'PRAGMA foreign_key_list("{table}")')}
        if any(_has_rows(db, parent) for parent in parents) and _has_rows(db, table):
            raise RuntimeError(
                f"{table} cannot be rebuilt with foreign keys on: dropping the tables it "
                "refers to would delete or change its rows"
            )


def make_strict(db: Executes) -> None:
    """Version 7: every table rebuilt ``STRICT`` with its ``CHECK`` constraints, every row kept.

    One table at a time, its rows are kept in a temporary table, the table is dropped and made
    again with its constraints (:mod:`workshop_app.store.strict_tables`), and the rows are
    copied back (a row the constraints refuse stops the step, and nothing of it stays), then
    its index is made again. (Version 4 built a new table and renamed it, SQLite's own
    procedure; renaming seventeen tables, each rename reparsing the whole schema, took 50 ms,
    which every new file would pay.)

    Dropping a table with foreign keys on first deletes its rows, which would cascade into the
    rows that refer to them: :func:`workshop_app.store.schema.migrate` turns them off around
    the steps, and this step refuses to run with them on while rows refer to rows (a new file
    is laid out with them on, harmlessly: only its details and adoption rows exist). The
    references are checked again before the step commits.
    """
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        _refuse_cascades(db)
    statements = [statement.strip() for statement in V7_TABLES.split(";")]
    created = dict(zip(V7_TABLE_NAMES, statements, strict=True))
    for table in V7_TABLE_NAMES:  # one at a time: every table any other refers to stays there
        kept = f'temp."{table}_v6"'
        db.execute(f'CREATE TABLE {kept} AS SELECT * FROM "{table}"')
        db.execute(f'DROP TABLE "{table}"')
        db.execute(created[table])
        columns = ", ".join(f'"{name}"' for name in _columns(db, table))
        db.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM {kept}')
        db.execute(f"DROP TABLE {kept}")
        if table in V7_INDEXES:
            db.execute(V7_INDEXES[table])
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the rebuilt tables break {len(broken)} reference(s)")
    db.execute("PRAGMA user_version = 7")


#: Version 8's table: which state of its file this is. ``revision`` is drawn at random by every
#: transaction that writes rows (:func:`workshop_app.store.row_sync.write`), ``previous`` is
#: the one it replaced; a rollback journal belongs to a file when the state it would restore
#: is the file's revision or the one before it (:mod:`workshop_app.store.journal`).
FILE_STATE = """CREATE TABLE file_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision TEXT NOT NULL CHECK (length(revision) = 32 AND revision NOT GLOB '*[^0-9a-f]*'),
    previous TEXT NOT NULL CHECK (previous = '' OR (length(previous) = 32
        AND previous NOT GLOB '*[^0-9a-f]*'))
) STRICT"""
#: A revision no other file has: 128 random bits as 32 lower-case hex digits.
NEW_REVISION = "lower(hex(randomblob(16)))"


def add_file_state(db: Executes) -> None:
    """Version 8: the file's revision (:data:`FILE_STATE`), first drawn here."""
    db.execute(FILE_STATE)
    db.execute(f"INSERT INTO file_state (id, revision, previous) VALUES (1, {NEW_REVISION}, '')")
    db.execute("PRAGMA user_version = 8")


#: Every step, oldest first, by the name it is recorded under. Add a step at the end (and
#: raise :data:`SCHEMA_VERSION`); never change one that has shipped.
STEPS: tuple[tuple[str, Callable[[Executes], None]], ...] = (
    ("0001_workshop_tables", create_v1),
    ("0002_checkin_plan", add_checkin_plan),
    ("0003_estimates", add_estimates),
    ("0004_unestimated_candidates", allow_unestimated),
    ("0005_charter_versions", add_versions),
    ("0006_review_signoffs", add_review_signoffs),
    ("0007_strict_tables", make_strict),
    ("0008_file_state", add_file_state),
)

#: The table in which sqlite-utils ``Migrations`` records applied steps, as it creates it.
RECORDS = (
    'CREATE TABLE "_sqlite_migrations" (\n'
    '   "id" INTEGER PRIMARY KEY,\n'
    '   "migration_set" TEXT,\n'
    '   "name" TEXT,\n'
    '   "applied_at" TEXT\n'
    ")",
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n'
    '    ON "_sqlite_migrations" ("migration_set", "name")',
)


def applied_now() -> str:
    """The time a schema step is recorded as applied at (``_sqlite_migrations.applied_at``)."""
    return str(dt.datetime.now(dt.UTC))


def lay_out(conn: sqlite3.Connection, version: int = SCHEMA_VERSION) -> None:
    """Create every table of ``version`` (the newest by default) in an empty file, in one
    transaction, with each step recorded as applied (``conn`` in autocommit mode)."""
    applied_at = applied_now()
    conn.execute("BEGIN")
    try:
        for statement in RECORDS:
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for name, step in STEPS[:version]:
            step(conn)
            conn.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
                (MIGRATION_SET, name, applied_at),
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
