"""The main window's File work: opening a workshop, the demo, a new workshop, Save As, restoring
from a backup, the charter's export, the next workflow, closing, and a review form dropped on the
window. :class:`FileWindow` is the base of :class:`~workshop_app.ui.main_window.MainWindow`,
which shows the workshops it opens; the dialogs are :mod:`~workshop_app.ui.file_actions`'s.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow

from workshop_app.domain.stage import Stage
from workshop_app.ui import file_actions
from workshop_app.ui.session import Session

if TYPE_CHECKING:
    from workshop_app.ui.banner import Banner
    from workshop_app.ui.settings import Settings
    from workshop_app.ui.stage_pages import Pages, Today
    from workshop_app.ui.welcome import WelcomePage


class FileWindow(QMainWindow):
    """A main window's File menu work, done on the window that shows the workshops.

    The window provides what is declared here: the open session (None on the welcome screen),
    the settings, the banner, the stage pages, today's date, the welcome screen once made, and
    the methods below that raise ``NotImplementedError``.
    """

    session: Session | None
    settings: Settings
    banner: Banner
    pages: Pages
    today: Today
    _welcome: WelcomePage | None

    def set_session(self, session: Session) -> None:
        """Show ``session``'s workshop in the window."""
        raise NotImplementedError

    def show_stage(self, stage: Stage) -> None:
        raise NotImplementedError

    def _drop_session(self) -> None:
        """Close the open workshop's pages and file."""
        raise NotImplementedError

    def _show_welcome(self) -> None:
        raise NotImplementedError

    def _update_title(self) -> None:
        raise NotImplementedError

    def open_path(self, path: Path) -> bool:
        """Open a workshop file; a file that cannot be opened is reported and left untouched."""
        opened = file_actions.open_file(self, path)
        if opened is None:
            if self._welcome is not None and self.session is None:
                self._welcome.refresh()
            return False
        self.settings.set_last_folder(path.resolve().parent)
        self.set_session(Session(opened, self))
        return True

    def open_dialog(self) -> None:
        path = file_actions.ask_open_path(self, self.settings)
        if path is not None:
            self.open_path(path)

    def open_demo(self) -> None:
        path = file_actions.demo_copy_or_warn(self)
        if path is not None:
            self.open_path(path)

    def new_workshop(self) -> None:
        path = file_actions.new_file(self, self.settings)
        if path is not None and self.open_path(path):
            self.pages[Stage.SETUP].focus_first()

    def save_as(self) -> None:
        if self.session is not None:
            path = file_actions.ask_save_as_path(self, self.session.path)
            if path is not None:
                self.save_as_path(path)

    def save_as_path(self, target: Path) -> bool:
        """Write the workshop to ``target`` and continue there."""
        target = file_actions.with_extension(target)
        if self.session is None or not file_actions.save_copy(self, self.session, target):
            return False
        self.settings.add_recent(target)
        self.settings.set_last_folder(target.parent)
        self.banner.hide()
        self.statusBar().showMessage(f"Saved as {target}", 8000)
        self._update_title()
        return True

    def restore_from_backup(self) -> None:
        """File > Restore from Backup…: choose a backup and confirm; the workshop file as it is
        is kept as a backup first, then the restored workshop opens here."""
        from workshop_app.ui.restore_dialog import ask_backup_to_restore, restore_file

        if self.session is None:
            return
        session = self.session
        path = session.path
        source = ask_backup_to_restore(self, path, session.workshop, session.unsaved)
        if source is None:
            return
        self._drop_session()  # lets go of the file and its lock
        said = restore_file(self, path, source)
        if not self.open_path(path):
            self._show_welcome()
        elif said is not None:
            self.statusBar().showMessage(said, 10000)

    def export_charter(self) -> None:
        """File > Export charter: go to the Charter stage and export from there."""
        from workshop_app.ui.pages.charter import CharterPage

        page = self.pages[Stage.CHARTER] if self.session is not None else None
        if isinstance(page, CharterPage):
            self.show_stage(Stage.CHARTER)
            page.export()

    def next_workflow(self) -> None:
        """File > Next workflow…: write the next workshop from this one; offer to open it."""
        from workshop_app.ui.next_workflow import start_next_workflow

        if self.session is None:
            return
        written = start_next_workflow(
            self,
            self.session,
            self.open_path,
            lambda: dt.datetime.combine(self.today(), dt.datetime.now().time()),
        )
        if written is not None:
            self.settings.add_recent(written)
            self.statusBar().showMessage(f"Next workshop written to {written}", 8000)

    def close_workshop(self) -> None:
        if not self._may_close():
            return
        self._drop_session()
        self._show_welcome()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from workshop_app.ui.review_import import dropped_pdf

        if self.session is not None and dropped_pdf(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """A PDF dropped on a workshop is a filled review form: the Charter stage imports it."""
        from workshop_app.ui.pages.charter import CharterPage
        from workshop_app.ui.review_import import dropped_pdf

        path = dropped_pdf(event.mimeData())
        if self.session is None or path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        page = self.pages[Stage.CHARTER]
        self.show_stage(Stage.CHARTER)
        if isinstance(page, CharterPage):
            # After the drop has finished: the confirmation is a modal dialog of its own.
            QTimer.singleShot(0, page, lambda: page.import_review_file(path))

    def _may_close(self) -> bool:
        """True unless changes are not in the file and the facilitator keeps them."""
        unsaved = self.session is not None and self.session.unsaved
        return not unsaved or file_actions.confirm_discard(self)
