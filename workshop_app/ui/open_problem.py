"""What the app says when a workshop file cannot be opened as it is: one calm message that names
the file and the problem, says the file was not changed, and offers what can still be done.

Each way on is a :class:`WayOn`: for now, opening read-only what can be read of a file whose
rows break the rules (never offered for a file whose tables were changed: reading through a
view or beside a trigger is what the check refuses). Restoring a backup joins the list when the
app keeps backups. Cancel is always there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6 import QtWidgets
from PySide6.QtWidgets import QWidget

from workshop_app import APP_NAME
from workshop_app.store.errors import InvalidContents, WorkshopFileError
from workshop_app.store.workshop_file import WorkshopFile

#: Problems listed in the message itself; the rest are under "Show Details…".
SHOWN = 3


@dataclass(frozen=True)
class WayOn:
    """One thing the facilitator can do about a file that cannot be opened.

    Attributes:
        button: the button's words.
        explained: a sentence in the message saying what it does.
        take: does it; returns the workshop opened, or None.
        discard: lets go of what was prepared to offer it, when another choice was made.
    """

    button: str
    explained: str
    take: Callable[[], WorkshopFile | None]
    discard: Callable[[], None] = lambda: None


def _what_can_be_read(error: WorkshopFileError) -> WayOn | None:
    """Open read-only what can be read, when the file's rows (not its tables) break the rules
    and something can be read."""
    if not isinstance(error, InvalidContents):
        return None
    try:
        readable = WorkshopFile.open_readable(error.path)
    except WorkshopFileError:
        return None
    left = len(readable.left_out)
    values = "1 value is" if left == 1 else f"{left} values are"
    return WayOn(
        "Open read-only",
        f"You can open what can be read of it, read-only: {values} left out, and Save As "
        "writes a copy without them that you can edit.",
        lambda: readable,
        readable.close,
    )


def ways_on(error: WorkshopFileError) -> list[WayOn]:
    """What can be done about ``error``, in the order offered."""
    found = _what_can_be_read(error)
    return [found] if found is not None else []


def message(error: WorkshopFileError, ways: list[WayOn]) -> str:
    """The dialog's text: the file and its problems (the first few), and the ways on."""
    issues = error.issues
    lines = [f"{error.path.name}: {issue}" for issue in issues[:SHOWN]]
    if len(issues) > SHOWN:
        lines.append(f"… and {len(issues) - SHOWN} more (Show Details…)")
    text = "The workshop could not be opened.\n\n" + "\n".join(lines)
    text += "\n\nThe file was not changed."
    for way in ways:
        text += f"\n\n{way.explained}"
    return text


def explain(parent: QWidget | None, error: WorkshopFileError) -> WorkshopFile | None:
    """Say why a file cannot be opened and offer the ways on; the workshop a way opened, or
    None (cancelled, or nothing to offer)."""
    ways = ways_on(error)
    dialog = QtWidgets.QMessageBox
    box = dialog(dialog.Icon.Warning, APP_NAME, message(error, ways), parent=parent)
    if len(error.issues) > SHOWN:
        box.setDetailedText("\n".join(error.issues))
    buttons = [(box.addButton(way.button, dialog.ButtonRole.AcceptRole), way) for way in ways]
    box.addButton(dialog.StandardButton.Cancel if ways else dialog.StandardButton.Ok)
    box.exec()
    clicked = box.clickedButton()
    chosen = next((way for button, way in buttons if button is clicked), None)
    for _button, way in buttons:
        if way is not chosen:
            way.discard()
    return chosen.take() if chosen is not None else None
