"""The keyboard: the bindings of the stage pages and lists, the actions made from them, and the
help (F1) generated from the window's actions and these bindings, so it cannot drift.

A page is built only when first shown, so its bindings are declared here, before any page
exists: the page makes its actions from them (:func:`make_action`), and the help reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QWidget

from workshop_app.domain.records import record
from workshop_app.domain.stage import Stage
from workshop_app.ui.icons import icon

Key = str | QKeySequence.StandardKey
#: One line of the help: the keys, and what they do.
Row = tuple[str, str]


@record(frozen=True)
class Binding:
    """Keys and what they do, declared before the widget that acts on them is built.

    Attributes:
        text: what the keys do, in the help (and as the action's text, unless the widget
            gives its own, as each list names its items).
        keys: the key sequences, portable text ("Ctrl+Shift+C") or a platform's standard key.
    """

    text: str
    keys: tuple[Key, ...]

    def sequences(self) -> list[QKeySequence]:
        found: list[QKeySequence] = []
        for key in self.keys:
            if isinstance(key, QKeySequence.StandardKey):
                found.extend(QKeySequence.keyBindings(key))
            else:
                found.append(QKeySequence(key))
        return found


# ---------------------------------------------------------------- every list of items
LIST_ADD = Binding("Add a row and start typing in it", ("Ctrl+Return", "Ctrl+Enter", "Insert"))
LIST_DELETE = Binding(
    "Delete the current row (undo brings it back)", (QKeySequence.StandardKey.Delete,)
)
LIST_UP = Binding("Move the current row up", ("Alt+Up",))
LIST_DOWN = Binding("Move the current row down", ("Alt+Down",))
LIST_SWITCH = Binding("Switch between a list and the fields of its current row", ("F6",))
LIST_BINDINGS = (LIST_ADD, LIST_DELETE, LIST_UP, LIST_DOWN, LIST_SWITCH)

# ---------------------------------------------------------------- the stage pages
DIAGNOSE_PROMPTS = Binding("Go to the prompts", ("Alt+P",))
CANDIDATES_FROM_PROBLEM = Binding("Add from problem", ("Ctrl+Shift+F",))
CANDIDATES_FROM_EXAMPLES = Binding("Add from examples…", ("Ctrl+Shift+X",))
RANK_CHOOSE = Binding("Choose this workflow", ("Ctrl+Shift+C",))
RANK_PARK = Binding("Park…", ("Ctrl+Shift+P",))
RANK_UNPARK = Binding("Back in play", ("Ctrl+Shift+U",))
RANK_OVERRIDE = Binding("Override scores…", ("Ctrl+Shift+O",))
RANK_ESTIMATE = Binding("Blind estimates…", ("Ctrl+Shift+E",))
CHARTER_REVIEW_FORMS = Binding("Review forms…", ("Ctrl+Shift+R",))
CHARTER_IMPORT_REVIEW = Binding("Import review…", ("Ctrl+Shift+I",))

#: The actions each stage page makes from its bindings.
PAGE_BINDINGS: dict[Stage, tuple[Binding, ...]] = {
    Stage.DIAGNOSE: (DIAGNOSE_PROMPTS,),
    Stage.CANDIDATES: (CANDIDATES_FROM_PROBLEM, CANDIDATES_FROM_EXAMPLES),
    Stage.RANK: (RANK_CHOOSE, RANK_PARK, RANK_UNPARK, RANK_OVERRIDE, RANK_ESTIMATE),
    Stage.CHARTER: (CHARTER_REVIEW_FORMS, CHARTER_IMPORT_REVIEW),
}

#: Keys that widgets handle themselves (there is no action to read them from).
TYPING_KEYS: tuple[Row, ...] = (
    ("Enter", "Commit a cell and move to the next one"),
    ("Tab", "Next field"),
)
PAGE_KEYS: dict[Stage, tuple[Row, ...]] = {
    Stage.RANK: (("+ / −", "Add or remove a vote"),),
}


def make_action(
    binding: Binding,
    parent: QWidget,
    slot: Callable[[], object],
    *,
    text: str = "",
    icon_name: str = "",
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    """An action of ``parent`` with the binding's keys; its tooltip names the first key."""
    text = text or binding.text
    action = QAction(icon(icon_name), text, parent)
    sequences = binding.sequences()
    action.setShortcuts(sequences)
    action.setShortcutContext(context)
    first = sequences[0].toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{text} ({first})")
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


def keys_text(sequences: Iterable[QKeySequence]) -> str:
    """Key sequences as the help shows them: "Ctrl+Shift+Z or Ctrl+Y"."""
    names: list[str] = []
    for sequence in sequences:
        name = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if name and name not in names:
            names.append(name)
    return " or ".join(names)


def _words(text: str) -> str:
    """An action's text without its mnemonic and trailing ellipsis: "&Open…" → "Open"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


def action_rows(actions: Iterable[QAction]) -> list[Row]:
    """One row per action that has keys, in the order given."""
    rows = [(keys_text(action.shortcuts()), _words(action.text())) for action in actions]
    return [(keys, what) for keys, what in rows if keys]


def range_row(actions: Sequence[QAction], text: str) -> Row:
    """One row for a run of actions that differ only in their number: "Ctrl+1 … Ctrl+8"."""
    return (f"{keys_text(actions[0].shortcuts())} … {keys_text(actions[-1].shortcuts())}", text)


def binding_rows(bindings: Iterable[Binding]) -> list[Row]:
    return [(keys_text(binding.sequences()), _words(binding.text)) for binding in bindings]


#: The keys of a round of blind estimates (ui/estimation.py), which handles them itself.
ROUND_KEYS: tuple[Row, ...] = (
    ("Ctrl+Enter", "Start the round; hand a sheet in"),
    ("Space", "On a cover: open the next person's sheet (or the next slip)"),
    ("S", "On a cover: skip a person who is not in the room"),
    ("Enter", "On a sheet: the next field; from the last, hand the sheet in"),
    ("R", "Reveal the answers, once everyone has answered"),
    ("Up / Down", "After the reveal: the previous or next fact"),
    ("M", "Take the median as the candidate's fact"),
    ("V", "Take another value, with a reason"),
    ("N", "Ask again: the next round"),
    ("Esc", "Stop the round (typed answers are dropped), or close after the reveal"),
)


def page_sections() -> list[tuple[str, list[Row]]]:
    """The help of every list and every stage page, whether or not it is built yet."""
    sections = [("In every list", [*binding_rows(LIST_BINDINGS), *TYPING_KEYS])]
    for stage in Stage:
        rows = [*PAGE_KEYS.get(stage, ()), *binding_rows(PAGE_BINDINGS.get(stage, ()))]
        if rows:
            sections.append((stage.value, rows))
    sections.append(("In a round of blind estimates", list(ROUND_KEYS)))
    return sections


def help_html(sections: Sequence[tuple[str, Sequence[Row]]]) -> str:
    """The help as one table, a heading above each section."""
    import html  # only when the help opens

    parts = ["<table cellspacing='6'>"]
    for title, rows in sections:
        parts.append(f"<tr><td colspan='2'><b>{html.escape(title)}</b></td></tr>")
        parts.extend(
            f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
            for keys, what in rows
        )
    parts.append("</table>")
    return "".join(parts)


class ShortcutHelp(QtWidgets.QDialog):
    """The keyboard shortcuts: one table that scrolls with the arrow keys, in a dialog never
    taller than the screen it opens on, closed with Escape or Enter.

    Attributes:
        text: the table, as HTML.
    """

    def __init__(self, parent: QWidget, sections: Sequence[tuple[str, Sequence[Row]]]) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutHelp")
        self.setWindowTitle("Keyboard shortcuts")
        self.text = help_html(sections)
        browser = QtWidgets.QTextBrowser(self)
        browser.setObjectName("shortcutText")
        browser.setHtml(self.text)
        browser.setOpenLinks(False)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(browser, 1)
        layout.addWidget(buttons)
        browser.setFocus()
        self.browser = browser
        # Measured on a copy: the browser lays its own document out at its current width.
        screen = parent.screen().availableGeometry()
        measure = QtGui.QTextDocument()  # named here: the window's start does without it
        measure.setDefaultFont(browser.font())
        measure.setHtml(self.text)
        scroll_bar = browser.verticalScrollBar().sizeHint().width()
        width = min(int(measure.idealWidth()) + 8, int(screen.width() * 0.85) - scroll_bar - 48)
        measure.setTextWidth(width)
        chrome = buttons.sizeHint().height() + 3 * layout.spacing() + 48
        height = min(int(measure.size().height()) + chrome, int(screen.height() * 0.85))
        self.resize(width + scroll_bar + 48, height)

    def showEvent(self, event: QShowEvent) -> None:
        """Centred on the window, but moved inside the screen where the window is not."""
        super().showEvent(event)
        area = self.screen().availableGeometry()
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.x() + area.width() - frame.width())
        y = min(max(frame.y(), area.y()), area.y() + area.height() - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)


def show_help(parent: QWidget, sections: Sequence[tuple[str, Sequence[Row]]]) -> None:
    """The keyboard shortcuts dialog, centred on the window."""
    dialog = ShortcutHelp(parent, sections)
    dialog.exec()
