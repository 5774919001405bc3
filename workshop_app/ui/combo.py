"""A drop-down whose entries are found by typing any word of them, not only the first.

Qt's own search matches the beginning of an entry, so among "per day", "per week" and
"per month" typing ``d`` found nothing and typing ``p`` always found the first. Here letters
typed in quick succession (within the desktop's keyboard input interval) are matched first at
the start of an entry, then at the start of any word in it; typing the same letter again
moves on to the next entry that matches.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


def _matches(entry: str, typed: str) -> bool:
    words = entry.casefold().split()
    return entry.casefold().startswith(typed) or any(word.startswith(typed) for word in words)


class WordSearchCombo(QComboBox):
    """A combo box that finds an entry by any of its words as the facilitator types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._since = QElapsedTimer()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if plain and text and text.isprintable() and not text.isspace() and not self.isEditable():
            self._search(text.casefold())
            return
        super().keyPressEvent(event)

    def _search(self, letter: str) -> None:
        fresh = not self._since.isValid() or (
            self._since.elapsed() > QApplication.keyboardInputInterval()
        )
        self._since.restart()
        repeated = not fresh and self._typed == letter * len(self._typed)
        self._typed = letter if fresh else self._typed + letter
        wanted = letter if repeated else self._typed
        count = self.count()
        # A first letter, or the same letter again, looks from the entry after the current
        # one (wrapping round); more letters of one word look from the current entry on.
        start = self.currentIndex() + (1 if fresh or repeated else 0)
        for step in range(count):
            index = (start + step) % count
            if _matches(self.itemText(index), wanted):
                if index != self.currentIndex():
                    self.setCurrentIndex(index)
                    self.activated.emit(index)
                return
