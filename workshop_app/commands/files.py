"""The command line's commands that read, check, write or back up workshop files
(:mod:`workshop_app.cli`); the reports and review forms are :mod:`~workshop_app.commands.reports`.

Each command changes a workshop only through the domain's operations.
"""

from __future__ import annotations

import argparse
import json
import sys

from workshop_app.commands.common import EXIT_OK, fail, open_read_only, open_to_edit


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
    with open_read_only(args.file) as opened:
        text = export_text(opened.workshop)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_atomically(args.output, text)
    return EXIT_OK


def cmd_rank(args: argparse.Namespace) -> int:
    from workshop_app.libraries import tool_first_vocabulary
    from workshop_app.rank_listing import rank_records, rank_table, robustness_record

    with open_read_only(args.file) as opened:
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

    with open_read_only(args.file) as opened:
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
    return fail(portfolio.skipped) if portfolio.skipped else EXIT_OK


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

    with open_to_edit(args.file) as opened:
        if opened.read_only:
            return fail([f"{args.file}: is read-only; the reading was not stored"])
        try:
            new = reading(opened.workshop, args.metric, args.date, args.value, args.note)
        except ReadingRefused as exc:
            return fail([f"{args.file}: {exc}; nothing was stored"])
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
