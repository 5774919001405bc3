"""Two writers never share a workshop: the second is told who has it open, and may read."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.store.lock import WorkshopLocked, lock_path
from workshop_app.store.workshop_file import WorkshopFile

from ..lock_holder import held_elsewhere


def test_a_second_writer_is_refused_with_who_holds_it(demo_file: Path) -> None:
    with held_elsewhere(demo_file) as pid:
        with pytest.raises(WorkshopLocked) as caught:
            WorkshopFile.open(demo_file)
        message = str(caught.value)
        assert f"on {socket.gethostname()} (process {pid})" in message
        assert "open it read-only" in message
        with WorkshopFile.open(demo_file, read_only=True) as reader:
            assert reader.read_only
            assert reader.workshop.info.title
    with WorkshopFile.open(demo_file) as writer:  # released on close
        assert not writer.read_only


def test_a_lock_left_by_a_dead_process_is_taken_over(demo_file: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    lock_path(demo_file).write_text(
        json.dumps(
            {"host": socket.gethostname(), "pid": int(dead.stdout), "since": "2026-11-10 09:00"}
        ),
        encoding="utf-8",
    )
    with WorkshopFile.open(demo_file) as opened:
        assert not opened.read_only
        held = json.loads(lock_path(demo_file).read_text(encoding="utf-8"))
        assert held["pid"] == os.getpid()
    assert not lock_path(demo_file).exists()


def test_the_cli_refuses_to_write_a_workshop_open_elsewhere(demo_file: Path) -> None:
    with held_elsewhere(demo_file):
        before = demo_file.read_bytes()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "workshop_app",
                "checkin",
                str(demo_file),
                "--metric",
                "m1",
                "--date",
                "2026-11-24",
                "--value",
                "30",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1
        assert "is open in First Workflow on" in result.stderr
        assert demo_file.read_bytes() == before
