"""The Qt bindings cannot take the interpreter down.

PySide6 6.12.0 drops a reference to ``None`` on every call of a Qt method that returns
nothing (and of ``True``/``False`` on some paths); on Python 3.11 that frees them and aborts
after a few dozen repaints.
``workshop_app.ui`` guards against it as soon as it is imported (see ``ui/bindings.py``).
It also stops PySide reading the source of every module imported after it (``ui/feature_scan.py``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.ui import bindings
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


#: One way of raising the counts, run alone in a fresh interpreter: the module is loaded from
#: its file, without the package, whose import would raise the counts first.
MECHANISM = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("bindings", {path!r})
bindings = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bindings)
before = [sys.getrefcount(singleton) for singleton in bindings.SINGLETONS]
getattr(bindings, {name!r})()
after = [sys.getrefcount(singleton) for singleton in bindings.SINGLETONS]
print(*(new - old for new, old in zip(after, before)))
"""


@mortal_singletons
@pytest.mark.parametrize("name", ["raise_counts_in_memory_file", "raise_counts_with_ctypes"])
def test_each_way_of_raising_the_counts_adds_the_headroom(name: str) -> None:
    """Through the process's memory file (where Linux allows it) and through ctypes (else)."""
    result = run(MECHANISM.format(path=bindings.__file__, name=name))
    assert result.returncode == 0, result.stderr[-500:]
    added = [int(count) for count in result.stdout.split()]
    assert len(added) == len(SINGLETONS)
    # The headroom, give or take the few references loading ctypes makes or lets go of.
    assert all(abs(count - HEADROOM) < 1_000 for count in added), added


def test_a_long_session_of_void_qt_calls_does_not_abort() -> None:
    result = run(SCRIPT)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"


FEATURES = """
import linecache
import sys
import workshop_app.ui
sys.path.insert(0, sys.argv[1])
import plain_module
import snake_module
print(snake_module.NULL, len(linecache.cache))
"""


def test_pyside_reads_no_module_source_and_features_still_work(tmp_path: Path) -> None:
    """``ui/feature_scan.py``: no imported module's source is read to look for PySide6, and
    a module that selects ``snake_case`` still gets it."""
    (tmp_path / "plain_module.py").write_text("VALUE = 1  # names PySide6 in a comment\n")
    (tmp_path / "snake_module.py").write_text(
        "from __feature__ import snake_case\n"
        "from PySide6.QtCore import QRect\n"
        "NULL = QRect().is_null()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", FEATURES, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-800:]
    null, sources_read = result.stdout.split()
    assert null == "True"
    assert int(sources_read) <= 3  # shiboken's own, read as PySide loads; none of ours
