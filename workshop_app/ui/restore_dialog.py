"""Bringing a workshop back in the app: File > Restore from Backup… (the workshop's backups,
newest first; Enter restores the chosen one after a confirmation that names what is replaced),
and the restore and rebuild-from-charter offered when a file cannot be opened
(:mod:`workshop_app.ui.open_problem`).

Every restore goes through the store (:mod:`workshop_app.store.restore`): what the workshop
file holds is kept as a backup first, so a restore is undone by restoring again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app import APP_NAME
from workshop_app.domain.model import Workshop
from workshop_app.store.backup_policy import app_backups
from workshop_app.store.backups import Backup, ReplacedCopy, list_backups
from workshop_app.store.errors import WorkshopFileError
from workshop_app.store.restore import (
    Restored,
    Source,
    refuse_if_open_elsewhere,
    restore,
    source_of,
)
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.look import restyle
from workshop_app.ui.screen_fit import fit_rect, frame_of

_BACKUP = Qt.ItemDataRole.UserRole


def day_and_time(moment: dt.datetime) -> str:
    """A backup's time as the app says it: ``Tue 24 Nov 09:12:05`` (to the second, so that
    backups made within one minute are told apart)."""
    return f"{moment:%a %d %b %H:%M:%S}"


def candidates_words(count: int) -> str:
    return f"{count} candidate{'' if count == 1 else 's'}"


#: The longest name or time a message keeps on one line; a longer one may wrap.
_UNBROKEN = 60
#: How wide a message's text may be, in average characters of its font: room for a file name
#: and a time on one line (Qt keeps a message box to about 500 pixels otherwise).
_MESSAGE_WIDTH = 66
#: ... and at most this share of its screen.
_SCREEN_SHARE = 0.6
#: What these dialogs say is read a little larger than the app's text (13 points to its 10.5,
#: as the stage hints that ask for action), so that it reads from across a table or a room.
READING_SCALE = 13 / 10.5


def reading_font(widget: QWidget, bold: bool = False) -> QFont:
    """The app's font at :data:`READING_SCALE` (so it follows any scale the look is given)."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * READING_SCALE)
    font.setBold(bold)
    return font


def unbroken(words: str) -> str:
    """``words`` (a file name, a time, "8 candidates") as a message shows them: kept on one
    line, with no-break spaces and hyphens, unless they are too long for a line."""
    if len(words) > _UNBROKEN:
        return words
    return words.replace(" ", "\u00a0").replace("-", "\u2011")


def roomy(box: QtWidgets.QMessageBox) -> None:
    """Give a message box's text the reading size and the width of :data:`_MESSAGE_WIDTH`
    characters (within a share of its screen), so that what it names is read on one line,
    not cut in two."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is None:
        return
    label.setFont(reading_font(label))
    screen = box.screen().availableGeometry().width()
    wanted = label.fontMetrics().averageCharWidth() * _MESSAGE_WIDTH
    label.setMinimumWidth(min(wanted, int(screen * _SCREEN_SHARE)))


def backup_line(backup: Backup) -> str:
    """One backup in the list: when, what it holds, why it was made."""
    title = backup.title or "Untitled workshop"
    return (
        f"{day_and_time(backup.made_at)}   “{title}”, {candidates_words(backup.candidates)}"
        f"   ({backup.why})"
    )


def _warn(parent: QWidget | None, text: str) -> None:
    QtWidgets.QMessageBox.warning(parent, APP_NAME, text)


class BackupsDialog(QDialog):
    """The backups of one workshop, newest first, to choose one to restore.

    Attributes:
        list: one entry per backup; the newest is current.
        restore_button: the default button: Enter restores the current entry (after the
            confirmation).
    """

    def __init__(self, path: Path, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(f"Restore {path.name} from a backup")
        heading = QLabel(f"Backups of {path.name}, newest first", self)
        heading.setObjectName("sectionTitle")
        heading.setFont(reading_font(heading, bold=True))
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        self.list.setFont(reading_font(self.list))
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for backup in backups:
            item = QListWidgetItem(backup_line(backup), self.list)
            item.setData(_BACKUP, backup)
            item.setToolTip(str(backup.path))
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        hint = QLabel(
            "Up and Down choose · Enter restores (you confirm first) · Esc cancels. "
            "What the workshop holds now is kept as a backup first, so restoring it "
            "again undoes this.",
            self,
        )
        hint.setObjectName("stageHint")
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setDefault(True)
        self.restore_button.setAutoDefault(True)
        self.restore_button.setProperty("primary", True)
        restyle(self.restore_button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.list.setFocus()

    def sizeHint(self) -> QSize:
        """Room for a line of the list (about 100 characters of its font) and 7 backups,
        within most of the screen."""
        metrics = self.list.fontMetrics()
        wanted = QSize(metrics.averageCharWidth() * 100, metrics.lineSpacing() * 18)
        return wanted.boundedTo(self.screen().availableGeometry().size() * 0.85)

    def showEvent(self, event: QShowEvent) -> None:
        """Centred on the window, but moved inside the screen where the window is not."""
        super().showEvent(event)
        placed = fit_rect(self.geometry(), self.screen().availableGeometry(), frame_of(self))
        if placed != self.geometry():
            self.setGeometry(placed)

    def chosen(self) -> Backup | None:
        item = self.list.currentItem()
        found = item.data(_BACKUP) if item is not None else None
        return found if isinstance(found, Backup) else None


def confirm_restore(parent: QWidget, path: Path, now: Workshop, backup: Backup) -> bool:
    """Replace what the workshop holds now with ``backup``? The question, then what is there
    now and what the backup holds, a line each; Restore is the default button."""
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Question,
        APP_NAME,
        f"Replace what {unbroken(path.name)} holds now with the backup of "
        f"{unbroken(day_and_time(backup.made_at))}?\n\n"
        f"Now: “{now.info.title}”, {unbroken(candidates_words(len(now.candidates)))}\n"
        f"The backup: “{backup.title or 'Untitled workshop'}”, "
        f"{unbroken(candidates_words(backup.candidates))}\n\n"
        "What the workshop holds now is kept as a backup first: restoring that one "
        "undoes this. Undo and redo start afresh.",
        parent=parent,
    )
    restore_button = box.addButton("&Restore", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    restore_button.setProperty("primary", True)
    restyle(restore_button)
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore_button)
    roomy(box)
    box.exec()
    return box.clickedButton() is restore_button


def ask_backup_to_restore(
    parent: QWidget, path: Path, now: Workshop, unsaved: bool
) -> Source | None:
    """File > Restore from Backup…: choose a backup and confirm; what to restore, checked
    whole, or None (cancelled, or refused and said so)."""
    if unsaved:
        _warn(
            parent,
            "Some changes could not be written to the file (see the banner), so they would "
            "be lost. Use Save As first, then restore from the copy's backups.",
        )
        return None
    backups = list_backups(path)
    if not backups:
        _warn(
            parent,
            f"{path.name} has no backups yet. The app makes one when it opens a workshop to "
            "edit it, then every 5 minutes of editing and when it closes it.",
        )
        return None
    dialog = BackupsDialog(path, backups, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or (backup := dialog.chosen()) is None:
        return None
    if not confirm_restore(parent, path, now, backup):
        return None
    try:
        refuse_if_open_elsewhere(path)
        return source_of(path, backup)
    except WorkshopFileError as exc:
        _warn(parent, f"Nothing was restored.\n\n{exc.path.name}: {exc.problem}")
        return None


def kept_words(restored: Restored) -> str:
    """What became of the file a restore replaced, for the status bar."""
    kept = restored.kept
    if isinstance(kept, Backup):
        return f"what it replaced is the backup of {day_and_time(kept.made_at)}"
    if isinstance(kept, ReplacedCopy):
        return f"what it replaced did not open and is kept in {kept.path}"
    return "there was no file to replace"


def restore_file(parent: QWidget | None, path: Path, source: Source) -> str | None:
    """Restore ``source`` into ``path``; the words for the status bar, or None after saying
    why nothing was restored."""
    try:
        restored = restore(path, source)
    except WorkshopFileError as exc:
        _warn(parent, f"Nothing was restored.\n\n{exc.path.name}: {exc.problem}")
        return None
    return f"Restored {source.words}; {kept_words(restored)}"


def restore_and_open(parent: QWidget | None, path: Path, source: Source) -> WorkshopFile | None:
    """Restore ``source`` into ``path`` and open it to be edited (with its backups)."""
    if restore_file(parent, path, source) is None:
        return None
    try:
        return WorkshopFile.open(path, backups=app_backups())
    except WorkshopFileError as exc:
        _warn(parent, f"The restored workshop could not be opened.\n\n{exc}")
        return None
