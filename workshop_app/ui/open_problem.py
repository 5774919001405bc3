"""What the app says when a workshop file cannot be opened as it is: one calm message that names
the file and the problem, says the file was not changed, and offers what can still be done.

Each way on is a :class:`WayOn`, offered in this order:

* restoring the newest backup that opens (:mod:`workshop_app.store.backups`), for a file that
  is damaged or not a workshop at all; it is the default button, so Enter restores it and the
  workshop is on screen — the file as it was is kept among the backups first;
* rebuilding it from a charter PDF we exported (it carries the whole workshop), when one of
  this workshop's charters beside the file is newer than that backup; a file dialog asks which
  PDF, the charter found already chosen;
* opening read-only what can be read of a file whose rows break the rules (never offered for a
  file whose tables were changed: reading through a view or beside a trigger is what the check
  refuses);
* when no backup opens and no charter was found, rebuilding it from a charter the facilitator
  chooses in the file dialog;
* for a file whose only fault is a journal beside it that is not its own (a leftover of an
  edit of another copy, or something else in the journal's place): setting that journal aside,
  kept under a new name in the same folder (:func:`workshop_app.store.journal.set_aside`), and
  opening the workshop as it was last saved. The message says so in plain words.

Cancel is always there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtWidgets import QWidget

from workshop_app import APP_NAME
from workshop_app.domain.records import record
from workshop_app.store.errors import (
    DamagedWorkshop,
    InvalidContents,
    NotAWorkshop,
    WorkshopFileError,
)
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.look import restyle

if TYPE_CHECKING:
    from workshop_app.store.charter_search import Charter

# The backups, charters and restores are loaded when a file cannot be opened, not at start-up.

#: Problems listed in the message itself; the rest are under "Show Details…".
SHOWN = 3


@record(frozen=True)
class WayOn:
    """One thing the facilitator can do about a file that cannot be opened.

    Attributes:
        button: the button's words.
        explained: a sentence in the message saying what it does.
        take: does it; returns the workshop opened, or None.
        discard: lets go of what was prepared to offer it, when another choice was made.
        default: Enter takes it.
    """

    button: str
    explained: str
    take: Callable[[], WorkshopFile | None]
    discard: Callable[[], None] = lambda: None
    default: bool = False


def _what_can_be_read(error: WorkshopFileError) -> WayOn | None:
    """Open read-only what can be read, when the file's rows (not its tables) break the rules
    and something can be read."""
    if not isinstance(error, InvalidContents):
        return None
    try:
        from workshop_app.store.backup_policy import app_backups

        readable = WorkshopFile.open_readable(error.path, backups=app_backups())
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


#: The file dialog's filter for a charter to rebuild from.
CHARTER_FILTER = "Charters (*.pdf)"


def ask_charter(parent: QWidget | None, path: Path, found: Charter | None) -> Path | None:
    """Which charter PDF to rebuild from: the one found already chosen, or another typed."""
    start = found.path if found is not None else path.parent
    chosen, _filter = QtWidgets.QFileDialog.getOpenFileName(
        parent, f"Rebuild {path.name} from a charter", str(start), CHARTER_FILTER
    )
    return Path(chosen) if chosen else None


def _rebuild(parent: QWidget | None, path: Path, found: Charter | None) -> WorkshopFile | None:
    from workshop_app.store.restore import charter_source
    from workshop_app.ui.restore_dialog import restore_and_open

    pdf = ask_charter(parent, path, found)
    if pdf is None:
        return None
    try:
        chose_found = found is not None and pdf.resolve() == found.path.resolve()
        source = found.source if found is not None and chose_found else charter_source(pdf)
    except WorkshopFileError as exc:
        QtWidgets.QMessageBox.warning(
            parent, APP_NAME, f"Nothing was rebuilt.\n\n{exc.path.name}: {exc.problem}"
        )
        return None
    return restore_and_open(parent, path, source)


def _from_backups(
    error: WorkshopFileError, parent: QWidget | None
) -> tuple[list[WayOn], list[WayOn]]:
    """Restore the newest backup that opens; rebuild from a charter newer than it; or, when
    no backup opens, from a charter the facilitator chooses (offered last) — for a file that
    is damaged or not a workshop, not one that is only newer or out of reach, nor one whose
    only fault is a journal of another copy beside it (moving the journal away mends that)."""
    from workshop_app.store.journal import StrayJournal

    if not isinstance(error, DamagedWorkshop | NotAWorkshop) or isinstance(error, StrayJournal):
        return [], []
    from workshop_app.store.backups import list_backups
    from workshop_app.store.charter_search import charter_beside, identity_of
    from workshop_app.store.restore import newest_that_opens
    from workshop_app.ui.restore_dialog import (
        candidates_words,
        day_and_time,
        restore_and_open,
        unbroken,
    )

    path = error.path
    ways: list[WayOn] = []
    newest = newest_that_opens(path)
    if newest is not None:
        backup, source = newest
        when = day_and_time(backup.made_at)
        ways.append(
            WayOn(
                f"&Restore the backup of {when}",
                f"You can restore the backup of {unbroken(when)} (“{backup.title}”, "
                f"{unbroken(candidates_words(backup.candidates))}), the newest that opens: "
                "Enter. The file as it is now is kept among the backups first.",
                lambda: restore_and_open(parent, path, source),
                default=True,
            )
        )
    since = newest[0].made_at if newest is not None else None
    charter = charter_beside(path, identity_of(path, list_backups(path)), since)
    if charter is not None:
        ways.append(
            WayOn(
                "Re&build from charter…",
                f"The charter {unbroken(charter.path.name)} of "
                f"{unbroken(day_and_time(charter.modified))} is newer"
                + (" than that backup" if newest is not None else "")
                + ": you can rebuild the workshop from it (a charter carries the whole "
                "workshop), or from another charter you choose.",
                lambda: _rebuild(parent, path, charter),
            )
        )
    elif newest is None:
        last = WayOn(
            "Re&build from charter…",
            "There is no backup of it that opens. If you exported its charter, you can "
            "rebuild the workshop from that PDF (a charter carries the whole workshop).",
            lambda: _rebuild(parent, path, None),
        )
        return ways, [last]
    return ways, []


def _set_aside_and_open(parent: QWidget | None, path: Path) -> WorkshopFile | None:
    """Set the journal beside ``path`` aside, then open the workshop to be edited; what
    stops either is said (and, for the journal, nothing was moved)."""
    from workshop_app.store.backup_policy import app_backups
    from workshop_app.store.journal import set_aside

    try:
        set_aside(path)
    except WorkshopFileError as exc:
        QtWidgets.QMessageBox.warning(
            parent,
            APP_NAME,
            f"The journal was not set aside; nothing was changed.\n\n{exc.path.name}: "
            f"{exc.problem}",
        )
        return None
    try:
        return WorkshopFile.open(path, backups=app_backups())
    except WorkshopFileError as exc:
        return explain(parent, exc)  # another fault behind the journal: said the same way


def _set_aside(error: WorkshopFileError, parent: QWidget | None) -> WayOn | None:
    """Set aside a journal that does not belong to the file, and open it."""
    from workshop_app.store.journal import StrayJournal
    from workshop_app.ui.restore_dialog import unbroken

    if not isinstance(error, StrayJournal):
        return None
    aside = unbroken(f"{error.journal.name}.set-aside-DATE-TIME")
    return WayOn(
        "&Set the journal aside and open",
        "You can set the journal aside and open the workshop as it was last saved: Enter. "
        f"The journal is kept in the same folder, renamed {aside}; nothing is deleted.",
        lambda: _set_aside_and_open(parent, error.path),
        default=True,
    )


def ways_on(error: WorkshopFileError, parent: QWidget | None = None) -> list[WayOn]:
    """What can be done about ``error``, in the order offered."""
    first, last = _from_backups(error, parent)
    found = _what_can_be_read(error) or _set_aside(error, parent)
    return first + ([found] if found is not None else []) + last


def _stray_journal_words(error: WorkshopFileError) -> str | None:
    """What a journal that is not the file's is, in a facilitator's words; None for any other
    problem."""
    from workshop_app.store.journal import StrayJournal
    from workshop_app.ui.restore_dialog import unbroken

    if not isinstance(error, StrayJournal):
        return None
    journal = error.journal.name
    # StrayJournal says "the journal beside it (NAME) WHY; neither was changed. …"
    _before, found, after = error.problem.partition(f"({journal}) ")
    why = after.partition("; neither was changed")[0] if found else ""
    if "another copy" in why:
        said = (
            f"Beside it is {unbroken(journal)}, a leftover from an edit of another copy of "
            "this workshop that was cut off (a sync tool or a copy put it in this folder). It "
            "does not belong to this file, so it was not used."
        )
    else:
        said = (
            f"Beside it is {unbroken(journal)}, in the place of the file's journal (what is "
            f"left when an edit is cut off), but it {why or 'does not belong to this file'}, "
            "so it was not used."
        )
    return (
        f"{unbroken(error.path.name)} could not be opened as it is.\n\n{said}\n\nThe "
        "workshop itself is intact, as it was last saved. Neither file was changed."
    )


def message(error: WorkshopFileError, ways: list[WayOn]) -> str:
    """The dialog's text: the file and its problems (the first few), and the ways on."""
    text = _stray_journal_words(error)
    if text is None:
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
    ways = ways_on(error, parent)
    dialog = QtWidgets.QMessageBox
    box = dialog(dialog.Icon.Warning, APP_NAME, message(error, ways), parent=parent)
    if len(error.issues) > SHOWN:
        box.setDetailedText("\n".join(error.issues))
    buttons = [(box.addButton(way.button, dialog.ButtonRole.AcceptRole), way) for way in ways]
    box.addButton(dialog.StandardButton.Cancel if ways else dialog.StandardButton.Ok)
    for button, way in buttons:
        if way.default:
            box.setDefaultButton(button)
            button.setProperty("primary", True)  # the main action's look, as elsewhere
            restyle(button)
    from workshop_app.ui.restore_dialog import roomy

    roomy(box)
    box.exec()
    clicked = box.clickedButton()
    chosen = next((way for button, way in buttons if button is clicked), None)
    for _button, way in buttons:
        if way is not chosen:
            way.discard()
    return chosen.take() if chosen is not None else None
