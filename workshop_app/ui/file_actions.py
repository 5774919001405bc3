"""File > New, Open, Open Recent, the demo, Save As and Close: the questions they ask and what
they say when a file cannot be used. The main window opens the session each one yields.

The dialogs are reached as ``QtWidgets.QFileDialog`` and ``QtWidgets.QMessageBox``: PySide
prepares a class the first time it is named, and these are not needed before the first paint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore, QtWidgets
from PySide6.QtWidgets import QMenu, QWidget

from workshop_app import APP_NAME
from workshop_app.domain.model import UNTITLED, Workshop, WorkshopInfo
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.lock import WorkshopLocked
from workshop_app.store.workshop_file import EXTENSION, WorkshopFile, write_new_file
from workshop_app.ui.session import Session
from workshop_app.ui.settings import Settings

FILE_FILTER = f"Workshops (*{EXTENSION})"


def _warn(parent: QWidget, text: str) -> None:
    QtWidgets.QMessageBox.warning(parent, APP_NAME, text)


def with_extension(path: Path) -> Path:
    """``path`` ending in ``.workshop`` (added when the facilitator left it out)."""
    return path if path.suffix == EXTENSION else path.with_name(path.name + EXTENSION)


# ---------------------------------------------------------------- opening
def open_file(
    parent: QWidget | None, path: Path, opened_later: bool = False
) -> WorkshopFile | None:
    """Open a workshop file, or say why it cannot be opened (it is left untouched) and offer
    what can still be done (:mod:`workshop_app.ui.open_problem`).

    A file another app is writing may be opened read-only, when the facilitator agrees. A
    file opened to be edited is backed up (:mod:`workshop_app.store.backup_schedule`), at
    once or, with ``opened_later``, when the caller says
    (:func:`~workshop_app.store.backup_policy.app_backups`).
    """
    from workshop_app.store.backup_policy import app_backups
    from workshop_app.ui.open_problem import explain  # only when the file cannot be opened

    try:
        return WorkshopFile.open(path, backups=app_backups(opened_later))
    except WorkshopLocked as locked:
        if not _ask_read_only(parent, locked):
            return None
        try:
            return WorkshopFile.open(path, read_only=True)
        except WorkshopFileError as exc:
            return explain(parent, exc)
    except WorkshopFileError as exc:
        return explain(parent, exc)


def _ask_read_only(parent: QWidget | None, locked: WorkshopLocked) -> bool:
    """Another app is writing this workshop: offer to open it read-only, or cancel."""
    dialog = QtWidgets.QMessageBox
    box = dialog(
        dialog.Icon.Question,
        APP_NAME,
        f"{locked.path.name} is already open in First Workflow on "
        f"{locked.holder.host} since {locked.holder.since}.\n\nTwo copies "
        "of the app must not write to one workshop. You can open it "
        "read-only (and use Save As to continue in a copy).",
        parent=parent,
    )
    read_only = box.addButton("Open read-only", dialog.ButtonRole.AcceptRole)
    box.addButton(dialog.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is read_only


def ask_open_path(parent: QWidget, settings: Settings) -> Path | None:
    path, _filter = QtWidgets.QFileDialog.getOpenFileName(
        parent, "Open a workshop", settings.last_folder(), FILE_FILTER
    )
    return Path(path) if path else None


def fill_recent_menu(menu: QMenu, settings: Settings, open_path: Callable[[Path], object]) -> None:
    """File > Open Recent: the recent workshops, the missing ones marked."""
    menu.clear()
    recent = settings.recent_files()
    if not recent:
        menu.addAction("No recent workshops").setEnabled(False)
    for path in recent:
        action = menu.addAction(path.name + ("" if path.exists() else " (missing)"))
        action.setToolTip(str(path))
        action.triggered.connect(lambda _checked=False, chosen=path: open_path(chosen))


# ---------------------------------------------------------------- new files
def demo_copy_path() -> Path:
    """A new file name for a fresh copy of the demo, in the user's app data folder."""
    paths = QtCore.QStandardPaths
    base = Path(paths.writableLocation(paths.StandardLocation.AppDataLocation)) / "demo workshops"
    base.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H.%M")
    path = base / f"Demo workshop {stamp}{EXTENSION}"
    number = 2
    while path.exists():
        path = base / f"Demo workshop {stamp} ({number}){EXTENSION}"
        number += 1
    return path


def write_demo_copy() -> Path:
    """Write a fresh copy of the bundled demo workshop and return its path."""
    # Loaded here: opening a file that exists needs neither the demo nor the interchange.
    from workshop_app.store.demo import write_demo

    path = demo_copy_path()
    write_demo(path)
    return path


def demo_copy_or_warn(parent: QWidget) -> Path | None:
    """A fresh copy of the demo, or None after saying why none could be written."""
    try:
        return write_demo_copy()
    except WorkshopFileError as exc:
        _warn(parent, f"The demo could not be copied.\n\n{exc}")
        return None


def new_file(parent: QWidget, settings: Settings) -> Path | None:
    """Ask where to keep a new workshop and write an untitled one there; None if cancelled
    or the file could not be written (said so)."""
    today = dt.date.today()
    folder = Path(settings.last_folder())
    path, _filter = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        "Where should the new workshop be kept?",
        str(folder / f"Workshop {today:%Y-%m-%d}{EXTENSION}"),
        FILE_FILTER,
    )
    if not path:
        return None
    target = with_extension(Path(path))
    workshop = Workshop(info=WorkshopInfo(title=UNTITLED, date=today.isoformat()))
    try:
        write_new_file(target, workshop, overwrite=True)
    except WorkshopFileError as exc:
        _warn(parent, f"The workshop could not be created.\n\n{exc}")
        return None
    return target


# ---------------------------------------------------------------- copies and closing
def ask_save_as_path(parent: QWidget, current: Path) -> Path | None:
    suggestion = current.with_name(current.stem + " copy" + EXTENSION)
    path, _filter = QtWidgets.QFileDialog.getSaveFileName(
        parent, "Save a complete copy as", str(suggestion), FILE_FILTER
    )
    return with_extension(Path(path)) if path else None


def save_copy(parent: QWidget, session: Session, target: Path) -> bool:
    """Write the session's workshop to ``target`` and continue there; says so when it fails."""
    try:
        session.save_as(target)
    except WorkshopFileError as exc:
        _warn(
            parent,
            f"The copy could not be written.\n\n{exc}\n\n"
            "Your work is still here; try another folder.",
        )
        return False
    return True


def confirm_discard(parent: QWidget) -> bool:
    """Some changes are not in the file: close anyway (and lose them)?"""
    button = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.warning(
        parent,
        APP_NAME,
        "Some changes could not be written to the file (see the banner). "
        "Close anyway and lose them?",
        button.Cancel | button.Discard,
        button.Cancel,
    )
    return answer == button.Discard
