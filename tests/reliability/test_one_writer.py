"""One writer at a time, proven under load (issue 15): rounds of eight ``checkin`` commands
started at once on one file. Every reading a command reports stored is in the file, and
every command that stored nothing said so in one line naming who held the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.file_rows import query

pytestmark = pytest.mark.slow

ROUNDS, WRITERS = 6, 8


def _checkin(path: Path, value: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workshop_app",
            "checkin",
            str(path),
            "--metric",
            "m1",
            "--date",
            "2026-12-20",
            "--value",
            str(value),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )


def test_every_reading_reported_stored_is_in_the_file(demo_file: Path) -> None:
    stored: list[int] = []
    for round_ in range(ROUNDS):
        values = [10_000 + round_ * 100 + i for i in range(WRITERS)]
        writers = [_checkin(demo_file, value) for value in values]
        for value, writer in zip(values, writers, strict=True):
            out, err = writer.communicate(timeout=120)
            if writer.returncode == 0:
                assert err == "" and "reading stored" in out
                stored.append(value)
            else:
                assert writer.returncode == 1 and out == ""
                [line] = err.splitlines()
                assert line.startswith(f"{demo_file}: is being changed by workshop-app checkin")
        in_file = [row[0] for row in query(demo_file, "SELECT value FROM checkins")]
        assert set(stored) <= set(in_file), f"round {round_}: a reading reported stored is lost"
    # Each waited its turn: with a bounded wait far above a command's moment, none gave up.
    assert len(stored) == ROUNDS * WRITERS
    assert query(demo_file, "PRAGMA integrity_check") == [("ok",)]
    assert not demo_file.with_name(f".{demo_file.name}.lock").exists()
