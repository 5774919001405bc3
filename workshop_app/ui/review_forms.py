"""The review forms, made from the Charter stage by the same child-process job as the charter:
``workshop-app review-form - -o FOLDER`` with the workshop's JSON on standard input.

The child writes each form whole into the folder and refuses to replace an existing one, so a
failed or stopped job leaves only complete forms (or none); its last line says why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from workshop_app.report.making import ReportKind
from workshop_app.ui.report_job import ReportJob, last_line
from workshop_app.ui.report_runner import ReportRunner


class ReviewFormsJob(ReportJob):
    """Write every stakeholder's review form into ``folder``; ``finished`` carries no PDF and
    the lines the command printed (one per form written, then its notes)."""

    def __init__(self, number: int, interchange_json: str, paper: str, folder: Path) -> None:
        super().__init__(number, interchange_json, paper, ReportKind.REVIEW_FORM)
        self.folder = folder

    def _render(self) -> tuple[bytes, list[str]]:
        code, out, err = self._run(str(self.folder))
        if code != 0:
            raise RuntimeError(last_line(err, code))
        return b"", [line for line in out.splitlines() if line.strip()]


class ReviewFormsRunner(ReportRunner):
    """Runs :class:`ReviewFormsJob`; ``exported`` carries the folder and the number of forms."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ReportKind.REVIEW_FORM, parent)

    def start_forms(self, interchange_json: str, paper: str, folder: Path) -> ReportJob | None:
        """Write the forms into ``folder`` (made when missing)."""
        if self.closed:
            return None
        self._numbers += 1
        job = ReviewFormsJob(self._numbers, interchange_json, paper, folder)
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(self._failed)
        self.jobs[job.number] = (job, folder)
        if len(self.jobs) == 1:
            self.busyChanged.emit(True)
        self.pool.start(job)
        return job

    def _done(self, number: int, pdf: bytes, notes: list[str]) -> None:
        known, folder = self._finish(number)
        if known and folder is not None:
            written = sum(1 for line in notes if line.endswith(": review form written"))
            others = [line for line in notes if not line.endswith(": review form written")]
            self.exported.emit(str(folder), written, others)
