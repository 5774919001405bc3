"""A round of blind estimates on one laptop, full screen, keyboard only.

1. **Set up**: the candidates (several in a row), the facts, and who estimates: each person in
   turn, or paper slips the facilitator types without names.
2. **Hand over**: a cover fills the screen, "Hand the laptop to Priya — press Space"; it shows
   nobody's answers. Space opens her sheet; S skips someone who is not in the room.
3. **Answer**: one sheet per person (or slip) with the facts of each candidate; an empty field
   is a pass. Enter moves on, and hands the sheet in from the last field; nothing typed on an
   earlier sheet is ever shown on a later one.
4. **Reveal** (R, once everyone has answered): the round is recorded as one undo step; each
   fact shows its answers as dots with the median, the lowest and the highest (who gave them
   explain first), the spread in words and whether the room disagrees. M takes the median, V
   another value with a reason (both logged with the round's figures), N asks again (the next
   round), Escape closes.

The projector shows only how many have answered until the reveal (:class:`RoundPicture`, sent
with :attr:`EstimationDialog.pictureChanged`), then the reveal of the fact's candidate.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from workshop_app.domain.estimates import FACT_NAMES, shown, unit_words
from workshop_app.domain.model import EstimateFact
from workshop_app.ui import undo
from workshop_app.ui.estimation_pages import ENTER, CoverPage, SheetPage, ctrl_enter
from workshop_app.ui.estimation_reveal import OtherValueDialog, RevealPage, RevealRow
from workshop_app.ui.estimation_round import (
    FACT_WORDS,
    EstimationRound,
    RoundPlan,
    candidate_name,
    person_name,
    picture_of,
    round_title,
)
from workshop_app.ui.estimation_setup import SetupPage
from workshop_app.ui.session import Session

# ---------------------------------------------------------------- the dialog


class EstimationDialog(QDialog):
    """A round of blind estimates, from its set-up to the values taken, full screen.

    Signals:
        pictureChanged(object): what the projector should show now (a :class:`RoundPicture`),
            or None when the round is over and the projector goes back to the stage.

    Attributes:
        round: the round running, or None while it is being set up.
        revealed: whether the round's answers are recorded and shown.
    """

    pictureChanged = Signal(object)

    def __init__(
        self, session: Session, current: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("estimation")
        self.setWindowTitle("Blind estimates")
        self.round: EstimationRound | None = None
        self.revealed = False
        self._slip = 0
        self._row: RevealRow | None = None
        self._taken: set[tuple[str, EstimateFact]] = set()
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.addWidget(self.pages)
        self.setup = SetupPage(session.workshop, current, self.pages)
        self.cover = CoverPage(self.pages)
        self.sheet = SheetPage(self.pages)
        self.reveal = RevealPage(self.pages)
        for page in (self.setup, self.cover, self.sheet, self.reveal):
            self.pages.addWidget(page)
        self.setup.start.clicked.connect(self.start)
        self.setup.cancel.clicked.connect(self.reject)
        self.sheet.done.clicked.connect(self.hand_in)
        self.reveal.take_median.clicked.connect(self.take_median)
        self.reveal.take_other.clicked.connect(self.take_other)
        self.reveal.again.clicked.connect(self.ask_again)
        self.reveal.close_button.clicked.connect(self.accept)
        session.refused.connect(self._on_refused)
        # Full screen on the editor's screen; the geometry too, for a desktop without a window
        # manager to honour the state: nothing of the Rank page may show around a sheet.
        screen = (parent or self).screen()
        self.setGeometry(screen.geometry())
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.setup.candidates.setFocus()

    # ------------------------------------------------------------------ the steps
    def start(self) -> None:
        plan = self.setup.plan()
        if isinstance(plan, str):
            self.setup.show_problem(plan)
            return
        self.round = EstimationRound(self.session.workshop, plan)
        self.revealed = False
        self._slip = 0
        self._next_turn()

    def _next_turn(self) -> None:
        """The cover for the next person, or for the reveal once everyone has answered."""
        current = self.round
        assert current is not None
        names = ", ".join(self._candidate_names())
        if current.plan.slips:
            typed = current.answered
            self.cover.set_words(
                "Paper slips" if not typed else f"Slip {typed} is in.",
                f"Type slip {typed + 1}: press Space."
                if typed
                else "Press Space to type the first slip.",
                f"{round_title(current.rounds)} of {names}. {typed} typed so far.",
                "Space: the next slip · R: reveal the answers · Esc: stop the round",
            )
        elif current.finished:
            self.cover.set_words(
                "Everyone has answered.",
                "Hand the laptop back to the facilitator.",
                f"{self._progress_words()} Press R to reveal the answers to the room.",
                "R: reveal · Esc: stop the round",
            )
        else:
            person = person_name(self.session.workshop, current.next_person)
            self.cover.set_words(
                f"Hand the laptop to {person}",
                "— press Space when you have it.",
                f"{round_title(current.rounds)} of {names}. {self._progress_words()}",
                f"Space: {person}'s sheet · S: skip {person} (not here) · Esc: stop the round",
            )
        self.pages.setCurrentWidget(self.cover)
        self.cover.setFocus()
        self._send_picture()

    def _progress_words(self) -> str:
        picture = picture_of(self.session.workshop, self.round) if self.round else None
        return "" if picture is None else picture.progress_words() + "."

    def _candidate_names(self) -> list[str]:
        assert self.round is not None
        workshop = self.session.workshop
        return [candidate_name(workshop, cid) for cid in self.round.plan.candidate_ids]

    def open_sheet(self) -> None:
        current = self.round
        assert current is not None
        if current.plan.slips:
            heading = f"Slip {current.answered + 1}"
            self.sheet.lead.setText(
                "Type the slip as written; leave a field empty where it passes. Enter moves on."
            )
        else:
            name = person_name(self.session.workshop, current.next_person)
            heading = f"{name}'s estimates"
            self.sheet.lead.setText(
                "Only you see this screen. Type your own estimate; leave a field empty to "
                "pass. Enter moves on, and hands your sheet in from the last field."
            )
        self.sheet.heading.setText(heading)
        self.sheet.build(self.session.workshop, current.plan)
        self.pages.setCurrentWidget(self.sheet)
        first = self.sheet.first()
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def hand_in(self) -> None:
        current = self.round
        assert current is not None
        who = None if current.plan.slips else current.next_person
        read = self.sheet.read(who)
        if isinstance(read, tuple):
            field, problem = read
            self.sheet.show_message(problem)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.sheet.area.ensureWidgetVisible(field)
            return
        current.hand_in(read)
        self.sheet.build(self.session.workshop, RoundPlan((), ()))  # nothing left on screen
        self._next_turn()

    def skip(self) -> None:
        current = self.round
        if current is None or current.plan.slips or current.finished:
            return
        person = current.next_person
        assert person is not None
        current.skip(person)
        self._next_turn()

    def reveal_answers(self) -> None:
        """Record the round (one undo step) and show it."""
        current = self.round
        assert current is not None
        if not current.sheets:
            self.cover.progress.setText("Nobody has answered yet: there is nothing to reveal.")
            return
        names = ", ".join(self._candidate_names())
        refusal = self.session.push(
            undo.add_estimates(
                self.session, current.estimates(), f"{round_title(current.rounds)} of {names}"
            )
        )
        if refusal:
            self.cover.progress.setText(refusal)
            return
        self.revealed = True
        self.reveal.build(self.session.workshop, current)
        self._refresh_statuses()
        self.pages.setCurrentWidget(self.reveal)
        for row in self.reveal.rows:
            row.installEventFilter(self)
            row.moved.connect(self._move_row)
        if self.reveal.rows:
            self.reveal.rows[0].setFocus(Qt.FocusReason.OtherFocusReason)
            self._row = self.reveal.rows[0]
        self._send_picture()

    def ask_again(self) -> None:
        """The next round: the same candidates, facts and people."""
        current = self.round
        if current is None or not self.revealed:
            return
        self.round = EstimationRound(self.session.workshop, current.plan)
        self.revealed = False
        self._row = None
        self._taken = set()
        self._next_turn()

    # ------------------------------------------------------------------ taking a value
    def _focused_row(self) -> RevealRow | None:
        return self._row

    def _name_of(self, candidate_id: str) -> str:
        return candidate_name(self.session.workshop, candidate_id)

    def take_median(self) -> None:
        row = self._focused_row()
        if row is None or row.summary is None:
            self.reveal.show_message("Everyone passed on this fact: there is no median to take.")
            return
        median = row.summary.median
        if row.fact is EstimateFact.PAIN and median.denominator != 1:
            self.reveal.show_message(
                f"The median pain is {shown(median)}, not a whole number: take "
                f"{int(median)} or {int(median) + 1} with another value (V) and say why."
            )
            return
        self._adopt(row, float(median), "")

    def take_other(self) -> None:
        row = self._focused_row()
        if row is None or row.summary is None:
            self.reveal.show_message(
                "Everyone passed on this fact: there is no round to take from."
            )
            return
        title = f"{FACT_WORDS[row.fact]} of {self._name_of(row.candidate_id)}"
        dialog = OtherValueDialog(title, row.summary, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            row.setFocus()
            return
        value, reason = dialog.values()
        row.setFocus()
        if value is None:
            self.reveal.show_message("Type a number to take.")
            return
        self._adopt(row, value, reason)

    def _adopt(self, row: RevealRow, value: float, reason: str) -> None:
        assert row.summary is not None
        refusal = self.session.push(
            undo.adopt_estimate(
                self.session,
                row.candidate_id,
                row.fact,
                value,
                reason,
                row.summary.round,
                f"{FACT_NAMES[row.fact]} of {self._name_of(row.candidate_id)}",
            )
        )
        if refusal:
            self.reveal.show_message(refusal)
            return
        self.reveal.show_message("")
        self._taken.add((row.candidate_id, row.fact))
        self._refresh_statuses()

    def _refresh_statuses(self) -> None:
        """Each row says the candidate's value of its fact now, and whether it was taken."""
        workshop = self.session.workshop
        for row in self.reveal.rows:
            candidate = workshop.candidate(row.candidate_id)
            if candidate is None:
                row.set_status("")
                continue
            value = {
                EstimateFact.OCCURRENCES: candidate.frequency.count,
                EstimateFact.MINUTES: candidate.minutes_per_occurrence,
                EstimateFact.PAIN: candidate.pain,
            }[row.fact]
            period = candidate.frequency.per if row.fact is EstimateFact.OCCURRENCES else None
            unit = unit_words(row.fact, period)
            now = "not estimated" if value is None else f"{shown(Fraction(str(value)))}{unit}"
            taken = (row.candidate_id, row.fact) in self._taken
            row.set_status(("Taken: " if taken else "In the workshop now: ") + now)

    # ------------------------------------------------------------------ the projector
    def _send_picture(self) -> None:
        if self.round is None:
            return
        shown_candidate = None
        if self.revealed:
            row = self._focused_row()
            shown_candidate = (
                row.candidate_id if row is not None else self.round.plan.candidate_ids[0]
            )
        self.pictureChanged.emit(picture_of(self.session.workshop, self.round, shown_candidate))

    def done(self, result: int) -> None:
        self.pictureChanged.emit(None)
        super().done(result)

    def _on_refused(self, text: str) -> None:
        if self.pages.currentWidget() is self.reveal:
            self.reveal.show_message(text)

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A reveal row that takes the focus becomes the one M and V act on."""
        if (
            isinstance(watched, RevealRow)
            and event.type() == QEvent.Type.FocusIn
            and self._row is not watched
        ):
            self._row = watched
            self.reveal.area.ensureWidgetVisible(watched)
            self._send_picture()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        page = self.pages.currentWidget()
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape:
            self._escape()
            return
        if page is self.setup and ctrl_enter(event):
            self.start()
            return
        if page is self.sheet and ctrl_enter(event):
            self.hand_in()
            return
        if page is self.cover and self.round is not None:
            if key == Qt.Key.Key_Space and not self.round.finished:
                self.open_sheet()
                return
            if key == Qt.Key.Key_S and not self.round.plan.slips:
                self.skip()
                return
            if key == Qt.Key.Key_R and (self.round.finished or self.round.plan.slips):
                self.reveal_answers()
                return
        if page is self.reveal:
            actions = {
                Qt.Key.Key_M: self.take_median,
                Qt.Key.Key_V: self.take_other,
                Qt.Key.Key_N: self.ask_again,
            }
            if key in actions and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                actions[key]()
                return
        if key in ENTER and page is not self.setup:
            return  # Enter never closes the dialog by accident
        super().keyPressEvent(event)

    def _move_row(self, step: int) -> None:
        rows = self.reveal.rows
        if not rows:
            return
        place = rows.index(self._row) if self._row in rows else 0
        rows[min(max(place + step, 0), len(rows) - 1)].setFocus(Qt.FocusReason.TabFocusReason)

    def _escape(self) -> None:
        page = self.pages.currentWidget()
        if page is self.setup or page is self.reveal or self.round is None:
            self.reject() if page is self.setup else self.accept()
            return
        typed = self.round.answered
        if typed:
            answer = QMessageBox.question(
                self,
                "Stop the round?",
                f"Stop this round? The {typed} answer{'' if typed == 1 else 's'} typed so far "
                "will be dropped; nothing is recorded.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.reject()
