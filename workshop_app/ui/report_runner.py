"""Reports (charter, progress report) made in the background and written whole.

A page asks the runner for a preview (PDF bytes) or an export (a file). The runner starts a
:class:`~workshop_app.ui.report_job.ReportJob` in its own thread pool, gets the result back
on the UI thread, and writes exports through ``QSaveFile`` so a failed write leaves nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QByteArray, QIODevice, QObject, QSaveFile, QThreadPool, Signal

from workshop_app.report.making import ReportKind
from workshop_app.store.outputs import UnsafeOutput, check_output
from workshop_app.ui.report_job import ReportJob


def write_whole(target: Path, data: bytes) -> str | None:
    """Write ``data`` to ``target`` through ``QSaveFile``; the reason it failed, or None. A
    folder, pipe or device of that name is refused as the command line refuses it."""
    try:
        check_output(target)
    except UnsafeOutput as exc:
        if not target.parent.is_dir():
            return "the folder does not exist"
        return f"{target.name} {exc.problem}"
    saver = QSaveFile(str(target))
    if not saver.open(QIODevice.OpenModeFlag.WriteOnly):
        return saver.errorString() or "the file cannot be created"
    written = saver.write(QByteArray(data))
    if written != len(data):
        reason = saver.errorString() or "the disk did not take the whole file"
        saver.cancelWriting()
        saver.commit()
        return reason
    if not saver.commit():
        return saver.errorString() or "the file could not be completed"
    return None


class ReportRunner(QObject):
    """Runs report jobs one at a time and reports back on the UI thread.

    Signals:
        busyChanged(bool): a job started, or the last one ended.
        previewReady(bytes, list): a preview's PDF and the renderer's notes.
        exported(str, int, list): an export was written (path, size in bytes, the renderer's
            notes).
        failed(str): a job or a write failed; the text says why and what was (not) done.
    """

    busyChanged = Signal(bool)
    previewReady = Signal(bytes, list)
    exported = Signal(str, int, list)
    failed = Signal(str)

    def __init__(self, report: ReportKind | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = ReportKind(report)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.jobs: dict[int, tuple[ReportJob, Path | None]] = {}
        self.closed = False
        self._numbers = 0

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def start(
        self, interchange_json: str, paper: str, target: Path | None = None
    ) -> ReportJob | None:
        """Make the report; write it to ``target`` when given, else hand it back as preview."""
        if self.closed:
            return None
        self._numbers += 1
        job = ReportJob(self._numbers, interchange_json, paper, self.kind)
        # Bound methods of this QObject: Qt delivers the results on the UI thread.
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(self._failed)
        self.jobs[job.number] = (job, target)
        if len(self.jobs) == 1:
            self.busyChanged.emit(True)
        self.pool.start(job)
        return job

    def _finish(self, number: int) -> tuple[bool, Path | None]:
        known = self.jobs.pop(number, None)
        if known is not None and not self.jobs:
            self.busyChanged.emit(False)
        return known is not None, known[1] if known else None

    def _done(self, number: int, pdf: bytes, notes: list[str]) -> None:
        known, target = self._finish(number)
        if not known:
            return
        if target is None:
            self.previewReady.emit(pdf, notes)
            return
        problem = write_whole(target, pdf)
        if problem:
            self.failed.emit(
                f"was not exported: {problem}. Nothing was written; choose another folder."
            )
            return
        self.exported.emit(str(target), len(pdf), notes)

    def _failed(self, number: int, reason: str) -> None:
        known, target = self._finish(number)
        if known:
            what = "exported" if target else "made"
            self.failed.emit(f"could not be {what}: {reason}")

    def shut_down(self) -> None:
        """Stop running jobs and wait for the worker, so nothing outlives the page."""
        self.closed = True
        for job, _target in list(self.jobs.values()):
            job.cancel()
        self.pool.waitForDone()
        self.jobs.clear()


def report_file_name(title: str, kind: str, day: dt.date) -> str:
    """A friendly default file name: ``Quoting workshop charter 2026-11-24.pdf``."""
    safe = "".join(ch for ch in title if ch.isalnum() or ch in " -_").strip() or "Workshop"
    return f"{safe[:60]} {kind} {day.isoformat()}.pdf"
