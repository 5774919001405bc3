"""The command line's commands that make PDFs and read them back (:mod:`workshop_app.cli`): the
charter, the progress report, the review forms, and the sign-off a filled form records.

Each command changes a workshop only through the domain's operations.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.commands.common import (
    EXIT_OK,
    RendererMissing,
    UsageError,
    fail,
    open_read_only,
    open_to_edit,
    read_from,
    workshop_of,
)

if TYPE_CHECKING:
    from workshop_app.domain.model import Workshop
    from workshop_app.domain.review_reading import ReviewCheck
    from workshop_app.store.workshop_file import WorkshopFile


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

    check_output(args.output, read_from(args.file))  # before a render of many seconds
    workshop = workshop_of(args.file) if workshop is None else workshop
    make = make_charter if kind == "charter" else make_progress_report
    try:
        rendered = make(workshop, tool_first_vocabulary(), export_text(workshop), paper=args.paper)
    except ReportError as exc:
        return fail([f"{args.output}: {exc}"])
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
        return open_read_only(path), f"it is open in First Workflow on {holder.host} now"
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
    workshop = workshop_of(args.file)
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
    workshop = workshop_of(args.file)
    if not workshop.stakeholders:
        return fail([f"{args.file}: has no stakeholders; no review form was written"])
    stems = review_file_stems(workshop)
    if folder.is_dir():  # a form must not replace the workshop, or a folder of that name
        for stem in stems.values():
            check_output(folder / f"{stem}.pdf", read_from(args.file))
    taken = [folder / f"{stem}.pdf" for stem in stems.values() if (folder / f"{stem}.pdf").exists()]
    if taken and not args.force:
        more = f" (and {len(taken) - 1} more)" if len(taken) > 1 else ""
        return fail(
            [f"{taken[0]}: exists{more}; use --force to replace; no review form was written"]
        )
    try:
        forms = make_review_forms(workshop, paper=args.paper)
    except ReportError as exc:
        return fail([f"{folder}: {exc}; no review form was written"])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return fail([f"{folder}: cannot be made: {exc.strerror}; no review form was written"])
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
    with open_to_edit(args.file) as opened:
        check = check_review_file(args.pdf, opened.workshop, dt.date.today())
        if opened.read_only:
            return fail([f"{args.file}: is read-only; the review was not recorded"])
        if check.date is None and given is None:
            raise ReviewFileError(
                args.pdf, f"{check.date_problem}; give the day it was signed with --date"
            )
        if not check.current and not args.accept_older:
            lines = [f"{args.pdf}: {line}" for line in _older_lines(check)]
            lines.append(
                f"{args.pdf}: not recorded; read the changes, then run again with --accept-older"
            )
            return fail(lines)
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
