"""The Qt bindings cannot take the interpreter down.

PySide6 6.12.0 drops a reference to ``None`` on every call of a Qt method that returns
nothing (and of ``True``/``False`` on some paths); on Python 3.11 that frees them and aborts
after a few dozen repaints.
``workshop_app.ui`` guards against it as soon as it is imported (see ``ui/bindings.py``).
"""

from __future__ import annotations

import subprocess
import sys

import workshop_app.ui
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


def test_the_singletons_have_headroom_once_the_ui_is_imported() -> None:
    assert workshop_app.ui is not None
    if sys.version_info < (3, 12):
        for singleton in SINGLETONS:
            assert sys.getrefcount(singleton) > HEADROOM // 2
        assert make_singletons_immortal() is False  # applied once only


def test_a_long_session_of_void_qt_calls_does_not_abort() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"
