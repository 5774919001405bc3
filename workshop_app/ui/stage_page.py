"""The frame every stage page shares: a header with the stage's question, its advice panel,
and the page's own content below."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from workshop_app.domain.advice import Advice
from workshop_app.domain.stage import Stage
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.session import Session
from workshop_app.ui.shortcuts import LIST_ADD, make_action


class AdviceLine(QLabel):
    """One line of text that ends in "…" when it is wider than its room (never clipped)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full(self, text: str) -> None:
        self.full = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, room))


class AdvicePanel(QFrame):
    """The open advice of one stage on one line beside the stage's title: how many, the first
    one, and a button that shows them all. It keeps its place when there is none, so advice
    coming and going while the facilitator types never moves the page.

    Attributes:
        lines: the advice shown, one message each.
        body: the first message (all of them in its tooltip).
        more: the button that opens every message.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advicePanel")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 2, 4, 2)
        layout.setSpacing(10)
        self.title = QLabel("Advice", self)
        self.title.setObjectName("adviceTitle")
        layout.addWidget(self.title)
        self.body = AdviceLine(self)
        layout.addWidget(self.body, 1)
        self.more = QToolButton(self)
        self.more.setObjectName("adviceMore")
        self.more.setText("Read all")
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._all = QLabel()
        self._all.setObjectName("adviceAll")
        self._all.setWordWrap(True)
        self._all.setTextFormat(Qt.TextFormat.PlainText)
        self._all.setContentsMargins(14, 10, 14, 10)
        menu = QMenu(self.more)
        shown = QWidgetAction(menu)
        shown.setDefaultWidget(self._all)
        menu.addAction(shown)
        self.more.setMenu(menu)
        layout.addWidget(self.more)
        self.lines: list[str] = []
        self.hide()

    def set_advice(self, advice: list[Advice]) -> None:
        self.lines = [item.message for item in advice]
        count = len(self.lines)
        self.title.setText(f"Advice ({count})")
        everything = "\n".join(f"• {line}" for line in self.lines)
        self.body.set_full(self.lines[0] if self.lines else "")
        self.body.setToolTip(everything)
        self._all.setText(everything)
        self._all.setFixedWidth(min(640, max(360, self.width() // 2)))
        self.setVisible(bool(count))


class StagePage(QWidget):
    """One stage of the workshop.

    Signals:
        statusMessage(str): a short message for the status bar (a refused edit, a result).
        roomPicture(object): what the audience view shows instead of the stage's board while
            the page runs something with the room (a round of blind estimates), or None to
            go back to the board.
    """

    statusMessage = Signal(str)
    roomPicture = Signal(object)

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
        self.advice = AdvicePanel(header)
        title_row = QHBoxLayout()
        title_row.setSpacing(24)
        title_row.addWidget(self.title)
        title_row.addWidget(self.advice, 1, Qt.AlignmentFlag.AlignVCenter)
        header_layout.addLayout(title_row)
        header_layout.addWidget(self.hint)
        outer.addWidget(header)
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
