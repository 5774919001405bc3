"""Where the audience sees the workshop: a second screen when there is one, and the presentation
mode on any screen; with the blank and freeze switches for both.

- **Two screens.** While a workshop is open and the computer has a screen besides the editor's,
  the audience view (:mod:`~workshop_app.ui.audience`) opens full screen on it without taking the
  keyboard from the editor, the way slide software opens its presenter view. It follows screens
  being plugged in and out, and the editor's window moving to another screen.
- **One screen** (or the projector mirroring the laptop): the presentation mode (F11, see
  :mod:`~workshop_app.ui.presentation`) shows the same audience view full screen in the window.
- **Blank** (Ctrl+B) shows a calm dark screen; **freeze** (Ctrl+Shift+B) keeps the picture as
  it was while the facilitator types something private. Both switch off when the audience
  screen goes away, so it never comes back blank by surprise.

The audience's module is imported only once a view is needed: a laptop with one screen that
never presents pays nothing for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from workshop_app.domain.stage import Stage
from workshop_app.ui.session import Session
from workshop_app.ui.timer import StageTimer

if TYPE_CHECKING:
    from workshop_app.ui.audience import AudienceView

#: The screens there are (tests hand in their own).
Screens = Callable[[], list[QScreen]]


def projector_screen(screens: list[QScreen], editor: QScreen | None) -> QScreen | None:
    """The screen for the audience: the first one that is not the editor's, or None."""
    return next((screen for screen in screens if screen is not editor), None)


class AudienceScreens(QObject):
    """The audience views of one window: on the projector, and in the presentation mode.

    Signals:
        stateChanged(): a view came or went, or was blanked, frozen or made live again.

    Attributes:
        projector: the view full screen on the second screen, or None.
        presented: the view the presentation mode shows in the window, or None.
        blank, frozen: the switches, applied to every view.
    """

    stateChanged = Signal()

    def __init__(
        self,
        window: QWidget,
        timer: StageTimer,
        today: Callable[[], dt.date],
        screens: Screens = QGuiApplication.screens,
    ) -> None:
        super().__init__(window)
        self.window, self.timer, self._today, self._screens = window, timer, today, screens
        self.session: Session | None = None
        self.stage: Stage | None = None
        self.projector: AudienceView | None = None
        self.presented: AudienceView | None = None
        self.blank = self.frozen = False
        self.picture: object = None
        self._watched_window = False
        self._place_soon = QTimer(self)
        self._place_soon.setSingleShot(True)
        self._place_soon.setInterval(0)
        self._place_soon.timeout.connect(self.place)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(lambda _screen: self._place_soon.start())
            app.screenRemoved.connect(self._on_screen_removed)

    # ------------------------------------------------------------------ the editor's side
    def set_session(self, session: Session | None) -> None:
        """Follow another workshop (or none): the views of the last one go."""
        for view in (self.projector, self.presented):
            if view is not None:
                view.hide()
                view.deleteLater()
        self.projector = self.presented = None
        self.blank = self.frozen = False
        self.picture = None
        self.session = session
        self.stateChanged.emit()
        if session is not None:
            self._place_soon.start()

    def show_stage(self, stage: Stage) -> None:
        self.stage = stage
        for view in self.views():
            view.show_stage(stage)

    def show_picture(self, picture: object) -> None:
        """Show a round of blind estimates (a ``RoundPicture``) instead of the stage's board
        on every view, and on views made later; None goes back to the board."""
        self.picture = picture
        for view in self.views():
            view.show_picture(picture)  # type: ignore[arg-type]

    def views(self) -> list[AudienceView]:
        return [view for view in (self.projector, self.presented) if view is not None]

    @property
    def showing(self) -> bool:
        """Whether the room sees an audience view now."""
        return any(view.isVisible() for view in self.views())

    def state_text(self) -> str:
        """What the room sees, for the editor's toolbar: "" when there is no audience view."""
        if not self.showing:
            return ""
        if self.blank:
            return "Audience: blank"
        if self.frozen:
            return "Audience: frozen"
        return "Audience: live"

    # ------------------------------------------------------------------ views
    def _make_view(self, parent: QWidget) -> AudienceView:
        from workshop_app.ui.audience import AudienceView

        assert self.session is not None
        view = AudienceView(self.session, self.timer, self._today, parent)
        if self.stage is not None:
            view.stage = view.wanted = self.stage
        view.picture = self.picture  # type: ignore[assignment]
        view.set_blank(self.blank)
        view.set_frozen(self.frozen)
        return view

    def presentation_view(self, parent: QWidget) -> AudienceView | None:
        """The view for the presentation mode, made inside ``parent`` the first time."""
        if self.session is None:
            return None
        if self.presented is None:
            self.presented = self._make_view(parent)
        return self.presented

    def place(self, gone: QScreen | None = None) -> None:
        """Open, move or close the projector's view for the screens there are now (without
        ``gone``, a screen being removed)."""
        screens = [screen for screen in self._screens() if screen is not gone]
        if len(screens) > 1:  # with one screen the window has nowhere to move to
            self._watch_window()
        target = projector_screen(screens, self.window.screen())
        if self.session is None or target is None or not self.window.isVisible():
            if self.projector is not None and self.projector.isVisible():
                self.projector.hide()
                self._after_change()
            return
        view = self.projector
        if view is None:
            view = self.projector = self._make_view(self.window)
            view.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
            view.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            # The window's keys work while the projector's window has the focus, too.
            view.addActions(self.window.actions())
        if view.isVisible() and view.screen() is target and view.isFullScreen():
            return
        editor_active = self.window.isActiveWindow() or not view.isVisible()
        view.setScreen(target)
        view.setGeometry(target.geometry())
        view.showFullScreen()
        if editor_active:  # the editor keeps the keyboard
            self.window.activateWindow()
        self._after_change()

    def _on_screen_removed(self, screen: QScreen) -> None:
        self.place(gone=screen)

    def _watch_window(self) -> None:
        """Place again when the editor's window moves to another screen."""
        handle = self.window.windowHandle()
        if handle is not None and not self._watched_window:
            self._watched_window = True
            handle.screenChanged.connect(lambda _screen: self._place_soon.start())

    # ------------------------------------------------------------------ blank and freeze
    def set_blank(self, on: bool) -> None:
        self.blank = on
        for view in self.views():
            view.set_blank(on)
        self.stateChanged.emit()

    def set_frozen(self, on: bool) -> None:
        self.frozen = on
        for view in self.views():
            view.set_frozen(on)
        self.stateChanged.emit()

    def toggle_blank(self) -> None:
        if self.showing:
            self.set_blank(not self.blank)

    def toggle_freeze(self) -> None:
        if self.showing:
            self.set_frozen(not self.frozen)

    def _after_change(self) -> None:
        """A view came or went: when none is left, the room sees nothing to blank or freeze."""
        if not self.showing and (self.blank or self.frozen):
            self.set_blank(False)
            self.set_frozen(False)
        self.stateChanged.emit()

    def presentation_toggled(self) -> None:
        """The presentation mode showed or hid its view."""
        self._after_change()
