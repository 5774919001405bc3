"""The welcome screen: start a workshop, open one, try the demo, or pick a recent one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
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
    """One line for the recent list, and whether the file can be opened."""
    if not path.exists():
        return f"{path.name} — missing (moved or deleted?)\n{path.parent}", False
    try:
        info = summary(path)
    except WorkshopFileError as exc:
        return f"{path.name} — cannot be opened: {exc.problem}\n{path.parent}", False
    head = info.title or path.name
    parts = [part for part in (info.organization, info.date) if part]
    detail = " · ".join([*parts, f"changed {when(info.modified)}"])
    return f"{head} — {detail}\n{path}", True


class WelcomePage(QWidget):
    """Shown when no workshop is open.

    Signals:
        newRequested(), openRequested(), demoRequested(): the three buttons.
        recentChosen(str): the path of a recent workshop to open.
    """

    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentChosen = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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
        self.recent.clear()
        for path in self.settings.recent_files():
            text, usable = describe_recent(path)
            entry = QListWidgetItem(text, self.recent)
            entry.setData(Qt.ItemDataRole.UserRole, str(path))
            if not usable:
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

    def _activated(self, entry: QListWidgetItem) -> None:
        self.recentChosen.emit(entry.data(Qt.ItemDataRole.UserRole))
