"""A child process for tests/ui/test_layout_fits.py: where the first window opens on a screen.

Started under Qt's offscreen platform with one screen of the size under test (``configfile=``),
as the test session's own application has an 800 × 600 screen and Qt reads screens only once.
It opens the window as the app does, with no saved geometry or with the one given (x,y,w,h,
as a window at that place would have saved it), and prints what it saw as one JSON line.

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python -m tests.ui.first_window [x,y,w,h]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.ui.look import apply_look
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import Settings


def _rect(rect: QRect) -> list[int]:
    return list(rect.getRect())


def main(saved: str | None) -> dict[str, Any]:
    app = QApplication(sys.argv[:1])
    apply_look(app)
    settings = Settings.in_file(Path(tempfile.mkdtemp()) / "settings.ini")
    if saved:
        x, y, width, height = (int(part) for part in saved.split(","))
        former = QWidget()
        former.setGeometry(x, y, width, height)
        settings.set_geometry(former.saveGeometry())
    window = MainWindow(settings)
    seen: dict[str, Any] = {
        "available": _rect(QGuiApplication.primaryScreen().availableGeometry()),
        "built": _rect(window.frameGeometry()),
        "minimum": [window.minimumSize().width(), window.minimumSize().height()],
    }
    window.show()
    app.processEvents()
    seen["shown"] = _rect(window.frameGeometry())
    seen["maximized"] = window.isMaximized()
    window.close()
    return seen


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1] if len(sys.argv) > 1 else None)), flush=True)
