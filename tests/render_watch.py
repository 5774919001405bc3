"""Watch what a render touches: every Python-level file open and socket (an audit hook)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.paths import bundled_roots


@dataclass
class Seen:
    opened: list[str] = field(default_factory=list)
    sockets: list[str] = field(default_factory=list)


_current: list[Seen] = []  # the watch in progress, if any


def _hook(event: str, args: tuple) -> None:
    if not _current:  # not watching (or the interpreter is exiting)
        return
    if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
        _current[-1].opened.append(os.fsdecode(args[0]))
    elif event.startswith("socket."):
        _current[-1].sockets.append(event)


sys.addaudithook(_hook)


@contextmanager
def watching() -> Iterator[Seen]:
    """Record opens and socket use inside the ``with`` block."""
    seen = Seen()
    _current.append(seen)
    try:
        yield seen
    finally:
        _current.remove(seen)


def outside_our_folders(paths: list[str]) -> list[str]:
    """The paths that are not in our bundled folders, WeasyPrint's own data or temp files."""
    import weasyprint

    allowed = [
        *(str(root) for root in bundled_roots()),
        str(Path(weasyprint.__file__).resolve().parent),
        os.path.realpath(tempfile.gettempdir()),
    ]
    return [
        path
        for path in paths
        if not any(os.path.realpath(path).startswith(root) for root in allowed)
    ]
