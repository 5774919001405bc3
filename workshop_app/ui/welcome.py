"""The welcome screen: start a workshop, open one, try the demo, or pick a recent one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app import APP_NAME
from workshop_app.palette import PALETTE
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.workshop_file import summary
from workshop_app.ui.settings import Settings

#: The line of a recent workshop that shows its state, until the state is read.
READING_STATE = "Reading where it stands…"
#: A welcome screen that does not paint soon (hidden, minimised) reads the states after this.
STATES_AT_THE_LATEST_MS = 400


def when(timestamp: float, now: dt.datetime | None = None) -> str:
    """A last-change time in words: "today 14:05", "yesterday", "12 Nov 2026"."""
    moment = dt.datetime.fromtimestamp(timestamp)
    now = now or dt.datetime.now()
    if moment.date() == now.date():
        return f"today {moment:%H:%M}"
    if moment.date() == (now - dt.timedelta(days=1)).date():
        return f"yesterday {moment:%H:%M}"
    return f"{moment.day} {moment:%b %Y}"


def describe_recent(path: Path) -> tuple[str, bool]:
    """The entry of the recent list (what it is, where it stands, where it is), and whether
    the file can be opened. Where it stands is read later (:func:`describe_state`)."""
    if not path.exists():
        return f"{path.name} — missing (moved or deleted?)\n{path.parent}", False
    try:
        info = summary(path)
    except WorkshopFileError as exc:
        return f"{path.name} — cannot be opened: {exc.problem}\n{path.parent}", False
    head = info.title or path.name
    parts = [part for part in (info.organization, info.date) if part]
    detail = " · ".join([*parts, f"changed {when(info.modified)}"])
    return f"{head} — {detail}\n{READING_STATE}\n{path}", True


def describe_state(path: Path, today: dt.date) -> str:
    """Where a workshop stands, in one line: its charter, its day of the 30, its latest
    verdict; or why that cannot be read."""
    try:
        state = summary(path, today).state
    except WorkshopFileError as exc:
        return f"Where it stands cannot be read: {exc.problem}"
    assert state is not None
    charter = state.state_words
    return (
        f"Charter {charter} · {state.day_words[0].upper()}{state.day_words[1:]} · "
        f"latest verdict: {state.verdict_words}"
    )


class WelcomePage(QWidget):
    """Shown when no workshop is open.

    Signals:
        newRequested(), openRequested(), demoRequested(): the three buttons.
        recentChosen(str): the path of a recent workshop to open.
        statesRead(): every recent workshop's state is in its entry.
    """

    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentChosen = Signal(str)
    statesRead = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.today = today
        #: The entries whose state is still to be read: (row, path).
        self._unread: list[tuple[int, str]] = []
        self._states_after_paint = False
        self._wrapping = False
        self.setObjectName("welcome")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(64, 48, 64, 48)
        outer.setSpacing(16)
        title = QLabel(APP_NAME, self)
        title.setObjectName("welcomeTitle")
        outer.addWidget(title)
        tagline = QLabel(
            "From “we should do something with AI” to one agreed first workflow, "
            "with 30-day metrics, owners and a charter the room signs.",
            self,
        )
        tagline.setObjectName("stageHint")
        tagline.setWordWrap(True)
        outer.addWidget(tagline)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("New workshop…", self)
        self.new_button.setProperty("primary", True)
        self.open_button = QPushButton("Open…", self)
        self.demo_button = QPushButton("Open a copy of the demo", self)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(40)
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        recent_title = QLabel("Recent workshops", self)
        recent_title.setObjectName("sectionTitle")
        outer.addWidget(recent_title)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recentList")
        self.recent.setWordWrap(True)
        self.recent.itemActivated.connect(self._activated)
        outer.addWidget(self.recent, 1)
        self.empty = QLabel(
            "No recent workshops yet. Start a new one, or open the demo to see "
            "a finished workshop.",
            self,
        )
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        outer.addWidget(self.empty, 1)

    def refresh(self) -> None:
        """Read the recent workshops again; the window calls it each time it shows this page,
        and only then (checking every recent file would slow opening one directly)."""
        if not self._wrapping:
            # Entries wrap whole at the list's width; set up here, not when the window is
            # built, since a window opened on a workshop never shows this page.
            from workshop_app.ui.wrapping import WrappingDelegate

            self.recent.setItemDelegate(WrappingDelegate(self.recent))
            self._wrapping = True
        self.recent.clear()
        self._unread = []
        for path in self.settings.recent_files():
            text, usable = describe_recent(path)
            entry = QListWidgetItem(text, self.recent)
            entry.setData(Qt.ItemDataRole.UserRole, str(path))
            if usable:
                self._unread.append((self.recent.row(entry), str(path)))
            else:
                entry.setForeground(QColor(PALETTE.text_faint))
                entry.setToolTip(
                    "This file cannot be opened from here; it stays in the list "
                    "in case the drive comes back."
                )
        has_recent = self.recent.count() > 0
        self.recent.setVisible(has_recent)
        self.empty.setVisible(not has_recent)
        if has_recent:
            self.recent.setCurrentRow(0)
        # Where each workshop stands once the page has painted: reading every recent file
        # whole must not hold back the first frame.
        self._states_after_paint = True
        QTimer.singleShot(STATES_AT_THE_LATEST_MS, self, self._start_reading_states)

    @property
    def states_read(self) -> bool:
        """True when every recent workshop's entry shows its state."""
        return not self._states_after_paint and not self._unread

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._states_after_paint:
            QTimer.singleShot(0, self, self._start_reading_states)

    def _start_reading_states(self) -> None:
        if self._states_after_paint:
            self._states_after_paint = False
            self._read_next_state()

    def _read_next_state(self) -> None:
        """Read one recent workshop's state into its entry, then let the event loop run
        before the next: the page answers keys while the files are read."""
        if self._states_after_paint:
            return  # the list was read again: its states follow its next paint
        if not self.isVisible():
            self._unread = []  # a workshop was opened; the list is read again on return
            return
        if not self._unread:
            self.statesRead.emit()
            return
        row, path = self._unread.pop(0)
        entry = self.recent.item(row)
        if entry is not None and entry.data(Qt.ItemDataRole.UserRole) == path:
            state = describe_state(Path(path), self.today())
            entry.setText(entry.text().replace(READING_STATE, state, 1))
        QTimer.singleShot(0, self, self._read_next_state)

    def _activated(self, entry: QListWidgetItem) -> None:
        self.recentChosen.emit(entry.data(Qt.ItemDataRole.UserRole))
