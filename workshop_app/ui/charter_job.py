"""Make a charter PDF off the UI thread, in a separate process.

The job runs in a ``QThreadPool`` worker, which starts ``workshop-app charter`` as a child
process with the workshop's JSON on standard input. The process keeps WeasyPrint's long,
GIL-bound layout away from the UI (which never stutters), isolates a renderer crash, and can
be stopped (on a timeout, or when the workshop is closed). Every failure, of any kind, comes
back as a ``failed`` signal.
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

#: A charter of a very large workshop takes a few seconds; this is far beyond that.
TIMEOUT_SECONDS = 180


class JobSignals(QObject):
    """Signals (each carries the job's number first):
    finished(int, bytes, list): the PDF and the renderer's notes (characters it could not
        print).
    failed(int, str): the reason, in plain words.
    """

    finished = Signal(int, bytes, list)
    failed = Signal(int, str)


class CharterJob(QRunnable):
    """Render one charter from interchange JSON."""

    def __init__(
        self, number: int, interchange_json: str, paper: str, report: str = "charter"
    ) -> None:
        super().__init__()
        self.number = number
        self.report = report  # "charter" or "progress": the command that makes it
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
            self._emit(self.signals.failed, self.number, _plain(exc))
            return
        self._emit(self.signals.finished, self.number, pdf, notes)

    def _emit(self, signal: object, *args: object) -> None:
        if self._cancelled:
            return
        with contextlib.suppress(RuntimeError):  # the receiving page is gone
            signal.emit(*args)  # type: ignore[attr-defined]

    def _render(self) -> tuple[bytes, list[str]]:
        with tempfile.TemporaryDirectory(prefix="first-workflow-charter-") as folder:
            target = Path(folder) / "charter.pdf"
            env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
            command = [
                sys.executable,
                "-m",
                "workshop_app",
                self.report,
                "-",
                "-o",
                str(target),
                "--paper",
                self.paper,
            ]
            with self._lock:
                if self._cancelled:
                    raise RuntimeError("cancelled")
                self._process = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=env,
                )
            try:
                _out, err = self._process.communicate(
                    self.interchange_json, timeout=TIMEOUT_SECONDS
                )
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.communicate()
                raise
            if self._process.returncode != 0 or not target.is_file():
                lines = [line for line in err.splitlines() if line.strip()]
                code = self._process.returncode
                reason = lines[-1] if lines else f"the renderer stopped (exit {code})"
                raise RuntimeError(reason.split(": ", 1)[-1])
            notes = [line.split("note: ", 1)[-1] for line in err.splitlines() if "note: " in line]
            return target.read_bytes(), notes


def _plain(exc: BaseException) -> str:
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"making the charter took longer than {TIMEOUT_SECONDS} seconds and was stopped"
    return str(exc) or exc.__class__.__name__
