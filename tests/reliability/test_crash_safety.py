"""Kill -9 at random moments: the workshop file stays whole and keeps every saved edit.

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
from pathlib import Path

import pytest

from workshop_app.store.workshop_file import WorkshopFile

pytestmark = pytest.mark.slow

EDITOR = r"""
import sys
from workshop_app.domain.model import Stakeholder
from workshop_app.store.workshop_file import WorkshopFile

opened = WorkshopFile.open(sys.argv[1])
number = len(opened.workshop.stakeholders)
print("ready", flush=True)
while True:
    number += 1
    def add(workshop, number=number):
        workshop.stakeholders.append(Stakeholder(f"k{number}", f"Person {number}"))
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


def run_and_kill(script: str, args: list[str], lines_before_kill: int) -> list[str]:
    """Start ``script``, let it print some lines, SIGKILL it, and return what it printed."""
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
            ids = {s.id for s in reopened.workshop.stakeholders}
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
