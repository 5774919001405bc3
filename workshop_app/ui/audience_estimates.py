"""The projector during a round of blind estimates: before the reveal only how many have answered
and who is still to (never a number); after it, the reveal of one candidate, a dot strip per
fact with the spread in words and who explains first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from workshop_app.domain.model import Workshop
from workshop_app.ui.audience_parts import Board, clear, label, set_tone
from workshop_app.ui.dot_strip import DotStrip
from workshop_app.ui.estimation_round import FACT_WORDS, RoundPicture, ends_words

#: The strips' numbers at 1920 × 1080, in pixels.
STRIP_TEXT = 24


class EstimatesBoard(Board):
    """What the room sees of a round of blind estimates.

    Attributes:
        picture: the round as last shown.
        progress: the big line: "3 of 5 have answered".
        strips: the dot strips of the reveal, one per fact.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture: RoundPicture | None = None
        self.title = label("", "audienceTitle", self)
        self.about = label("", "audienceStrip", self)
        self.progress = label("", "audienceBig", self)
        self.people = label("", "audienceRoundPeople", self)
        self.column.addWidget(self.title)
        self.column.addWidget(self.about)
        self.column.addWidget(self.progress)
        self.column.addWidget(self.people)
        self._grid = QGridLayout()
        self.column.addLayout(self._grid)
        self.column.addStretch(1)
        self.strips: list[DotStrip] = []
        self._texts: list[QLabel] = []

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        """A round is shown from its picture (:meth:`set_picture`), not from the workshop."""

    def set_unit(self, unit: float) -> None:
        super().set_unit(unit)
        self._grid.setHorizontalSpacing(round(32 * unit))
        self._grid.setVerticalSpacing(round(8 * unit))
        for strip in self.strips:
            strip.set_pixel_size(round(STRIP_TEXT * unit))

    def set_picture(self, picture: RoundPicture) -> None:
        """Show the round as ``picture`` says: its progress, or its reveal."""
        self.picture = picture
        clear(self._grid)
        self.strips, self._texts = [], []
        candidates = ", ".join(picture.candidates)
        if not picture.revealed:
            self.title.setText(picture.title)
            self.about.setText(f"Estimating: {candidates}. Each person answers alone, unseen.")
            self.progress.setText(picture.progress_words())
            lines = []
            if picture.answered_names:
                lines.append("Answered: " + ", ".join(picture.answered_names))
            if picture.waiting_names:
                lines.append("Still to answer: " + ", ".join(picture.waiting_names))
            self.people.setText("\n".join(lines))
            self.people.setHidden(not lines)
            self.progress.show()
            return
        self.title.setText(f"{picture.title}: {picture.revealed_name}")
        self.about.setText("Revealed. The lowest and the highest explain first.")
        self.progress.hide()
        self.people.hide()
        names = dict(picture.names)
        for place, (fact, summary) in enumerate(picture.revealed):
            fact_label = label(FACT_WORDS[fact], "audienceSection", self)
            strip = DotStrip(self)
            strip.set_pixel_size(round(STRIP_TEXT * self.unit))
            strip.set_summary(summary)
            words = "Everyone passed." if summary is None else summary.spread_words
            ends = "" if summary is None else ends_words(summary, names)
            text = label(words + (f"\n{ends}" if ends else ""), "audienceRoundWords", self)
            if summary is not None and summary.disagreement:
                set_tone(text, "warning")
            self._grid.addWidget(fact_label, 2 * place, 0)
            self._grid.addWidget(strip, 2 * place, 1)
            self._grid.addWidget(text, 2 * place + 1, 1)
            self.strips.append(strip)
            self._texts.append(text)
        self._grid.setColumnStretch(1, 1)
