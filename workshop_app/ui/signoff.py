"""Sign-off of the charter: who approved, who asked for changes, who has not signed yet, and
the dialog that records a decision given in the room, by email or on paper."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.model import Signoff, SignoffChannel, SignoffDecision, Workshop
from workshop_app.domain.text import LONG, clean_typed_text
from workshop_app.domain.versions import charter_document, charter_fingerprint, signed_version
from workshop_app.domain.words import in_words
from workshop_app.ui import undo
from workshop_app.ui.combo import WordSearchCombo
from workshop_app.ui.date_field import DateField
from workshop_app.ui.labels import choices
from workshop_app.ui.look import restyle
from workshop_app.ui.screen_fit import fit_rect, frame_of
from workshop_app.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
StakeholderRole = Qt.ItemDataRole.UserRole + 1

#: The ways a sign-off is recorded by hand, as the dialog offers them (a review form has its
#: own import, which reads the PDF).
BY_HAND = [
    (SignoffChannel.ROOM, "In the room"),
    (SignoffChannel.EMAIL, "Email (paste its text)"),
    (SignoffChannel.PAPER, "Seen on paper"),
]
#: How the sign-off list says a sign-off came; one given in the room needs no words.
CAME = {
    SignoffChannel.FORM: "on their review form",
    SignoffChannel.EMAIL: "by email",
    SignoffChannel.PAPER: "on paper",
}
#: The most of one comment a tooltip shows, so that it stays on the screen.
TOOLTIP_CHARS = 500


def _shortened(text: str) -> str:
    return text if len(text) <= TOOLTIP_CHARS else text[: TOOLTIP_CHARS - 1].rstrip() + "…"


def said_words(signed: Signoff) -> str | None:
    """What they said, for the list's tooltip: the comment (or their email) and the comment
    on each part of the charter, labelled, as rich text; None when they wrote nothing."""
    main = "Their email" if signed.channel is SignoffChannel.EMAIL else "Comment"
    parts = [(main, signed.comment)] if signed.comment else []
    parts += [(f"On the {part}", text) for part, text in signed.section_comments()]
    if signed.signed_as:
        parts.append(("Signed as", signed.signed_as))
    if not parts:
        return None
    return "".join(
        f"<p><b>{html.escape(label)}:</b> "
        f"{html.escape(_shortened(text)).replace(chr(10), '<br>')}</p>"
        for label, text in parts
    )


class SignoffModel(QAbstractListModel):
    """One row per stakeholder with their sign-off, how it came when not in the room, and the
    version they signed, read from the workshop. What changed since each signed version is
    worked out once after a change, when a row is first shown, and kept until the next change."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._count = len(session.workshop.stakeholders)
        self._versions: dict[str, str] | None = None  # stakeholder id → version in words
        session.changed.connect(self._on_changed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        people = self.session.workshop.stakeholders
        if not index.isValid() or index.row() >= min(self._count, len(people)):
            return None
        person = people[index.row()]
        signed = next(
            (s for s in self.session.workshop.signoffs if s.stakeholder_id == person.id), None
        )
        if role == Qt.ItemDataRole.DisplayRole:
            state = "not signed yet"
            if signed is not None:
                came = CAME.get(signed.channel) if signed.channel else None
                state = f"{in_words(signed.decision)} on {signed.date}"
                state += f" {came}" if came else ""
                if signed.version is not None:
                    state += f"; {self.version_words(person.id)}"
            return f"{person.name} ({in_words(person.kind)}): {state}"
        if role == Qt.ItemDataRole.ToolTipRole and signed is not None:
            return said_words(signed)
        if role == StakeholderRole:
            return person.id
        return None

    def version_words(self, stakeholder_id: str) -> str:
        """``signed version ab12cd34ef, 2 changes since`` for one person's sign-off."""
        if self._versions is None:
            workshop = self.session.workshop
            now = charter_document(workshop)
            self._versions = {
                s.stakeholder_id: signed_version(workshop, s, now).words()
                for s in workshop.signoffs
            }
        return self._versions.get(stakeholder_id, "")

    def _on_changed(self, changes: Changes) -> None:
        self._versions = None
        if changes.touches(Part.STAKEHOLDERS, Part.SIGNOFFS):
            self.beginResetModel()
            self._count = len(self.session.workshop.stakeholders)
            self.endResetModel()
        elif self._count and any(s.version for s in self.session.workshop.signoffs):
            # What changed since a signed version may have: the rows say it again.
            self.dataChanged.emit(self.index(0), self.index(self._count - 1))


def version_choices(workshop: Workshop) -> list[tuple[str, str]]:
    """(words, fingerprint) for each version a stakeholder may have reviewed: the charter as
    it is now first, then every other version exported, newest first."""
    now = charter_fingerprint(workshop)
    when = {v.fingerprint: f", exported {v.exported_at[:10]}" for v in workshop.versions}
    found = [(f"this version ({now}{when.get(now, '')})", now)]
    found += [
        (f"{v.fingerprint}{when[v.fingerprint]}", v.fingerprint)
        for v in reversed(workshop.versions)
        if v.fingerprint != now
    ]
    return found


def record(session: Session, signoff: Signoff) -> str | None:
    """Record ``signoff`` as one undo step: one given in the room through :func:`undo.sign`
    (today, on the charter as it is now), any other as it is given. Returns why the rules
    refused it (nothing changed then), or None."""
    person = session.workshop.stakeholder(signoff.stakeholder_id)
    name = person.name if person else signoff.stakeholder_id
    if signoff.channel in (None, SignoffChannel.ROOM):
        edit = undo.sign(session, signoff.stakeholder_id, signoff.decision, signoff.comment, name)
    else:
        edit = undo.record_signoff(session, signoff, name)
    return session.push(edit)


class PastedText(QPlainTextEdit):
    """A box for a text pasted whole, such as an email: pasted text is cleaned as typed text
    is (Windows line ends, control characters), Tab moves the focus on instead of typing a
    tab, and Ctrl+Enter accepts the dialog (Enter starts a new line).

    Signals:
        submitted(): Ctrl+Enter was pressed.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(lines * 5 + 16)
        self.setMinimumWidth(520)  # an email's lines are long

    def text(self) -> str:
        return clean_typed_text(self.toPlainText()).strip()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(clean_typed_text(source.text()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and control:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class SignoffDialog(QDialog):
    """Record one stakeholder's decision on the charter: given in the room now, or by email or
    on paper on the day they signed, on the version they reviewed. OK records it as one undo
    step; when the rules refuse it, the dialog stays open and says why.

    Attributes:
        person, how, decision: who, how it came, and what they decided.
        day: the day they signed (email and paper; in the room it is today).
        version: the version of the charter they reviewed (email and paper).
        comment: what they said or wrote, one line (in the room and on paper).
        email: the email's text, pasted (by email).
        problem: why it cannot be recorded as it is, or why the rules refused it.
    """

    def __init__(
        self, session: Session, stakeholder_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Record a sign-off")
        self.form = layout = QFormLayout(self)
        self.person = WordSearchCombo(self)
        for person in session.workshop.stakeholders:
            self.person.addItem(person.name, person.id)
        self.person.setCurrentIndex(max(self.person.findData(stakeholder_id), 0))
        self.how = WordSearchCombo(self)
        for channel, words in BY_HAND:
            self.how.addItem(words, channel)
        self.decision = WordSearchCombo(self)
        for text, value in choices(SignoffDecision):
            self.decision.addItem(text, value)
        self.day = DateField(self)
        self.day.setAccessibleName("Day they signed")
        self.day.set_date(dt.date.today().isoformat())
        self.version = WordSearchCombo(self)
        self.version.setToolTip("The version of the charter they reviewed (its PDF's footer)")
        for text, fingerprint in version_choices(session.workshop):
            self.version.addItem(text, fingerprint)
        self.comment = QLineEdit(self)
        self.comment.setMaxLength(LONG)
        self.comment.setMinimumWidth(420)
        self.email = PastedText(self)
        self.email.setPlaceholderText("Paste the text of their email here")
        self.email.setAccessibleName("Text of their email")
        self.problem = QLabel(self)
        self.problem.setObjectName("stageHint")
        self.problem.setProperty("warning", True)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow("Stakeholder:", self.person)
        layout.addRow("How it came:", self.how)
        layout.addRow("Decision:", self.decision)
        layout.addRow("Signed on:", self.day)
        layout.addRow("Version:", self.version)
        layout.addRow("Comment:", self.comment)
        layout.addRow("Email text:", self.email)
        layout.addRow(self.problem)
        layout.addRow(self.buttons)
        self.how.currentIndexChanged.connect(lambda _i: self._show_channel())
        # Any change puts away a refusal shown, and says what is still missing.
        for combo in (self.person, self.decision, self.version):
            combo.currentIndexChanged.connect(lambda _i: self._update())
        for changed in (self.day.textChanged, self.comment.textChanged, self.email.textChanged):
            changed.connect(self._update)
        self.email.submitted.connect(self.accept)
        self._show_channel()

    def channel(self) -> SignoffChannel:
        return SignoffChannel(self.how.currentData())

    def comment_text(self) -> str:
        """The comment as it will be kept: the email's text, or the one-line comment."""
        if self.channel() is SignoffChannel.EMAIL:
            return self.email.text()
        return clean_typed_text(self.comment.text()).strip()

    def signoff(self) -> Signoff:
        """The sign-off as the dialog shows it. One given in the room is dated today and is
        on the charter as it is now when it is recorded."""
        channel = self.channel()
        room = channel is SignoffChannel.ROOM
        return Signoff(
            str(self.person.currentData()),
            dt.date.today().isoformat() if room else self.day.text_value(),
            SignoffDecision(self.decision.currentData()),
            self.comment_text(),
            version=None if room else str(self.version.currentData()),
            channel=channel,
        )

    def accept(self) -> None:
        """Record the sign-off; the dialog closes only when it is recorded."""
        if self._gap() is not None:
            return
        refusal = record(self.session, self.signoff())
        if refusal:
            self._say(f"{refusal[:1].upper()}{refusal[1:]}. Nothing was recorded.")
            return
        super().accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _show_channel(self) -> None:
        channel = self.channel()
        outside = channel is not SignoffChannel.ROOM
        emailed = channel is SignoffChannel.EMAIL
        # What was typed moves to the box now shown, when that one is empty.
        if emailed and not self.email.toPlainText().strip():
            self.email.setPlainText(self.comment.text())
        elif not emailed and not self.comment.text().strip():
            self.comment.setText(" ".join(self.email.text().split())[:LONG])
        self.form.setRowVisible(self.day, outside)
        self.form.setRowVisible(self.version, outside)
        self.form.setRowVisible(self.comment, not emailed)
        self.form.setRowVisible(self.email, emailed)
        self.comment.setPlaceholderText(
            "What they wrote on it (optional)" if outside else "What they said (optional)"
        )
        self._update()
        if self.isVisible():
            self._fit()

    def _gap(self) -> str | None:
        """What must be put right before the sign-off can be recorded, or None."""
        if self.channel() is not SignoffChannel.ROOM and self.day.date() is None:
            return "Type the day they signed, as 2026-11-30."
        length = len(self.comment_text())
        if length > LONG:
            what = "email's text" if self.channel() is SignoffChannel.EMAIL else "comment"
            return f"The {what} is {length:,} characters long; shorten it to {LONG:,}."
        return None

    def _update(self) -> None:
        gap = self._gap()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(gap is None)
        invalid = self.day.isVisibleTo(self) and self.day.date() is None
        if self.day.property("invalid") != invalid:
            self.day.setProperty("invalid", invalid)
            restyle(self.day)
        self._say(gap)

    def _say(self, text: str | None) -> None:
        """Show ``text`` above the buttons (None: nothing to say), growing the dialog for it."""
        self.problem.setText(text or "")
        if self.problem.isVisibleTo(self) != bool(text):
            self.problem.setVisible(bool(text))
            if self.isVisible():
                self._fit()

    def _fit(self) -> None:
        """As tall as the fields shown need (the email's box takes more), inside the screen."""
        self.form.activate()
        hint = self.sizeHint()
        width = max(self.width(), hint.width())
        height = self.heightForWidth(width) if self.form.hasHeightForWidth() else -1
        self.resize(width, max(height, hint.height()))
        area = self.screen().availableGeometry()
        placed = fit_rect(self.geometry(), area, frame_of(self))
        if placed != self.geometry():
            self.setGeometry(placed)
