"""Charter: the live preview of the PDF the room will sign, and its export.

The preview and the export are made by the same job, off the UI thread; while it runs a busy
bar shows and the room carries on. An export is written through ``QSaveFile``: a temporary
file renamed only when complete, so a full disk or a folder without permission leaves no
broken PDF, and the reason is shown.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import weakref
from pathlib import Path

from PySide6.QtCore import QBuffer, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import SignoffDecision
from workshop_app.domain.stage import Stage
from workshop_app.domain.versions import ExportState, charter_document, export_state
from workshop_app.store.interchange import export_text
from workshop_app.ui import undo
from workshop_app.ui.look import restyle
from workshop_app.ui.report_job import ReportJob
from workshop_app.ui.report_runner import ReportRunner, report_file_name
from workshop_app.ui.review_forms import ReviewFormsRunner
from workshop_app.ui.session import Session
from workshop_app.ui.shortcuts import CHARTER_IMPORT_REVIEW, CHARTER_REVIEW_FORMS, make_action
from workshop_app.ui.signoff import SignoffDialog, SignoffModel, StakeholderRole
from workshop_app.ui.stage_page import StagePage
from workshop_app.ui.wrapping import WrappingList

PAPERS = [("A4", "a4"), ("US Letter", "letter")]


def charter_file_name(title: str, day: dt.date | None = None) -> str:
    """A friendly default name: ``Quoting workshop charter 2026-11-24.pdf``."""
    return report_file_name(title, "charter", day or dt.date.today())


#: The most changes listed under "out of date"; the rest are counted.
LISTED_CHANGES = 8


def version_words(state: ExportState) -> str:
    """What the Charter stage says about the last exported PDF, in a few lines."""
    if state.last is None:
        return (
            f"No charter has been exported yet. Exporting it records this version "
            f"({state.current}) in the workshop."
        )
    when = state.last.exported_at.replace("T", " ")[:16]
    lines = [f"• {line}" for line in state.changes[:LISTED_CHANGES]]
    if len(state.changes) > LISTED_CHANGES:
        lines.append(f"• and {len(state.changes) - LISTED_CHANGES} more")
    if state.out_of_date:
        head = (
            f"The charter exported {when} (version {state.last.fingerprint}) is out of date: "
            f"this is version {state.current}. Export again to give the stakeholders this version."
        )
        if not lines:
            lines = ["• other parts of the charter (what they sign for is unchanged)"]
        return "\n".join([head, "Changed since:", *lines])
    head = f"The charter exported {when} (version {state.current}) is this version."
    if lines:
        return "\n".join([head, "Sign-offs since (export again to print them):", *lines])
    return head


class CharterPage(StagePage):
    """Preview and export of the charter.

    Attributes:
        document: the preview's PDF document (the last charter made).
        last_export: where the last successful export was written.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            Stage.CHARTER,
            "The document the stakeholders keep and sign. It updates as the "
            "workshop changes; export it at any moment.",
            parent,
        )
        self.pending_target: Path | None = None
        self.last_export: Path | None = None
        self.folder_to_show: Path | None = None  # of the last charter or review forms written
        self._exporting: dict[str, object] | None = None  # the charter document being exported
        self._forms_document: dict[str, object] | None = None  # the one the forms show
        self.stale = True

        bar = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("recommendation")
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.paper = QComboBox(self)
        for text, value in PAPERS:
            self.paper.addItem(text, value)
        self.paper.setToolTip("Paper size of the preview and the export")
        self.paper.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        bar.addWidget(self.paper)
        self.refresh_button = QPushButton("Refresh preview", self)
        self.refresh_button.clicked.connect(self.refresh_preview)
        bar.addWidget(self.refresh_button)
        self.export_button = QPushButton("Export charter…", self)
        self.export_button.setProperty("primary", True)
        self.export_button.setToolTip("Export the charter as PDF (Ctrl+E)")
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.export_button)
        # One fillable PDF per stakeholder, made by the same child process as the charter.
        self.review_action = make_action(CHARTER_REVIEW_FORMS, self, self.write_review_forms)
        self.review_button = QPushButton("Review forms…", self)
        self.review_button.setToolTip(self.review_action.toolTip())
        self.review_button.clicked.connect(self.review_action.trigger)
        bar.addWidget(self.review_button)
        # A filled review form back from a stakeholder (also: a PDF dropped on the window).
        self.import_action = make_action(CHARTER_IMPORT_REVIEW, self, self.import_review)
        self.import_button = QPushButton("Import review…", self)
        self.import_button.setToolTip(
            self.import_action.toolTip() + ": record a review form a stakeholder filled in"
        )
        self.import_button.clicked.connect(self.import_action.trigger)
        bar.addWidget(self.import_button)
        self.body.addLayout(bar)

        busy_row = QHBoxLayout()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        busy_row.addWidget(self.busy, 1)
        self.message = QLabel(self)
        self.message.setObjectName("stageHint")
        self.message.setWordWrap(True)
        busy_row.addWidget(self.message, 3)
        self.open_folder = QPushButton("Open the folder", self)
        self.open_folder.clicked.connect(self.show_folder)
        self.open_folder.hide()
        busy_row.addWidget(self.open_folder)
        self.body.addLayout(busy_row)

        # Whether the last exported PDF is out of date, and what changed since: worked out
        # once the events of a change are handled, so typing never waits for it.
        self.version_state = QLabel(self)
        self.version_state.setObjectName("versionState")
        self.version_state.setWordWrap(True)
        self.version_state.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.version_state)
        self._version_timer = QTimer(self)
        self._version_timer.setSingleShot(True)
        self._version_timer.setInterval(0)
        self._version_timer.timeout.connect(self.refresh_version_state)

        self.runner = ReportRunner("charter", self)
        self.runner.busyChanged.connect(self.busy.setVisible)
        self.runner.previewReady.connect(self._previewed)
        self.runner.exported.connect(self._exported)
        self.runner.failed.connect(self._failed)
        self.review_runner = ReviewFormsRunner(self)
        self.review_runner.busyChanged.connect(self._review_busy)
        self.review_runner.exported.connect(self._reviews_written)
        self.review_runner.failed.connect(self._reviews_failed)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("charterPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.signoffs = WrappingList(self)  # each name and state whole, wrapped
        self.signoffs.setObjectName("signoffList")
        self.signoffs.setModel(SignoffModel(session, self))
        # Enter or a double click on a name records that person's sign-off.
        self.signoffs.activated.connect(lambda _index: self.record_signoff())
        self.sign_button = QPushButton("Record sign-off…", self)
        self.sign_button.clicked.connect(self.record_signoff)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_title = QLabel("Sign-off", side)
        side_title.setObjectName("sectionTitle")
        side_layout.addWidget(side_title)
        side_layout.addWidget(self.signoffs, 1)
        side_layout.addWidget(self.sign_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(side)
        splitter.addWidget(self.view)
        splitter.setSizes([300, 840])
        splitter.setChildrenCollapsible(False)
        self.body.addWidget(splitter, 1)
        preview_folder = tempfile.mkdtemp(prefix="first-workflow-preview-")
        weakref.finalize(self, shutil.rmtree, preview_folder, True)  # with the page, or at exit
        self._preview_file = Path(preview_folder) / "p.pdf"
        self._buffer: QBuffer | None = None

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(800)
        self._debounce.timeout.connect(self._refresh_if_visible)
        session.changed.connect(self._on_changed)
        self._update_status()
        self.refresh_version_state()

    # ------------------------------------------------------------------ state
    def paper_value(self) -> str:
        return str(self.paper.currentData())

    def _update_status(self) -> None:
        gaps = gate_gaps(self.session.workshop)
        if gaps:
            self.status.setText(
                f"Draft: {len(gaps)} point{'' if len(gaps) == 1 else 's'} open before it can "
                "be signed "
                "(see the advice above). A draft can be exported at any time "
                "and is clearly marked as such."
            )
        else:
            self.status.setText("Agreed: every condition of the 30-day gate holds. Ready to sign.")

    def _on_changed(self, changes: Changes) -> None:
        if changes.lists == {Part.VERSIONS}:  # an export recorded: the charter is the same
            self.refresh_version_state()
            return
        self.stale = True
        self._update_status()
        if not changes.lists <= {Part.CHECKINS, Part.CHECKIN_PLAN}:  # not the charter's
            self._version_timer.start()
        self._debounce.start()

    def refresh_version_state(self) -> None:
        """Say whether the last exported charter is out of date, and what changed since."""
        state = export_state(self.session.workshop)
        self.version_state.setText(version_words(state))
        self.version_state.setProperty("warning", state.out_of_date)
        restyle(self.version_state)

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh_preview()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale and not self.runner.closed:
            QTimer.singleShot(0, self._refresh_if_visible)

    # ------------------------------------------------------------------ jobs
    def refresh_preview(self) -> ReportJob | None:
        """Make a fresh preview (unless one is already being made)."""
        if self.runner.closed:
            return None
        if self.runner.busy:
            self._debounce.start()
            return None
        self.stale = False
        self.message.setText("Updating the preview…")
        return self.runner.start(export_text(self.session.workshop), self.paper_value())

    def export(self) -> None:
        """Ask where to save, then make and write the charter."""
        folder = Path(self.session.path).parent
        suggestion = folder / charter_file_name(self.session.workshop.info.title)
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export the charter", str(suggestion), "PDF documents (*.pdf)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, target: Path) -> ReportJob | None:
        """Make the charter and write it to ``target`` (used by the dialog and by tests)."""
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.message.setText("Exporting the charter…")
        self.open_folder.hide()
        self._exporting = charter_document(self.session.workshop)
        return self.runner.start(export_text(self.session.workshop), self.paper_value(), target)

    def write_review_forms(self) -> None:
        """Ask for a folder, then write a review form for each stakeholder into it."""
        if not self.session.workshop.stakeholders:
            self.message.setText("Add stakeholders first: each gets a review form.")
            return
        start = str(Path(self.session.path).parent)
        folder = QFileDialog.getExistingDirectory(self, "A folder for the review forms", start)
        if folder:
            self.write_review_forms_to(Path(folder))

    def write_review_forms_to(self, folder: Path) -> ReportJob | None:
        """Write the forms into ``folder`` (used by the dialog and by tests)."""
        self.message.setText("Writing the review forms…")
        self.open_folder.hide()
        self._forms_document = charter_document(self.session.workshop)
        return self.review_runner.start_forms(
            export_text(self.session.workshop), self.paper_value(), folder
        )

    def import_review(self) -> None:
        """Ask for a filled review form, then show what it says and record it once confirmed."""
        from workshop_app.ui.review_import import ask_review_pdf

        path = ask_review_pdf(self, Path(self.session.path).parent)
        if path is not None:
            self.import_review_file(path)

    def import_review_file(self, path: Path) -> bool:
        """Record the review form at ``path`` (the file dialog's, a dropped file, tests')."""
        from workshop_app.ui.review_import import import_review

        recorded = import_review(self, self.session, path)
        if recorded:
            self.statusMessage.emit(f"Review recorded from {path.name}")
        return recorded

    def _review_busy(self, busy: bool) -> None:
        self.review_button.setEnabled(not busy)
        self.busy.setVisible(busy or self.runner.busy)

    def _reviews_written(self, folder: str, count: int, _notes: list[str]) -> None:
        self.folder_to_show = Path(folder)
        forms = "1 review form" if count == 1 else f"{count} review forms"
        self.message.setText(f"{forms} written to {folder}.")
        # The forms show this version of the charter: it went out, like an exported charter.
        if self._forms_document is not None and not self.session.read_only:
            undo.record_export(self.session, self._forms_document)
        self._forms_document = None
        self.open_folder.show()
        self.statusMessage.emit(f"Review forms written to {folder}")

    def _reviews_failed(self, reason: str) -> None:
        self.message.setText(f"The review forms {reason}")
        self.statusMessage.emit(f"Review forms {reason}")

    def _previewed(self, pdf: bytes, notes: list[str]) -> None:
        self._show_preview(pdf)
        self.message.setText(" ".join(notes[:2]))

    def _exported(self, path: str, size: int, notes: list[str]) -> None:
        self.last_export = Path(path)
        self.folder_to_show = self.last_export.parent
        self.message.setProperty("warning", bool(notes))
        restyle(self.message)
        said = f"Exported {self.last_export.name} ({size // 1024} KB)."
        if self._exporting is not None and not self.session.read_only:
            undo.record_export(self.session, self._exporting)
        elif self.session.read_only:
            said += " The workshop is open read-only, so this version is not recorded in it."
        # What the renderer noted (characters it could not print), without "charter: ".
        self.message.setText(" ".join([said, *(note.split(": ", 1)[-1] for note in notes)]))
        self._exporting = None
        self.open_folder.show()
        self.statusMessage.emit(f"Charter exported to {path}")

    def _failed(self, reason: str) -> None:
        self.message.setText(f"The charter {reason}")
        self.statusMessage.emit(f"Charter {reason}")

    def busy_now(self) -> bool:
        return self.runner.busy or self.review_runner.busy

    def _show_preview(self, pdf: bytes) -> None:
        self._preview_file.write_bytes(pdf)
        self.document.load(str(self._preview_file))

    def show_folder(self) -> None:
        if self.folder_to_show is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder_to_show)))

    def focus_first(self) -> None:
        self.export_button.setFocus()

    def record_signoff(self) -> None:
        """Ask whose decision it is and how it came (in the room, by email, on paper), then
        record it (logged, and undoable). The dialog records it, and stays open to say why
        when the rules refuse it."""
        if self.session.read_only or not self.session.workshop.stakeholders:
            return
        index = self.signoffs.currentIndex()
        dialog = SignoffDialog(
            self.session, index.data(StakeholderRole) if index.isValid() else None, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusMessage.emit(f"Sign-off of {dialog.person.currentText()} recorded")

    def sign(self, stakeholder_id: str, decision: SignoffDecision, comment: str) -> str | None:
        """Record a sign-off given in the room now; returns why the rules refused it, or None."""
        person = self.session.workshop.stakeholder(stakeholder_id)
        name = person.name if person else stakeholder_id
        return self.session.push(undo.sign(self.session, stakeholder_id, decision, comment, name))

    def shut_down(self) -> None:
        """Stop a charter being made and wait for its worker, so nothing outlives the page."""
        self._debounce.stop()
        self._version_timer.stop()
        self.runner.shut_down()
        self.review_runner.shut_down()
