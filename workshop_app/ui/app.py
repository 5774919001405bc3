"""Start the desktop app: the QApplication, the workshop to open, the main window."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from workshop_app import APP_NAME, __version__
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow


def demo_copy_path() -> Path:
    """A new file name for a fresh copy of the demo, in the user's app data folder."""
    base = (
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        / "demo workshops"
    )
    base.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H.%M")
    path = base / f"Demo workshop {stamp}.workshop"
    number = 2
    while path.exists():
        path = base / f"Demo workshop {stamp} ({number}).workshop"
        number += 1
    return path


def write_demo_copy() -> Path:
    """Write a fresh copy of the bundled demo workshop and return its path."""
    from workshop_app.libraries import demo_document
    from workshop_app.store.interchange import document_to_workshop
    from workshop_app.store.workshop_file import write_new_file

    path = demo_copy_path()
    write_new_file(path, document_to_workshop(demo_document(), "demo workshop"))
    return path


def make_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("First Workflow")
    app.setApplicationVersion(__version__)
    return app


def run(file: Path | None = None, demo: bool = False) -> int:
    """Open the app on ``file``, on a fresh demo copy, or on an empty window."""
    app = make_application()
    try:
        path = write_demo_copy() if demo else file
        opened = WorkshopFile.open(path) if path is not None else None
    except WorkshopFileError as exc:
        QMessageBox.critical(None, APP_NAME, f"The workshop could not be opened.\n\n{exc}")
        return 1
    window = MainWindow(opened)
    window.show()
    return app.exec()
