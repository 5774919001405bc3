"""Two writers never share a workshop: the second is told who has it open, and may read."""

from __future__ import annotations

import fcntl
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.store.lock import UnusableLock, WorkshopLock, WorkshopLocked, lock_path
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


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: os.mkfifo(p), "is not a file (a pipe, socket or device)"),
        (lambda p: p.symlink_to("/dev/null"), "is a link"),
    ],
    ids=["folder", "pipe", "link"],
)
def test_a_lock_file_that_is_not_a_file_is_refused_at_once(
    demo_file: Path, make: object, said: str
) -> None:
    place = lock_path(demo_file)
    make(place)  # type: ignore[operator]
    before = demo_file.read_bytes()
    with pytest.raises(UnusableLock) as caught:
        WorkshopFile.open(demo_file)
    assert str(caught.value) == (
        f"{demo_file}: its lock file {place.name} {said}; remove it to open the workshop"
    )
    assert demo_file.read_bytes() == before and os.path.lexists(place)


def test_a_lock_taken_but_not_yet_filled_in_is_held(demo_file: Path) -> None:
    """The system lock decides, not the words in the file: a writer between taking the lock
    and writing its name still keeps the others out."""
    place = lock_path(demo_file)
    with place.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(WorkshopLocked) as caught:
            WorkshopFile.open(demo_file)
        assert "another program (which has not yet written its name)" in str(caught.value)
    with WorkshopFile.open(demo_file) as opened:  # let go: taken at once
        assert not opened.read_only


def test_a_command_says_which_command_holds_the_file(demo_file: Path) -> None:
    place = lock_path(demo_file)
    with place.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        body = {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": "2026-12-01 09:12",
            "app": "workshop-app checkin",
        }
        held.write(json.dumps(body))
        held.flush()
        with pytest.raises(WorkshopLocked) as caught:
            WorkshopLock(demo_file).acquire(demo_file, wait=0.2)
    assert str(caught.value) == (
        f"{demo_file}: is being changed by workshop-app checkin on {socket.gethostname()} "
        f"(process {os.getpid()}) since 2026-12-01 09:12; try again when it has finished"
    )


@pytest.mark.parametrize("command", ["demo", "import"])
def test_replacing_a_workshop_open_in_the_app_is_refused(
    command: str, demo_file: Path, tmp_path: Path
) -> None:
    source = tmp_path / "source.json"
    exported = subprocess.run(
        [sys.executable, "-m", "workshop_app", "export", str(demo_file), "-o", str(source)],
        check=True,
    )
    assert exported.returncode == 0
    arguments = [str(source), str(demo_file)] if command == "import" else [str(demo_file)]
    with held_elsewhere(demo_file) as pid:
        before = demo_file.read_bytes()
        result = subprocess.run(
            [sys.executable, "-m", "workshop_app", command, *arguments, "--force"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1
        [line] = result.stderr.splitlines()
        assert line.startswith(f"{demo_file}: is open in First Workflow on ")
        assert f"(process {pid}) since " in line
        assert "close it there, then run this again" in line
        assert demo_file.read_bytes() == before
