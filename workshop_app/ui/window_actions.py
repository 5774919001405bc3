"""The main window's commands: one action each, with its keys, in the menus and the toolbar;
their row in the keyboard help comes from the actions themselves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar, QWidget

from workshop_app import APP_NAME
from workshop_app.domain.stage import Stage
from workshop_app.ui import file_actions, shortcuts
from workshop_app.ui.audience_screen import AudienceScreens
from workshop_app.ui.icons import icon
from workshop_app.ui.look import restyle
from workshop_app.ui.presentation import Presentation
from workshop_app.ui.settings import Settings
from workshop_app.ui.stage_pages import STAGES
from workshop_app.ui.timer import StageTimer


class ActionTargets(Protocol):
    """What the window's actions ask the window to do."""

    settings: Settings
    timer: StageTimer
    presentation: Presentation
    audience: AudienceScreens

    def new_workshop(self) -> None: ...
    def open_dialog(self) -> None: ...
    def open_path(self, path: Path) -> bool: ...
    def open_demo(self) -> None: ...
    def save_as(self) -> None: ...
    def restore_from_backup(self) -> None: ...
    def export_charter(self) -> None: ...
    def next_workflow(self) -> None: ...
    def close_workshop(self) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def show_stage(self, stage: Stage) -> None: ...
    def step_stage(self, step: int) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...


class WindowActions:
    """The actions of one main window (added to it, so their keys work with the menu bar
    hidden in the presentation mode), its menus and its toolbar.

    Attributes:
        new, open, demo, save_as, restore, export, expand, close, quit: the File menu.
        undo, redo: the Edit menu and the toolbar.
        present, leave_present, blank, freeze, timer, next, previous, stages: the View menu.
        shortcuts, about: the Help menu.
        toolbar: undo, redo, what the audience sees, the stage timer and the presentation mode.
        audience_state: the toolbar's word on the audience screen (live, blank or frozen).
    """

    def __init__(self, window: QMainWindow, commands: ActionTargets) -> None:
        self.window = window
        self._made: list[QAction] = []
        key, std = QKeySequence, QKeySequence.StandardKey
        c = commands
        self.new = self._make("&New workshop…", c.new_workshop, [key(std.New)])
        self.open = self._make("&Open…", c.open_dialog, [key(std.Open)])
        self.demo = self._make("Open a copy of the &demo", c.open_demo)
        self.save_as = self._make("Save &As…", c.save_as, [key("Ctrl+Shift+S")])
        self.restore = self._make("Restore from &Backup…", c.restore_from_backup, [key("Ctrl+R")])
        self.restore.setStatusTip(
            "Bring back one of the workshop's automatic backups; what it holds now is kept "
            "as a backup first"
        )
        self.export = self._make("&Export charter…", c.export_charter, [key("Ctrl+E")])
        self.expand = self._make("Next &workflow…", c.next_workflow, [key("Ctrl+Shift+N")])
        self.expand.setStatusTip(
            "Start the next workshop from this one: the parked candidates back in play, "
            "this workflow as an earlier attempt"
        )
        self.close = self._make(
            "&Close workshop", c.close_workshop, [key("Ctrl+W"), key(std.Close)]
        )
        self.quit = self._make("&Quit", window.close, [key(std.Quit)])
        self.undo = self._make("&Undo", c.undo, [key(std.Undo)], "undo")
        # Every key this platform gives redo (Ctrl+Shift+Z and Ctrl+Y on Linux desktops).
        redo_keys = [key("Ctrl+Shift+Z"), key("Ctrl+Y"), *key.keyBindings(std.Redo)]
        self.redo = self._make("&Redo", c.redo, redo_keys, "redo")
        self.present = self._make(
            "&Presentation mode", c.presentation.toggle, [key(Qt.Key.Key_F11)], "present"
        )
        self.present.setCheckable(True)
        self.leave_present = self._make(
            "Leave presentation mode", c.presentation.leave, [key(Qt.Key.Key_Escape)]
        )
        self.leave_present.setEnabled(False)
        c.presentation.toggled.connect(self.present.setChecked)
        c.presentation.toggled.connect(self.leave_present.setEnabled)
        self.blank = self._make(
            "&Blank the audience screen", c.audience.toggle_blank, [key("Ctrl+B")]
        )
        self.freeze = self._make(
            "&Freeze the audience screen", c.audience.toggle_freeze, [key("Ctrl+Shift+B")]
        )
        for action in (self.blank, self.freeze):
            action.setCheckable(True)
            action.setEnabled(False)
        self._audience = c.audience
        c.audience.stateChanged.connect(self._show_audience)
        self.timer = self._make(
            "Pause or run the stage &timer", c.timer.toggle, [key("Ctrl+T")], "timer"
        )
        self.next = self._make("&Next stage", lambda: c.step_stage(1), [key("Ctrl+PgDown")])
        self.previous = self._make("&Previous stage", lambda: c.step_stage(-1), [key("Ctrl+PgUp")])
        self.stages = [
            self._make(
                f"{number}. {stage.value}",
                lambda _checked=False, s=stage: c.show_stage(s),
                [key(f"Ctrl+{number}")],
            )
            for number, stage in enumerate(STAGES, start=1)
        ]
        self.shortcuts = self._make(
            "&Keyboard shortcuts", c.show_shortcuts, [key(std.HelpContents), key(Qt.Key.Key_F1)]
        )
        self.about = self._make(f"&About {APP_NAME}", c.show_about)
        self._build_menus(commands)
        self.toolbar = self._build_toolbar(c.timer)

    def _make(
        self,
        text: str,
        slot: Callable[..., object],
        keys: list[QKeySequence] | None = None,
        icon_name: str = "",
    ) -> QAction:
        action = QAction(icon(icon_name or "none"), text, self.window)
        # Each key once (a key given twice answers neither: F1 is also the help key), and
        # none that this platform leaves empty (Quit has no standard key on Linux).
        unique = {key.toString(): key for key in keys or [] if not key.isEmpty()}
        action.setShortcuts(list(unique.values()))
        action.triggered.connect(slot)
        self.window.addAction(action)
        self._made.append(action)
        return action

    def _build_menus(self, commands: ActionTargets) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new, self.open])
        recent = file_menu.addMenu("Open &Recent")
        recent.aboutToShow.connect(
            lambda: file_actions.fill_recent_menu(recent, commands.settings, commands.open_path)
        )
        file_menu.addAction(self.demo)
        file_menu.addSeparator()
        file_menu.addActions([self.save_as, self.restore, self.export, self.expand])
        file_menu.addSeparator()
        file_menu.addActions([self.close, self.quit])
        bar.addMenu("&Edit").addActions([self.undo, self.redo])
        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.present, self.blank, self.freeze, self.timer])
        view_menu.addSeparator()
        view_menu.addActions([self.next, self.previous])
        view_menu.addSeparator()
        view_menu.addActions(self.stages)
        bar.addMenu("&Help").addActions([self.shortcuts, self.about])

    def _build_toolbar(self, timer: StageTimer) -> QToolBar:
        toolbar = QToolBar("Workshop", self.window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.undo, self.redo])
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding,
            spacer.sizePolicy().verticalPolicy().Preferred,
        )
        toolbar.addWidget(spacer)
        self.audience_state = QLabel(toolbar)
        self.audience_state.setObjectName("audienceState")
        self.audience_state.setToolTip(
            "What the room sees: Ctrl+B blanks the audience screen, Ctrl+Shift+B freezes it"
        )
        self._audience_state_action = toolbar.addWidget(self.audience_state)
        self._audience_state_action.setVisible(False)
        toolbar.addWidget(timer)
        toolbar.addAction(self.present)
        self.window.addToolBar(toolbar)
        return toolbar

    def _show_audience(self) -> None:
        """Blank and freeze work while the room sees an audience view; the toolbar says what
        it sees."""
        audience = self._audience
        for action, on in ((self.blank, audience.blank), (self.freeze, audience.frozen)):
            action.setEnabled(audience.showing)
            action.setChecked(on)
        text = audience.state_text()
        self.audience_state.setText(text)
        state = "blank" if audience.blank else "frozen" if audience.frozen else "live"
        if self.audience_state.property("state") != state:
            self.audience_state.setProperty("state", state)
            restyle(self.audience_state)
        self._audience_state_action.setVisible(bool(text))

    def set_workspace(self, enabled: bool) -> None:
        """Enable what needs an open workshop (or disable it, on the welcome screen)."""
        for action in [
            self.present,
            self.save_as,
            self.restore,
            self.export,
            self.expand,
            self.close,
            self.timer,
            self.next,
            self.previous,
            *self.stages,
        ]:
            action.setEnabled(enabled)
        if not enabled:
            self.show_undo(None)

    def show_undo(self, stack: QUndoStack | None) -> None:
        """Undo and redo name what they would undo or redo."""
        can_undo, can_redo = bool(stack and stack.canUndo()), bool(stack and stack.canRedo())
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)
        self.undo.setText(f"&Undo {stack.undoText()}" if stack and can_undo else "&Undo")
        self.redo.setText(f"&Redo {stack.redoText()}" if stack and can_redo else "&Redo")

    def help_rows(self) -> list[shortcuts.Row]:
        """The keyboard help of these actions, in the order they were made (as in the menus);
        the stage actions in one row."""
        rows: list[shortcuts.Row] = []
        for action in self._made:
            if action is self.stages[0]:
                rows.append(shortcuts.range_row(self.stages, "Go to a stage"))
            elif action not in self.stages:
                rows.extend(shortcuts.action_rows([action]))
        return rows
