"""The main window: for now the open workshop's title and its place on disk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from workshop_app import APP_NAME
from workshop_app.store.workshop_file import WorkshopFile


class MainWindow(QMainWindow):
    """The facilitator's window on one workshop file."""

    def __init__(self, opened: WorkshopFile | None) -> None:
        super().__init__()
        self.opened = opened
        central = QWidget(self)
        layout = QVBoxLayout(central)
        title = opened.workshop.info.title if opened else "No workshop open"
        self.title_label = QLabel(title, central)
        self.title_label.setObjectName("workshopTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        if opened is not None:
            where = QLabel(str(opened.path), central)
            where.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(where)
            self.setWindowTitle(f"{title} — {opened.path.name} — {APP_NAME}")
        else:
            self.setWindowTitle(APP_NAME)
        self.setCentralWidget(central)
        self.resize(1100, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.opened is not None:
            self.opened.close()
        super().closeEvent(event)
