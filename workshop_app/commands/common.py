"""What every command of the command line shares (:mod:`workshop_app.cli`): its exit
statuses, the refusals it explains, the failure lines on stderr, and opening a workshop file to
read or to change."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from workshop_app.domain.model import Workshop
    from workshop_app.store.workshop_file import WorkshopFile


PROG = "workshop-app"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line itself is wrong."""


class RendererMissing(Exception):
    """WeasyPrint cannot start: a library of the system it needs is not installed."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`UsageError` where argparse would exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def fail(lines: Sequence[str]) -> int:
    """Say each line on stderr; the exit status of a command that failed."""
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_FAILED


def open_read_only(path: Path) -> WorkshopFile:
    """A workshop file opened only to be read: it takes no lock and changes nothing."""
    from workshop_app.store.workshop_file import WorkshopFile

    return WorkshopFile.open(path, read_only=True)


def read_from(path: Path) -> list[Path]:
    """The files a command reads, which its outputs must not replace: none for ``-``."""
    return [] if str(path) == "-" else [path]


def workshop_of(path: Path) -> Workshop:
    """The workshop in a file, or in interchange JSON on standard input for ``-``."""
    if str(path) == "-":
        from workshop_app.store.interchange import document_to_workshop, read_standard_input

        return document_to_workshop(read_standard_input(), "stdin")
    with open_read_only(path) as opened:
        return opened.workshop


def open_to_edit(path: Path) -> WorkshopFile:
    """A workshop file opened to be changed by a command: backed up as it was first (when
    the backups cannot be made, one note on stderr says so; the change is made all the
    same)."""
    from workshop_app.store.backup_policy import BackupPolicy
    from workshop_app.store.workshop_file import WorkshopFile

    opened = WorkshopFile.open(path, backups=BackupPolicy(at_close=False))
    problem = opened.take_backup_problem()
    if problem is not None:
        print(f"{path}: note: {problem}", file=sys.stderr)
    return opened
