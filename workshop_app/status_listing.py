"""What ``workshop-app status`` prints: every workshop's state at a glance, as JSON-ready
records or an aligned table, from files read without changing them."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path
from typing import Any

from workshop_app.domain.records import record
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.summary import Summary, summary

EXTENSION = ".workshop"
_COLUMNS = ("File", "Title", "Organization", "State", "Day", "Latest verdict")


@record
class Portfolio:
    """The workshops read, and one line for each path that was skipped."""

    read: list[tuple[Path, Summary]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def workshop_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The files to read: each file as given, each folder's ``*.workshop`` files (not its
    subfolders'), in name order and each once; and a line for each folder that holds none."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            try:
                inside = sorted(
                    (entry for entry in path.iterdir() if entry.name.endswith(EXTENSION)),
                    key=lambda entry: entry.name,
                )
            except OSError as exc:
                problems.append(f"{path}: skipped: the folder cannot be read: {exc.strerror}")
                continue
            if not inside:
                problems.append(f"{path}: skipped: the folder holds no {EXTENSION} files")
            found.extend(inside)
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, problems


def read_portfolio(paths: list[Path], today: dt.date) -> Portfolio:
    """Every workshop under ``paths`` with its state on ``today``; a file that cannot be read
    is skipped with the reason."""
    files, problems = workshop_paths(paths)
    portfolio = Portfolio(skipped=problems)
    for path in files:
        try:
            portfolio.read.append((path, summary(path, today)))
        except WorkshopFileError as exc:
            portfolio.skipped.append(f"{path}: skipped: {exc.problem}")
    return portfolio


def status_record(path: Path, info: Summary) -> dict[str, Any]:
    """One workshop as JSON-ready values (the keys are documented in the README)."""
    state = info.state
    assert state is not None
    return {
        "file": str(path),
        "title": info.title,
        "organization": info.organization,
        "date": info.date,
        "agreement": str(state.agreement),
        "open_points": state.open_points,
        "approved": state.approved,
        "changes_requested": state.changes_requested,
        "must_sign": state.must_sign,
        "state": state.state_words,
        "day": state.day,
        "day_words": state.day_words,
        "workflow": state.workflow or None,
        "verdict": None if state.verdict is None else str(state.verdict),
        "verdict_day": state.verdict_day,
        "verdict_words": state.verdict_words,
    }


def status_table(records: list[dict[str, Any]]) -> str:
    """An aligned table: file, title, organization, state, day, latest verdict; every cell
    whole (nothing is cut short)."""
    rows = [
        (
            record["file"],
            record["title"],
            record["organization"],
            record["state"],
            record["day_words"],
            record["verdict_words"],
        )
        for record in records
    ]
    widths = [max([len(title), *(len(row[i]) for row in rows)]) for i, title in enumerate(_COLUMNS)]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(f"{cell:<{width}}" for cell, width in zip(cells, widths, strict=True))

    rule = tuple("-" * width for width in widths)
    return "\n".join(line(cells).rstrip() for cells in (_COLUMNS, rule, *rows))
