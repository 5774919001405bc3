"""Importing a stakeholder's filled review form in the app: the Charter stage's "Import
review…" and a PDF dropped on the window come here.

The form is read and checked whole before anything is shown (:mod:`workshop_app.store.review_pdf`);
a form that cannot be recorded gets one message and changes nothing. Otherwise the facilitator
sees what it says — who, what they decided, the day, every comment — and, for a review of an
older version of the charter, what changed since that version, which they must tick as read
before it can be recorded. Recording it is one undo step.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import SignoffDecision
from workshop_app.domain.review_fields import COMMENTS
from workshop_app.domain.review_reading import ReviewCheck
from workshop_app.domain.words import in_words
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.review_pdf import check_review_file
from workshop_app.ui import undo
from workshop_app.ui.date_field import DateField
from workshop_app.ui.screen_fit import fit_rect, frame_of
from workshop_app.ui.session import Session

#: The file dialog's filter.
PDF_FILTER = "PDF documents (*.pdf)"


def _label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class ReviewImportDialog(QDialog):
    """What a filled review form says, to be confirmed before it is recorded.

    Attributes:
        check: the form, matched with the workshop.
        date_field: the day it was signed (filled in from the form when it could be read).
        seen: for an older version, "I have read what changed" (required).
    """

    def __init__(self, check: ReviewCheck, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(f"Review from {check.name}")
        form = check.form
        outer = QVBoxLayout(self)
        decided = (
            "approved the charter"
            if form.decision is SignoffDecision.APPROVED
            else "asks for changes"
        )
        outer.addWidget(_label(f"{check.name} {decided}.", self, "reviewTitle"))

        body = self.body = QWidget(self)
        body.setObjectName("reviewBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        details = QFormLayout()
        details.addRow("From:", _label(file_name, body))
        details.addRow("Decision:", _label(in_words(form.decision), body))
        details.addRow("Typed name:", _label(form.signed_as, body))
        self.date_field = DateField(body)
        self.date_field.setAccessibleName("Day it was signed")
        if check.date is not None:
            self.date_field.set_date(check.date.isoformat())
        details.addRow("Signed on:", self.date_field)
        self.date_note = _label(
            f"{check.date_problem[:1].upper()}{check.date_problem[1:]}. Type the day it was signed."
            if check.date is None
            else "",
            body,
            "stageHint",
        )
        if check.date is None:
            details.addRow("", self.date_note)
        else:
            self.date_note.hide()
        version = "this version of the charter" if check.current else "an older version"
        details.addRow("Version:", _label(f"{form.fingerprint} ({version})", body))
        layout.addLayout(details)

        comments = [(section, form.comments[part]) for part, section in COMMENTS]
        written = [(section, text) for section, text in comments if text]
        layout.addWidget(_label("Comments", body, "reviewSection"))
        if not written:
            layout.addWidget(_label("No comments.", body))
        for section, text in written:
            layout.addWidget(_label(f"On the {section}:", body, "reviewSection"))
            layout.addWidget(_label(text, body))

        self.seen: QCheckBox | None = None
        if not check.current:
            when = f", exported {check.exported_at[:10]}" if check.exported_at else ""
            warning = _label(
                f"This is a review of an older version of the charter ({form.fingerprint}"
                f"{when}). What they signed for has changed since:",
                body,
                "versionState",
            )
            warning.setProperty("warning", True)
            layout.addWidget(warning)
            layout.addWidget(_label("\n".join(f"• {line}" for line in check.changes_words()), body))
            self.seen = QCheckBox("I have read what changed: record their review of that version")
            self.seen.setParent(body)
            layout.addWidget(self.seen)
        if check.replaces is not None:
            earlier = check.replaces
            layout.addWidget(
                _label(
                    f"This replaces their sign-off of {earlier.date} "
                    f"({in_words(earlier.decision).lower()}).",
                    body,
                    "stageHint",
                )
            )
        layout.addStretch(1)

        scroll = self.scroller = QScrollArea(self)
        scroll.setObjectName("reviewScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record_button = self.buttons.addButton(
            "Record sign-off", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.date_field.textChanged.connect(lambda _text: self._update())
        if self.seen is not None:
            self.seen.toggled.connect(lambda _on: self._update())
        self.setMinimumWidth(560)
        self._update()
        (self.date_field if check.date is None else self.seen or self.record_button).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """As tall as what it says, up to the screen's height (the rest scrolls), and inside
        the screen."""
        super().showEvent(event)
        area = self.screen().availableGeometry()
        # The scroll area hints at a small size of its own: count what it holds instead.
        width = max(self.width(), 640)
        rest = self.sizeHint().height() - self.scroller.sizeHint().height()
        held = self.body.heightForWidth(width - (self.width() - self.scroller.width()))
        wanted = QSize(width, rest + max(held, self.body.minimumSizeHint().height()) + 8)
        self.resize(wanted.boundedTo(QSize(area.width() * 9 // 10, area.height() * 9 // 10)))
        placed = fit_rect(self.geometry(), area, frame_of(self))
        if placed != self.geometry():
            self.setGeometry(placed)

    def signed_on(self) -> dt.date | None:
        return self.date_field.date()

    def _update(self) -> None:
        ready = self.signed_on() is not None and (self.seen is None or self.seen.isChecked())
        self.record_button.setEnabled(ready)
        self.record_button.setDefault(ready)


def ask_review_pdf(parent: QWidget, folder: Path) -> Path | None:
    """The filled review form the facilitator chose, or None."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, "Import a filled review form", str(folder), PDF_FILTER
    )
    return Path(chosen) if chosen else None


def dropped_pdf(mime: QMimeData) -> Path | None:
    """The one local PDF file being dragged, or None (several files, a folder, a web link)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".pdf" else None


def _tell(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def import_review(
    parent: QWidget, session: Session, path: Path, today: dt.date | None = None
) -> bool:
    """Read the review form at ``path``, show what it says, and record it once confirmed.
    Returns whether a sign-off was recorded."""
    if session.read_only:
        _tell(
            parent,
            "Review not recorded",
            "This workshop is open read-only, so no review can be recorded in it.",
        )
        return False
    try:
        check = check_review_file(path, session.workshop, today or dt.date.today())
    except WorkshopFileError as exc:
        _tell(
            parent,
            "Review not recorded",
            f"{exc.path.name} {exc.problem}.\n\nNothing was recorded.",
        )
        return False
    if check.same:
        _tell(
            parent,
            "Already recorded",
            f"The review of {check.name} in {path.name} is already recorded; nothing changed.",
        )
        return False
    dialog = ReviewImportDialog(check, path.name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    signoff = check.signoff(dialog.signed_on())
    if check.replaces == signoff:
        return False
    refusal = session.push(undo.record_signoff(session, signoff, check.name))
    if refusal is not None:
        _tell(parent, "Review not recorded", f"{refusal}.\n\nNothing was recorded.")
        return False
    return True
