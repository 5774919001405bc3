"""The audience view's boards for the stages the room decides on: Rank (the matrix, the ranked
list, the recommendation and how sure the ranking is of its #1), Metrics (a card per metric)
and Follow-through (the verdicts).

Every number and verdict comes from the domain (:mod:`~workshop_app.domain.ranking`,
:mod:`~workshop_app.domain.progress`, :mod:`~workshop_app.domain.checkins`); the boards only
lay them out in large type.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from workshop_app.domain.changes import Part
from workshop_app.domain.checkins import MeetingState, next_meeting
from workshop_app.domain.matrix_layout import matrix_points
from workshop_app.domain.model import Candidate, CandidateStatus, Direction, Metric, Workshop
from workshop_app.domain.progress import Verdict, metric_progress, overall_progress
from workshop_app.domain.ranking import (
    AWAITING,
    Awaiting,
    Readiness,
    Scored,
    awaiting_estimates,
    rank_candidates,
    recommendation,
)
from workshop_app.domain.robustness import how_sure
from workshop_app.domain.stage import Stage
from workshop_app.domain.words import in_words
from workshop_app.ui.audience_parts import (
    Board,
    FittedText,
    Row,
    RowList,
    box,
    clear,
    figures,
    label,
    plural,
    set_tone,
    tag,
)
from workshop_app.ui.matrix import MatrixText, MatrixWidget
from workshop_app.ui.robustness_chart import RobustnessChart

#: Readiness → the colour of its tag.
READINESS_TONE = {
    Readiness.READY: "ok",
    Readiness.NEEDS_WORK: "warning",
    Readiness.BLOCKED: "danger",
}
#: Verdict → the colour of its tag.
VERDICT_TONE = {
    Verdict.ON_TRACK: "ok",
    Verdict.AT_RISK: "warning",
    Verdict.OFF_TRACK: "danger",
    Verdict.NO_DATA: "",
}
#: The pixel size of the matrix's names and scores on a 1920 × 1080 screen.
MATRIX_LABELS = 22
#: The pixel size of the words of the "how sure is #1" chart on a 1920 × 1080 screen.
CHART_LABELS = 22


def the_chosen(workshop: Workshop) -> Candidate | None:
    """The one chosen workflow, or None while none (or more than one) is chosen."""
    chosen = workshop.chosen
    return chosen[0] if len(chosen) == 1 else None


def chosen_words(workshop: Workshop) -> str:
    """What the room has chosen, in one line."""
    chosen = workshop.chosen
    if not chosen:
        return "No workflow is chosen yet."
    return "Chosen: " + ", ".join(c.name for c in chosen)


def rank_row(row: Scored) -> Row:
    status = row.candidate.status
    if status is CandidateStatus.CHOSEN:
        word, word_tone, tone = "chosen", "chosen", "chosen"
    elif status is CandidateStatus.PARKED:
        word, word_tone, tone = "parked", "", "muted"
    else:
        word, word_tone, tone = str(row.readiness), READINESS_TONE[row.readiness], ""
    return Row(row.candidate.name, str(row.rank), "", str(row.priority), word, word_tone, tone)


def waiting_row(row: Awaiting) -> Row:
    """A candidate awaiting estimates, after the ranked ones: no rank and no priority."""
    return Row(row.candidate.name, "–", "", "", AWAITING, "", "muted")


class RankBoard(Board):
    """The friction × frequency matrix with rank numbers, the ranked list as its key, and
    above both the recommendation, how sure the ranking is of its #1 and its tornado chart."""

    stage = Stage.RANK
    parts = frozenset({Part.CANDIDATES, Part.ESTIMATES})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = label("", "audienceStrip", self)
        self.sure = label("", "audienceSure", self)
        self.sure_chart = RobustnessChart(self)
        self.sure_chart.setObjectName("audienceSureChart")
        self.sure_chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        words = QVBoxLayout()
        words.setSpacing(12)
        words.addWidget(self.strip)
        words.addWidget(self.sure)
        words.addStretch(1)
        self._top = QHBoxLayout()
        self._top.addLayout(words, 3)
        self._top.addWidget(self.sure_chart, 2, Qt.AlignmentFlag.AlignTop)
        self.column.addLayout(self._top)
        self.matrix = MatrixWidget(self)
        self.matrix.setObjectName("audienceMatrix")
        self.matrix.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matrix.setMouseTracking(False)
        self.matrix.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.ranked = RowList("Ranked by priority", 8, self)
        self._columns = QHBoxLayout()
        self._columns.addWidget(self.matrix, 1)
        self._columns.addWidget(self.ranked, 1)
        self.column.addLayout(self._columns, 1)
        self.set_unit(1.0)

    def set_unit(self, unit: float) -> None:
        super().set_unit(unit)
        self._columns.setSpacing(round(40 * unit))
        self._top.setSpacing(round(40 * unit))
        labels = round(MATRIX_LABELS * unit)
        self.matrix.set_text(MatrixText(labels=labels, smallest=labels - 1, names=False))
        self.sure_chart.set_pixel_size(round(CHART_LABELS * unit))

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        rows = rank_candidates(workshop.candidates)
        waiting = awaiting_estimates(workshop.candidates)
        self.matrix.set_points(matrix_points(rows))
        self.matrix.set_waiting(len(waiting))
        best = recommendation(rows)
        if not rows and waiting:
            text = "No candidate is estimated yet, so none is ranked."
        elif not rows:
            text = "No candidates yet: they are added in the Candidates stage."
        elif best is None:
            text = "No recommendation: every candidate in play is blocked or parked."
        else:
            text = (
                f"Recommended: {best.candidate.name} — priority {best.priority}, not blocked, "
                f"{best.hours_per_month:,.0f} hours a month at stake."
            )
        self.strip.setText(f"{text}\n{chosen_words(workshop)}")
        sure = how_sure(workshop)
        self.sure.setText("" if sure is None else f"How sure: {sure.summary}")
        self.sure.setHidden(sure is None)
        self.sure_chart.set_robustness(sure)
        self.sure_chart.setHidden(sure is None)
        self.ranked.set_rows(
            [rank_row(row) for row in rows] + [waiting_row(row) for row in waiting],
            "The ranked list fills as candidates are added.",
            ("candidate", "candidates"),
        )


class MetricsBoard(Board):
    """One card per metric of the chosen workflow: its name, baseline → target and how it is
    measured; the check-in days below."""

    stage = Stage.METRICS
    parts = frozenset({Part.METRICS, Part.CANDIDATES, Part.STAKEHOLDERS, Part.WORKSHOP})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = label("", "audienceStrip", self)
        self.column.addWidget(self.strip)
        self.cards = QGridLayout()
        self.column.addLayout(self.cards, 1)

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        clear(self.cards)
        gap = round(28 * self.unit)
        self.cards.setSpacing(gap)
        chosen = the_chosen(workshop)
        if chosen is None:
            self.strip.setText("Metrics follow the choice: choose one workflow in Rank first.")
            set_tone(self.strip, "warning")
            return
        set_tone(self.strip, "")
        self.strip.setText(f"How we will know in 30 days: {chosen.name}")
        metrics = workshop.metrics_of(chosen.id)
        if not metrics:
            self.cards.addWidget(label("No metrics yet.", "audienceEmpty", self), 0, 0)
            return
        across = 2 if len(metrics) <= 4 else 3
        for n, metric in enumerate(metrics[: across * 2]):
            self.cards.addWidget(self._card(workshop, metric), n // across, n % across)
        for n in range(across):
            self.cards.setColumnStretch(n, 1)
        if len(metrics) > across * 2:
            left_out = plural(len(metrics) - across * 2, "metric", "metrics")
            more = label(f"and {left_out} more", "audienceMore", self)
            self.cards.addWidget(more, 2, 0, 1, across)

    def _card(self, workshop: Workshop, metric: Metric) -> QWidget:
        card, column = box("audienceCard", self)
        across, down = round(28 * self.unit), round(22 * self.unit)
        column.setContentsMargins(across, down, across, down)
        column.setSpacing(round(10 * self.unit))
        top = QHBoxLayout()
        top.setSpacing(round(16 * self.unit))
        top.addWidget(tag(in_words(metric.kind).upper(), "chosen", card))
        about = ["should go up" if metric.direction is Direction.INCREASE else "should go down"]
        owner = workshop.stakeholder(metric.owner_id)
        if owner is not None:
            about.append(f"read by {owner.name}")
        top.addWidget(label(" · ".join(about), "audienceDetail", card), 1)
        column.addLayout(top)
        column.addWidget(label(metric.name, "audienceCardTitle", card))
        moves, counted = figures(metric.baseline, metric.target, metric.unit)
        line = QHBoxLayout()
        line.setSpacing(round(18 * self.unit))
        big = label(moves, "audienceBig", card)
        big.setWordWrap(False)
        line.addWidget(big, 0, Qt.AlignmentFlag.AlignBaseline)
        caption = f"{counted}, today → day 30" if counted else "today → day 30"
        line.addWidget(label(caption, "audienceDetail", card), 1, Qt.AlignmentFlag.AlignBaseline)
        column.addLayout(line)
        method = metric.method.strip() or "How it is measured is not agreed yet."
        column.addWidget(FittedText(method, "audienceText", card), 1)
        return card


class FollowThroughBoard(Board):
    """The workflow's overall verdict, each metric's verdict with its reason, and the next
    check-in meeting."""

    stage = Stage.FOLLOW_THROUGH
    parts = frozenset(
        {Part.METRICS, Part.CANDIDATES, Part.CHECKINS, Part.CHECKIN_PLAN, Part.WORKSHOP}
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = label("", "audienceStrip", self)
        self.column.addWidget(self.strip)
        self.meeting = label("", "audienceSection", self)
        self.column.addWidget(self.meeting)
        self.verdicts = RowList("Is the business behaving differently?", 6, self)
        self.column.addWidget(self.verdicts, 1)

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        chosen = the_chosen(workshop)
        if chosen is None:
            set_tone(self.strip, "warning")
            self.strip.setText("Follow-through starts once one workflow is chosen.")
            self.verdicts.set_rows([])
            self.meeting.setText("")
            return
        overall = overall_progress(workshop, chosen.id)
        tone = "warning" if overall.verdict in (Verdict.AT_RISK, Verdict.OFF_TRACK) else ""
        set_tone(self.strip, tone)
        self.strip.setText(f"{chosen.name}: {overall.verdict}.\n{overall.summary}")
        rows = []
        for metric in workshop.metrics_of(chosen.id):
            progress = metric_progress(workshop, metric)
            verdict = progress.verdict
            rows.append(
                Row(
                    metric.name,
                    detail=progress.explanation,
                    tag=str(verdict).upper(),
                    tag_tone=VERDICT_TONE[verdict],
                )
            )
        self.verdicts.set_rows(rows, "No metrics to judge yet.", ("metric", "metrics"))
        meeting = next_meeting(workshop, today)
        if meeting is None:
            self.meeting.setText("Every check-in meeting is done.")
        else:
            when = f"{meeting.date:%a} {meeting.date.day} {meeting.date:%b}"
            state = {
                MeetingState.DUE: " — today",
                MeetingState.OVERDUE: " — overdue",
            }.get(meeting.state, "")
            self.meeting.setText(f"Next check-in: day {meeting.day}, {when}{state}")
