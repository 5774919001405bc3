"""One writer per workshop file: a small lock file beside it, held with an operating-system lock,
and naming who holds it and since when.

The lock is ``flock`` on ``.NAME.workshop.lock``: the system grants it to one open file at a
time and takes it back the moment its process ends, however it ends, so no racing process can
mistake a held lock for a stale one, and none can be left held by a crash. Once held, the file
is filled with the host, the process, the program and the time, so a second app (or a command)
can say "open in First Workflow on LAPTOP-7 since 09:12" and offer to open the file read-only.

A lock file that names another host is respected even when the system lock is free (a
network folder may not carry system locks between machines), and so is one naming a live
process of this host that does not hold the system lock (an older version of the app, which
did not take it). A lock file that is not a regular file (a folder, a pipe, a link) is refused
without waiting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import stat
import time
from pathlib import Path

from workshop_app.domain.records import record
from workshop_app.store import errors

#: How often a writer that waits for the lock asks again, in seconds.
_POLL = 0.05
#: What the app writes as the holder of its locks.
APP = "First Workflow"
#: What this process writes as the holder: the app, or the command (:func:`name_this_program`).
_program = APP
#: How long this process waits for a lock another holds, in seconds: the app asks at once
#: (a short wait covers a command's moment of writing); a command waits for the others.
_patience = 0.5
#: How long a command waits for a lock before it says who holds it.
COMMAND_PATIENCE = 5.0


def name_this_program(name: str, patience: float = COMMAND_PATIENCE) -> None:
    """Say what takes locks in this process (``workshop-app checkin``), for others' messages,
    and how long it waits for a lock another holds."""
    global _program, _patience  # set once per process, by the command line
    _program, _patience = name, patience


def _host() -> str:
    """This machine's name, as the lock file records it (what ``socket.gethostname`` gives,
    without loading the socket module at start-up)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # Windows has no uname

    return socket.gethostname()


@record(frozen=True)
class Holder:
    """Who holds a lock.

    Attributes:
        host, pid: where the holder runs.
        since: when it took the lock (``YYYY-MM-DD HH:MM``), or "" when not yet written.
        app: what holds it: "First Workflow" (the app) or the command (``workshop-app
            checkin``).
    """

    host: str
    pid: int
    since: str
    app: str = APP

    def described(self) -> str:
        """The holder in a sentence: "First Workflow on LAPTOP-7 (process 812) since 09:12"."""
        if not self.host:
            return "another program (which has not yet written its name)"
        where = f"{self.app} on {self.host} (process {self.pid})"
        return f"{where} since {self.since}" if self.since else where

    def is_this_process(self) -> bool:
        return (self.host, self.pid) == (_host(), os.getpid())


#: A lock held by a process that has not yet written who it is.
UNNAMED = Holder("", 0, "", "")


class WorkshopLocked(errors.WorkshopFileError):
    """Another program has the workshop open for writing.

    Attributes:
        holder: who holds the lock (:data:`UNNAMED` when it has not yet said).
    """

    def __init__(self, path: Path, holder: Holder) -> None:
        self.holder = holder
        if holder.app == APP and _program == APP:
            said = f"is open in {holder.described()}; open it read-only, or close it there first"
        elif holder.app == APP:
            said = f"is open in {holder.described()}; close it there, then run this again"
        else:
            said = f"is being changed by {holder.described()}; try again when it has finished"
        super().__init__(path, said)


class UnusableLock(errors.WorkshopFileError):
    """The lock file's place holds something that is not a lock file."""


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder_in(text: str) -> Holder | None:
    try:
        data = json.loads(text)
        return Holder(
            str(data["host"]), int(data["pid"]), str(data["since"]), str(data.get("app") or APP)
        )
    except (ValueError, KeyError, TypeError):
        return None


def _open_lock(workshop: Path, create: bool) -> int | None:
    """The lock file, opened without following a link or waiting on a pipe; None when it
    does not exist (and ``create`` is off)."""
    place = lock_path(workshop)
    flags = os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        handle = os.open(place, flags | (os.O_CREAT if create else 0), 0o644)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise UnusableLock(
            workshop, f"its lock file {place.name} is a folder; remove it to open the workshop"
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnusableLock(
                workshop, f"its lock file {place.name} is a link; remove it to open the workshop"
            ) from None
        raise
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        raise UnusableLock(
            workshop,
            f"its lock file {place.name} is not a file (a pipe, socket or device); remove it "
            "to open the workshop",
        )
    return handle


def _read(handle: int) -> str:
    os.lseek(handle, 0, os.SEEK_SET)
    return os.read(handle, 4096).decode("utf-8", "replace")


def _respected(holder: Holder | None) -> bool:
    """Whether a lock file whose system lock is free still keeps others out: it names
    another host, or a live process of this one other than this."""
    if holder is None:
        return False
    if holder.host != _host():
        return True
    return holder.pid != os.getpid() and _alive(holder.pid)


def read_holder(path: Path) -> Holder | None:
    """Who holds the lock on ``path``, or None when nobody does (or the lock is stale)."""
    try:
        handle = _open_lock(path, create=False)
    except (OSError, errors.WorkshopFileError):
        return None
    if handle is None:
        return None
    try:
        holder = _holder_in(_read(handle))
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return holder or UNNAMED
        except OSError:
            pass  # a folder that keeps no system locks: the file's words decide
        return holder if _respected(holder) else None
    finally:
        os.close(handle)


def _same_file(handle: int, place: Path) -> bool:
    """Whether the locked file is still the one at ``place`` (not one its last holder
    removed while we waited for it)."""
    try:
        now = place.lstat()
    except FileNotFoundError:
        return False
    held = os.fstat(handle)
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


class WorkshopLock:
    """The lock of one open workshop; release it when the workshop is closed.

    Attributes:
        path: the lock file.
        held: this object holds the lock.
        app: what is written as the holder ("First Workflow", or the command).
    """

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self.held = False
        self._handle: int | None = None

    def acquire(self, workshop: Path, wait: float | None = None) -> bool:
        """Take the lock, asking again for up to ``wait`` seconds (this process's patience by
        default) while a command holds it (never while the app does: it holds a file for as
        long as it is open); False when the folder cannot hold a lock file (then open
        read-only).

        Raises :class:`WorkshopLocked` when another live process holds it, and
        :class:`UnusableLock` when the lock file's place holds a folder, a pipe or a link.
        """
        deadline = time.monotonic() + (_patience if wait is None else wait)
        while True:
            try:
                handle = _open_lock(workshop, create=True)
            except errors.WorkshopFileError:
                raise
            except OSError:
                return False  # a read-only folder: nobody else can write here either
            assert handle is not None
            taken = self._try(handle)
            if taken is True:
                return True
            if isinstance(taken, Holder):
                # The app holds a file for as long as it is open: no use waiting for it.
                if taken.app == APP or time.monotonic() >= deadline:
                    raise WorkshopLocked(workshop, taken)
                time.sleep(_POLL)
            # else: the file was replaced while we waited: ask the new one at once

    def _try(self, handle: int) -> Holder | bool:
        """Try once: True when taken, False to start again, else who holds it. ``handle`` is
        kept when taken and closed otherwise."""
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            named = _holder_in(_read(handle)) or UNNAMED
            os.close(handle)
            return named
        except OSError:
            pass  # no system locks in this folder: the file's words decide alone
        if not _same_file(handle, self.path):
            os.close(handle)
            return False
        found = _holder_in(_read(handle))
        if found is not None and _respected(found):
            os.close(handle)
            return found
        body = json.dumps(
            {
                "host": _host(),
                "pid": os.getpid(),
                "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
                "app": _program,
            }
        ).encode("utf-8")
        os.ftruncate(handle, 0)
        os.pwrite(handle, body, 0)
        self._handle = handle
        self.held = True
        return True

    def release(self) -> None:
        """Let go: the lock file is removed while still held, then the lock with it."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                if _same_file(self._handle, self.path):
                    self.path.unlink()
            with contextlib.suppress(OSError):
                os.close(self._handle)
            self._handle = None
        self.held = False
