"""Kill -9 at random moments: the workshop file stays whole and keeps every saved edit, and
every backup that is listed opens and holds a state that was saved.

A child process applies edits through the same store API the app uses and prints a line after
each one is saved; the test kills it with SIGKILL at random moments, then reopens the file.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop_app.domain.model import Stakeholder, Workshop
from workshop_app.store.backup_schedule import BackupPolicy
from workshop_app.store.backups import content_of, folder_of, list_backups
from workshop_app.store.workshop_file import WorkshopFile

pytestmark = pytest.mark.slow

EDITOR = r"""
import sys
from workshop_app.domain.model import Checkin
from workshop_app.store.workshop_file import WorkshopFile

opened = WorkshopFile.open(sys.argv[1])
number = len(opened.workshop.checkins)
print("ready", flush=True)
while True:
    number += 1
    def add(workshop, number=number):
        workshop.checkins.append(Checkin("m1", "2026-12-01", number, f"k{number}"))
        workshop.candidates[0].votes = number % 50
    opened.change(add)
    print(f"saved k{number}", flush=True)
"""

WRITER = r"""
import sys
from workshop_app.libraries import demo_document
from workshop_app.store.interchange import document_to_workshop, import_document
from workshop_app.store.workshop_file import write_new_file
workshop = document_to_workshop(demo_document(), "demo")
folder, mode = sys.argv[1], sys.argv[2]
print("ready", flush=True)
number = 0
while True:
    number += 1
    target = f"{folder}/copy{number}.workshop"
    if mode == "import":
        import_document(f"{folder}/source.json", target)
    else:
        write_new_file(__import__("pathlib").Path(target), workshop)
    print(f"done {number}", flush=True)
"""


BACKER = r"""
import sys
from workshop_app.domain.model import Stakeholder
from workshop_app.store.backup_schedule import BackupPolicy
from workshop_app.store.workshop_file import WorkshopFile

print("ready", flush=True)  # a kill may come while opening, and its backup, too
opened = WorkshopFile.open(sys.argv[1], backups=BackupPolicy(every=0, in_background=True))
number = len(opened.workshop.stakeholders)
while True:
    number += 1
    def add(workshop, number=number):
        workshop.stakeholders.append(Stakeholder(f"k{number}", f"Person {number}"))
    opened.change(add)  # saved, then copied and checked in the background, as in the app
    problem = opened.take_backup_problem()
    print(f"problem {problem}" if problem else f"saved k{number}", flush=True)
"""


def run_and_kill(
    script: str, args: list[str], lines_before_kill: int, then: float = 0.0
) -> list[str]:
    """Start ``script``, let it print some lines (and run ``then`` seconds more), SIGKILL it,
    and return what it printed."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    printed = [child.stdout.readline().strip()]
    assert printed[0] == "ready", child.stderr.read() if child.stderr else ""
    for _ in range(lines_before_kill):
        printed.append(child.stdout.readline().strip())
    if then:
        time.sleep(then)  # the random moment itself: anywhere in the next edit or backup
    os.kill(child.pid, signal.SIGKILL)
    rest, _err = child.communicate()
    printed.extend(line.strip() for line in rest.splitlines() if line.strip())
    return printed


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_every_reported_edit_survives_fifty_kills(demo_file: Path) -> None:
    rng = random.Random(20261124)
    reported: set[str] = set()
    for _kill in range(50):
        printed = run_and_kill(EDITOR, [str(demo_file)], rng.randint(0, 12))
        reported.update(line.split()[1] for line in printed if line.startswith("saved "))
        with WorkshopFile.open(demo_file) as reopened:  # also rolls back a hot journal
            ids = {c.note for c in reopened.workshop.checkins}
        assert integrity(demo_file) == "ok"
        assert reported <= ids, f"lost: {sorted(reported - ids)[:5]}"
    assert len(reported) >= 50


@pytest.mark.parametrize("mode", ["save-as", "import"])
def test_an_interrupted_copy_or_import_leaves_nothing_half_written(
    tmp_path: Path, demo_document: dict, mode: str
) -> None:
    (tmp_path / "source.json").write_text(json.dumps(demo_document), encoding="utf-8")
    rng = random.Random(mode)
    for round_number in range(8):
        folder = tmp_path / f"round{round_number}"
        folder.mkdir()
        (folder / "source.json").write_text(json.dumps(demo_document), encoding="utf-8")
        printed = run_and_kill(WRITER, [str(folder), mode], rng.randint(0, 3))
        done = {int(line.split()[1]) for line in printed if line.startswith("done ")}
        for target in folder.glob("copy*.workshop"):
            assert integrity(target) == "ok"
            with WorkshopFile.open(target, read_only=True) as opened:
                assert len(opened.workshop.candidates) == 8  # complete, not partial
        for number in done:
            assert (folder / f"copy{number}.workshop").exists()


def test_every_listed_backup_opens_and_holds_a_state_that_was_saved(demo_file: Path) -> None:
    """A backup is killed at random moments — while it is copied, checked, described or
    named; what is listed opens (as a read-only open checks it) and is a state of the file."""
    rng = random.Random(20261130)
    with WorkshopFile.open(demo_file, read_only=True) as opened:
        first = len(opened.workshop.stakeholders) + 1
    reported: set[str] = set()
    seen: set[Path] = set()
    for _kill in range(12):
        printed = run_and_kill(BACKER, [str(demo_file)], rng.randint(0, 5), rng.uniform(0, 0.06))
        assert not [line for line in printed if line.startswith("problem")], printed
        reported.update(line.split()[1] for line in printed if line.startswith("saved "))
        for backup in list_backups(demo_file):
            if backup.path in seen:
                continue  # a backup is never changed once it is named
            seen.add(backup.path)
            with WorkshopFile.open(backup.path, read_only=True) as kept:
                added = [s.id for s in kept.workshop.stakeholders[first - 1 :]]
                assert content_of(kept.workshop) == backup.content
            # the edits in the order made, none missing: a state the file had once saved
            assert added == [f"k{n}" for n in range(first, first + len(added))]
    assert len(reported) >= 12
    with WorkshopFile.open(demo_file) as reopened:
        assert reported <= {s.id for s in reopened.workshop.stakeholders}

    # What an interrupted backup left is never listed, and the next backup removes it.
    def add(workshop: Workshop) -> None:
        workshop.stakeholders.append(Stakeholder("last", "The last one"))

    with WorkshopFile.open(demo_file, backups=BackupPolicy(every=0)) as opened:
        opened.change(add)
    names = [p.name for p in folder_of(demo_file).iterdir()]
    assert not [name for name in names if name.startswith(".")]
    assert len(names) == 2 * len(list_backups(demo_file))
