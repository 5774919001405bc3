"""What broke when a new facilitator ran a workshop with the keyboard alone (issue 10, points
1 to 8): each key goes to the focused widget, as it would on a desktop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListView,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.driving import (
    activate,
    answer_with_keys,
    focused,
    holds_focus,
    press,
    reach,
    welcome_window,
    when_modal,
)
from workshop_app.domain.model import Symptom
from workshop_app.domain.stage import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.date_field import DateField
from workshop_app.ui.forms import CheckList
from workshop_app.ui.main_window import STAGES, MainWindow
from workshop_app.ui.settings import Settings
from workshop_app.ui.shortcuts import ShortcutHelp

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

Opener = Callable[[Path], MainWindow]


def stored(path: Path) -> dict[str, object]:
    """The workshop as the file on disk holds it (read back, never from memory)."""
    from workshop_app.domain.document import workshop_to_document

    with WorkshopFile.open(path, read_only=True) as opened:
        return workshop_to_document(opened.workshop)


def go_to(qtbot: QtBot, stage: Stage) -> None:
    """Ctrl+1 … Ctrl+8, pressed on whatever has the focus."""
    press(qtbot, getattr(Qt.Key, f"Key_{STAGES.index(stage) + 1}"), CTRL)


def start_on_navigator(qtbot: QtBot, window: MainWindow) -> None:
    window.navigator.setFocus()
    qtbot.waitUntil(lambda: holds_focus(window.navigator))


# ---------------------------------------------------------------- 1. redo by key
def test_redo_answers_both_of_its_keys(qtbot: QtBot, open_window: Opener, empty_file: Path) -> None:
    window = open_window(empty_file)
    session = window.session
    assert session is not None
    form = window.pages[Stage.SETUP].details  # type: ignore[attr-defined]
    title = form.widgets["title"]
    reach(qtbot, form, title)
    press(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(focused(), " for Acme")
    press(qtbot, Qt.Key.Key_Tab)  # commits the title
    assert stored(empty_file)["workshop"]["title"] == "Untitled workshop for Acme"  # type: ignore[index]
    start_on_navigator(qtbot, window)
    for key, modifiers in ((Qt.Key.Key_Z, CTRL | SHIFT), (Qt.Key.Key_Y, CTRL)):
        press(qtbot, Qt.Key.Key_Z, CTRL)
        assert session.workshop.info.title == "Untitled workshop"
        press(qtbot, key, modifiers)
        assert session.workshop.info.title == "Untitled workshop for Acme"
    assert stored(empty_file)["workshop"]["title"] == "Untitled workshop for Acme"  # type: ignore[index]


# ---------------------------------------------------------------- 2. the help fits the screen
def test_f1_opens_a_help_that_fits_the_screen_and_closes_with_escape(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    start_on_navigator(qtbot, demo_window)
    seen: list[bool] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ShortcutHelp) or not dialog.isVisible():
            QTimer.singleShot(10, look_and_close)
            return
        seen.append(dialog.screen().availableGeometry().contains(dialog.frameGeometry()))
        # As wide as the table's longest row, or most of a screen too narrow for it.
        unwrapped = QTextDocument()
        unwrapped.setDefaultFont(dialog.browser.font())
        unwrapped.setHtml(dialog.text)
        wanted = min(unwrapped.idealWidth(), 0.7 * dialog.screen().availableGeometry().width())
        seen.append(dialog.browser.viewport().width() >= wanted)
        # The dialog's own focus widget: offscreen, the dialog is not made the active window.
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look_and_close)
    press(qtbot, Qt.Key.Key_F1)
    assert seen == [True, True]
    assert QApplication.activeModalWidget() is None


# ---------------------------------------------------------------- 3. Ctrl+Enter on any page
def test_ctrl_enter_adds_to_the_page_list_wherever_the_focus_is(
    qtbot: QtBot, open_window: Opener, empty_file: Path
) -> None:
    window = open_window(empty_file)
    session = window.session
    assert session is not None
    start_on_navigator(qtbot, window)

    go_to(qtbot, Stage.DIAGNOSE)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert len(session.workshop.problems) == 1
    assert isinstance(focused().parentWidget().parentWidget(), QTableView)  # typing in a cell
    qtbot.keyClicks(focused(), "Invoices arrive late")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)

    go_to(qtbot, Stage.SETUP)  # the focus goes to the workshop's title, outside the list
    assert focused() is window.pages[Stage.SETUP].details.widgets["title"]  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert len(session.workshop.stakeholders) == 1

    go_to(qtbot, Stage.ADOPTION)
    press(qtbot, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert len(session.workshop.risks) == 1
    document = stored(empty_file)
    assert document["problems"][0]["title"] == "Invoices arrive late"  # type: ignore[index]
    assert len(document["stakeholders"]) == 1  # type: ignore[arg-type]


def test_ctrl_enter_adds_to_the_list_that_has_the_focus(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    session = demo_window.session
    assert session is not None
    start_on_navigator(qtbot, demo_window)
    go_to(qtbot, Stage.DIAGNOSE)
    page = demo_window.pages[Stage.DIAGNOSE]
    attempts = page.attempts  # type: ignore[attr-defined]
    before = (len(session.workshop.problems), len(session.workshop.prior_attempts))
    assert holds_focus(page.problems)  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # the next tab: earlier attempts
    assert attempts.isVisible()
    for _ in range(10):
        if holds_focus(attempts):
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert holds_focus(attempts), "Tab does not reach the list on the tab shown"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert (len(session.workshop.problems), len(session.workshop.prior_attempts)) == (
        before[0],
        before[1] + 1,
    )


# ---------------------------------------------------------------- 4. tick lists keep their place
def test_ticks_go_where_the_keys_say_and_the_place_is_kept(
    qtbot: QtBot, open_window: Opener, empty_file: Path
) -> None:
    window = open_window(empty_file)
    start_on_navigator(qtbot, window)
    go_to(qtbot, Stage.DIAGNOSE)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(focused(), "Invoices arrive late")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)
    form = window.pages[Stage.DIAGNOSE].problems.form  # type: ignore[attr-defined]
    checks = form.widgets["symptoms"]
    assert isinstance(checks, CheckList)
    reach(qtbot, form, checks)
    order = [checks.item(row).data(Qt.ItemDataRole.UserRole) for row in range(checks.count())]

    press(qtbot, Qt.Key.Key_Space)  # the first entry is current as the focus arrives
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Space)  # the second again: off
    assert checks.currentRow() == 1
    wanted = [Symptom(order[0]).value, Symptom(order[2]).value]
    assert stored(empty_file)["problems"][0]["symptoms"] == wanted  # type: ignore[index]


# ---------------------------------------------------------------- 5. typed dates
def test_a_typed_date_is_stored_as_typed(
    qtbot: QtBot, open_window: Opener, empty_file: Path
) -> None:
    window = open_window(empty_file)
    session = window.session
    assert session is not None
    form = window.pages[Stage.SETUP].details  # type: ignore[attr-defined]
    date = form.widgets["date"]
    assert isinstance(date, DateField)

    reach(qtbot, form, date)
    qtbot.keyClicks(focused(), "2026-12-04")
    press(qtbot, Qt.Key.Key_Tab)
    assert stored(empty_file)["workshop"]["date"] == "2026-12-04"  # type: ignore[index]

    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is date
    qtbot.keyClicks(focused(), "20261205")  # the digits alone
    press(qtbot, Qt.Key.Key_Tab)
    assert stored(empty_file)["workshop"]["date"] == "2026-12-05"  # type: ignore[index]

    press(qtbot, Qt.Key.Key_Backtab)
    qtbot.keyClicks(focused(), "2026-02-30")  # no such day: refused, said on the field
    press(qtbot, Qt.Key.Key_Tab)
    assert stored(empty_file)["workshop"]["date"] == "2026-12-05"  # type: ignore[index]
    assert date.property("invalid") is True
    assert "date" in date.toolTip().lower()

    press(qtbot, Qt.Key.Key_Backtab)
    qtbot.keyClicks(focused(), "2026-12-05")
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Up)  # a day each
    assert stored(empty_file)["workshop"]["date"] == "2026-12-08"  # type: ignore[index]
    session.undo_stack.undo()  # the three steps are one undo
    assert session.workshop.info.date == "2026-12-05"


def test_a_date_field_shows_the_stored_date(demo_window: MainWindow) -> None:
    session = demo_window.session
    assert session is not None
    date = demo_window.pages[Stage.SETUP].details.widgets["date"]  # type: ignore[attr-defined]
    assert date.text() == session.workshop.info.date


# ---------------------------------------------------------------- 6. Tab leaves a table
def test_tab_leaves_every_table(qtbot: QtBot, demo_window: MainWindow) -> None:
    start_on_navigator(qtbot, demo_window)
    for stage in (Stage.CANDIDATES, Stage.RANK):
        go_to(qtbot, stage)
        table = demo_window.pages[stage].findChild(QTableView)
        assert table is not None
        table.setFocus()
        qtbot.waitUntil(lambda t=table: holds_focus(t))
        press(qtbot, Qt.Key.Key_Tab)
        assert not holds_focus(table), f"Tab stays in the {stage.value} table"
        press(qtbot, Qt.Key.Key_Backtab)
        assert holds_focus(table)


# ---------------------------------------------------------------- 7. focus you can see
def _pixels(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def _differing(a: QImage, b: QImage, by: int = 150) -> int:
    """Pixels that change clearly (not a shade of the same colour): the sum of the three
    channels moves by ``by`` or more (150: as from teal to orange, or white to dark)."""
    assert a.size() == b.size()
    count = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            change = abs(p.red() - q.red()) + abs(p.green() - q.green()) + abs(p.blue() - q.blue())
            count += change >= by
    return count


def _shows_focus(qtbot: QtBot, widget: QWidget, elsewhere: QWidget) -> int:
    elsewhere.setFocus()
    qtbot.waitUntil(lambda: not holds_focus(widget))
    without = _pixels(widget)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: holds_focus(widget))
    return _differing(without, _pixels(widget))


def test_the_focus_is_visible_where_it_was_not(
    qtbot: QtBot, demo_window: MainWindow, open_window: Opener
) -> None:
    window = demo_window
    outside = window.navigator
    candidates = window.pages[Stage.CANDIDATES]
    window.show_stage(Stage.CANDIDATES)
    editor = candidates.editor  # type: ignore[attr-defined]
    buttons = [b for b in editor.findChildren(QToolButton) if b.isVisible()]
    form = editor.form
    checks = form.widgets["problem_ids"]
    window.show_stage(Stage.CHARTER)
    signoffs = window.pages[Stage.CHARTER].findChild(QListView, "signoffList")
    window.show_stage(Stage.CANDIDATES)
    edge = 2 * 2  # at least a 2 px frame along two sides
    for widget in [editor.table, *buttons[:2], checks]:
        assert widget.isVisible()
        changed = _shows_focus(qtbot, widget, outside)
        assert changed >= edge * min(widget.width(), widget.height()), widget.objectName()
    window.show_stage(Stage.CHARTER)
    assert signoffs is not None
    assert _shows_focus(qtbot, signoffs, outside) >= edge * 20
    window.show_stage(Stage.CANDIDATES)
    assert _shows_focus(qtbot, outside, editor.table) >= edge * 20


def test_the_welcome_screen_shows_which_button_has_the_focus(
    qtbot: QtBot, settings: object, clock: object
) -> None:
    from workshop_app.ui.settings import Settings

    assert isinstance(settings, Settings)
    window = MainWindow(settings, None, clock=clock)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    main_button = window.welcome.new_button
    other = window.welcome.open_button
    assert _shows_focus(qtbot, main_button, other) >= 4 * main_button.height()


# ---------------------------------------------------------------- 12. the smaller things
def test_enter_on_new_workshop_asks_where_and_the_title_is_ready_to_be_typed_over(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    settings.set_last_folder(tmp_path)
    window = welcome_window(qtbot, settings)
    activate(qtbot, window)
    assert focused() is window.welcome.new_button
    target = tmp_path / "Kestrel.workshop"
    answer_with_keys(qtbot, QFileDialog, str(target))  # the path typed where the dialog asks
    press(qtbot, Qt.Key.Key_Return)
    assert target.exists()
    activate(qtbot, window)
    title = focused()
    assert title is window.pages[Stage.SETUP].details.widgets["title"]  # type: ignore[attr-defined]
    qtbot.keyClicks(title, "Kestrel kick-off")
    press(qtbot, Qt.Key.Key_Tab)
    assert stored(target)["workshop"]["title"] == "Kestrel kick-off"  # type: ignore[index]
    assert window.session is not None
    window.session.close()
    window.session = None


def test_per_day_is_found_by_typing_its_word_and_the_arrows_make_one_undo_step(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    session = demo_window.session
    assert session is not None
    start_on_navigator(qtbot, demo_window)
    go_to(qtbot, Stage.CANDIDATES)
    editor = demo_window.pages[Stage.CANDIDATES].editor  # type: ignore[attr-defined]
    combo = editor.form.widgets["frequency.per"]
    reach(qtbot, editor.form, combo)
    first = editor.current_id()
    press(qtbot, Qt.Key.Key_End)
    assert combo.currentText() == "per year"
    qtbot.keyClicks(combo, "d")
    QApplication.processEvents()
    assert combo.currentText() == "per day"
    press(qtbot, Qt.Key.Key_Tab)
    candidate = next(c for c in stored(demo_file)["candidates"] if c["id"] == first)  # type: ignore[union-attr]
    assert candidate["frequency"]["per"] == "day"

    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is combo
    steps = session.undo_stack.count()
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert combo.currentText() == "per quarter"
    assert session.undo_stack.count() == steps + 1  # three presses, one step
    session.undo_stack.undo()
    assert combo.currentText() == "per day"


def test_enter_on_a_name_records_their_sign_off_and_an_export_says_when_it_is_out_of_date(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    from workshop_app.ui.pages.charter import CharterPage
    from workshop_app.ui.signoff import SignoffDialog

    session = demo_window.session
    assert session is not None
    start_on_navigator(qtbot, demo_window)
    go_to(qtbot, Stage.CHARTER)
    page = demo_window.pages[Stage.CHARTER]
    assert isinstance(page, CharterPage)
    job = page.export_to(tmp_path / "charter.pdf")
    assert job is not None
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=60_000)
    assert "out of date" not in page.message.text()

    page.signoffs.setFocus()
    qtbot.waitUntil(lambda: holds_focus(page.signoffs))
    press(qtbot, Qt.Key.Key_Down)
    person = session.workshop.stakeholders[page.signoffs.currentIndex().row()]
    signed_before = len(session.workshop.signoffs)

    def accept(dialog: object) -> None:
        assert isinstance(dialog, SignoffDialog)
        assert dialog.person.currentData() == person.id
        dialog.accept()

    when_modal(SignoffDialog, accept)
    press(qtbot, Qt.Key.Key_Return)
    assert len(session.workshop.signoffs) == signed_before + 1 or any(
        s.stakeholder_id == person.id for s in session.workshop.signoffs
    )
    # A sign-off does not change the version (a signature does not change what is signed):
    # the stage lists it as news the exported PDF's sign-off page does not show yet.
    qtbot.waitUntil(lambda: f"{person.name} approved" in page.version_state.text())
    assert "Sign-offs since (export again to print them)" in page.version_state.text()
    assert page.version_state.property("warning") is False


def test_a_paused_timer_says_so(qtbot: QtBot, demo_window: MainWindow) -> None:
    timer = demo_window.timer
    start_on_navigator(qtbot, demo_window)
    running_look = timer.label.grab().toImage()
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert not timer.running
    assert timer.pause_button.text() == "Resume"
    paused_look = timer.label.grab().toImage()
    area = timer.label.width() * timer.label.height()
    assert _differing(running_look, paused_look, by=30) > area // 2  # another background
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert timer.pause_button.text() == "Pause"


def test_a_one_line_field_sits_level_with_its_label(demo_window: MainWindow) -> None:
    form = demo_window.pages[Stage.SETUP].details  # type: ignore[attr-defined]
    for name in ("title", "location", "facilitator"):
        field = form.widgets[name]
        label = next(
            label for label in form.findChildren(QLabel, "fieldLabel") if label.buddy() is field
        )
        field_top = field.mapTo(form, field.rect().topLeft()).y()
        label_top = label.mapTo(form, label.rect().topLeft()).y()
        assert abs(field_top - label_top) <= 4, name
