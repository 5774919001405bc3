"""Workshop files as another program or a failing disk leaves them: the findings of issue 14,
each as the SQL that makes it and the one line that must refuse it.

Another program writes with its own settings: the file's CHECK constraints and foreign keys
off (``PRAGMA ignore_check_constraints``, ``PRAGMA foreign_keys``), and a schema it may edit
(``PRAGMA writable_schema``). What even that cannot write into a version-7 file (text in a
``STRICT`` integer column, binary data in one) is written into a copy of the version-6
fixture, whose tables take anything.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workshop_app.store.tables import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VERSION_6 = FIXTURES / "version6.workshop"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tamper(path: Path, sql: str) -> Path:
    """Run ``sql`` on the file as another program would: with the file's checks off."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.executescript(sql)
    finally:
        conn.close()
    return path


@dataclass(frozen=True)
class Finding:
    """One way a file reaches the app damaged, and how it must be refused.

    Attributes:
        sql: what another program did to a copy of the demo (or of the version-6 fixture).
        message: the one line that refuses it, after ``FILE: ``.
        old: the damage is made in the version-6 fixture (a version-7 file refuses it).
        rows: the damage is in the rows (what can be read may be opened read-only), not in
            the tables.
    """

    sql: str
    message: str
    old: bool = False
    rows: bool = True

    def made_from(self, demo_file: Path, folder: Path, name: str = "damaged") -> Path:
        """A damaged copy: of ``demo_file``, or of the version-6 fixture."""
        path = folder / f"{name}.workshop"
        shutil.copyfile(VERSION_6 if self.old else demo_file, path)
        return tamper(path, self.sql)


FIRST_CHECKIN = "(SELECT min(position) FROM checkins)"

#: Every finding of issue 14's first section, by name.
FINDINGS: dict[str, Finding] = {
    "text in a number": Finding(
        "UPDATE candidates SET minutes_per_occurrence = 'abc' WHERE id = 'c3'",
        "candidates c3.minutes_per_occurrence: must be a number, got text 'abc'",
    ),
    "text in a rating": Finding(
        "UPDATE candidates SET pain = 'high' WHERE id = 'c3'",
        "candidates c3.pain: must be a whole number, got text 'high'",
        old=True,
    ),
    "text in a frequency": Finding(
        "UPDATE candidates SET frequency_count = 'often' WHERE id = 'c3'",
        "candidates c3.frequency_count: must be a number, got text 'often'",
    ),
    "binary data in a number": Finding(
        "UPDATE candidates SET people = x'00ff' WHERE id = 'c3'",
        "candidates c3.people: must be a whole number, got binary data (2 bytes)",
        old=True,
    ),
    "negative minutes": Finding(
        "UPDATE candidates SET minutes_per_occurrence = -5 WHERE id = 'c3'",
        "candidates c3.minutes_per_occurrence: must be 0 to 100000, got -5",
    ),
    "infinite minutes": Finding(
        "UPDATE candidates SET minutes_per_occurrence = 9e999 WHERE id = 'c3'",
        "candidates c3.minutes_per_occurrence: must be a number, got inf",
    ),
    "pain 99": Finding(
        "UPDATE candidates SET pain = 99 WHERE id = 'c3'",
        "candidates c3.pain: must be 1 to 5, got 99",
    ),
    "a choice no list has": Finding(
        "UPDATE candidates SET governance = 'huge' WHERE id = 'c3'",
        "candidates c3.governance: must be one of low, medium, high; got 'huge'",
    ),
    "votes below zero": Finding(
        "UPDATE candidates SET votes = -1 WHERE id = 'c3'",
        "candidates c3.votes: must be 0 to 10000, got -1",
    ),
    "a reading dated soon": Finding(
        f"UPDATE checkins SET date = 'soon' WHERE position = {FIRST_CHECKIN}",
        "checkins row 0.date: must be a date written YYYY-MM-DD, got 'soon'",
    ),
    "a reading dated 30 February": Finding(
        f"UPDATE checkins SET date = '2026-02-30' WHERE position = {FIRST_CHECKIN}",
        "checkins row 0.date: must be a date written YYYY-MM-DD, got '2026-02-30'",
    ),
    "a check-in day of 99999999": Finding(
        "UPDATE checkin_plan SET day = 99999999 WHERE position = 0",
        "checkin_plan row 0.day: must be 1 to 366, got 99999999",
    ),
    "a workshop on 9999-12-31": Finding(
        "UPDATE workshop SET date = '9999-12-31'",
        "workshop.date: must be a date from 1900-01-01 to 2999-12-31, got '9999-12-31'",
    ),
    "no workshop row": Finding(
        "DELETE FROM workshop", "workshop: its row is missing (the workshop's details)"
    ),
    "no adoption row": Finding(
        "DELETE FROM adoption", "adoption: its row is missing (the adoption plan)"
    ),
    "a reference to nobody": Finding(
        "UPDATE metrics SET owner_id = 'nobody' WHERE id = 'm1'",
        "metrics m1.owner_id: no stakeholder has the id 'nobody'",
    ),
    "a metric of no candidate": Finding(
        "UPDATE metrics SET candidate_id = 'c99' WHERE id = 'm1'",
        "metrics m1.candidate_id: no candidate has the id 'c99'",
    ),
    "a link to no problem": Finding(
        "UPDATE candidates__problem_ids SET ref_id = 'p99' WHERE owner_id = 'c1' AND position = 0",
        "candidates__problem_ids (c1, 0).ref_id: no problem has the id 'p99'",
    ),
    "a NUL in the title": Finding(
        "UPDATE workshop SET title = 'Demo' || char(0) || 'x'",
        "workshop.title: has a control character U+0000 at position 5",
    ),
    "bytes that are not UTF-8": Finding(
        "UPDATE workshop SET title = CAST(x'44656d6fff' AS TEXT)",
        "workshop.title: has a broken character (lone surrogate U+DCFF) at position 5",
    ),
    "symptoms that are not JSON": Finding(
        "UPDATE problems SET symptoms = '[\"time_sink\"' WHERE id = 'p1'",
        "problems p1.symptoms: must be a list, got text '[\"time_sink\"'",
    ),
    "a trigger that deletes readings": Finding(
        "CREATE TRIGGER forget_readings AFTER INSERT ON checkins BEGIN DELETE FROM checkins; END",
        "it has a trigger forget_readings (on checkins) that First Workflow does not make: "
        "a trigger changes data behind the app's back",
        rows=False,
    ),
    "a table replaced by a view": Finding(
        "DROP TABLE risks; CREATE VIEW risks AS SELECT 'r1' AS id",
        "the table risks has been replaced by a view",
        rows=False,
    ),
    "the check-ins table dropped": Finding(
        "DROP TABLE checkins", "the table checkins is missing", rows=False
    ),
    "a column added": Finding(
        "ALTER TABLE candidates ADD COLUMN colour TEXT",
        "the table candidates has a column colour First Workflow does not make",
        rows=False,
    ),
    "a check loosened": Finding(
        "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = "
        "replace(sql, 'votes BETWEEN 0 AND 10000', 'votes BETWEEN 0 AND 99999') "
        "WHERE name = 'candidates'",
        "the table candidates is defined differently from First Workflow's version "
        f"{SCHEMA_VERSION} "
        "(a type, a key or a check of it differs)",
        rows=False,
    ),
    "an index on our table": Finding(
        "CREATE UNIQUE INDEX one_name ON stakeholders(name)",
        "it has an index one_name on stakeholders that First Workflow does not make",
        rows=False,
    ),
    "an own table that refers to ours": Finding(
        "CREATE TABLE notes (candidate TEXT REFERENCES candidates(id) ON DELETE RESTRICT)",
        "its own table notes refers to First Workflow's table candidates",
        rows=False,
    ),
}
