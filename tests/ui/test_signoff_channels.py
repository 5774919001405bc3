"""A sign-off entered by hand in the Charter stage: given in the room, by email (its text
pasted) or seen on paper, with the day they signed and the version they reviewed. The dialog is
driven by keys through its focus chain; what it records is read back from the file on disk,
the sign-off list says how each came, and Ctrl+Z takes it back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from tests.ui.driving import (
    BACKTAB,
    TAB,
    activate,
    focused,
    holds_focus,
    on_modal,
    press,
    select_all,
)
from tests.ui.fitting import cut_off
from tests.ui.test_charter_page import charter_page
from workshop_app.domain.model import Signoff, SignoffChannel, SignoffDecision
from workshop_app.domain.stages import Stage
from workshop_app.domain.versions import charter_document, charter_fingerprint
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui import undo
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.charter import CharterPage
from workshop_app.ui.signoff import SignoffDialog

CTRL = Qt.KeyboardModifier.ControlModifier
#: An email as it comes off the clipboard: Windows line ends and a stray control character.
PASTED = (
    "Hello Sam,\r\n\r\nI approve the charter as it stands.\x07\r\nPlease send the day-7 figures."
)
KEPT = "Hello Sam,\n\nI approve the charter as it stands.\nPlease send the day-7 figures."


def _days_ago(days: int) -> str:
    # The operations date a sign-off against the real clock, not the window's test day.
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


def _on_disk(path: Path, stakeholder_id: str) -> Signoff | None:
    with WorkshopFile.open(path, read_only=True) as opened:
        return next(
            (s for s in opened.workshop.signoffs if s.stakeholder_id == stakeholder_id), None
        )


def _row(page: CharterPage, stakeholder_id: str, role: int = Qt.ItemDataRole.DisplayRole):
    model = page.signoffs.model()
    people = [s.id for s in page.session.workshop.stakeholders]
    return model.data(model.index(people.index(stakeholder_id), 0), role)


def _charter(qtbot: QtBot, window: MainWindow) -> CharterPage:
    page = charter_page(window)
    window.show_stage(Stage.CHARTER)
    activate(qtbot, window)
    page.focus_first()
    return page


def _to_the_list(qtbot: QtBot, page: CharterPage, stakeholder_id: str) -> None:
    """Tab to the sign-off list, then Down to the person's name."""
    for _ in range(40):
        if holds_focus(page.signoffs):
            break
        press(qtbot, TAB)
    assert holds_focus(page.signoffs), "Tab does not reach the sign-off list"
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(len(page.session.workshop.stakeholders)):
        if page.signoffs.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == stakeholder_id:
            return
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"Down never reaches {stakeholder_id}")


def _choose(qtbot: QtBot, combo: QComboBox, value: object) -> None:
    """With the focus on a drop-down, the arrow keys to the entry whose data is ``value``."""
    assert focused() is combo
    wanted = combo.findData(value)
    assert wanted >= 0, f"{value!r} is not offered"
    for _ in range(combo.count()):
        if combo.currentIndex() == wanted:
            break
        press(qtbot, Qt.Key.Key_Down if combo.currentIndex() < wanted else Qt.Key.Key_Up)
    assert combo.currentData() == value


def _type_date(qtbot: QtBot, dialog: SignoffDialog, day: str) -> None:
    assert focused() is dialog.day
    qtbot.keyClicks(focused(), day.replace("-", ""))
    assert dialog.day.text() == day


def _open_dialog_on(qtbot: QtBot, page: CharterPage, stakeholder_id: str) -> None:
    """Enter on the person's name: the dialog is driven by what :func:`on_modal` was given."""
    activate(qtbot, page.window())  # as the desktop does when a dialog over it closes
    _to_the_list(qtbot, page, stakeholder_id)
    press(qtbot, Qt.Key.Key_Return)


def test_an_email_pasted_in_is_recorded_with_its_day_and_this_version_then_undone(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    session = demo_window.session
    assert session is not None
    page = _charter(qtbot, demo_window)
    day = _days_ago(3)
    seen: list[list[str]] = []

    def by_email(dialog: SignoffDialog) -> None:
        activate(qtbot, dialog)
        assert focused() is dialog.person and dialog.person.currentData() == "s2"
        press(qtbot, TAB)
        _choose(qtbot, dialog.how, SignoffChannel.EMAIL)
        assert dialog.email.isVisible() and not dialog.comment.isVisible()
        assert dialog.day.isVisible() and dialog.version.isVisible()
        assert dialog.version.currentText().startswith("this version (")
        press(qtbot, TAB)
        assert focused() is dialog.decision  # approved, as offered
        press(qtbot, TAB)
        _type_date(qtbot, dialog, day)
        press(qtbot, TAB)
        assert focused() is dialog.version  # this version, as offered
        press(qtbot, TAB)
        assert focused() is dialog.email
        QApplication.clipboard().setText(PASTED)
        press(qtbot, Qt.Key.Key_V, CTRL)
        press(qtbot, TAB)  # Tab leaves the box, it types no tab
        assert focused() is not dialog.email and "\t" not in dialog.email.toPlainText()
        seen.append(cut_off(dialog))
        press(qtbot, BACKTAB)
        assert focused() is dialog.email
        press(qtbot, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter records; Enter starts a line

    on_modal(SignoffDialog, by_email)
    _open_dialog_on(qtbot, page, "s2")

    assert seen == [[]], "the email dialog cuts off some of its words"
    signed = _on_disk(Path(session.path), "s2")
    assert signed is not None
    assert signed.channel is SignoffChannel.EMAIL
    assert signed.comment == KEPT
    assert signed.date == day and signed.decision is SignoffDecision.APPROVED
    assert signed.version == charter_fingerprint(session.workshop)
    row = _row(page, "s2")
    assert f"Approved on {day} by email; signed version {signed.version} (this version)" in row
    tip = _row(page, "s2", Qt.ItemDataRole.ToolTipRole)
    assert "<b>Their email:</b> Hello Sam,<br><br>I approve the charter" in tip

    activate(qtbot, demo_window)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert _on_disk(Path(session.path), "s2") is None
    assert "not signed yet" in _row(page, "s2")


def test_a_paper_sign_off_of_an_older_version_says_what_changed_since(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    session = demo_window.session
    assert session is not None
    undo.record_export(session, charter_document(session.workshop))
    older = charter_fingerprint(session.workshop)
    metric = session.workshop.metrics[0]
    session.push(undo.SetValue(session, "metrics", metric.id, "target", 75))
    assert charter_fingerprint(session.workshop) != older
    page = _charter(qtbot, demo_window)
    day = _days_ago(1)
    offered: list[list[str]] = []

    def on_paper(dialog: SignoffDialog) -> None:
        activate(qtbot, dialog)
        press(qtbot, TAB)
        _choose(qtbot, dialog.how, SignoffChannel.PAPER)
        assert dialog.comment.isVisible() and not dialog.email.isVisible()
        press(qtbot, TAB)
        _choose(qtbot, dialog.decision, SignoffDecision.CHANGES_REQUESTED)
        press(qtbot, TAB)
        _type_date(qtbot, dialog, day)
        press(qtbot, TAB)
        offered.append([dialog.version.itemText(i) for i in range(dialog.version.count())])
        _choose(qtbot, dialog.version, older)
        press(qtbot, TAB)
        assert focused() is dialog.comment
        qtbot.keyClicks(focused(), "Lower the target first")
        press(qtbot, Qt.Key.Key_Return)  # Enter in a one-line field records it

    on_modal(SignoffDialog, on_paper)
    _open_dialog_on(qtbot, page, "s3")

    exported = session.workshop.versions[0].exported_at[:10]
    now = charter_fingerprint(session.workshop)
    assert offered == [[f"this version ({now})", f"{older}, exported {exported}"]]
    signed = _on_disk(Path(session.path), "s3")
    assert signed is not None
    assert signed.channel is SignoffChannel.PAPER and signed.version == older
    assert signed.decision is SignoffDecision.CHANGES_REQUESTED and signed.date == day
    assert signed.comment == "Lower the target first"
    row = _row(page, "s3")
    assert f"Changes requested on {day} on paper; signed version {older}, 1 change since" in row
    assert _row(page, "s3", Qt.ItemDataRole.ToolTipRole) == (
        "<p><b>Comment:</b> Lower the target first</p>"
    )


def test_a_refused_sign_off_is_said_in_the_dialog_which_stays_open(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    session = demo_window.session
    assert session is not None
    page = _charter(qtbot, demo_window)
    steps = session.undo_stack.count()
    future = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    said: list[str] = []

    def refused_then_fixed(dialog: SignoffDialog) -> None:
        activate(qtbot, dialog)
        press(qtbot, TAB)
        _choose(qtbot, dialog.how, SignoffChannel.PAPER)
        press(qtbot, TAB)
        press(qtbot, TAB)
        _type_date(qtbot, dialog, future)
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.problem.isVisible()
        said.append(dialog.problem.text())
        assert session.undo_stack.count() == steps
        assert cut_off(dialog) == []
        assert focused() is dialog.day
        select_all(qtbot)
        qtbot.keyClicks(focused(), "2026")  # an unfinished date: nothing to record yet
        said.append(dialog.problem.text())
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()
        select_all(qtbot)
        _type_date(qtbot, dialog, _days_ago(2))
        assert not dialog.problem.isVisible()
        press(qtbot, Qt.Key.Key_Return)

    on_modal(SignoffDialog, refused_then_fixed)
    _open_dialog_on(qtbot, page, "s4")

    assert said == [
        f"The sign-off of Tomasz Wojcik cannot be recorded: the date {future} is in the "
        "future. Nothing was recorded.",
        "Type the day they signed, as 2026-11-30.",
    ]
    signed = _on_disk(Path(session.path), "s4")
    assert signed is not None and signed.date == _days_ago(2)
    assert session.undo_stack.count() == steps + 1


def test_escape_records_nothing_and_the_room_keeps_its_words(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    session = demo_window.session
    assert session is not None
    page = _charter(qtbot, demo_window)
    before = Path(session.path).read_bytes()

    def cancel(dialog: SignoffDialog) -> None:
        activate(qtbot, dialog)
        press(qtbot, TAB)
        _choose(qtbot, dialog.how, SignoffChannel.EMAIL)
        for _ in range(4):
            press(qtbot, TAB)
        assert focused() is dialog.email
        qtbot.keyClicks(focused(), "Half an email")
        press(qtbot, Qt.Key.Key_Escape)

    on_modal(SignoffDialog, cancel)
    _open_dialog_on(qtbot, page, "s5")
    assert Path(session.path).read_bytes() == before

    def in_the_room(dialog: SignoffDialog) -> None:
        activate(qtbot, dialog)
        assert dialog.how.currentData() == SignoffChannel.ROOM
        assert not dialog.day.isVisible() and not dialog.version.isVisible()
        assert cut_off(dialog) == []
        press(qtbot, TAB)
        press(qtbot, TAB)
        press(qtbot, TAB)
        assert focused() is dialog.comment
        qtbot.keyClicks(focused(), "Go ahead")
        press(qtbot, Qt.Key.Key_Return)

    on_modal(SignoffDialog, in_the_room)
    _open_dialog_on(qtbot, page, "s5")
    signed = _on_disk(Path(session.path), "s5")
    assert signed is not None and signed.channel is SignoffChannel.ROOM
    assert signed.date == dt.date.today().isoformat() and signed.comment == "Go ahead"
    row = _row(page, "s5")
    assert row.endswith(
        f"Approved on {signed.date}; signed version {signed.version} (this version)"
    )
    assert "Approved on 2026-11-10;" not in _row(page, "s1")  # no version recorded then
    assert _row(page, "s1").endswith("Approved on 2026-11-10")


def test_the_list_tooltip_labels_every_comment_of_a_review_form(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    session = demo_window.session
    assert session is not None
    page = charter_page(demo_window)
    form = Signoff(
        "s6",
        _days_ago(4),
        SignoffDecision.APPROVED,
        "Fine <by> me",
        version=charter_fingerprint(session.workshop),
        channel=SignoffChannel.FORM,
        signed_as="Samuel Adeyemi",
        comment_workflow="Keep the audit trail.",
        comment_adoption="Train the night shift too.",
    )
    assert session.push(undo.record_signoff(session, form, "Samuel Adeyemi")) is None
    assert "on their review form; signed version" in _row(page, "s6")
    assert _row(page, "s6", Qt.ItemDataRole.ToolTipRole) == (
        "<p><b>Comment:</b> Fine &lt;by&gt; me</p>"
        "<p><b>On the workflow:</b> Keep the audit trail.</p>"
        "<p><b>On the adoption plan:</b> Train the night shift too.</p>"
        "<p><b>Signed as:</b> Samuel Adeyemi</p>"
    )
    assert _row(page, "s7", Qt.ItemDataRole.ToolTipRole) is None  # not signed yet
