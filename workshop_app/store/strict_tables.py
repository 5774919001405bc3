"""Schema version 7's tables: every table ``STRICT``, with ``CHECK`` constraints for types,
ranges, choices, dates and lengths, so another program cannot write a value the app would
refuse. The step that rebuilds a version-6 file with them is
:func:`workshop_app.store.tables.make_strict`.

The text below is the schema of version 7 as it ships: never change it (a file made with it
must match it exactly to open); a later change is a new step. The constraints repeat rules of
the domain (``workshop_app/domain/fields.py``) and are never stricter than they are, so every
workshop the app accepts fits; ``tests/store/test_strict_tables.py`` holds the two together.
What a constraint cannot say — references between rows, the characters text may hold, rules
across rows — is checked when the file is opened, as an import is.

* Numbers a person types keep their type (``5`` stays ``5``, ``5.0`` stays ``5.0``): such a
  column is ``ANY`` with ``typeof`` limited to integer and real.
* Text lengths are counted in code points by SQLite, in characters as they show by the app:
  the bound is :data:`workshop_app.domain.text.CODE_POINTS_PER_CHARACTER` code points per
  character of the field's limit (1,600 for a 200-character name).
* The workshop's title and date may be empty here: a new file starts with an empty details
  row that the first write fills. Opening refuses a workshop without them.
"""

from __future__ import annotations

#: Version 7's tables, each made by one statement.
V7_TABLES = """
CREATE TABLE workshop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title TEXT NOT NULL CHECK (length(title) <= 1600),
    organization TEXT NOT NULL CHECK (length(organization) <= 1600),
    date TEXT NOT NULL CHECK (date = '' OR (date(date, '+0 days') IS date
        AND date BETWEEN '1900-01-01' AND '2999-12-31')),
    facilitator TEXT NOT NULL CHECK (length(facilitator) <= 1600),
    location TEXT NOT NULL CHECK (length(location) <= 1600),
    notes TEXT NOT NULL CHECK (length(notes) <= 40000)
) STRICT;
CREATE TABLE stakeholders (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> '' AND length(id) <= 512),
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (trim(name, char(32, 9, 10)) <> '' AND length(name) <= 1600),
    role TEXT NOT NULL CHECK (length(role) <= 1600),
    department TEXT NOT NULL CHECK (length(department) <= 1600),
    email TEXT NOT NULL CHECK (length(email) <= 2032),
    kind TEXT NOT NULL CHECK (kind IN ('sponsor', 'process_owner', 'daily_user', 'it_data',
        'governance', 'other'))
) STRICT;
CREATE TABLE problems (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> '' AND length(id) <= 512),
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (trim(title, char(32, 9, 10)) <> '' AND length(title) <= 1600),
    description TEXT NOT NULL CHECK (length(description) <= 40000),
    affected TEXT NOT NULL CHECK (length(affected) <= 8000),
    symptoms TEXT NOT NULL CHECK (symptoms GLOB '[[]*]'),
    raised_by TEXT REFERENCES stakeholders(id) ON DELETE SET NULL
) STRICT;
CREATE TABLE prior_attempts (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> '' AND length(id) <= 512),
    position INTEGER NOT NULL,
    what TEXT NOT NULL CHECK (trim(what, char(32, 9, 10)) <> '' AND length(what) <= 8000),
    notes TEXT NOT NULL CHECK (length(notes) <= 40000),
    stall_signs TEXT NOT NULL CHECK (stall_signs GLOB '[[]*]')
) STRICT;
CREATE TABLE candidates (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> '' AND length(id) <= 512),
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (trim(name, char(32, 9, 10)) <> '' AND length(name) <= 1600),
    description TEXT NOT NULL CHECK (length(description) <= 40000),
    frequency_count ANY CHECK (frequency_count IS NULL OR (typeof(frequency_count)
        IN ('integer', 'real') AND frequency_count > 0 AND frequency_count <= 100000)),
    frequency_per TEXT NOT NULL CHECK (frequency_per IN ('day', 'week', 'month', 'quarter',
        'year')),
    minutes_per_occurrence ANY CHECK (minutes_per_occurrence IS NULL
        OR (typeof(minutes_per_occurrence) IN ('integer', 'real')
        AND minutes_per_occurrence BETWEEN 0 AND 100000)),
    people INTEGER NOT NULL CHECK (people BETWEEN 1 AND 100000),
    pain INTEGER CHECK (pain BETWEEN 1 AND 5),
    handoffs INTEGER NOT NULL CHECK (handoffs BETWEEN 0 AND 1000),
    data_readiness TEXT NOT NULL CHECK (data_readiness IN ('ready', 'partial', 'missing')),
    integration_effort TEXT NOT NULL CHECK (integration_effort IN ('low', 'medium', 'high')),
    governance TEXT NOT NULL CHECK (governance IN ('low', 'medium', 'high')),
    appetite INTEGER NOT NULL CHECK (appetite BETWEEN 1 AND 5),
    votes INTEGER NOT NULL CHECK (votes BETWEEN 0 AND 10000),
    status TEXT NOT NULL CHECK (status IN ('candidate', 'chosen', 'parked')),
    parked_reason TEXT NOT NULL CHECK (length(parked_reason) <= 8000),
    overrides_friction INTEGER CHECK (overrides_friction BETWEEN 1 AND 5),
    overrides_frequency INTEGER CHECK (overrides_frequency BETWEEN 1 AND 5),
    overrides_reason TEXT NOT NULL CHECK (length(overrides_reason) <= 8000),
    example TEXT CHECK (length(example) <= 512),
    CHECK ((overrides_friction IS NULL AND overrides_frequency IS NULL)
        OR trim(overrides_reason, char(32, 9, 10)) <> '')
) STRICT;
CREATE TABLE candidates__problem_ids (
    owner_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    PRIMARY KEY (owner_id, position)
) STRICT;
CREATE TABLE metrics (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> '' AND length(id) <= 512),
    position INTEGER NOT NULL,
    candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (trim(name, char(32, 9, 10)) <> '' AND length(name) <= 1600),
    kind TEXT NOT NULL CHECK (kind IN ('adoption', 'outcome', 'trust', 'activity')),
    unit TEXT NOT NULL CHECK (length(unit) <= 512),
    direction TEXT NOT NULL CHECK (direction IN ('increase', 'decrease')),
    baseline ANY CHECK (baseline IS NULL OR (typeof(baseline) IN ('integer', 'real')
        AND baseline BETWEEN -1e12 AND 1e12)),
    target ANY CHECK (target IS NULL OR (typeof(target) IN ('integer', 'real')
        AND target BETWEEN -1e12 AND 1e12)),
    method TEXT NOT NULL CHECK (length(method) <= 8000),
    owner_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL
) STRICT;
CREATE TABLE metrics__agreed_by (
    owner_id TEXT NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    PRIMARY KEY (owner_id, position)
) STRICT;
CREATE TABLE adoption (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    champion_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    owner_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    trust_measures TEXT NOT NULL CHECK (length(trust_measures) <= 40000),
    training TEXT NOT NULL CHECK (length(training) <= 40000),
    feedback_channel TEXT NOT NULL CHECK (length(feedback_channel) <= 8000)
) STRICT;
CREATE TABLE adoption__users_involved (
    owner_id INTEGER NOT NULL REFERENCES adoption(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    PRIMARY KEY (owner_id, position)
) STRICT;
CREATE TABLE risks (
    id TEXT NOT NULL PRIMARY KEY CHECK (id <> '' AND length(id) <= 512),
    position INTEGER NOT NULL,
    description TEXT NOT NULL CHECK (trim(description, char(32, 9, 10)) <> ''
        AND length(description) <= 8000),
    category TEXT NOT NULL CHECK (category IN ('data_access', 'integration', 'governance',
        'trust', 'surveillance', 'creative_control', 'sponsorship', 'other')),
    likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    mitigation TEXT NOT NULL CHECK (length(mitigation) <= 8000),
    owner_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL
) STRICT;
CREATE TABLE checkins (
    position INTEGER PRIMARY KEY,
    metric_id TEXT NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date
        AND date BETWEEN '1900-01-01' AND '2999-12-31'),
    value ANY NOT NULL CHECK (typeof(value) IN ('integer', 'real')
        AND value BETWEEN -1e12 AND 1e12),
    note TEXT NOT NULL CHECK (length(note) <= 8000)
) STRICT;
CREATE TABLE signoffs (
    position INTEGER PRIMARY KEY,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date
        AND date BETWEEN '1900-01-01' AND '2999-12-31'),
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'changes_requested')),
    comment TEXT NOT NULL CHECK (length(comment) <= 40000),
    version TEXT CHECK (version = '' OR (length(version) = 10
        AND version NOT GLOB '*[^a-z2-7]*')),
    channel TEXT CHECK (channel IN ('room', 'form', 'email', 'paper')),
    signed_as TEXT CHECK (length(signed_as) <= 1600),
    comment_workflow TEXT CHECK (length(comment_workflow) <= 40000),
    comment_metrics TEXT CHECK (length(comment_metrics) <= 40000),
    comment_adoption TEXT CHECK (length(comment_adoption) <= 40000)
) STRICT;
CREATE TABLE decisions (
    position INTEGER PRIMARY KEY,
    at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%S', at, '+0 days') IS at
        AND at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59'),
    kind TEXT NOT NULL CHECK (kind IN ('chosen', 'unchosen', 'parked', 'unparked', 'override',
        'gate_passed', 'signed', 'estimated', 'expanded')),
    candidate_id TEXT REFERENCES candidates(id) ON DELETE SET NULL,
    reason TEXT NOT NULL CHECK (length(reason) <= 8000)
) STRICT;
CREATE TABLE checkin_plan (
    position INTEGER PRIMARY KEY,
    day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 366),
    note TEXT NOT NULL CHECK (length(note) <= 40000)
) STRICT;
CREATE TABLE estimates (
    position INTEGER PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    fact TEXT NOT NULL CHECK (fact IN ('occurrences', 'minutes', 'pain')),
    round INTEGER NOT NULL CHECK (round BETWEEN 1 AND 1000),
    who TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    value ANY CHECK (value IS NULL OR (typeof(value) IN ('integer', 'real') AND CASE fact
        WHEN 'minutes' THEN value > 0 AND value <= 100000
        WHEN 'pain' THEN value IN (1, 2, 3, 4, 5)
        ELSE value BETWEEN 0 AND 100000 END)),
    per TEXT CHECK (CASE fact WHEN 'occurrences' THEN per IS NOT NULL
        AND per IN ('day', 'week', 'month', 'quarter', 'year') ELSE per IS NULL END)
) STRICT;
CREATE TABLE versions (
    position INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 10
        AND fingerprint NOT GLOB '*[^a-z2-7]*'),
    exported_at TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%S', exported_at, '+0 days')
        IS exported_at AND exported_at BETWEEN '1900-01-01' AND '2999-12-31T23:59:59'),
    document TEXT NOT NULL CHECK (document GLOB '{*}')
) STRICT
"""

#: Version 6's tables, each made again by the statement in the same place of
#: :data:`V7_TABLES`: a table comes after those it refers to.
V7_TABLE_NAMES = (
    "workshop",
    "stakeholders",
    "problems",
    "prior_attempts",
    "candidates",
    "candidates__problem_ids",
    "metrics",
    "metrics__agreed_by",
    "adoption",
    "adoption__users_involved",
    "risks",
    "checkins",
    "signoffs",
    "decisions",
    "checkin_plan",
    "estimates",
    "versions",
)

#: The indexes each table has, made again after it is rebuilt.
V7_INDEXES = {
    "candidates": "CREATE INDEX candidates_position ON candidates(position)",
    "metrics": "CREATE INDEX metrics_candidate ON metrics(candidate_id)",
    "checkins": "CREATE INDEX checkins_metric ON checkins(metric_id)",
    "estimates": "CREATE INDEX estimates_candidate ON estimates(candidate_id)",
}
