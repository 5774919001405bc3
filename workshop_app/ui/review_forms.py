"""The review forms, made from the Charter stage by the same child-process job as the charter:
``workshop-app review-form - -o FOLDER`` with the workshop's JSON on standard input.

The child writes each form whole into the folder and refuses to replace an existing one, so a
failed or stopped job leaves only complete forms (or none); its last line says why.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QObject

from workshop_app.report.making import ReportKind
from workshop_app.ui.report_job import TIMEOUT_SECONDS, ReportJob
from workshop_app.ui.report_runner import ReportRunner


class ReviewFormsJob(ReportJob):
    """Write every stakeholder's review form into ``folder``; ``finished`` carries no PDF and
    the lines the command printed (one per form written, then its notes)."""

    def __init__(self, number: int, interchange_json: str, paper: str, folder: Path) -> None:
        super().__init__(number, interchange_json, paper, ReportKind.REVIEW_FORM)
        self.folder = folder

    def _render(self) -> tuple[bytes, list[str]]:
        command = [sys.executable, "-m", "workshop_app", str(self.kind), "-"]
        command += ["-o", str(self.folder), "--paper", self.paper]
        with self._lock:
            if self._cancelled:
                raise RuntimeError("cancelled")
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            )
        try:
            out, err = self._process.communicate(self.interchange_json, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.communicate()
            raise
        if self._process.returncode != 0:
            lines = [line for line in err.splitlines() if line.strip()]
            code = self._process.returncode
            raise RuntimeError(lines[-1] if lines else f"the renderer stopped (exit {code})")
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
            self.exported.emit(str(folder), written)
