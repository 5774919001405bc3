"""One writer per workshop file: a small lock file beside it, with who holds it and since when.

The lock names the host, the process and the time, so a second app (or a script) can say
"open in First Workflow on LAPTOP-7 since 09:12" and offer to open the file read-only. A lock
left by a process that no longer runs on this host is taken over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from workshop_app.store import errors


def _host() -> str:
    """This machine's name, as the lock file records it (what ``socket.gethostname`` gives,
    without loading the socket module at start-up)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # Windows has no uname

    return socket.gethostname()


class WorkshopLocked(errors.WorkshopFileError):
    """Another app has the workshop open for writing.

    Attributes:
        holder: who holds the lock.
    """

    def __init__(self, path: Path, holder: Holder) -> None:
        self.holder = holder
        super().__init__(
            path,
            f"is open in First Workflow on {holder.host} "
            f"(process {holder.pid}) since {holder.since}; "
            "open it read-only, or close it there first",
        )


@dataclass(frozen=True)
class Holder:
    host: str
    pid: int
    since: str


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


def read_holder(path: Path) -> Holder | None:
    """Who holds the lock on ``path``, or None when nobody does (or the lock is stale)."""
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        holder = Holder(str(data["host"]), int(data["pid"]), str(data["since"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # an unreadable lock protects nothing; it is replaced
    if holder.host == _host() and not _alive(holder.pid):
        return None
    return holder


class WorkshopLock:
    """The lock of one open workshop; release it when the workshop is closed."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self.held = False

    def acquire(self, workshop: Path) -> bool:
        """Take the lock; False when the folder cannot hold one (then open read-only).

        Raises :class:`WorkshopLocked` when another live process holds it.
        """
        holder = read_holder(workshop)
        if holder is not None and (holder.host, holder.pid) != (_host(), os.getpid()):
            raise WorkshopLocked(workshop, holder)
        with contextlib.suppress(FileNotFoundError):
            if holder is None:
                self.path.unlink()  # stale or unreadable
        body = json.dumps(
            {
                "host": _host(),
                "pid": os.getpid(),
                "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
                "app": "First Workflow",
            }
        )
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_holder(workshop)
            if holder is not None:
                raise WorkshopLocked(workshop, holder) from None
            return False
        except OSError:
            return False  # a read-only folder: nobody else can write here either
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
        self.held = True
        return True

    def release(self) -> None:
        if self.held:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.held = False
