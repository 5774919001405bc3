"""Run ``workshop-app`` commands on a damaged file under a timeout, in this process or in a
subprocess, and hold every run to the properties of a refusal: no traceback, exit status 0 or
1, on 1 lines that each name the file (or an argument), the file and its journal unchanged by
a reading command or a refusal, no lock or output left behind, and every command agreeing
with ``check``.

In this process, :func:`in_process` calls :func:`workshop_app.cli.main` — what
``python -m workshop_app`` runs, and nothing more — in a thread that is given up after the
timeout, with standard output and error written through the encodings a subprocess would have;
an exception that escapes ``main`` is what a subprocess would print as a traceback. The sample
run in subprocesses (:func:`in_subprocess`) checks that both say the same, byte for byte.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import shutil
import stat
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.cli import main

from ..cli.test_damaged_files import _command

#: Seconds a command may take on a damaged file (the slowest, a charter, takes about 3).
TIMEOUT = 60
#: What only reads the file, and what may write it (when it succeeds).
READING = ("check", "export", "rank", "status", "expand", "progress")
WRITING = ("charter", "review-form", "review-import", "checkin")
CHEAP = ("check", "export", "rank", "status", "expand", "review-import", "checkin")
RENDERING = ("charter", "progress", "review-form")
#: How ``checkin`` refuses a reading the workshop's rules do not allow (the file is fine).
READING_REFUSED = "nothing was stored"


@dataclass(frozen=True)
class Run:
    """What one command did: its exit status (None: still running at the timeout), what it
    printed, and the traceback of an exception that escaped ``main`` (in this process)."""

    argv: tuple[str, ...]
    code: int | None
    out: str
    err: str
    escaped: str = ""

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()


@functools.cache
def _stream_errors() -> tuple[str, str]:
    """How a subprocess's standard output and error encode what cannot be encoded."""
    said = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stdout.errors, sys.stderr.errors)"],
        capture_output=True,
        text=True,
        check=True,
    )
    out, err = said.stdout.split()
    return out, err


def _decoded(raw: bytes) -> str:
    return raw.decode("utf-8", "backslashreplace")


def in_process(*args: str | Path, timeout: float = TIMEOUT) -> Run:
    """``workshop-app ARGS`` run by ``main`` in this process, under a timeout."""
    argv = tuple(map(str, args))
    out_errors, err_errors = _stream_errors()
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="utf-8", errors=out_errors)
    err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors=err_errors)
    ended: dict[str, object] = {}

    def command() -> None:
        try:
            ended["code"] = main(list(argv))
        except SystemExit as exc:
            ended["code"] = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            ended["escaped"] = traceback.format_exc()

    thread = threading.Thread(target=command, daemon=True, name=f"workshop-app {argv[0]}")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        thread.start()
        thread.join(timeout)
    with contextlib.suppress(ValueError):
        out.flush()
        err.flush()
    code = ended.get("code", 1 if "escaped" in ended else None)
    assert code is None or isinstance(code, int)
    return Run(
        argv,
        code,
        _decoded(out_bytes.getvalue()),
        _decoded(err_bytes.getvalue()),
        str(ended.get("escaped", "")),
    )


def in_subprocess(*args: str | Path, timeout: float = TIMEOUT) -> Run:
    """``python -m workshop_app ARGS``, killed after the timeout."""
    argv = tuple(map(str, args))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONWARNINGS": "error"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "workshop_app", *argv],
            capture_output=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        return Run(argv, None, _decoded(exc.stdout or b""), _decoded(exc.stderr or b""))
    return Run(argv, done.returncode, _decoded(done.stdout), _decoded(done.stderr))


Runner = Callable[..., Run]


def fingerprint(path: Path) -> str:
    """A file's contents, or what else stands at ``path``."""
    try:
        kind = os.lstat(path).st_mode
    except FileNotFoundError:
        return "missing"
    if stat.S_ISREG(kind):
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return "folder" if stat.S_ISDIR(kind) else f"not a file ({stat.S_IFMT(kind):o})"


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _empty(folder: Path) -> None:
    for entry in folder.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


@dataclass(repr=False)
class Trial:
    """Every command on one damaged file, which sits alone (with its journal, if any) in its
    folder; ``problems`` lists each property a run broke.

    Attributes:
        path: the damaged file.
        out: an empty folder for what the commands write.
        run: how a command is run (:func:`in_process` or :func:`in_subprocess`).
    """

    path: Path
    out: Path
    run: Runner = in_process
    problems: list[str] = field(default_factory=list)
    runs: dict[str, Run] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.saved = self._state()

    def __repr__(self) -> str:
        return f"Trial({self.path})"

    def passed(self) -> None:
        """Fail the test with every property a run broke."""
        if self.problems:
            raise AssertionError("\n".join(self.problems))

    def _state(self) -> tuple[str, str, tuple[str, ...]]:
        folder = tuple(sorted(entry.name for entry in self.path.parent.iterdir()))
        return fingerprint(self.path), fingerprint(journal_of(self.path)), folder

    def _fail(self, run: Run, problem: str) -> None:
        self.problems.append(
            f"{run.argv[0]}: {problem}\n    exit status {run.code}, stderr {run.err!r}, "
            f"stdout {run.out[:200]!r}"
        )

    # ------------------------------------------------------------------ one command
    def command(self, name: str) -> Run:
        """Run ``name`` and hold it to the properties of a run on a damaged file."""
        run = self.run(*_command(name, self.path, self.out))
        self.runs[name] = run
        if run.code is None:
            self._fail(run, "still running at the timeout: it hangs")
            return run
        if run.escaped or "Traceback" in run.err:
            self._fail(run, f"a traceback:\n{run.escaped or run.err}")
        if run.code not in (0, 1):
            self._fail(run, f"exit status {run.code}")
        if run.code == 1:
            named = [str(arg) for arg in run.argv[1:] if os.sep in str(arg)]
            if not run.lines or not all(
                any(line.startswith(f"{arg}: ") for arg in named) for line in run.lines
            ):
                self._fail(run, "a refusal whose lines do not each name the file")
        lock = self.path.with_name(f".{self.path.name}.lock")
        if lock.exists():
            self._fail(run, f"left its lock file {lock.name} behind")
            lock.unlink()
        now = self._state()
        if run.code == 0 and name in WRITING:  # it wrote; a backup may appear beside
            extra = set(now[2]) - set(self.saved[2])
            left = [e for e in extra if e.endswith((".tmp", "-journal", "-wal", ".lock"))]
            if left:
                self._fail(run, f"left {sorted(left)} beside the file")
            self.saved = now
        elif now != self.saved:
            self._fail(run, f"changed what is in the folder: {self.saved} -> {now}")
            self.saved = now
        if run.code == 1 and any(self.out.iterdir()):
            self._fail(run, f"left {sorted(p.name for p in self.out.iterdir())} behind")
        self._follow(name, run)
        _empty(self.out)
        return run

    def _follow(self, name: str, run: Run) -> None:
        """What a command wrote must itself be a valid workshop."""
        written = self.out / "next.workshop"
        if name == "expand" and run.code == 0:
            again = in_process("check", written)
            if again.code != 0:
                self._fail(run, f"wrote a workshop that check refuses: {again.err!r}")

    # ------------------------------------------------------------------ every command
    def every_command(self, rendered: tuple[str, ...] = ()) -> None:
        """Run every command, then check that they agree with ``check``. Those that render
        PDFs (seconds each) run on a file ``check`` refuses, where they refuse it as quickly
        as the others; on a file it calls valid, only those ``rendered``."""
        check = self.command("check")
        for name in ("export", "rank", "status", "expand"):
            self.command(name)
        for name in RENDERING:
            if check.code != 0 or name in rendered:
                self.command(name)
        self.command("review-import")
        if self.command("checkin").code == 0:
            after = self.command("check")
            if after.code != 0:
                self._fail(after, "the file is refused after a reading was stored in it")
        self._agree(check)

    def _agree(self, check: Run) -> None:
        """Every command refuses what ``check`` refuses, in its words, and opens what it
        calls valid."""
        for name, run in self.runs.items():
            if name == "check" or run.code is None:
                continue
            if check.code == 0:
                if (
                    name == "checkin"
                    and run.code == 1
                    and run.err.rstrip().endswith(READING_REFUSED)
                ):
                    continue  # the reading broke a rule of the workshop; the file is fine
                wanted = 1 if name == "review-import" else 0  # its form does not exist
                if run.code != wanted:
                    self._fail(run, "check calls the file valid, and this command fails")
            elif check.code == 1 and run.lines != self._refusal(name, check.lines):
                self._fail(run, f"check refused the file with {check.err!r}; this command said")

    def _refusal(self, name: str, lines: list[str]) -> list[str]:
        if name != "status":
            return lines
        issues = [line.removeprefix(f"{self.path}: ") for line in lines]
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        return [f"{self.path}: skipped: {issues[0]}{more}"]
