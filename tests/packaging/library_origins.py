"""Where each shared library of a process came from, read from the dynamic loader's own log.

Run a program with ``LD_DEBUG=libs,files`` and ``LD_DEBUG_OUTPUT=PREFIX``: the loader writes
one file per process, ``PREFIX.PID``, and an ``exec`` that keeps the PID appends to the same
file. For every object it maps, the loader prints the paths it tries and then
``file=NAME [0];  generating link map`` right after the one it opened; a name given as a path
(a Qt plugin, a Python extension) is that path. So the log names every library a process
loaded and the file it came from, even one loaded and unloaded in a millisecond, which
sampling ``/proc/PID/maps`` could miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

_TRYING = re.compile(r"^\s*trying file=(?P<path>\S+)")
_MAPPED = re.compile(r"^file=(?P<name>\S+) \[\d+\];  generating link map")
_PROGRAM = re.compile(r"^initialize program: (?P<path>\S+)")

#: The C library's own parts: every Linux system has them, and a bundle must not carry them.
GLIBC = frozenset(
    {
        "ld-linux-x86-64.so.2",
        "libc.so.6",
        "libm.so.6",
        "libmvec.so.1",
        "libdl.so.2",
        "libpthread.so.0",
        "librt.so.1",
        "libresolv.so.2",
        "libutil.so.1",
        "libanl.so.1",
        "libthread_db.so.1",
    }
)

#: OpenGL's dispatch libraries (libglvnd): Qt's GUI library links them, and they hand over
#: to the machine's own graphics driver, so they belong to the system (PyInstaller leaves
#: them out by rule).
GRAPHICS = frozenset(
    {"libGL.so.1", "libEGL.so.1", "libGLX.so.0", "libGLdispatch.so.0", "libOpenGL.so.0"}
)

#: What PyInstaller's program itself links, before it has pointed the loader at the bundle
#: and started itself again: glibc and zlib.
BOOTSTRAP = GLIBC | {"libz.so.1"}


def belongs_to_system(path: PurePosixPath) -> bool:
    """glibc (with its character-set modules and name-service plugins) or OpenGL's dispatch."""
    name = path.name
    return name in GLIBC or name in GRAPHICS or name.startswith("libnss_") or "gconv" in path.parts


@dataclass
class Process:
    """One process's loads, split where PyInstaller's program restarts itself.

    Attributes:
        log: the loader's log file.
        programs: each program the process ran (``exec`` keeps the PID), in order.
        before_start: objects mapped before the first program handed control to its code (a
            program's own link-time libraries).
        loaded: objects mapped after that, each as the file it came from.
    """

    log: Path
    programs: list[PurePosixPath] = field(default_factory=list)
    before_start: list[PurePosixPath] = field(default_factory=list)
    loaded: list[PurePosixPath] = field(default_factory=list)


def read_log(log: Path) -> Process:
    """Parse one ``PREFIX.PID`` file of the loader's log."""
    process = Process(log)
    tried: str | None = None
    started = False
    for raw in log.read_text(encoding="utf-8", errors="replace").splitlines():
        _pid, _, text = raw.partition(":")
        text = text.strip("\t ")
        if text.startswith("transferring control"):
            started = True
        elif program := _PROGRAM.match(text):
            process.programs.append(PurePosixPath(program["path"]))
        elif trying := _TRYING.match(text):
            tried = trying["path"]
        elif mapped := _MAPPED.match(text):
            name = mapped["name"]
            origin = name if name.startswith("/") else tried
            if origin is None:
                raise ValueError(f"{log}: {name} was mapped before any path was tried")
            (process.loaded if started else process.before_start).append(PurePosixPath(origin))
            tried = None
    return process


def processes_of(prefix: Path, program: Path) -> list[Process]:
    """Every logged process that ran ``program`` (other programs it started, such as
    ``ldconfig``, use the system's libraries as they should)."""
    wanted = PurePosixPath(program)
    found = []
    for log in sorted(prefix.parent.glob(f"{prefix.name}.*")):
        process = read_log(log)
        if wanted in process.programs:
            found.append(process)
    return found


def from_outside(process: Process, bundle: Path) -> list[str]:
    """One line per library the process took from outside ``bundle`` that it should not have."""
    root = PurePosixPath(bundle)
    wrong = [
        f"{process.log.name}: {path} (before the restart: only glibc and zlib may come first)"
        for path in process.before_start
        if path.name not in BOOTSTRAP
    ]
    wrong += [
        f"{process.log.name}: {path}"
        for path in process.loaded
        if not path.is_relative_to(root) and not belongs_to_system(path)
    ]
    return wrong
