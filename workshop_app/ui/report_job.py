"""Make a report PDF (the charter or the progress report) off the UI thread, in a child process.

The job runs in a ``QThreadPool`` worker, which starts ``workshop-app charter`` (or
``progress``) as a child process with the workshop's JSON on standard input. The process keeps
WeasyPrint's long, GIL-bound layout away from the UI (which never stutters), isolates a renderer
crash, and can be stopped (on a timeout, or when the workshop is closed). Every failure, of any
kind, comes back as a ``failed`` signal.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from workshop_app.report.making import ReportKind

#: A report of a very large workshop takes a few seconds; this is far beyond that.
TIMEOUT_SECONDS = 180


class JobSignals(QObject):
    """What a report job hands back; each signal carries the job's number first.

    Signals:
        finished(int, bytes, list): the PDF and the renderer's notes (characters it could not
            print).
        failed(int, str): the reason, in plain words.
    """

    finished = Signal(int, bytes, list)
    failed = Signal(int, str)


class ReportJob(QRunnable):
    """Render one report from interchange JSON.

    Attributes:
        number: the job's number, carried by every signal.
        kind: which report it makes (its value is the command that makes it).
        interchange_json: the workshop to report on.
        paper: ``a4`` or ``letter``.
        signals: where the result arrives (:class:`JobSignals`).
    """

    def __init__(
        self,
        number: int,
        interchange_json: str,
        paper: str,
        kind: ReportKind,
    ) -> None:
        super().__init__()
        self.number = number
        self.kind = kind
        self.interchange_json = interchange_json
        self.paper = paper
        self.signals = JobSignals()
        self.setAutoDelete(False)
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._cancelled = False

    def cancel(self) -> None:
        """Stop the renderer if it is running; the job then reports nothing."""
        with self._lock:
            self._cancelled = True
            if self._process is not None and self._process.poll() is None:
                self._process.kill()

    def run(self) -> None:
        try:
            pdf, notes = self._render()
        except BaseException as exc:
            self._emit(self.signals.failed, self.number, _plain(exc, self.kind))
            return
        self._emit(self.signals.finished, self.number, pdf, notes)

    def _emit(self, signal: object, *args: object) -> None:
        if self._cancelled:
            return
        with contextlib.suppress(RuntimeError):  # the receiving page is gone
            signal.emit(*args)  # type: ignore[attr-defined]

    def _run(self, output: str) -> tuple[int, str, str]:
        """Run ``workshop-app KIND - -o output`` with the workshop's JSON on standard input;
        the exit code, standard output and standard error. A job cancelled before the start
        raises; one that takes too long is killed and raises ``TimeoutExpired``."""
        command = [sys.executable, "-m", "workshop_app", str(self.kind), "-"]
        command += ["-o", output, "--paper", self.paper]
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
        return self._process.returncode, out, err

    def _render(self) -> tuple[bytes, list[str]]:
        with tempfile.TemporaryDirectory(prefix=f"first-workflow-{self.kind}-") as folder:
            target = Path(folder) / f"{self.kind}.pdf"
            code, _out, err = self._run(str(target))
            if code != 0 or not target.is_file():
                raise RuntimeError(last_line(err, code).split(": ", 1)[-1])
            notes = [line.split("note: ", 1)[-1] for line in err.splitlines() if "note: " in line]
            return target.read_bytes(), notes


def last_line(err: str, code: int) -> str:
    """Why the child failed: the last line it wrote on standard error, or its exit code."""
    lines = [line for line in err.splitlines() if line.strip()]
    return lines[-1] if lines else f"the renderer stopped (exit {code})"


def _plain(exc: BaseException, kind: ReportKind) -> str:
    """The reason a job failed, in plain words."""
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"making the {kind.noun} took longer than {TIMEOUT_SECONDS} seconds and was stopped"
    return str(exc) or exc.__class__.__name__
