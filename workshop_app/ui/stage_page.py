"""The frame every stage page shares: a header with the stage's question, its advice panel,
and the page's own content below."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QTabWidget, QVBoxLayout, QWidget

from workshop_app.domain.advice import Advice
from workshop_app.domain.stage import Stage
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.session import Session
from workshop_app.ui.shortcuts import LIST_ADD, make_action


class AdvicePanel(QFrame):
    """The open advice of one stage, one line each; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advicePanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        self.title = QLabel("Advice", self)
        self.title.setObjectName("adviceTitle")
        layout.addWidget(self.title)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        self.lines: list[str] = []
        self.hide()

    def set_advice(self, advice: list[Advice]) -> None:
        self.lines = [item.message for item in advice]
        count = len(self.lines)
        self.title.setText(f"Advice ({count})" if count != 1 else "Advice (1)")
        shown = self.lines[:6]
        more = [f"… and {count - 6} more"] if count > 6 else []
        self.body.setText("\n".join(f"• {line}" for line in shown + more))
        self.setVisible(bool(count))


class StagePage(QWidget):
    """One stage of the workshop.

    Signals:
        statusMessage(str): a short message for the status bar (a refused edit, a result).
    """

    statusMessage = Signal(str)

    def __init__(
        self, session: Session, stage: Stage, hint: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.stage = session, stage
        self.setObjectName(f"page{stage.name.title().replace('_', '')}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 16)
        outer.setSpacing(10)
        header = QFrame(self)
        header.setObjectName("stageHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.setSpacing(2)
        self.title = QLabel(stage.value, header)
        self.title.setObjectName("stageTitle")
        self.hint = QLabel(hint, header)
        self.hint.setObjectName("stageHint")
        self.hint.setWordWrap(True)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.hint)
        outer.addWidget(header)
        self.advice = AdvicePanel(self)
        outer.addWidget(self.advice)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)
        # Ctrl+Enter works wherever the focus is on the page (only the page shown answers).
        self.add_action = make_action(
            LIST_ADD, self, self.add_to_list, context=Qt.ShortcutContext.WindowShortcut
        )

    def lists(self) -> list[ListEditor]:
        """The page's lists that take new rows now: those shown first, then any behind a tab."""
        ready = [
            editor
            for editor in self.findChildren(ListEditor)
            if editor.isEnabled() and editor.add_action.isEnabled()
        ]
        shown = [editor for editor in ready if editor.isVisibleTo(self)]
        return shown + [editor for editor in ready if editor not in shown]

    def add_to_list(self) -> None:
        """Ctrl+Enter: a new row in the list that has the focus, or else in the page's first
        list, brought forward if it is behind a tab (so a page just opened takes its first
        item without a Tab)."""
        lists = self.lists()
        focus = QApplication.focusWidget()
        inside = [editor for editor in lists if focus is not None and editor.isAncestorOf(focus)]
        if not (inside or lists):
            return
        target = (inside or lists)[0]
        for tabs in self.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tab = tabs.widget(index)
                if tab is not None and (tab is target or tab.isAncestorOf(target)):
                    tabs.setCurrentIndex(index)
        target.add_item()

    def show_advice(self, advice: list[Advice]) -> None:
        """Show the stage's open advice and mark the fields it names."""
        self.advice.set_advice(advice)
        self.mark_fields(advice)

    def mark_fields(self, advice: list[Advice]) -> None:
        """Pages mark the fields named by ``advice`` paths; the default marks nothing."""

    def focus_first(self) -> None:
        """Put the keyboard focus where typing starts on this page."""
        self.focusNextChild()

    def shut_down(self) -> None:
        """Stop any background work before the page goes away (the default has none)."""
