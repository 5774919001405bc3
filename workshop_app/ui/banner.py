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

    def show_read_only(self, left_out: list[str] | None = None) -> None:
        """The workshop was opened read-only (another app writes it, or the disk is locked),
        or only what could be read of it was (``left_out`` lists what is not shown)."""
        if left_out:
            count = "1 value" if len(left_out) == 1 else f"{len(left_out)} values"
            self.show_message(
                "error",
                f"Only what could be read of this workshop is shown, read-only: {count} of "
                "the file broke the rules and are left out (point here for the list). Save As "
                "writes a copy without them that you can edit; the file itself is not changed.",
                "Save As…",
            )
            self.label.setToolTip("\n".join(left_out))
            return
        self.label.setToolTip("")
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
