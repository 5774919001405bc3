"""Add from examples: pick one of the library's example workflows for a room that is stuck.

Keyboard only: type words to narrow the list (any word of the name, the description, the
symptoms or the area), Up and Down move through it while the typing goes on, Enter adds the
example and Escape cancels. Beside the list, the example's description, symptoms, the typical
ranges as a hint (never a value) and the metrics it suggests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.words import in_words
from workshop_app.libraries import WorkflowExample
from workshop_app.palette import PALETTE
from workshop_app.ui.look import restyle
from workshop_app.ui.screen_fit import fit_rect, frame_of
from workshop_app.ui.wrapping import WrappingDelegate

#: The keys the search field passes on to the list, so the facilitator moves without leaving it.
_MOVES = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_EXAMPLE = Qt.ItemDataRole.UserRole
_AREA_INK = QColor(PALETTE.text_muted)


def rooms_say(example: WorkflowExample) -> str:
    """The typical ranges as the room hears them: ``Rooms like yours usually say 10–60 a day,
    10–25 minutes each.``"""
    return f"Rooms like yours usually say {example.frequency}, {example.minutes} minutes each."


def typical_count(example: WorkflowExample) -> str:
    """The hint an empty "How many times" field shows: ``typical: 10–60 a day``."""
    return f"typical: {example.frequency}"


def typical_minutes(example: WorkflowExample) -> str:
    """The hint an empty "Minutes each time" field shows: ``typical: 10–25 minutes``."""
    return f"typical: {example.minutes} minutes"


def dialog_size(available: QSize) -> QSize:
    """As large as reads well (1120 × 720), never more than nine tenths of the screen."""
    return QSize(min(1120, int(available.width() * 0.9)), min(720, int(available.height() * 0.9)))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def searchable(example: WorkflowExample) -> list[str]:
    """Every word the search looks in: name, description, symptoms and area."""
    symptoms = " ".join(in_words(symptom) for symptom in example.symptoms)
    return _words(f"{example.name} {example.description} {symptoms} {example.area.label}")


def matches(example: WorkflowExample, typed: str) -> bool:
    """Whether every typed word starts a word of the example (so "inv" finds invoices)."""
    words = searchable(example)
    return all(any(word.startswith(part) for word in words) for part in _words(typed))


class ExamplesDialog(QDialog):
    """The example workflows to choose from, with the chosen one's details beside the list.

    Attributes:
        examples: the library's examples, in its order (grouped by area).
        search: the search field (it keeps the focus; Up and Down move the list).
        list: the examples under a heading per area; headings cannot be selected.
    """

    def __init__(self, examples: Sequence[WorkflowExample], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examplesDialog")
        self.setWindowTitle("Add from examples")
        self.examples = list(examples)

        self.search = QLineEdit(self)
        self.search.setObjectName("exampleSearch")
        self.search.setPlaceholderText("Type any word: leads, invoices, tickets, refunds…")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        search_label = QLabel("&Search the examples", self)
        search_label.setBuddy(self.search)

        self.list = QListWidget(self)
        self.list.setObjectName("exampleList")
        self.list.setItemDelegate(WrappingDelegate(self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._headings: list[tuple[QListWidgetItem, list[QListWidgetItem]]] = []
        self._fill()

        self.details = self._make_details()
        scroll = QScrollArea(self)
        scroll.setObjectName("exampleDetailsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.details)
        scroll.viewport().setObjectName("exampleDetailsViewport")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = self.buttons.addButton("Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.add_button.setAutoDefault(True)
        self.add_button.setProperty("primary", True)
        restyle(self.add_button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        hint = QLabel(
            "Type to narrow the list · Up and Down choose · Enter adds · Esc cancels. "
            "The facts stay empty until the room estimates its own.",
            self,
        )
        hint.setObjectName("stageHint")
        hint.setWordWrap(True)

        sides = QHBoxLayout()
        sides.setSpacing(16)
        sides.addWidget(self.list, 5)
        sides.addWidget(scroll, 6)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addLayout(sides, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(lambda _now, _before: self._show())
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._fit_screen()
        self._first_visible()
        self.search.setFocus()

    # ------------------------------------------------------------------ building
    def _fill(self) -> None:
        heading_font = QFont(self.list.font())
        heading_font.setBold(True)
        heading: QListWidgetItem | None = None
        members: list[QListWidgetItem] = []
        for number, example in enumerate(self.examples):
            if heading is None or example.area.label != heading.text():
                heading = QListWidgetItem(example.area.label, self.list)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)  # skipped by the arrows
                heading.setFont(heading_font)
                heading.setForeground(QBrush(_AREA_INK))
                members = []
                self._headings.append((heading, members))
            entry = QListWidgetItem(example.name, self.list)
            entry.setData(_EXAMPLE, number)
            entry.setToolTip(f"{example.area.label}: {example.name}")
            members.append(entry)

    def _make_details(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("exampleDetails")
        column = QVBoxLayout(panel)
        column.setContentsMargins(14, 12, 14, 12)
        column.setSpacing(10)

        def label(name: str) -> QLabel:
            made = QLabel(panel)
            made.setObjectName(name)
            made.setWordWrap(True)
            made.setTextFormat(Qt.TextFormat.PlainText)
            made.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            column.addWidget(made)
            return made

        self.name_label = label("exampleName")
        self.area_label = label("exampleArea")
        self.description_label = label("exampleDescription")
        self.symptoms_label = label("exampleSymptoms")
        self.typical_label = label("exampleTypical")
        self.metrics_title = label("exampleSection")
        self.metrics_title.setText("Suggested metrics (added with it, linked to it)")
        self.metrics_label = label("exampleMetrics")
        column.addStretch(1)
        return panel

    def _fit_screen(self) -> None:
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(dialog_size(screen.size()))

    def showEvent(self, event: QShowEvent) -> None:
        """Centred on the window, but moved inside the screen where the window is not."""
        super().showEvent(event)
        area = self.screen().availableGeometry()
        placed = fit_rect(self.geometry(), area, frame_of(self))
        if placed != self.geometry():
            self.setGeometry(placed)

    # ------------------------------------------------------------------ choosing
    def chosen(self) -> WorkflowExample | None:
        """The example the list's current entry stands for, when it is shown."""
        item = self.list.currentItem()
        if item is None or item.isHidden() or item.data(_EXAMPLE) is None:
            return None
        return self.examples[int(item.data(_EXAMPLE))]

    def _filter(self, typed: str) -> None:
        for heading, members in self._headings:
            shown = 0
            for entry in members:
                keep = matches(self.examples[int(entry.data(_EXAMPLE))], typed)
                entry.setHidden(not keep)
                shown += keep
            heading.setHidden(shown == 0)
        current = self.list.currentItem()
        if self.chosen() is None or current is None:
            self._first_visible()
        else:
            self.list.scrollToItem(current)
            self._show()

    def _first_visible(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if not item.isHidden() and item.data(_EXAMPLE) is not None:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return
        self.list.setCurrentRow(-1)
        self._show()

    def _show(self) -> None:
        example = self.chosen()
        self.add_button.setEnabled(example is not None)
        for widget in (self.area_label, self.description_label, self.symptoms_label):
            widget.setVisible(example is not None)
        for widget in (self.typical_label, self.metrics_title, self.metrics_label):
            widget.setVisible(example is not None)
        if example is None:
            self.name_label.setText("No example has all these words: try fewer or others.")
            return
        self.name_label.setText(example.name)
        self.area_label.setText(example.area.label)
        self.description_label.setText(example.description)
        symptoms = ", ".join(in_words(symptom) for symptom in example.symptoms)
        self.symptoms_label.setText(f"Addresses: {symptoms}")
        self.typical_label.setText(
            f"{rooms_say(example)} A hint to argue with, never filled in: "
            "the room estimates its own."
        )
        self.metrics_label.setText(
            "\n".join(
                f"• {in_words(metric.kind)}: {metric.name} ({metric.unit})"
                for metric in example.metrics
            )
        )

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down, Page Up and Page Down in the search field move the list."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _MOVES
        ):
            moved = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            QApplication.sendEvent(self.list, moved)
            return True
        return super().eventFilter(watched, event)
