"""The main window: the stage navigator, one page per stage, menus, the stage timer, the
presentation mode, and the banners that say when a file cannot be written."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workshop_app import APP_NAME, __version__
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.model import Workshop, WorkshopInfo
from workshop_app.domain.stages import Stage, StageReport, stage_reports
from workshop_app.libraries import tool_first_vocabulary
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.lock import WorkshopLocked
from workshop_app.store.workshop_file import EXTENSION, WorkshopFile
from workshop_app.ui.icons import icon
from workshop_app.ui.list_editor import refit_tables
from workshop_app.ui.look import stylesheet
from workshop_app.ui.navigator import StageNavigator
from workshop_app.ui.session import Session
from workshop_app.ui.settings import Settings
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.table_model import ItemTableModel
from workshop_app.ui.timer import StageTimer
from workshop_app.ui.welcome import WelcomePage

#: Every stage of the workshop, in order.
STAGES = list(Stage)
#: Where each stage's page lives; a page is imported and built the first time it is shown,
#: which keeps start-up short.
PAGE_CLASSES: dict[Stage, tuple[str, str]] = {
    Stage.SETUP: ("workshop_app.ui.pages.setup", "SetupPage"),
    Stage.DIAGNOSE: ("workshop_app.ui.pages.diagnose", "DiagnosePage"),
    Stage.CANDIDATES: ("workshop_app.ui.pages.candidates", "CandidatesPage"),
    Stage.RANK: ("workshop_app.ui.pages.rank", "RankPage"),
    Stage.METRICS: ("workshop_app.ui.pages.metrics", "MetricsPage"),
    Stage.ADOPTION: ("workshop_app.ui.pages.adoption", "AdoptionPage"),
    Stage.CHARTER: ("workshop_app.ui.pages.charter", "CharterPage"),
    Stage.FOLLOW_THROUGH: ("workshop_app.ui.pages.follow_through", "FollowThroughPage"),
}


class Pages(Mapping[Stage, StagePage]):
    """The pages of one session, built on first use.

    ``pages[stage]`` builds the page if needed; iterating (``values()``, ``items()``) visits
    only the pages built so far, which are the only ones with state to refresh or stop.
    """

    def __init__(self, window: MainWindow, session: Session) -> None:
        self.window, self.session = window, session
        self.built: dict[Stage, StagePage] = {}

    def __getitem__(self, stage: Stage) -> StagePage:
        if stage not in self.built:
            module, name = PAGE_CLASSES[stage]
            page_class = getattr(importlib.import_module(module), name)
            page: StagePage = page_class(self.session, self.window.page_stack)
            self.built[stage] = page
            self.window.adopt_page(stage, page)
        return self.built[stage]

    def __contains__(self, stage: object) -> bool:
        return stage in PAGE_CLASSES

    def __iter__(self) -> Iterator[Stage]:
        return iter(list(self.built))

    def __len__(self) -> int:
        return len(self.built)


FILE_FILTER = f"Workshops (*{EXTENSION})"

SHORTCUTS = [
    ("Ctrl+N", "New workshop"),
    ("Ctrl+O", "Open a workshop"),
    ("Ctrl+Shift+S", "Save As (a complete copy; work continues on the copy)"),
    ("Ctrl+W", "Close the workshop"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z", "Redo"),
    ("Ctrl+1 … Ctrl+8", "Go to a stage"),
    ("Ctrl+E", "Charter: export the charter as PDF"),
    ("Ctrl+PgDown / Ctrl+PgUp", "Next / previous stage"),
    ("Ctrl+Enter or Insert", "Add a row and start typing in it"),
    ("Enter", "Commit a cell and move to the next one"),
    ("Tab", "Next field"),
    ("Delete", "Delete the current row (undo brings it back)"),
    ("Alt+Up / Alt+Down", "Move the current row"),
    ("F6", "Switch between a list and the fields of its current row"),
    ("Alt+P", "Diagnose: go to the prompts"),
    ("Alt+F", "Candidates: add from a problem"),
    ("+ / −", "Rank: add or remove a vote"),
    ("Ctrl+Shift+C", "Rank: choose this workflow"),
    ("Ctrl+Shift+P", "Rank: park with a reason"),
    ("Ctrl+Shift+U", "Rank: back in play"),
    ("Ctrl+Shift+O", "Rank: override scores with a reason"),
    ("F11", "Presentation mode (Esc leaves it)"),
    ("Ctrl+T", "Pause or run the stage timer"),
    ("F1", "This list"),
]


class Banner(QWidget):
    """A full-width message strip with an optional action button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("banner")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(self)
        layout.addWidget(self.button)
        self.hide()

    def show_message(self, kind: str, text: str, action: str = "") -> None:
        self.label.setProperty("kind", kind)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.label.setText(text)
        self.button.setText(action)
        self.button.setVisible(bool(action))
        self.show()


class MainWindow(QMainWindow):
    """The facilitator's window: the welcome screen, or one workshop's stages."""

    def __init__(
        self,
        settings: Settings,
        session: Session | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.session: Session | None = None
        self.pages: Mapping[Stage, StagePage] = {}
        self._reports: dict[Stage, StageReport] = {}
        self.presenting = False
        self._normal_font = QFont(QApplication.font())
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(1024, 640)

        self.welcome = WelcomePage(settings, self)
        self.welcome.newRequested.connect(self.new_workshop)
        self.welcome.openRequested.connect(self.open_dialog)
        self.welcome.demoRequested.connect(self.open_demo)
        self.welcome.recentChosen.connect(lambda path: self.open_path(Path(path)))

        self.navigator = StageNavigator(STAGES, self)
        self.navigator.currentRowChanged.connect(self._on_stage_row)
        self.page_stack = QStackedWidget(self)
        self.banner = Banner(self)
        self.banner.button.clicked.connect(self.save_as)
        workspace = QWidget(self)
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
        self.central = QStackedWidget(self)
        self.central.addWidget(self.welcome)
        self.central.addWidget(workspace)
        self.setCentralWidget(self.central)

        self.timer = StageTimer(settings, self, clock)
        self._reports_timer = QTimer(self)
        self._reports_timer.setSingleShot(True)
        self._reports_timer.setInterval(0)
        self._reports_timer.timeout.connect(self._refresh_reports)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if session is not None:
            self.set_session(session)
        else:
            self._show_welcome()

    # ------------------------------------------------------------------ actions and menus
    def _make(
        self, text: str, slot: object, keys: list[QKeySequence] | None = None, icon_name: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon("none"), text, self)
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work with the menu bar hidden, too
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        std = QKeySequence.StandardKey
        self.new_action = self._make("&New workshop…", self.new_workshop, [key(std.New)])
        self.open_action = self._make("&Open…", self.open_dialog, [key(std.Open)])
        self.demo_action = self._make("Open a copy of the &demo", self.open_demo)
        self.save_as_action = self._make("Save &As…", self.save_as, [key("Ctrl+Shift+S")])
        self.export_action = self._make("&Export charter…", self.export_charter, [key("Ctrl+E")])
        self.close_action = self._make("&Close workshop", self.close_workshop, [key(std.Close)])
        self.quit_action = self._make("&Quit", self.close, [key(std.Quit)])
        self.undo_action = self._make("&Undo", self._undo, [key(std.Undo)], "undo")
        self.redo_action = self._make(
            "&Redo", self._redo, [key("Ctrl+Shift+Z"), key(std.Redo)], "redo"
        )
        self.present_action = self._make(
            "&Presentation mode", self.toggle_presentation, [key(Qt.Key.Key_F11)], "present"
        )
        self.present_action.setCheckable(True)
        self.leave_present_action = self._make(
            "Leave presentation mode", self._leave_presentation, [key(Qt.Key.Key_Escape)]
        )
        self.leave_present_action.setEnabled(False)
        self.timer_action = self._make(
            "Pause or run the stage &timer", self.timer.toggle, [key("Ctrl+T")], "timer"
        )
        self.next_action = self._make(
            "&Next stage", lambda: self._step_stage(1), [key("Ctrl+PgDown")]
        )
        self.previous_action = self._make(
            "&Previous stage", lambda: self._step_stage(-1), [key("Ctrl+PgUp")]
        )
        self.stage_actions = []
        for number, stage in enumerate(STAGES, start=1):
            action = self._make(
                f"{number}. {stage.value}",
                lambda _c=False, s=stage: self.show_stage(s),
                [key(f"Ctrl+{number}")],
            )
            self.stage_actions.append(action)
        self.shortcuts_action = self._make(
            "&Keyboard shortcuts", self.show_shortcuts, [key(std.HelpContents), key(Qt.Key.Key_F1)]
        )
        self.about_action = self._make(f"&About {APP_NAME}", self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.present_action)
        view_menu.addAction(self.timer_action)
        view_menu.addSeparator()
        view_menu.addActions([self.next_action, self.previous_action])
        view_menu.addSeparator()
        view_menu.addActions(self.stage_actions)
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar("Workshop", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.undo_action, self.redo_action])
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding,
            spacer.sizePolicy().verticalPolicy().Preferred,
        )
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.timer)
        self.toolbar.addAction(self.present_action)
        self.addToolBar(self.toolbar)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        if not recent:
            self.recent_menu.addAction("No recent workshops").setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(path.name + ("" if path.exists() else " (missing)"))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))

    # ------------------------------------------------------------------ session
    def set_session(self, session: Session) -> None:
        """Show a workshop: build its pages and go to its first stage."""
        self._drop_session()
        self.session = session
        session.changed.connect(self._on_changed)
        session.saveFailed.connect(self._on_save_failed)
        session.saved.connect(self._on_saved)
        session.fileChanged.connect(lambda _path: self._update_title())
        session.undo_stack.canUndoChanged.connect(lambda _c: self._update_undo())
        session.undo_stack.canRedoChanged.connect(lambda _c: self._update_undo())
        session.undo_stack.indexChanged.connect(lambda _i: self._update_undo())
        self.pages = Pages(self, session)
        self.settings.add_recent(session.path)
        self.central.setCurrentIndex(1)
        self.toolbar.show()
        if session.read_only:
            self.banner.show_message(
                "info",
                "This workshop is open read-only: changes cannot "
                "be saved to it. Save As writes a copy you can edit.",
                "Save As…",
            )
        else:
            self.banner.hide()
        self._reports = {}
        self._set_workspace_actions(True)
        self._update_title()
        self._update_undo()
        self.navigator.setCurrentRow(0)
        self._reports_timer.start()  # advice and stage states right after the first paint

    def adopt_page(self, stage: Stage, page: StagePage) -> None:
        """Wire a newly built page into the window."""
        page.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 6000))
        for model in page.findChildren(ItemTableModel):
            model.editRefused.connect(self._on_refused)
        report = self._reports.get(stage)
        if report is not None:
            page.show_advice(list(report.advice))
        self.page_stack.addWidget(page)

    def _drop_session(self) -> None:
        for page in self.pages.values():
            page.shut_down()
            self.page_stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        self._reports = {}
        if self.session is not None:
            self.session.close()
            self.session = None

    def _show_welcome(self) -> None:
        self.welcome.refresh()
        self.central.setCurrentIndex(0)
        self.toolbar.hide()
        self.banner.hide()
        self._set_workspace_actions(False)
        self._update_title()
        self.welcome.new_button.setFocus()

    def _set_workspace_actions(self, enabled: bool) -> None:
        for action in [
            self.save_as_action,
            self.export_action,
            self.close_action,
            self.timer_action,
            self.next_action,
            self.previous_action,
            *self.stage_actions,
        ]:
            action.setEnabled(enabled)
        if not enabled:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)

    def open_path(self, path: Path) -> bool:
        """Open a workshop file; a file that cannot be opened is reported and left untouched."""
        try:
            opened = WorkshopFile.open(path)
        except WorkshopLocked as locked:
            if not self._ask_read_only(locked):
                return False
            try:
                opened = WorkshopFile.open(path, read_only=True)
            except WorkshopFileError as exc:
                QMessageBox.warning(
                    self,
                    APP_NAME,
                    f"The workshop could not be opened.\n\n{exc.path.name}: {exc.problem}",
                )
                return False
        except WorkshopFileError as exc:
            QMessageBox.warning(
                self,
                APP_NAME,
                f"The workshop could not be opened.\n\n"
                f"{exc.path.name}: {exc.problem}\n\nThe file was not changed.",
            )
            self.welcome.refresh()
            return False
        self.settings.set_last_folder(path.resolve().parent)
        self.set_session(Session(opened, self))
        return True

    def _ask_read_only(self, locked: WorkshopLocked) -> bool:
        """Another app is writing this workshop: offer to open it read-only, or cancel."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            APP_NAME,
            f"{locked.path.name} is already open in First Workflow on "
            f"{locked.holder.host} since {locked.holder.since}.\n\nTwo copies "
            "of the app must not write to one workshop. You can open it "
            "read-only (and use Save As to continue in a copy).",
            parent=self,
        )
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is read_only

    def open_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Open a workshop", self.settings.last_folder(), FILE_FILTER
        )
        if path:
            self.open_path(Path(path))

    def open_demo(self) -> None:
        from workshop_app.ui.app import write_demo_copy

        try:
            path = write_demo_copy()
        except WorkshopFileError as exc:
            QMessageBox.warning(self, APP_NAME, f"The demo could not be copied.\n\n{exc}")
            return
        self.open_path(path)

    def new_workshop(self) -> None:
        folder = Path(self.settings.last_folder())
        path, _filter = QFileDialog.getSaveFileName(
            self,
            "Where should the new workshop be kept?",
            str(folder / f"Workshop {dt.date.today():%Y-%m-%d}{EXTENSION}"),
            FILE_FILTER,
        )
        if not path:
            return
        target = Path(path)
        if target.suffix != EXTENSION:
            target = target.with_name(target.name + EXTENSION)
        workshop = Workshop(
            info=WorkshopInfo(title="Untitled workshop", date=dt.date.today().isoformat())
        )
        try:
            WorkshopFile.create(target, workshop, overwrite=True).close()
        except WorkshopFileError as exc:
            QMessageBox.warning(self, APP_NAME, f"The workshop could not be created.\n\n{exc}")
            return
        if self.open_path(target):
            self.pages[Stage.SETUP].focus_first()

    def save_as(self) -> None:
        if self.session is None:
            return
        suggestion = self.session.path.with_name(self.session.path.stem + " copy" + EXTENSION)
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save a complete copy as", str(suggestion), FILE_FILTER
        )
        if path:
            self.save_as_path(Path(path))

    def save_as_path(self, target: Path) -> bool:
        """Write the workshop to ``target`` and continue there."""
        if self.session is None:
            return False
        if target.suffix != EXTENSION:
            target = target.with_name(target.name + EXTENSION)
        try:
            self.session.save_as(target)
        except WorkshopFileError as exc:
            QMessageBox.warning(
                self,
                APP_NAME,
                f"The copy could not be written.\n\n{exc}\n\n"
                "Your work is still here; try another folder.",
            )
            return False
        self.settings.add_recent(target)
        self.settings.set_last_folder(target.parent)
        self.banner.hide()
        self.statusBar().showMessage(f"Saved as {target}", 8000)
        self._update_title()
        return True

    def export_charter(self) -> None:
        """File > Export charter: go to the Charter stage and export from there."""

        from workshop_app.ui.pages.charter import CharterPage

        page = self.pages[Stage.CHARTER] if self.session is not None else None
        if isinstance(page, CharterPage):
            self.show_stage(Stage.CHARTER)
            page.export()

    def close_workshop(self) -> None:
        if self.session is not None and self.session.unsaved and not self._confirm_unsaved():
            return
        self._drop_session()
        self._show_welcome()

    def _confirm_unsaved(self) -> bool:
        answer = QMessageBox.warning(
            self,
            APP_NAME,
            "Some changes could not be written to the file (see the banner). "
            "Close anyway and lose them?",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # ------------------------------------------------------------------ stages
    def show_stage(self, stage: Stage) -> None:
        if stage in self.pages:
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
        page.focus_first()

    def _step_stage(self, step: int) -> None:
        row = self.navigator.currentRow() + step
        if 0 <= row < len(STAGES):
            self.navigator.setCurrentRow(row)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Part.WORKSHOP):
            self._update_title()
        self._reports_timer.start()

    def _refresh_reports(self) -> None:
        if self.session is None:
            return
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
        self.banner.show_message(
            "error",
            f"Could not save to the workshop file: {problem}. Everything you typed is "
            "kept in the app. Save a copy elsewhere to keep working safely.",
            "Save As…",
        )
        self._update_title()

    def _on_saved(self) -> None:
        if self.session is not None and not self.session.read_only:
            self.banner.hide()
        self._update_title()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_NAME)
            return
        title = self.session.workshop.info.title or "Untitled workshop"
        marks = " [read-only]" if self.session.read_only else ""
        marks += " (not saved)" if self.session.unsaved else ""
        self.setWindowTitle(f"{title} — {self.session.path.name}{marks} — {APP_NAME}")

    def _update_undo(self) -> None:
        stack = self.session.undo_stack if self.session else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.undo_action.setText(
            f"&Undo {stack.undoText()}" if stack and stack.canUndo() else "&Undo"
        )
        self.redo_action.setText(
            f"&Redo {stack.redoText()}" if stack and stack.canRedo() else "&Redo"
        )

    def _undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def _redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    # ------------------------------------------------------------------ in the room
    def toggle_presentation(self) -> None:
        self.set_presentation(not self.presenting)

    def _leave_presentation(self) -> None:
        self.set_presentation(False)

    def set_presentation(self, on: bool, full_screen: bool = True) -> None:
        """Full screen, larger type, editing chrome hidden; every shortcut still works."""
        if on == self.presenting:
            return
        self.presenting = on
        self.present_action.setChecked(on)
        self.leave_present_action.setEnabled(on)
        scale = self.settings.presentation_scale() if on else 1.0
        font = QFont(self._normal_font)
        font.setPointSizeF(max(self._normal_font.pointSizeF(), 9.0) * scale)
        QApplication.setFont(font)
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.styleSheet():
            app.setStyleSheet(stylesheet(scale))
        refit_tables(self)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        self.setProperty("presentation", on)
        for page in self.pages.values():
            for editor in page.findChildren(QWidget, "listToolbar"):
                editor.setVisible(not on)
        if on and full_screen:
            self.showFullScreen()
        elif not on:
            self.showNormal()

    # ------------------------------------------------------------------ help
    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in SHORTCUTS
        )
        box = QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table cellspacing='6'>{rows}</table>")
        box.exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>Scope a company's first AI "
            "workflow in one workshop: problems before tools, one workflow "
            "first, success as behaviour change, adoption designed in.<br><br>"
            "Works fully offline; a workshop is one file.",
        )

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None and self.session.unsaved and not self._confirm_unsaved():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        self._drop_session()
        super().closeEvent(event)


def screen_fits(window: QMainWindow) -> bool:
    """True when the window fits the screen it is on (used by the screenshot script)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen is None or screen.availableGeometry().contains(window.frameGeometry())
