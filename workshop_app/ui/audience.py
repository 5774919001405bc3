"""The audience view: what the room sees on the projector while the laptop keeps the editor.

A clean, read-only picture of the current stage in large type: a band with the stage, the
workshop and the stage clock, and the stage's board below it (Rank: the matrix, the ranked list
and the recommendation; Metrics: a card per metric; Follow-through: the verdicts; the other
stages a summary). It follows the stage the facilitator is on and every change to the workshop.

Type is sized to the view, which fills its screen: at 1920 × 1080 the stage heading is 48 px,
list and table text 24–28 px, the matrix's labels 22 px (rank numbers in small bubbles 20 px)
and nothing a reader must read under 20 px (``resources/style/audience.qss`` gives the sizes;
a smaller or larger screen scales them). Names wrap; a list shows the rows that fit whole and
says how many more there are.

*Blank* shows only a calm dark screen with the app's name; *frozen* keeps what was shown while
the editor changes, the clock included. Either way the view catches up when it goes live again.
Where the view is shown (a second screen, or the presentation mode on one screen) is
:mod:`~workshop_app.ui.audience_screen`'s business.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontInfo, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app import APP_NAME
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.stage import Stage
from workshop_app.ui.audience_boards import FollowThroughBoard, MetricsBoard, RankBoard
from workshop_app.ui.audience_estimates import EstimatesBoard
from workshop_app.ui.audience_parts import Board, label
from workshop_app.ui.audience_summaries import (
    AdoptionBoard,
    CandidatesBoard,
    CharterBoard,
    DiagnoseBoard,
    SetupBoard,
)
from workshop_app.ui.estimation_round import RoundPicture
from workshop_app.ui.look import audience_stylesheet, restyle
from workshop_app.ui.session import Session
from workshop_app.ui.timer import StageTimer, clock

#: The board of each stage.
BOARDS: dict[Stage, type[Board]] = {
    Stage.SETUP: SetupBoard,
    Stage.DIAGNOSE: DiagnoseBoard,
    Stage.CANDIDATES: CandidatesBoard,
    Stage.RANK: RankBoard,
    Stage.METRICS: MetricsBoard,
    Stage.ADOPTION: AdoptionBoard,
    Stage.CHARTER: CharterBoard,
    Stage.FOLLOW_THROUGH: FollowThroughBoard,
}
#: The screen the sizes are given for.
DESIGN_WIDTH, DESIGN_HEIGHT = 1920, 1080
#: How often the clock is read while the view is live.
CLOCK_MS = 500


class AudienceView(QWidget):
    """The projector's picture of one session, read-only and in large type.

    Attributes:
        stage: the stage shown (the facilitator's, unless frozen or blank).
        wanted: the facilitator's stage, shown once the view is live.
        blank: whether only the calm dark screen shows.
        frozen: whether the picture stays as it was while the editor changes.
        unit: the view's size against 1920 × 1080 (the smaller ratio of the two sides).
        heading, workshop, clock: the band's labels.
        boards: the boards built so far, by stage.
    """

    def __init__(
        self,
        session: Session,
        timer: StageTimer,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.timer, self._today = session, timer, today
        self.stage = self.wanted = timer.stage or Stage.SETUP
        self.blank = self.frozen = False
        self.unit = 0.0
        self._stale = True
        self.boards: dict[Stage, Board] = {}
        self.picture: RoundPicture | None = None
        self.round_board: EstimatesBoard | None = None
        self.setObjectName("audience")
        self.setWindowTitle(f"{APP_NAME} — audience")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)

        self._pages = QStackedLayout(self)
        self._live = QWidget(self)
        self._pages.addWidget(self._live)
        self._pages.addWidget(self._blank_screen())
        column = QVBoxLayout(self._live)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._band())
        self._body = QStackedWidget(self._live)
        self._body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column.addWidget(self._body, 1)
        self._column = column

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_MS)
        self._clock_timer.timeout.connect(self._show_clock)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        session.changed.connect(self._on_changed)
        self._resize_to(DESIGN_WIDTH, DESIGN_HEIGHT)

    def _band(self) -> QFrame:
        band = QFrame(self._live)
        band.setObjectName("audienceBand")
        band.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(band)
        self._band_row = row
        words = QVBoxLayout()
        words.setSpacing(0)
        self.heading = label("", "audienceHeading", band)
        self.workshop = label("", "audienceWorkshop", band)
        words.addWidget(self.heading)
        words.addWidget(self.workshop)
        row.addLayout(words, 1)
        self.clock = QLabel("--:--", band)
        self.clock.setObjectName("audienceClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignVCenter)
        return band

    def _blank_screen(self) -> QFrame:
        screen = QFrame(self)
        screen.setObjectName("audienceBlank")
        screen.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(screen)
        name = label(APP_NAME, "audienceBlankName", screen)
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(name)
        return screen

    # ------------------------------------------------------------------ following the editor
    @property
    def live(self) -> bool:
        """Whether the view follows the editor now (neither blank nor frozen)."""
        return not (self.blank or self.frozen)

    def show_stage(self, stage: Stage) -> None:
        """Show ``stage`` (once live again, when blank or frozen)."""
        if stage is not self.wanted:
            self.wanted = stage
            self._stale = True
        if self.live and self.isVisible():
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if self.live and not changes.touches(*BOARDS[self.stage].parts, Part.WORKSHOP):
            return
        self._stale = True
        if self.live and self.isVisible():
            self._refresh_soon.start()

    def show_picture(self, picture: RoundPicture | None) -> None:
        """Show a round of blind estimates instead of the stage's board (None: the board)."""
        self.picture = picture
        self._stale = True
        if self.live and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Show the workshop as it is now on the current stage's board."""
        self._stale = False
        self.stage = self.wanted
        workshop = self.session.workshop
        number = list(Stage).index(self.stage) + 1
        self.heading.setText(f"{number}  {self.stage.value}")
        info = workshop.info
        self.workshop.setText(
            " · ".join(part for part in (info.title, info.organization) if part.strip())
        )
        if self.picture is not None:
            if self.round_board is None:
                self.round_board = EstimatesBoard(self._body)
                self.round_board.set_unit(self.unit)
                self._body.addWidget(self.round_board)
            self.round_board.set_picture(self.picture)
            self._body.setCurrentWidget(self.round_board)
            self._show_clock()
            return
        board = self.boards.get(self.stage)
        if board is None:
            board = self.boards[self.stage] = BOARDS[self.stage](self._body)
            board.set_unit(self.unit)
            self._body.addWidget(board)
        board.fill(workshop, self._today())
        self._body.setCurrentWidget(board)
        self._show_clock()

    def _show_clock(self) -> None:
        timer = self.timer
        if timer.stage is None:
            text, state = "--:--", "idle"
        else:
            remaining = timer.remaining_seconds()
            if remaining < 0:
                text, state = f"+{clock(-remaining)}", "overtime"
            else:
                text, state = clock(remaining), "running" if timer.running else "paused"
        self.clock.setText(text)
        if self.clock.property("state") != state:
            self.clock.setProperty("state", state)
            restyle(self.clock)

    # ------------------------------------------------------------------ blank and freeze
    def set_blank(self, on: bool) -> None:
        self.blank = on
        self._pages.setCurrentIndex(1 if on else 0)
        self._follow()

    def set_frozen(self, on: bool) -> None:
        self.frozen = on
        self._follow()

    def _follow(self) -> None:
        """Run the clock and catch up while live; stand still otherwise."""
        if self.live and self.isVisible():
            self._clock_timer.start()
            if self._stale:
                self.refresh()
            else:
                self._show_clock()
        else:
            self._clock_timer.stop()

    # ------------------------------------------------------------------ size
    def _resize_to(self, width: int, height: int) -> None:
        unit = round(min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT), 3)
        if unit <= 0 or unit == self.unit:
            return
        self.unit = unit
        self.setStyleSheet(audience_stylesheet(unit))
        across, down = round(64 * unit), round(26 * unit)
        self._band_row.setContentsMargins(across, down, across, down)
        self._column.setSpacing(round(32 * unit))
        for board in [*self.boards.values(), self.round_board]:
            if board is not None:
                board.set_unit(unit)
        self._stale = True
        if self.live and self.isVisible():
            self._refresh_soon.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._resize_to(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._follow()

    def hideEvent(self, event: QHideEvent) -> None:
        self._clock_timer.stop()
        super().hideEvent(event)

    # ------------------------------------------------------------------ for the tests
    def text_pixels(self) -> dict[str, int]:
        """The pixel size of the smallest text of each kind now on screen: ``headings``,
        ``lists`` (list and table text), ``matrix`` (painted) and ``smallest`` (any text)."""
        shown = [
            widget
            for widget in self.findChildren(QLabel)
            if widget.isVisibleTo(self) and widget.text().strip()
        ]

        def smallest(names: set[str] | None = None) -> int:
            sizes = [
                QFontInfo(widget.font()).pixelSize()
                for widget in shown
                if names is None or widget.objectName() in names
            ]
            return min(sizes, default=0)

        sizes = {
            "headings": smallest({"audienceHeading", "audienceTitle"}),
            "lists": smallest({"audienceItem", "audienceLead", "audienceFigure", "audienceTag"}),
            "smallest": smallest(),
        }
        board = self.boards.get(self.stage)
        if isinstance(board, RankBoard) and board.isVisibleTo(self):
            sizes["matrix"] = min(board.matrix.text_pixels().values())
            sizes["smallest"] = min(sizes["smallest"], sizes["matrix"])
            if board.sure_chart.isVisibleTo(self):
                sizes["chart"] = QFontInfo(board.sure_chart.font()).pixelSize()
                sizes["smallest"] = min(sizes["smallest"], sizes["chart"])
        return sizes
