"""Start the desktop app: the QApplication, its look, the workshop to open, the main window."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workshop_app import APP_NAME, __version__
from workshop_app.paths import resource
from workshop_app.process_age import process_age_ms
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.file_actions import open_file, write_demo_copy
from workshop_app.ui.look import apply_look
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.session import Session
from workshop_app.ui.settings import Settings


def make_application() -> QApplication:
    """The QApplication with our names, icon and look (created once)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons/app.svg"))))
    apply_look(app)
    return app


#: What waits for the first paint is done at the latest this long after start, should the
#: window not paint (minimised, or behind a dialog about the file).
SETTLE_AT_THE_LATEST_MS = 3000


def collect_from_now_on() -> None:
    """Start the cyclic garbage collector that start-up ran without (``cli`` stops it before
    PySide loads: its passes over the thousands of objects importing makes, none of them
    garbage, cost about 2% of the start). What start-up made is kept out of every later pass
    (``gc.freeze``), so the collections while the facilitator works are shorter too."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _settle(window: MainWindow) -> None:
    """What start-up leaves for after the first paint: the garbage collector, and the backup
    of the file as it was opened (which a change would make first anyway: ``back_up_opened``),
    with its failure said in the status bar as any backup's is."""
    collect_from_now_on()
    if window.session is not None:
        window.session.file.back_up_opened()
        window.report_backup_problem()


class _FirstPaint(QObject):
    """Once the window has painted: with ``--smoke-test`` the start-up time is printed and
    the app quits; either way what waited for the paint is done (:func:`_settle`)."""

    def __init__(self, window: MainWindow, smoke_test: bool) -> None:
        super().__init__(window)
        self.window, self.smoke_test = window, smoke_test
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            watched.removeEventFilter(self)  # the window's later events skip Python
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        if self.smoke_test:
            print(f"first paint after {process_age_ms():.0f} ms", flush=True)
        _settle(self.window)
        if self.smoke_test:
            QApplication.instance().quit()  # type: ignore[union-attr]


def run(file: Path | None = None, demo: bool = False, smoke_test: bool = False) -> int:
    """Open the app on ``file``, on a fresh demo copy, or on the welcome screen."""
    app = make_application()
    settings = Settings()
    session = None
    try:
        path = write_demo_copy() if (demo or (smoke_test and file is None)) else file
        # The file's backup as opened waits for the first paint (_settle).
        if path is not None and smoke_test:  # opened as below, with a line for a dialog
            from workshop_app.store.backup_policy import app_backups

            session = Session(WorkshopFile.open(path, backups=app_backups(opened_later=True)))
        elif path is not None:
            opened = open_file(None, path, opened_later=True)  # a refusal is explained
            session = Session(opened) if opened is not None else None
    except WorkshopFileError as exc:
        if smoke_test:
            print(f"smoke test failed: {exc}", file=sys.stderr)
            return 1
        from workshop_app.ui.open_problem import explain

        explain(None, exc)
    window = MainWindow(settings, session)
    if session is not None:
        session.setParent(window)
    window.installEventFilter(_FirstPaint(window, smoke_test))
    QTimer.singleShot(SETTLE_AT_THE_LATEST_MS, window, lambda: _settle(window))
    window.show()
    return app.exec()
