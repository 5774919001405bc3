"""The main window: the welcome screen or one workshop's stages, with the stage navigator, the
menus and toolbar, the stage timer and the banner.

The parts live in their own modules: the stage pages (:mod:`~workshop_app.ui.stage_pages`),
the keyboard help (:mod:`~workshop_app.ui.shortcuts`), the File menu's work
(:mod:`~workshop_app.ui.window_files`, with the dialogs of :mod:`~workshop_app.ui.file_actions`),
the audience screen on a projector (:mod:`~workshop_app.ui.audience_screen`) and the
presentation mode (:mod:`~workshop_app.ui.presentation`), the banner
(:mod:`~workshop_app.ui.banner`) and the menus and toolbar (:mod:`~workshop_app.ui.window_actions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app import APP_NAME, __version__
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.model import UNTITLED
from workshop_app.domain.stage import Stage
from workshop_app.ui import shortcuts
from workshop_app.ui.audience_screen import AudienceScreens
from workshop_app.ui.banner import Banner
from workshop_app.ui.icons import icon
from workshop_app.ui.navigator import StageNavigator
from workshop_app.ui.presentation import Presentation
from workshop_app.ui.screen_fit import place_window, refit_shown
from workshop_app.ui.session import Session
from workshop_app.ui.settings import Settings
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.stage_pages import PAGE_FACTORIES, STAGES, Pages, Today
from workshop_app.ui.timer import StageTimer
from workshop_app.ui.window_actions import WindowActions
from workshop_app.ui.window_files import FileWindow

if TYPE_CHECKING:
    from workshop_app.domain.stages import StageReport
    from workshop_app.ui.welcome import WelcomePage

__all__ = ["STAGES", "MainWindow"]

#: The stage states and advice follow the first paint, or come this long after opening.
REPORTS_AT_THE_LATEST_MS = 400


class MainWindow(FileWindow):
    """The facilitator's window: the welcome screen, or one workshop's stages.

    Attributes:
        session: the open workshop, or None on the welcome screen.
        pages: the session's stage pages, each built the first time it is shown.
        audience: the audience views (on a second screen, and in the presentation mode).
        presentation: the presentation mode (F11).
        window_actions: the menus' and toolbar's actions.
    """

    def __init__(
        self,
        settings: Settings,
        session: Session | None = None,
        clock: Callable[[], float] | None = None,
        today: Today = dt.date.today,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.today = today
        self.session: Session | None = None
        self.pages = Pages()
        self._reports: dict[Stage, StageReport] = {}
        self.setWindowIcon(icon("app"))

        # Each part is made inside the widget that holds it: moving a made widget into another
        # makes Qt hand the stylesheet's style down its whole tree again.
        self.central = QStackedWidget(self)
        self._welcome: WelcomePage | None = None  # made when first shown (welcome)

        workspace = self.workspace = QWidget(self.central)
        self.navigator = StageNavigator(STAGES, workspace)
        self.navigator.currentRowChanged.connect(self._on_stage_row)
        self.navigator.painted.connect(self._on_navigator_painted)  # starts the reports
        self.banner = Banner(workspace)
        self.banner.button.clicked.connect(self.save_as)
        self.page_stack = QStackedWidget(workspace)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.banner)
        right.addWidget(self.page_stack, 1)
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigator)
        row.addLayout(right, 1)
        self.central.addWidget(workspace)
        self.setCentralWidget(self.central)

        self.timer = StageTimer(settings, self, clock)
        self.audience = AudienceScreens(self, self.timer, today)
        self.presentation = Presentation(
            self, self.central, self.audience, self._focus_current_page
        )
        self._reports_timer = QTimer(self)
        self._reports_timer.setSingleShot(True)
        self._reports_timer.setInterval(0)
        self._reports_timer.timeout.connect(self._refresh_reports)
        self._reports_after_paint = False
        self.window_actions = WindowActions(self, self)
        self.toolbar = self.window_actions.toolbar
        self._placed: QRect | None = place_window(self, settings.geometry())
        self.setAcceptDrops(True)  # a filled review form dropped on the window is imported
        if session is not None:
            self.set_session(session)
        else:
            self._show_welcome()

    # ------------------------------------------------------------------ session
    def set_session(self, session: Session) -> None:
        """Show a workshop: build its first page and go to its first stage."""
        self._drop_session()
        self.session = session
        session.changed.connect(self._on_changed)
        session.saveFailed.connect(self._on_save_failed)
        session.saved.connect(self._on_saved)
        session.editRefused.connect(self._on_refused)
        session.refused.connect(self._on_refused)  # an operation the rules refused
        session.fileChanged.connect(lambda _path: self._update_title())
        session.undo_stack.canUndoChanged.connect(lambda _c: self._update_undo())
        session.undo_stack.canRedoChanged.connect(lambda _c: self._update_undo())
        session.undo_stack.indexChanged.connect(lambda _i: self._update_undo())
        self.pages = Pages(self._build_page)
        self.settings.add_recent(session.path)
        self.central.setCurrentWidget(self.workspace)
        if session.read_only:
            self.banner.show_read_only(session.file.left_out)
        else:
            self.banner.hide()
        self._reports = {}
        self.window_actions.set_workspace(True)
        self._update_title()
        self._update_undo()
        self.audience.set_session(session)
        self.navigator.setCurrentRow(0)
        self.report_backup_problem()
        # Shown after the first stage's clock runs: the timer then takes the running look as it
        # is polished, instead of asking Qt's style to polish it again before the first paint.
        self.toolbar.show()
        # Stage states and advice once the window has painted: they are not needed to show
        # the workshop, and judging every stage loads rules the first frame does not use.
        # A window that does not paint soon (hidden, minimised) gets them a moment later.
        self._reports_after_paint = True
        QTimer.singleShot(REPORTS_AT_THE_LATEST_MS, self, self._on_navigator_painted)

    def _build_page(self, stage: Stage) -> StagePage:
        """Build a stage's page for the session and wire it into the window."""
        assert self.session is not None
        page = PAGE_FACTORIES[stage](self.session, self.page_stack, self.today)
        page.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 6000))
        page.roomPicture.connect(self.audience.show_picture)
        if stage is Stage.FOLLOW_THROUGH:  # its "Next workflow…" is the File menu's
            page.nextWorkflowRequested.connect(self.next_workflow)  # type: ignore[attr-defined]
        report = self._reports.get(stage)
        if report is not None:
            page.show_advice(list(report.advice))
        self.page_stack.addWidget(page)
        return page

    def _drop_session(self) -> None:
        self.presentation.leave()
        self.audience.set_session(None)
        for page in self.pages.values():
            page.shut_down()
            self.page_stack.removeWidget(page)
            page.deleteLater()
        self.pages = Pages()
        self._reports = {}
        if self.session is not None:
            self.session.close()
            self.session = None

    @property
    def welcome(self) -> WelcomePage:
        """The welcome screen, made the first time it is asked for: a window opened on a
        workshop does not make it before its first paint."""
        if self._welcome is None:
            from workshop_app.ui.welcome import WelcomePage  # loaded with the screen

            page = WelcomePage(self.settings, self.central, self.today)
            page.newRequested.connect(self.new_workshop)
            page.openRequested.connect(self.open_dialog)
            page.demoRequested.connect(self.open_demo)
            page.recentChosen.connect(lambda path: self.open_path(Path(path)))
            self.central.insertWidget(0, page)
            self._welcome = page
        return self._welcome

    def _show_welcome(self) -> None:
        self.welcome.refresh()
        self.central.setCurrentWidget(self.welcome)
        self.toolbar.hide()
        self.banner.hide()
        self.window_actions.set_workspace(False)
        self._update_title()
        self.welcome.new_button.setFocus()

    # ------------------------------------------------------------------ stages
    def show_stage(self, stage: Stage) -> None:
        if self.session is not None:
            self.navigator.setCurrentRow(STAGES.index(stage))

    def current_stage(self) -> Stage | None:
        row = self.navigator.currentRow()
        return STAGES[row] if 0 <= row < len(STAGES) and self.session is not None else None

    def _on_stage_row(self, row: int) -> None:
        if self.session is None or not 0 <= row < len(STAGES):
            return
        stage = STAGES[row]
        page = self.pages[stage]
        self.page_stack.setCurrentWidget(page)
        self.timer.start_stage(stage)
        self.audience.show_stage(stage)
        if not self.presenting:  # the page is away; leaving the mode gives it the focus
            page.focus_first()

    def _focus_current_page(self) -> None:
        stage = self.current_stage()
        if stage is not None:
            self.pages[stage].focus_first()

    def step_stage(self, step: int) -> None:
        row = self.navigator.currentRow() + step
        if 0 <= row < len(STAGES):
            self.navigator.setCurrentRow(row)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Part.WORKSHOP):
            self._update_title()
        self._reports_timer.start()
        self.report_backup_problem()

    def report_backup_problem(self) -> None:
        """Backups that fail are said once in the status bar; the edits are saved all the same."""
        problem = self.session.file.take_backup_problem() if self.session else None
        if problem is not None:
            self.statusBar().showMessage(
                f"{problem[:1].upper()}{problem[1:]} — your work itself is saved in the file",
                15000,
            )

    def _on_navigator_painted(self) -> None:
        if self._reports_after_paint:
            self._reports_after_paint = False
            self._reports_timer.start()

    @property
    def reports_ready(self) -> bool:
        """Whether the stage states and advice shown are those of the workshop as it is."""
        return (
            self.session is not None
            and bool(self._reports)
            and not (self._reports_after_paint or self._reports_timer.isActive())
        )

    def _refresh_reports(self) -> None:
        if self.session is None:
            return
        from workshop_app.domain.stages import stage_reports
        from workshop_app.libraries import tool_first_vocabulary

        reports = stage_reports(self.session.workshop, tool_first_vocabulary())
        self._reports = reports
        self.navigator.show_reports(reports)
        for stage, page in self.pages.items():
            report = reports.get(stage)
            page.show_advice(list(report.advice) if report else [])
        self._update_title()

    # ------------------------------------------------------------------ feedback
    def _on_refused(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_save_failed(self, problem: str) -> None:
        self.banner.show_save_failed(problem)
        self._update_title()

    def _on_saved(self) -> None:
        if self.session is not None and not self.session.read_only:
            self.banner.hide()
        self._update_title()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_NAME)
            return
        title = self.session.workshop.info.title or UNTITLED
        marks = " [read-only]" if self.session.read_only else ""
        marks += " (not saved)" if self.session.unsaved else ""
        self.setWindowTitle(f"{title} — {self.session.path.name}{marks} — {APP_NAME}")

    def _update_undo(self) -> None:
        self.window_actions.show_undo(self.session.undo_stack if self.session else None)

    def undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    # ------------------------------------------------------------------ in the room
    @property
    def presenting(self) -> bool:
        return self.presentation.on

    @property
    def leave_present_action(self) -> QAction:
        """Esc, while presenting."""
        return self.window_actions.leave_present

    def set_presentation(self, on: bool, full_screen: bool = True) -> None:
        """The audience view full screen, menus hidden; the window's keys still work."""
        self.presentation.set(on, full_screen)

    # ------------------------------------------------------------------ help
    def shortcut_sections(self) -> list[tuple[str, list[shortcuts.Row]]]:
        """The keyboard help: the window's actions, then every list's and stage page's."""
        return [("Everywhere", self.window_actions.help_rows()), *shortcuts.page_sections()]

    def show_shortcuts(self) -> None:
        shortcuts.show_help(self, self.shortcut_sections())

    def show_about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>Scope a company's first AI "
            "workflow in one workshop: problems before tools, one workflow "
            "first, success as behaviour change, adoption designed in.<br><br>"
            "Works fully offline; a workshop is one file.",
        )

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button, as Space does (outside dialogs a button leaves
        Enter to its parents, so it arrives here)."""
        button = QtWidgets.QApplication.focusWidget()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(button, QtWidgets.QAbstractButton)
            and button.isEnabled()
            and self.isAncestorOf(button)
        ):
            button.click()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ closing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        placed, self._placed = self._placed, None
        if placed is not None:  # the first show: the real frame is known a moment later
            QTimer.singleShot(0, self, lambda: refit_shown(self, placed))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        self._drop_session()
        super().closeEvent(event)
