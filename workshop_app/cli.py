"""The ``workshop-app`` command line: open the app, or script a workshop file.

Every failure is one line per problem on stderr that names the file, with a non-zero exit
status and no traceback; no existing file is changed by a command that fails.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from workshop_app import APP_NAME, __version__
from workshop_app.commands import files, reports
from workshop_app.commands.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    PROG,
    Parser,
    RendererMissing,
    UsageError,
    fail,
)


def _gui_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description=f"{APP_NAME}: scope a company's first AI workflow in one workshop.",
        epilog="commands (run 'workshop-app COMMAND --help'): " + ", ".join(COMMANDS),
    )
    parser.add_argument("file", nargs="?", type=Path, help="a .workshop file to open")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a fresh copy of the bundled demo workshop",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the demo (or FILE), print the milliseconds to the first paint, exit",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


#: The app's flags that take no value: the only options a start is read without argparse for.
_GUI_FLAGS = {"--demo": "demo", "--smoke-test": "smoke_test"}


def _plain_gui_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The app's arguments read as :func:`_gui_parser` reads them, when they are the plain
    forms a start uses (at most one file, each of ``--demo`` and ``--smoke-test`` at most
    once); None for anything else, which the parser reads, explains or refuses. Making the
    parser and its translated texts was about 1% of the app's start."""
    read = argparse.Namespace(file=None, demo=False, smoke_test=False)
    for value in argv:
        flag = _GUI_FLAGS.get(value)
        if flag is not None and not getattr(read, flag):
            setattr(read, flag, True)
        elif value and not value.startswith("-") and read.file is None:
            read.file = Path(value)
        else:
            return None
    return read


#: name → (one-line help, handler)
COMMANDS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "demo": ("write the bundled demo workshop to FILE", files.cmd_demo),
    "import": ("create a workshop file from interchange JSON or a charter PDF", files.cmd_import),
    "export": ("print a workshop as interchange JSON (or write it with -o)", files.cmd_export),
    "rank": ("the ranked candidates with scores and reasons", files.cmd_rank),
    "check": ("validate a workshop file", files.cmd_check),
    "backups": ("the automatic backups of a workshop file, newest first", files.cmd_backups),
    "restore": ("bring a workshop file back from a backup or a charter PDF", files.cmd_restore),
    "status": ("the state and latest verdict of many workshops, read-only", files.cmd_status),
    "charter": ("the charter as PDF (with the workshop's JSON attached)", reports.cmd_charter),
    "checkin": ("store one metric reading taken after the workshop", files.cmd_checkin),
    "progress": ("the progress report for the sponsor as PDF", reports.cmd_progress),
    "review-form": (
        "one fillable review form (PDF) per stakeholder, in a folder",
        reports.cmd_review_form,
    ),
    "review-import": ("record the sign-off of a review form filled in", reports.cmd_review_import),
    "expand": (
        "the next workshop from this one's parked backlog and first workflow",
        files.cmd_expand,
    ),
}


def _run_gui(args: argparse.Namespace) -> int:
    from workshop_app.ui.app import run

    if args.file is not None and not args.file.exists():
        raise UsageError(f"{args.file}: no such file")
    return run(file=args.file, demo=args.demo, smoke_test=args.smoke_test)


@contextlib.contextmanager
def _safe_output() -> Iterator[None]:
    """Send a command's output to the terminal as text: control characters in workshop text
    (an escape sequence in a name) pass as visible escapes (:mod:`workshop_app.terminal`)."""
    from workshop_app.terminal import SafeStream

    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stdout, sys.stderr = streams


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        with _safe_output():  # what it says and every refusal
            return _run(argv)
    # The app starts without the cyclic garbage collector: none of the objects importing and
    # building the window make is garbage. It runs again from the first paint
    # (workshop_app.ui.app.collect_from_now_on), or once the app has ended.
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _run(argv: list[str]) -> int:
    from workshop_app.domain.changes import Refused
    from workshop_app.domain.validation import InvalidWorkshop
    from workshop_app.store.errors import WorkshopFileError, WriteFailed

    args = None
    try:
        if argv and argv[0] in COMMANDS:
            from workshop_app.commands.arguments import command_parser, values_joined
            from workshop_app.store.lock import name_this_program

            description, handler = COMMANDS[argv[0]]
            args = command_parser(argv[0], description).parse_args(values_joined(argv[1:]))
            name_this_program(f"{PROG} {argv[0]}")  # others' messages name the command
            return handler(args)
        first = argv[0] if argv else ""
        if (
            first
            and not first.startswith("-")
            and not first.endswith(".workshop")
            and not Path(first).exists()
        ):
            raise UsageError(f"unknown command or file {first!r}")
        return _run_gui(_plain_gui_arguments(argv) or _gui_parser().parse_args(argv))
    except UsageError as exc:
        print(f"{PROG}: {exc} (see '{PROG} --help')", file=sys.stderr)
        return EXIT_USAGE
    except RendererMissing as exc:
        return fail([f"{PROG}: {exc}"])
    except WriteFailed as exc:
        if not exc.reason:
            return fail([f"{exc.path}: {exc.problem}"])
        return fail([f"{exc.path}: not saved: {exc.reason}; the file is as it was"])
    except WorkshopFileError as exc:
        return fail([f"{exc.path}: {issue}" for issue in exc.issues])
    except InvalidWorkshop as exc:
        return fail([str(issue) for issue in exc.issues])
    except Refused as exc:  # a change a rule of the workshop refuses (a list at its cap)
        file = getattr(args, "file", PROG)
        return fail([f"{file}: {exc}; nothing was stored"])
    except KeyboardInterrupt:
        return fail([f"{PROG}: interrupted; no file was changed"])
    except BrokenPipeError:
        return EXIT_FAILED
