"""A round of blind estimates, by keyboard only: the covers, the sheets nobody else sees, the
projector showing only how many have answered, the reveal, taking the median or another value
with a reason, a second round, paper slips; and the file on disk after each."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.driving import activate, focused, on_modal, press, when_modal
from workshop_app.domain.changes import Part
from workshop_app.domain.model import Candidate, DecisionKind, EstimateFact, Frequency, Period
from workshop_app.domain.ranking import rank_candidates
from workshop_app.domain.stage import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui import undo
from workshop_app.ui.audience import AudienceView
from workshop_app.ui.audience_estimates import EstimatesBoard
from workshop_app.ui.estimation import EstimationDialog, OtherValueDialog, RevealRow
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.rank import RankPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
#: Each person's sheet for the chosen demo workflow: how many times a day, minutes, pain.
SHEETS = {
    "Margaret Okafor": ("61", "17", "4"),
    "Daniel Reyes": ("29", "43", ""),  # passes on pain
    "Priya Nair": ("13", "88", "5"),
}


def on_round(act: Callable[[EstimationDialog], None]) -> None:
    """Once the round's dialog is up, ``act`` on it (a failure closes it)."""
    on_modal(EstimationDialog, act)


def texts(view: AudienceView) -> str:
    """What the projector's round board says, its painted strips' numbers included."""
    board = view.round_board
    assert board is not None and board.isVisibleTo(view)
    words = [label.text() for label in board.findChildren(QLabel) if label.isVisibleTo(view)]
    strips = [strip.accessibleDescription() for strip in board.strips]
    return "\n".join(words + strips)


def type_text(qtbot: QtBot, text: str) -> None:
    if text:
        qtbot.keyClicks(focused(), text)


def present(qtbot: QtBot, window: MainWindow) -> AudienceView:
    window.set_presentation(True, full_screen=False)
    view = window.audience.presented
    assert isinstance(view, AudienceView)
    return view


def rank_page(qtbot: QtBot, window: MainWindow) -> RankPage:
    window.show_stage(Stage.RANK)
    page = window.pages[Stage.RANK]
    assert isinstance(page, RankPage)
    page.focus_first()
    page.select("c1")
    return page


def keep_only_first(qtbot: QtBot, count: int) -> None:
    """In the people list (focused): untick everyone after the first ``count``."""
    people = focused()
    total = people.count()  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Home)
    for row in range(total):
        if row >= count:
            press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Down)


def tab_to(qtbot: QtBot, name: str) -> None:
    for _ in range(20):
        if focused().objectName() == name:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {name}")


def test_a_blind_round_by_keyboard_shows_the_room_no_number_before_the_reveal(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    window = demo_window
    view = present(qtbot, window)
    window.set_presentation(False)  # the editor again; the view keeps following
    page = rank_page(qtbot, window)
    session = page.session
    before = len(session.workshop.estimates)
    logged_before = sum(1 for d in session.workshop.decisions if d.kind == DecisionKind.ESTIMATED)
    seen_by_room: list[str] = []
    covers: list[str] = []

    def round_(dialog: object) -> None:
        assert isinstance(dialog, EstimationDialog)
        activate(qtbot, dialog)
        assert dialog.isFullScreen() or dialog.windowState() & Qt.WindowState.WindowFullScreen
        tab_to(qtbot, "roundPeople")
        keep_only_first(qtbot, 3)
        press(qtbot, Qt.Key.Key_Return, CTRL)  # start
        for name, (count, minutes, pain) in SHEETS.items():
            covers.append(dialog.cover.heading.text())
            assert dialog.pages.currentWidget() is dialog.cover
            view.refresh()
            seen_by_room.append(texts(view))
            press(qtbot, Qt.Key.Key_Space)
            assert dialog.sheet.heading.text() == f"{name}'s estimates"
            # A fresh sheet: nothing typed by the one before shows.
            assert all(not edit.text() for edit in dialog.sheet.findChildren(type(focused())))
            type_text(qtbot, count)
            press(qtbot, Qt.Key.Key_Return)  # to the period: a day, as the candidate's
            press(qtbot, Qt.Key.Key_Return)
            type_text(qtbot, minutes)
            press(qtbot, Qt.Key.Key_Return)
            type_text(qtbot, pain)
            press(qtbot, Qt.Key.Key_Return)  # the last field hands the sheet in
            assert len(session.workshop.estimates) == before  # nothing recorded yet
        assert dialog.cover.heading.text() == "Everyone has answered."
        view.refresh()
        seen_by_room.append(texts(view))
        press(qtbot, Qt.Key.Key_R)
        assert dialog.pages.currentWidget() is dialog.reveal
        rows = dialog.reveal.rows
        assert [row.fact for row in rows] == list(EstimateFact)
        assert isinstance(focused(), RevealRow) and focused() is rows[0]
        view.refresh()
        seen_by_room.append(texts(view))
        press(qtbot, Qt.Key.Key_Down)  # minutes
        assert focused() is rows[1]
        press(qtbot, Qt.Key.Key_M)  # the median: 43
        press(qtbot, Qt.Key.Key_Down)  # pain: 4 and 5, median 4.5 — not a whole pain
        press(qtbot, Qt.Key.Key_M)
        assert "not a whole number" in dialog.reveal.message.text()

        def other(box: object) -> None:
            assert isinstance(box, OtherValueDialog)
            activate(qtbot, box)
            assert focused().objectName() == "otherValueNumber"
            qtbot.keyClicks(focused(), "\b\b\b5")
            press(qtbot, Qt.Key.Key_Return)  # to the reason
            qtbot.keyClicks(focused(), "Priya handles the complaints when quotes are late")
            press(qtbot, Qt.Key.Key_Return)

        when_modal(OtherValueDialog, other)
        press(qtbot, Qt.Key.Key_V)
        activate(qtbot, dialog)
        assert rows[2].status.text() == "Taken: 5"
        assert rows[1].status.text() == "Taken: 43 minutes"
        press(qtbot, Qt.Key.Key_Escape)

    on_round(round_)
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)

    assert covers == [f"Hand the laptop to {name}" for name in SHEETS]
    for typed in [value for sheet in SHEETS.values() for value in sheet if value]:
        for picture in seen_by_room[:-1]:  # every picture before the reveal
            said = re.sub(r"\d of 3 ha(s|ve) answered", "", picture)
            assert typed not in said, f"the projector showed {typed} before the reveal"
    assert "0 of 3 have answered" in seen_by_room[0]
    assert "2 of 3 have answered" in seen_by_room[2]
    assert "3 of 3 have answered" in seen_by_room[3]
    assert "median 43" in seen_by_room[-1] or "median 29" in seen_by_room[-1]
    assert isinstance(view.round_board, EstimatesBoard)
    assert view.picture is None  # the projector is back on the stage

    # On disk: the nine answers (a pass among them), the two facts taken, each logged.
    with WorkshopFile.open(demo_file, read_only=True) as reopened:
        workshop = reopened.workshop
    answers = workshop.estimates[before:]
    assert len(answers) == 9
    assert {a.round for a in answers} == {answers[0].round}
    people = {s.id: s.name for s in workshop.stakeholders}
    pain = {people[a.who]: a.value for a in answers if a.fact == EstimateFact.PAIN and a.who}
    assert pain == {"Margaret Okafor": 4, "Daniel Reyes": None, "Priya Nair": 5}
    counts = [a for a in answers if a.fact == EstimateFact.OCCURRENCES]
    assert {a.per for a in counts} == {Period.DAY}
    chosen = workshop.candidate("c1")
    assert chosen is not None
    assert chosen.minutes_per_occurrence == 43 and chosen.pain == 5
    assert chosen.frequency.count == 55  # not taken: unchanged
    logged = [d for d in workshop.decisions if d.kind == DecisionKind.ESTIMATED][logged_before:]
    assert len(logged) == 2
    assert all(f"from round {answers[0].round} " in d.reason for d in logged)
    assert "Median taken" in logged[0].reason
    assert "instead of the median 4.5: Priya handles the complaints" in logged[1].reason


def test_paper_slips_take_no_names_and_a_second_round_follows(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    page = rank_page(qtbot, demo_window)
    session = page.session
    before = len(session.workshop.estimates)
    rounds: list[int] = []

    def slips(dialog: object) -> None:
        assert isinstance(dialog, EstimationDialog)
        activate(qtbot, dialog)
        tab_to(qtbot, "roundFacts")
        press(qtbot, Qt.Key.Key_Home)
        press(qtbot, Qt.Key.Key_Space)  # not how often
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Space)  # not pain: minutes only
        tab_to(qtbot, "roundMode")  # each person in turn, or paper slips
        press(qtbot, Qt.Key.Key_Down)  # paper slips
        press(qtbot, Qt.Key.Key_Return, CTRL)
        for _round in range(2):
            for minutes in ("10", "12", "40"):
                press(qtbot, Qt.Key.Key_Space)
                assert dialog.sheet.heading.text().startswith("Slip ")
                type_text(qtbot, minutes)
                press(qtbot, Qt.Key.Key_Return)
            assert dialog.cover.heading.text() == "Slip 3 is in."
            press(qtbot, Qt.Key.Key_R)
            row = dialog.reveal.rows[0]
            assert row.summary is not None
            rounds.append(row.summary.round)
            assert row.summary.median == Fraction(12) and row.summary.disagreement
            assert "the room disagrees" in row.words.text()
            if _round == 0:
                press(qtbot, Qt.Key.Key_N)  # ask again
        press(qtbot, Qt.Key.Key_Escape)

    on_round(slips)
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert rounds[1] == rounds[0] + 1
    answers = session.workshop.estimates[before:]
    assert len(answers) == 6
    assert all(a.who is None and a.fact == EstimateFact.MINUTES for a in answers)
    assert sorted(a.value for a in answers if a.round == rounds[0]) == [10, 12, 40]


def test_a_sheet_refuses_what_cannot_be_an_answer_and_stopping_drops_the_round(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = rank_page(qtbot, demo_window)
    session = page.session
    before = (len(session.workshop.estimates), session.undo_stack.count())
    problems: list[str] = []

    def round_(dialog: object) -> None:
        assert isinstance(dialog, EstimationDialog)
        activate(qtbot, dialog)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Return)  # count: pass
        press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, "0")  # minutes must be more than 0
        press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, "7")  # pain is 1 to 5
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.pages.currentWidget() is dialog.sheet
        problems.extend([dialog.sheet.message.text(), focused().objectName()])
        press(qtbot, Qt.Key.Key_Backspace)
        type_text(qtbot, "9")
        press(qtbot, Qt.Key.Key_Return)  # on to pain
        press(qtbot, Qt.Key.Key_Return)
        problems.extend([dialog.sheet.message.text(), focused().objectName()])
        press(qtbot, Qt.Key.Key_Backspace)
        type_text(qtbot, "3")
        press(qtbot, Qt.Key.Key_Return, CTRL)  # handed in
        assert dialog.pages.currentWidget() is dialog.cover

        def stop(box: object) -> None:
            assert isinstance(box, QMessageBox)
            assert "1 answer typed so far" in box.text()
            box.button(QMessageBox.StandardButton.Yes).click()

        when_modal(QMessageBox, stop)
        press(qtbot, Qt.Key.Key_Escape)

    on_round(round_)
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert problems == [
        "A minutes estimate must be more than 0, got 0.",
        "answer_c1_minutes",
        "A pain estimate must be a whole number 1 to 5, got 7.",
        "answer_c1_pain",
    ]
    assert (len(session.workshop.estimates), session.undo_stack.count()) == before
    assert QApplication.activeModalWidget() is None


def test_the_rank_page_says_what_the_room_estimated_for_the_current_candidate(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = rank_page(qtbot, demo_window)
    page.select("c1")
    assert (
        "Blind estimates: Minutes each time, round 1 of 1: 5 numbers and 1 pass; 8 to 24 "
        "minutes, median 22; the room disagreed." in page.details.text()
    )
    page.select("c6")
    assert "Blind estimates" not in page.details.text()


def test_a_candidate_awaiting_estimates_is_ranked_once_the_room_has_estimated_it(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = rank_page(qtbot, demo_window)
    session = page.session
    waiting = Candidate("c9", "Check returns", frequency=Frequency(None, Period.DAY))
    waiting.minutes_per_occurrence = waiting.pain = None
    session.push(undo.add_item(session, Part.CANDIDATES, waiting, None, "Add"))
    page.select("c9")
    assert page.model.row_of("c9") >= 0  # listed, not ranked
    assert "not ranked" in page.details.text()
    assert all(row.candidate.id != "c9" for row in rank_candidates(session.workshop.candidates))

    def round_(dialog: EstimationDialog) -> None:
        activate(qtbot, dialog)
        assert dialog.setup.candidates.values() == ["c9"]
        tab_to(qtbot, "roundPeople")
        keep_only_first(qtbot, 2)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        for count, minutes, pain in (("20", "10", "4"), ("30", "14", "4")):
            press(qtbot, Qt.Key.Key_Space)
            type_text(qtbot, count)
            press(qtbot, Qt.Key.Key_Return)
            press(qtbot, Qt.Key.Key_Return)
            type_text(qtbot, minutes)
            press(qtbot, Qt.Key.Key_Return)
            type_text(qtbot, pain)
            press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_R)
        for _fact in EstimateFact:
            press(qtbot, Qt.Key.Key_M)
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Escape)

    on_round(round_)
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    estimated = session.workshop.candidate("c9")
    assert estimated is not None and estimated.estimated
    assert (estimated.frequency.count, estimated.minutes_per_occurrence, estimated.pain) == (
        25,
        12,
        4,
    )
    assert any(row.candidate.id == "c9" for row in rank_candidates(session.workshop.candidates))
    assert "Blind estimates: How often, round 1 of 1" in page.details.text()
