"""A child process that holds a workshop open for writing, as a second app would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOLDER = """
import sys
from workshop_app.store.workshop_file import WorkshopFile
opened = WorkshopFile.open(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
opened.close()
"""


@contextmanager
def held_elsewhere(path: Path) -> Iterator[int]:
    """Keep ``path`` open for writing in another process; yields that process's id."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        yield child.pid
    finally:
        child.communicate("done\n", timeout=30)
