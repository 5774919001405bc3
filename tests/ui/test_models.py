"""Every item model, checked by Qt's model tester without building a window: first as it opens
on the demo, then while the room votes, reorders, adds, deletes, decides and undoes (the tester
stays attached and checks every signal the model emits on the way)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel

from workshop_app.domain.changes import Part
from workshop_app.domain.model import Candidate, Checkin, SignoffDecision, Stakeholder
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui import undo
from workshop_app.ui.follow_models import Meetings, MetricVerdicts
from workshop_app.ui.pages.candidates import CANDIDATE_COLUMNS
from workshop_app.ui.pages.follow_through import READING_COLUMNS
from workshop_app.ui.pages.setup import STAKEHOLDER_COLUMNS
from workshop_app.ui.rank_model import Column, RankModel
from workshop_app.ui.session import Session
from workshop_app.ui.signoff import SignoffModel
from workshop_app.ui.table_model import ItemTableModel


@pytest.fixture
def session(demo_file: Path) -> Iterator[Session]:
    opened = Session(WorkshopFile.open(demo_file))
    yield opened
    opened.close()


def _models(session: Session) -> dict[str, QAbstractItemModel]:
    return {
        "stakeholders": ItemTableModel(session, Part.STAKEHOLDERS, STAKEHOLDER_COLUMNS),
        "candidates": ItemTableModel(
            session, Part.CANDIDATES, CANDIDATE_COLUMNS, frozenset({Part.PROBLEMS})
        ),
        "readings of m1": ItemTableModel(
            session, Part.CHECKINS, READING_COLUMNS, keep=lambda reading: reading.metric_id == "m1"
        ),
        "rank": RankModel(session),
        "sign-offs": SignoffModel(session),
        "verdicts": MetricVerdicts(session),
        "meetings": Meetings(session, dt.date(2026, 11, 24)),
    }


def _the_room_at_work(session: Session) -> None:
    """Edits of every kind, each through an undo command, then all of them undone."""
    workshop = session.workshop
    last = workshop.candidates[-1]
    session.push(undo.set_votes(session, last.id, 99, last.name))  # moves it to the top
    session.push(undo.set_votes(session, last.id, 100, last.name))  # keeps the order
    session.push(undo.add_item(session, Part.CANDIDATES, Candidate("c99", "New one"), 0, "Add"))
    session.push(undo.remove_item(session, Part.CANDIDATES, "c2", "Delete"))
    session.push(undo.move_item(session, Part.CANDIDATES, "c3", 0))
    session.push(undo.add_item(session, Part.STAKEHOLDERS, Stakeholder("s99", "Ana"), None, "Add"))
    session.push(undo.sign(session, "s2", SignoffDecision.APPROVED, "", "Daniel"))
    session.push(undo.add_checkin(session, Checkin("m1", "2026-11-25", 40)))
    session.push(undo.park(session, "c1", "Later", "c1"))
    session.push(undo.plan_checkin_day(session, 60))
    while session.undo_stack.canUndo():
        session.undo_stack.undo()


@pytest.mark.parametrize(
    "name",
    ["stakeholders", "candidates", "readings of m1", "rank", "sign-offs", "verdicts", "meetings"],
)
def test_every_model_passes_the_model_tester_through_a_session(
    qtmodeltester, session: Session, name: str
) -> None:
    model = _models(session)[name]
    if isinstance(model, MetricVerdicts | Meetings):  # the page refreshes these on a change
        session.changed.connect(model.refresh)
    qtmodeltester.check(model)
    rows = model.rowCount()
    _the_room_at_work(session)
    assert model.rowCount() == rows


def test_a_vote_that_keeps_the_order_updates_rows_in_place(qtbot, session: Session) -> None:
    model = RankModel(session)
    top = model.rows[0].candidate
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged) as changed:
        session.push(undo.set_votes(session, top.id, top.votes + 1, top.name))
    first, last = changed.args[0], changed.args[1]
    assert (first.row(), last.row()) == (0, 0)
    assert last.column() == Column.VOTES
    assert resets == []
    assert model.index(0, Column.VOTES).data() == str(top.votes)
