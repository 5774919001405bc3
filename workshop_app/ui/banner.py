"""The strip above the stage pages that says when the workshop file cannot be written, with a
button to save a copy elsewhere."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workshop_app.ui.look import restyle


class Banner(QWidget):
    """A full-width message with an optional action button; hidden when there is nothing to say.

    Attributes:
        label: the message; its ``kind`` property ("info" or "error") picks the style.
        button: the action (Save As…); the window connects it.
    """

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
        restyle(self.label)
        self.label.setText(text)
        self.button.setText(action)
        self.button.setVisible(bool(action))
        self.show()

    def show_read_only(self) -> None:
        """The workshop was opened read-only (another app writes it, or the disk is locked)."""
        self.show_message(
            "info",
            "This workshop is open read-only: changes cannot "
            "be saved to it. Save As writes a copy you can edit.",
            "Save As…",
        )

    def show_save_failed(self, problem: str) -> None:
        """A change could not be written; it is kept in memory until a save succeeds."""
        self.show_message(
            "error",
            f"Could not save to the workshop file: {problem}. Everything you typed is "
            "kept in the app. Save a copy elsewhere to keep working safely.",
            "Save As…",
        )
