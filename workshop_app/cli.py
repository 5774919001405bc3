"""The ``workshop-app`` command line: open the app, or script a workshop file.

Every failure is one line per problem on stderr that names the file, with a non-zero exit
status and no traceback; no existing file is changed by a command that fails.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from workshop_app import APP_NAME, __version__

if TYPE_CHECKING:
    from workshop_app.domain.model import Workshop
    from workshop_app.domain.review_reading import ReviewCheck
    from workshop_app.store.workshop_file import WorkshopFile

PROG = "workshop-app"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line itself is wrong."""


class RendererMissing(Exception):
    """WeasyPrint cannot start: a library of the system it needs is not installed."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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


def _command_parser(name: str) -> argparse.ArgumentParser:
    parser = _Parser(prog=f"{PROG} {name}", description=COMMANDS[name][0])
    if name == "demo":
        parser.add_argument("file", type=Path, help="the .workshop file to write")
        parser.add_argument("--force", action="store_true", help="replace an existing file")
    elif name == "import":
        parser.add_argument("source", type=Path, help="an interchange JSON file")
        parser.add_argument("file", type=Path, help="the .workshop file to create")
        parser.add_argument("--force", action="store_true", help="replace an existing file")
    elif name == "export":
        parser.add_argument("file", type=Path, help="a .workshop file")
        parser.add_argument(
            "-o", "--output", type=Path, help="write the JSON here instead of standard output"
        )
    elif name == "rank":
        parser.add_argument("file", type=Path, help="a .workshop file")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    elif name == "check":
        parser.add_argument("file", type=Path, help="a .workshop file")
    elif name == "backups":
        parser.add_argument("file", type=Path, help="a .workshop file (it may be damaged or gone)")
    elif name == "restore":
        parser.add_argument("file", type=Path, help="the .workshop file to bring back")
        parser.add_argument(
            "backup",
            help="a backup's number (as 'backups' lists them), a backup file, "
            "or a charter PDF exported by First Workflow",
        )
    elif name == "status":
        parser.add_argument(
            "paths",
            nargs="+",
            type=Path,
            metavar="PATH",
            help="a .workshop file, or a folder: its .workshop files (not its subfolders')",
        )
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    elif name == "expand":
        parser.add_argument("file", type=Path, help="the .workshop file to continue from")
        parser.add_argument("new", type=Path, help="the .workshop file to create")
        parser.add_argument("--force", action="store_true", help="replace an existing file")
    elif name == "checkin":
        parser.add_argument("file", type=Path, help="a .workshop file")
        parser.add_argument("--metric", required=True, help="the metric's id (or exact name)")
        parser.add_argument("--date", required=True, help="the day of the reading, YYYY-MM-DD")
        parser.add_argument("--value", required=True, help="the reading, a number")
        parser.add_argument("--note", default="", help="what the reading means")
    elif name == "review-form":
        parser.add_argument(
            "file", type=Path, help="a .workshop file (or - for interchange JSON on standard input)"
        )
        parser.add_argument(
            "-o", "--output", type=Path, required=True, help="the folder for the forms"
        )
        parser.add_argument(
            "--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)"
        )
        parser.add_argument("--force", action="store_true", help="replace existing forms")
        parser.add_argument(
            "--no-record",
            action="store_true",
            help="do not record the version the forms show in the workshop file",
        )
    elif name == "review-import":
        parser.add_argument("file", type=Path, help="the .workshop file to record it in")
        parser.add_argument("pdf", type=Path, help="a review form the stakeholder filled in")
        parser.add_argument(
            "--accept-older",
            action="store_true",
            help="record a review of an older charter version (read what changed first)",
        )
        parser.add_argument(
            "--date",
            help="the day it was signed, YYYY-MM-DD, when the typed date cannot be read",
        )
    elif name in ("charter", "progress"):
        parser.add_argument(
            "file", type=Path, help="a .workshop file (or - for interchange JSON on standard input)"
        )
        parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
        parser.add_argument(
            "--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)"
        )
        if name == "charter":
            parser.add_argument(
                "--no-record",
                action="store_true",
                help="do not record the exported version in the workshop file",
            )
    return parser


#: Options whose value may begin with a dash: a negative reading, a note such as "-5% again".
_FREE_VALUES = ("--value", "--note")


def _values_joined(argv: list[str]) -> list[str]:
    """``--value -1e999`` as ``--value=-1e999``: argparse takes a word that begins with a dash
    and is not a plain negative number for an option, and would refuse the reading."""
    joined: list[str] = []
    words = iter(argv)
    for word in words:
        if word in _FREE_VALUES:
            value = next(words, None)
            joined.append(word if value is None else f"{word}={value}")
        else:
            joined.append(word)
    return joined


def _fail(lines: Sequence[str]) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_FAILED


def _open_read_only(path: Path) -> WorkshopFile:
    from workshop_app.store.workshop_file import WorkshopFile

    return WorkshopFile.open(path, read_only=True)


def cmd_demo(args: argparse.Namespace) -> int:
    from workshop_app.libraries import demo_document
    from workshop_app.store.demo import write_demo

    write_demo(args.file, overwrite=args.force)
    print(f"{args.file}: demo workshop written ({demo_document()['workshop']['title']})")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from workshop_app.store.interchange import import_document

    workshop = import_document(args.source, args.file, force=args.force)
    print(
        f"{args.file}: imported {len(workshop.candidates)} candidates and "
        f"{len(workshop.stakeholders)} stakeholders from {args.source}"
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from workshop_app.store.interchange import export_text, write_text_atomically
    from workshop_app.store.outputs import check_output

    if args.output is not None:
        check_output(args.output, [args.file])
    with _open_read_only(args.file) as opened:
        text = export_text(opened.workshop)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_atomically(args.output, text)
    return EXIT_OK


def cmd_rank(args: argparse.Namespace) -> int:
    from workshop_app.libraries import tool_first_vocabulary
    from workshop_app.rank_listing import rank_records, rank_table, robustness_record

    with _open_read_only(args.file) as opened:
        workshop = opened.workshop
    records = rank_records(workshop, tool_first_vocabulary())
    if args.json:
        listing = {"candidates": records, "robustness": robustness_record(workshop)}
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    else:
        print(rank_table(workshop, records))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Open the file as every command does — its layout, then every row checked as an import
    is — and say whether the charter is agreed; a file ``check`` calls valid opens anywhere."""
    from workshop_app.domain.gate import gate_gaps

    with _open_read_only(args.file) as opened:
        workshop = opened.workshop
    gaps = gate_gaps(workshop)
    status = (
        "agreed"
        if not gaps
        else f"draft ({len(gaps)} open point"
        + ("s" if len(gaps) != 1 else "")
        + " before it can be signed)"
    )
    print(
        f"{args.file}: valid workshop “{workshop.info.title}” with "
        f"{len(workshop.candidates)} candidates; charter {status}"
    )
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    import datetime as dt

    from workshop_app.status_listing import read_portfolio, status_record, status_table

    portfolio = read_portfolio(args.paths, dt.date.today())
    records = [status_record(path, info) for path, info in portfolio.read]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif records:
        print(status_table(records))
    # Read without changing any file; one line for each that was skipped, and exit 1.
    return _fail(portfolio.skipped) if portfolio.skipped else EXIT_OK


def _read_from(path: Path) -> list[Path]:
    """The files a command reads, which its outputs must not replace: none for ``-``."""
    return [] if str(path) == "-" else [path]


def _workshop_of(path: Path) -> Workshop:
    """The workshop in a file, or in interchange JSON on standard input for ``-``."""
    if str(path) == "-":
        from workshop_app.store.interchange import document_to_workshop, read_standard_input

        return document_to_workshop(read_standard_input(), "stdin")
    with _open_read_only(path) as opened:
        return opened.workshop


def _open_to_edit(path: Path) -> WorkshopFile:
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


def cmd_backups(args: argparse.Namespace) -> int:
    """List a workshop's automatic backups, newest first; reads nothing but their details."""
    from workshop_app.backup_listing import backups_text
    from workshop_app.store.backups import folder_of, list_backups, list_replaced
    from workshop_app.store.errors import FileMissing

    backups, replaced = list_backups(args.file), list_replaced(args.file)
    if not backups and not replaced and not args.file.exists():
        raise FileMissing(args.file, "no such file, and no backups of it")
    print(backups_text(args.file, folder_of(args.file), backups, replaced))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Bring a workshop file back from a backup, a backup file or a charter PDF; the file as
    it was is kept among its backups first. Refused whole, with nothing changed."""
    from workshop_app.backup_listing import restored_words
    from workshop_app.store.restore import restore, source_of

    source = source_of(args.file, args.backup)
    print(restored_words(restore(args.file, source)))
    return EXIT_OK


def cmd_checkin(args: argparse.Namespace) -> int:
    from workshop_app.domain.checkins import ReadingRefused, reading
    from workshop_app.domain.operations import Step, add_checkin

    with _open_to_edit(args.file) as opened:
        if opened.read_only:
            return _fail([f"{args.file}: is read-only; the reading was not stored"])
        try:
            new = reading(opened.workshop, args.metric, args.date, args.value, args.note)
        except ReadingRefused as exc:
            return _fail([f"{args.file}: {exc}; nothing was stored"])
        opened.change(Step(add_checkin, (new,)))
        metric = opened.workshop.metric(new.metric_id)
    name = metric.name if metric else new.metric_id
    print(f"{args.file}: reading stored: {name} = {new.value} on {new.date}")
    return EXIT_OK


def cmd_expand(args: argparse.Namespace) -> int:
    import datetime as dt

    from workshop_app.store.expand import expand_file

    old, new = expand_file(args.file, args.new, dt.datetime.now(), force=args.force)
    earlier = [f"“{c.name}”" for c in old.chosen]
    recorded = (
        f"{' and '.join(earlier)} recorded as an earlier attempt"
        if earlier
        else "no chosen workflow"
    )
    print(
        f"{args.new}: next workshop written from {args.file}: "
        f"{len(new.candidates)} candidates in play, {recorded}"
    )
    return EXIT_OK


def _need_renderer() -> None:
    """Load WeasyPrint before anything is read or written, or say which library it lacks
    (Pango and HarfBuzz come from the system, not from the Python packages)."""
    import re

    try:
        import weasyprint  # noqa: F401
    except OSError as exc:
        named = re.search(r"cannot load library '([^']+)'", str(exc))
        lacking = f"the system library {named.group(1)} is missing" if named else str(exc)
        raise RendererMissing(
            f"PDFs cannot be made on this computer: {lacking} (on Debian or Ubuntu: "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)"
        ) from None


def _write_report(args: argparse.Namespace, kind: str, workshop: Workshop | None = None) -> int:
    """Make the charter or the progress report of ``args.file`` (or of ``workshop``, read
    from it already) and write it to ``args.output`` whole (or not at all)."""
    _need_renderer()
    from workshop_app.libraries import tool_first_vocabulary
    from workshop_app.report.charter import make_charter
    from workshop_app.report.pdf import ReportError
    from workshop_app.report.progress import make_progress_report
    from workshop_app.store.interchange import export_text, write_bytes_atomically
    from workshop_app.store.outputs import check_output

    check_output(args.output, _read_from(args.file))  # before a render of many seconds
    workshop = _workshop_of(args.file) if workshop is None else workshop
    make = make_charter if kind == "charter" else make_progress_report
    try:
        rendered = make(workshop, tool_first_vocabulary(), export_text(workshop), paper=args.paper)
    except ReportError as exc:
        return _fail([f"{args.output}: {exc}"])
    write_bytes_atomically(args.output, rendered.pdf)
    for warning in rendered.warnings:
        print(f"{args.output}: note: {warning}", file=sys.stderr)
    print(f"{args.output}: {kind} written ({len(rendered.pdf) // 1024} KB, {args.paper})")
    return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    return _write_report(args, "progress report")


def _open_to_record(path: Path) -> tuple[WorkshopFile, str | None]:
    """The workshop file, open for writing when it can be; else read-only, with the reason
    the exported version cannot be recorded in it."""
    from workshop_app.store.lock import WorkshopLocked
    from workshop_app.store.workshop_file import WorkshopFile

    try:
        opened = WorkshopFile.open(path)
    except WorkshopLocked as exc:
        holder = exc.holder
        return _open_read_only(path), f"it is open in First Workflow on {holder.host} now"
    return opened, ("the file is read-only" if opened.read_only else None)


def _record_version(path: Path, document: dict[str, Any]) -> None:
    """Record in the workshop file that the version of ``document`` (a charter document) went
    out; when the file cannot take it, a note on stderr says why (what was written stays)."""
    import datetime as dt

    from workshop_app.domain.fingerprint import fingerprint_of
    from workshop_app.domain.operations import Step, record_export
    from workshop_app.store.errors import WorkshopFileError

    version = fingerprint_of(document)
    opened, cannot = _open_to_record(path)
    with opened:
        if cannot is None:
            at = dt.datetime.now().replace(microsecond=0).isoformat()
            try:
                opened.change(Step(record_export, (document, at)))
            except WorkshopFileError as exc:
                cannot = exc.problem
    if cannot is not None:
        print(f"{path}: note: version {version} not recorded: {cannot}", file=sys.stderr)
    else:
        print(f"{path}: charter version {version} recorded")


def cmd_charter(args: argparse.Namespace) -> int:
    """Write the charter; record its version in the workshop file when it can be written
    (the charter is exported all the same when it cannot, with a note saying so)."""
    from workshop_app.domain.versions import charter_document

    _need_renderer()
    if str(args.file) == "-" or args.no_record:
        return _write_report(args, "charter")
    workshop = _workshop_of(args.file)
    status = _write_report(args, "charter", workshop)
    if status == EXIT_OK:
        _record_version(args.file, charter_document(workshop))
    return status


def cmd_review_form(args: argparse.Namespace) -> int:
    """Write one review form per stakeholder into a folder (made when missing); each file
    whole, and none at all when one would replace a file without --force."""
    _need_renderer()  # before the report's modules, which load it
    from workshop_app.domain.versions import charter_document
    from workshop_app.report.pdf import ReportError
    from workshop_app.report.review import make_review_forms, review_file_stems
    from workshop_app.store.interchange import write_bytes_atomically
    from workshop_app.store.outputs import check_output, check_output_folder

    folder: Path = args.output
    check_output_folder(folder)
    workshop = _workshop_of(args.file)
    if not workshop.stakeholders:
        return _fail([f"{args.file}: has no stakeholders; no review form was written"])
    stems = review_file_stems(workshop)
    if folder.is_dir():  # a form must not replace the workshop, or a folder of that name
        for stem in stems.values():
            check_output(folder / f"{stem}.pdf", _read_from(args.file))
    taken = [folder / f"{stem}.pdf" for stem in stems.values() if (folder / f"{stem}.pdf").exists()]
    if taken and not args.force:
        more = f" (and {len(taken) - 1} more)" if len(taken) > 1 else ""
        return _fail(
            [f"{taken[0]}: exists{more}; use --force to replace; no review form was written"]
        )
    try:
        forms = make_review_forms(workshop, paper=args.paper)
    except ReportError as exc:
        return _fail([f"{folder}: {exc}; no review form was written"])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _fail([f"{folder}: cannot be made: {exc.strerror}; no review form was written"])
    for form in forms:
        target = folder / f"{form.file_stem}.pdf"
        write_bytes_atomically(target, form.rendered.pdf)
        for warning in form.rendered.warnings:
            print(f"{target}: note: {warning}", file=sys.stderr)
        print(f"{target}: review form written")
    if str(args.file) != "-" and not args.no_record:
        _record_version(args.file, charter_document(workshop))
    return EXIT_OK


def _older_lines(check: ReviewCheck) -> list[str]:
    when = f", exported {check.exported_at[:10]}" if check.exported_at else ""
    return [
        f"this is a review of an older charter version ({check.form.fingerprint}{when}); "
        "changed since:",
        *(f"  - {line}" for line in check.changes_words()),
    ]


def cmd_review_import(args: argparse.Namespace) -> int:
    """Record the sign-off of a filled review form: checked whole first, and nothing written
    unless it can be recorded (an older version only with --accept-older)."""
    import datetime as dt

    from workshop_app.domain.model import SignoffDecision
    from workshop_app.domain.operations import Step, record_signoff
    from workshop_app.store.review_pdf import ReviewFileError, check_review_file

    given = None
    if args.date is not None:
        try:
            given = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date {args.date!r} is not a date written YYYY-MM-DD") from None
    with _open_to_edit(args.file) as opened:
        check = check_review_file(args.pdf, opened.workshop, dt.date.today())
        if opened.read_only:
            return _fail([f"{args.file}: is read-only; the review was not recorded"])
        if check.date is None and given is None:
            raise ReviewFileError(
                args.pdf, f"{check.date_problem}; give the day it was signed with --date"
            )
        if not check.current and not args.accept_older:
            lines = [f"{args.pdf}: {line}" for line in _older_lines(check)]
            lines.append(
                f"{args.pdf}: not recorded; read the changes, then run again with --accept-older"
            )
            return _fail(lines)
        signoff = check.signoff(given)
        if check.replaces == signoff:
            print(f"{args.file}: the review of {check.name} is already recorded; nothing changed")
            return EXIT_OK
        at = dt.datetime.now().replace(microsecond=0).isoformat()
        opened.change(Step(record_signoff, (signoff, at)))
    words = "approved" if signoff.decision is SignoffDecision.APPROVED else "requested changes"
    replaced = f", replacing their sign-off of {check.replaces.date}" if check.replaces else ""
    print(
        f"{args.file}: {check.name} {words} on {signoff.date} "
        f"(review form, version {signoff.version}){replaced}"
    )
    return EXIT_OK


#: name → (one-line help, handler)
COMMANDS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "demo": ("write the bundled demo workshop to FILE", cmd_demo),
    "import": ("create a workshop file from interchange JSON or a charter PDF", cmd_import),
    "export": ("print a workshop as interchange JSON (or write it with -o)", cmd_export),
    "rank": ("the ranked candidates with scores and reasons", cmd_rank),
    "check": ("validate a workshop file", cmd_check),
    "backups": ("the automatic backups of a workshop file, newest first", cmd_backups),
    "restore": ("bring a workshop file back from a backup or a charter PDF", cmd_restore),
    "status": ("the state and latest verdict of many workshops, read-only", cmd_status),
    "charter": ("the charter as PDF (with the workshop's JSON attached)", cmd_charter),
    "checkin": ("store one metric reading taken after the workshop", cmd_checkin),
    "progress": ("the progress report for the sponsor as PDF", cmd_progress),
    "review-form": ("one fillable review form (PDF) per stakeholder, in a folder", cmd_review_form),
    "review-import": ("record the sign-off of a review form filled in", cmd_review_import),
    "expand": ("the next workshop from this one's parked backlog and first workflow", cmd_expand),
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
            from workshop_app.store.lock import name_this_program

            args = _command_parser(argv[0]).parse_args(_values_joined(argv[1:]))
            name_this_program(f"{PROG} {argv[0]}")  # others' messages name the command
            return COMMANDS[argv[0]][1](args)
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
        return _fail([f"{PROG}: {exc}"])
    except WriteFailed as exc:
        if not exc.reason:
            return _fail([f"{exc.path}: {exc.problem}"])
        return _fail([f"{exc.path}: not saved: {exc.reason}; the file is as it was"])
    except WorkshopFileError as exc:
        return _fail([f"{exc.path}: {issue}" for issue in exc.issues])
    except InvalidWorkshop as exc:
        return _fail([str(issue) for issue in exc.issues])
    except Refused as exc:  # a change a rule of the workshop refuses (a list at its cap)
        file = getattr(args, "file", PROG)
        return _fail([f"{file}: {exc}; nothing was stored"])
    except KeyboardInterrupt:
        return _fail([f"{PROG}: interrupted; no file was changed"])
    except BrokenPipeError:
        return EXIT_FAILED
