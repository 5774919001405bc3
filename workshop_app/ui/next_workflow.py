"""File > Next workflow… (and the Follow-through stage's button): ask where the next workshop
goes, write it from the open one, and offer to open it.

The open workshop is only read: it is the one in memory, so an edit typed a moment ago (or
one the file could not take) is in the next workshop too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtWidgets import QWidget

from workshop_app import APP_NAME
from workshop_app.domain.model import Workshop
from workshop_app.domain.validation import InvalidWorkshop
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.expand import write_next_workshop
from workshop_app.store.workshop_file import EXTENSION
from workshop_app.ui.file_actions import FILE_FILTER, with_extension
from workshop_app.ui.session import Session

#: What a facilitator reads before choosing where the next workshop goes.
DIALOG_TITLE = "Where should the next workshop be kept?"


def suggested_path(current: Path) -> Path:
    """``Quotes.workshop`` → ``Quotes next workflow.workshop`` beside it (numbered when taken)."""
    path = current.with_name(f"{current.stem} next workflow{EXTENSION}")
    number = 2
    while path.exists():
        path = current.with_name(f"{current.stem} next workflow {number}{EXTENSION}")
        number += 1
    return path


def ask_path(parent: QWidget, current: Path) -> tuple[Path, bool] | None:
    """The file the facilitator chose, and whether the dialog confirmed replacing it (only the
    name it showed: a name the extension is added to is not replaced)."""
    chosen, _filter = QtWidgets.QFileDialog.getSaveFileName(
        parent, DIALOG_TITLE, str(suggested_path(current)), FILE_FILTER
    )
    if not chosen:
        return None
    target = with_extension(Path(chosen))
    return target, target == Path(chosen)


def _summary(old: Workshop, new: Workshop) -> str:
    names = " and ".join(f"“{c.name}”" for c in old.chosen)
    earlier = f"{names} is recorded as an earlier attempt" if names else "nothing was chosen here"
    count = len(new.candidates)
    return f"It starts with {count} candidate{'' if count == 1 else 's'} in play; {earlier}."


def _offer_to_open(parent: QWidget, target: Path, summary: str) -> bool:
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Question,
        APP_NAME,
        f"The next workshop was written to {target.name}.\n\n{summary}\n\n"
        "Open it now? This workshop stays as it is.",
        parent=parent,
    )
    open_button = box.addButton(
        "Open the next workshop", QtWidgets.QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton("Stay here", QtWidgets.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.exec()
    return box.clickedButton() is open_button


def start_next_workflow(
    parent: QWidget,
    session: Session,
    open_path: Callable[[Path], object],
    now: Callable[[], dt.datetime] = dt.datetime.now,
) -> Path | None:
    """Ask where, write the next workshop, offer to open it; the path written, or None when
    cancelled or refused (said so)."""
    answer = ask_path(parent, session.path)
    if answer is None:
        return None
    target, confirmed = answer
    old = session.workshop
    try:
        new = write_next_workshop(old, session.path, target, now(), overwrite=confirmed)
    except WorkshopFileError as exc:
        QtWidgets.QMessageBox.warning(
            parent,
            APP_NAME,
            f"The next workshop was not written.\n\n{exc.path.name}: {exc.problem}",
        )
        return None
    except InvalidWorkshop as exc:
        QtWidgets.QMessageBox.warning(
            parent, APP_NAME, f"The next workshop was not written.\n\n{exc}"
        )
        return None
    if _offer_to_open(parent, target, _summary(old, new)):
        open_path(target)
    return target
