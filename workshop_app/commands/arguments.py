"""The arguments each command of the command line takes (:mod:`workshop_app.cli`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_app.commands.common import PROG, Parser


def command_parser(name: str, description: str) -> argparse.ArgumentParser:
    """The parser of the command ``name``, which ``description`` says in a line."""
    parser = Parser(prog=f"{PROG} {name}", description=description)
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


def values_joined(argv: list[str]) -> list[str]:
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
