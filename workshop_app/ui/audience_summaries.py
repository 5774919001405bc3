"""The audience view's boards for the other stages, each a summary the room can read from the
back: who is in the room (Setup), the problems (Diagnose), the candidates, the adoption plan and
the charter as agreed so far."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QWidget

from workshop_app.domain.changes import Part
from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.model import DecisionKind, Stakeholder, StakeholderKind, Workshop
from workshop_app.domain.ranking import hours_per_month
from workshop_app.domain.stage import Stage
from workshop_app.domain.words import in_words
from workshop_app.ui.audience_boards import chosen_words, the_chosen
from workshop_app.ui.audience_parts import Board, Row, RowList, figures, label, plural, set_tone


def _person(stakeholder: Stakeholder | None, missing: str = "not named yet") -> str:
    if stakeholder is None:
        return missing
    return f"{stakeholder.name}, {stakeholder.role}" if stakeholder.role else stakeholder.name


def _side_by_side(board: Board, left: QWidget, right: QWidget) -> QHBoxLayout:
    columns = QHBoxLayout()
    columns.setSpacing(48)
    columns.addWidget(left, 3)
    columns.addWidget(right, 2)
    board.column.addLayout(columns, 1)
    return columns


class SetupBoard(Board):
    """The workshop and the people in the room."""

    stage = Stage.SETUP
    parts = frozenset({Part.WORKSHOP, Part.STAKEHOLDERS})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = label("", "audienceStrip", self)
        self.column.addWidget(self.strip)
        self.people = RowList("In the room", 8, self)
        self.facts = RowList("The session", 4, self)
        _side_by_side(self, self.people, self.facts)

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        info = workshop.info
        self.strip.setText(
            "Today we choose one first AI workflow: problems before tools, success as "
            "behaviour change, adoption designed in."
        )
        self.people.set_rows(
            [
                Row(s.name, detail=s.role, tag=in_words(s.kind))
                for s in workshop.stakeholders
                if s.name.strip()
            ],
            "Nobody is listed yet.",
            ("person", "people"),
        )
        facts = [
            (info.organization, "Organisation"),
            (f"{info.day:%A} {info.day.day} {info.day:%B %Y}" if info.day else info.date, "Date"),
            (info.facilitator, "Facilitator"),
            (info.location, "Where"),
        ]
        self.facts.set_rows([Row(value, detail=what) for value, what in facts if value.strip()])


class DiagnoseBoard(Board):
    """The problems the room raised, and what was tried before."""

    stage = Stage.DIAGNOSE
    parts = frozenset({Part.PROBLEMS, Part.PRIOR_ATTEMPTS, Part.STAKEHOLDERS})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems = RowList("Problems the room raised", 7, self)
        self.tried = RowList("Tried before", 5, self)
        _side_by_side(self, self.problems, self.tried)

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        self.problems.set_rows(
            [
                Row(
                    p.title,
                    str(n),
                    detail=", ".join(in_words(s) for s in p.symptoms),
                )
                for n, p in enumerate(workshop.problems, start=1)
            ],
            "No problems yet: what takes time, what goes wrong?",
            ("problem", "problems"),
        )
        self.tried.set_rows(
            [
                Row(a.what, detail=", ".join(in_words(s) for s in a.stall_signs))
                for a in workshop.prior_attempts
            ],
            "Nothing yet.",
        )


def _at_stake(hours: float | None) -> str:
    """``12 hours a month at stake``; ``awaiting estimates`` before the room has given them."""
    if hours is None:
        return "awaiting estimates"
    return f"{plural(round(hours), 'hour', 'hours')} a month at stake"


class CandidatesBoard(Board):
    """The candidate workflows with the hours each puts at stake."""

    stage = Stage.CANDIDATES
    parts = frozenset({Part.CANDIDATES, Part.PROBLEMS})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = RowList("Candidate workflows", 5, self)
        self.right = RowList(" ", 5, self)  # the list goes on: a title as high, left blank
        _side_by_side(self, self.left, self.right).setStretch(1, 3)

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        rows = [
            Row(c.name, str(n), detail=_at_stake(hours_per_month(c)))
            for n, c in enumerate(workshop.candidates, start=1)
        ]
        half = 5 if len(rows) <= 10 else 8
        self.left.most = self.right.most = half
        self.left.set_rows(rows[:half], "No candidates yet: which workflows could AI take on?")
        self.right.set_rows(rows[half:], more=("candidate", "candidates"))


class AdoptionBoard(Board):
    """Who carries the workflow after the workshop, and the risks with their mitigation."""

    stage = Stage.ADOPTION
    parts = frozenset({Part.ADOPTION, Part.RISKS, Part.STAKEHOLDERS, Part.CANDIDATES})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = label("", "audienceStrip", self)
        self.column.addWidget(self.strip)
        self.roles = RowList("Who carries it", 6, self)
        self.risks = RowList("Biggest risks", 3, self)
        _side_by_side(self, self.roles, self.risks).setStretch(1, 3)

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        adoption = workshop.adoption
        self.strip.setText(chosen_words(workshop))
        users = [workshop.stakeholder(i) for i in adoption.users_involved]
        daily = [s.name for s in users if s is not None and s.kind is StakeholderKind.DAILY_USER]
        rows = [
            Row(_person(workshop.stakeholder(adoption.champion_id)), detail="Champion"),
            Row(_person(workshop.stakeholder(adoption.owner_id)), detail="Adoption owner"),
            Row(", ".join(daily) or "none yet", detail="Daily users defining success"),
        ]
        for text, what in (
            (adoption.training, "Training"),
            (adoption.feedback_channel, "Feedback"),
        ):
            if text.strip():
                rows.append(Row(text, detail=what))
        self.roles.set_rows(rows)
        risks = sorted(workshop.risks, key=lambda r: r.exposure, reverse=True)
        self.risks.set_rows(
            [
                Row(r.description, detail=f"Mitigation: {r.mitigation or 'not agreed yet'}")
                for r in risks
            ],
            "No risks named yet.",
            ("risk", "risks"),
        )


class CharterBoard(Board):
    """What is agreed: the chosen workflow and why, its metrics, who carries it, and whether
    the charter passes the 30-day gate."""

    stage = Stage.CHARTER
    parts = frozenset(Part)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = label("", "audienceStrip", self)
        self.column.addWidget(self.strip)
        self.agreed = RowList("What we agree", 6, self)
        self.gate = RowList("", 5, self)
        _side_by_side(self, self.agreed, self.gate)

    def fill(self, workshop: Workshop, today: dt.date) -> None:
        chosen = the_chosen(workshop)
        gaps = gate_gaps(workshop)
        if chosen is None:
            self.strip.setText(chosen_words(workshop))
        else:
            reasons = [
                d.reason
                for d in workshop.decisions
                if d.kind is DecisionKind.CHOSEN and d.candidate_id == chosen.id and d.reason
            ]
            why = f"\nWhy: {reasons[-1]}" if reasons else ""
            self.strip.setText(f"Our first workflow: {chosen.name}{why}")
        set_tone(self.strip, "warning" if chosen is None else "")
        rows = []
        if chosen is not None:
            for metric in workshop.metrics_of(chosen.id):
                moves, counted = figures(metric.baseline, metric.target, metric.unit)
                detail = f"{in_words(metric.kind)}: {moves} {counted}".rstrip()
                rows.append(Row(metric.name, detail=detail))
        adoption = workshop.adoption
        rows.append(
            Row(_person(workshop.stakeholder(adoption.champion_id)), detail="Champion"),
        )
        self.agreed.set_rows(rows, more=("metric", "metrics"))
        if gaps:
            self.gate.title.setText(f"Draft: {len(gaps)} to settle before signing")
            self.gate.set_rows([Row(gap, tag="open", tag_tone="warning") for gap in gaps])
        else:
            signed = plural(len(workshop.signoffs), "sign-off", "sign-offs")
            self.gate.title.setText("Agreed: ready to sign")
            self.gate.set_rows(
                [
                    Row("Passes the 30-day gate", tag="agreed", tag_tone="ok"),
                    Row(f"{signed} recorded"),
                ]
            )
