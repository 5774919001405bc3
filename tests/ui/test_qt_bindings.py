"""The Qt bindings cannot take the interpreter down.

PySide6 6.12.0 drops a reference to ``None`` on every call of a Qt method that returns
nothing (and of ``True``/``False`` on some paths); on Python 3.11 that frees them and aborts
after a few dozen repaints.
``workshop_app.ui`` guards against it as soon as it is imported (see ``ui/bindings.py``).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from workshop_app.ui.bindings import HEADROOM, SINGLETONS, make_singletons_immortal

SCRIPT = """
import sys
import workshop_app.ui
from PySide6.QtCore import QRectF
rect = QRectF()
for _ in range(200_000):
    rect.setWidth(1.0)
print("survived")
"""

COUNTS = """
import sys
singletons = (None, True, False)
print(*(sys.getrefcount(s) for s in singletons))
import workshop_app.ui
print(*(sys.getrefcount(s) for s in singletons))
"""

mortal_singletons = pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info >= (3, 12),
    reason="CPython 3.12 made None, True and False immortal; the guard leaves them alone",
)


def run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )


@mortal_singletons
def test_importing_the_ui_gives_the_singletons_headroom() -> None:
    result = run(COUNTS)
    assert result.returncode == 0, result.stderr[-500:]
    before, after = ([int(count) for count in line.split()] for line in result.stdout.splitlines())
    for singleton, old, new in zip(SINGLETONS, before, after, strict=True):
        assert old < HEADROOM // 2, singleton
        assert new - old > HEADROOM // 2, singleton


@mortal_singletons
def test_the_headroom_is_added_once_per_process() -> None:
    counts = [sys.getrefcount(singleton) for singleton in SINGLETONS]
    assert min(counts) > HEADROOM // 2  # this process imported workshop_app.ui already
    assert make_singletons_immortal() is False
    assert all(
        sys.getrefcount(singleton) < count + HEADROOM // 2
        for singleton, count in zip(SINGLETONS, counts, strict=True)
    )


def test_a_long_session_of_void_qt_calls_does_not_abort() -> None:
    result = run(SCRIPT)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"
