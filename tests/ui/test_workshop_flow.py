"""A whole workshop, from an empty file, through the real widgets; then the file is reopened
and everything is found again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workshop_app.domain.gate import gate_gaps
from workshop_app.domain.stages import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.rank import RankPage

from .conftest import answer_next_dialog
from .driving import fill


def add_row(qtbot: QtBot, window: MainWindow, stage: Stage, editor_name: str, **values):
    page = window.pages[stage]
    editor = getattr(page, editor_name)
    editor.add_item()
    qtbot.keyClick(editor.table, Qt.Key.Key_Escape)
    fill(qtbot, editor.form, **values)
    return editor.current_id()


def test_a_whole_workshop_from_an_empty_file(
    qtbot: QtBot, empty_file: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(empty_file)
    setup = window.pages[Stage.SETUP]
    fill(
        qtbot,
        setup.details,
        title="Quoting workshop",
        organization="Kestrel Tools",
        facilitator="Ada Moss",
        location="Leeds office",
    )

    people = {}
    for name, kind in [
        ("Ruth Ames", "sponsor"),
        ("Omar Vale", "process_owner"),
        ("Lena Fox", "daily_user"),
        ("Tim Roe", "daily_user"),
        ("Ivo Park", "it_data"),
    ]:
        people[name] = add_row(
            qtbot,
            window,
            Stage.SETUP,
            "stakeholders",
            name=name,
            kind=kind,
            role="Role of " + name.split()[0],
        )
    assert len(window.session.workshop.stakeholders) == 5

    window.show_stage(Stage.DIAGNOSE)
    problem = add_row(
        qtbot,
        window,
        Stage.DIAGNOSE,
        "problems",
        title="Quote requests are retyped by hand",
        description="Forty a day, twenty minutes each, errors in prices.",
        symptoms=["time_sink", "errors_rework"],
        raised_by=people["Lena Fox"],
    )

    window.show_stage(Stage.CANDIDATES)
    candidates = {}
    for name, count, minutes, data in [
        ("Draft quotes from emailed requests", 40, 20, "ready"),
        ("Chase unpaid invoices", 3, 30, "partial"),
        ("An AI chatbot", 10, 2, "partial"),
    ]:
        candidates[name] = add_row(
            qtbot,
            window,
            Stage.CANDIDATES,
            "editor",
            name=name,
            frequency__count=count,
            frequency__per="day",
            minutes_per_occurrence=minutes,
            pain=4,
            data_readiness=data,
            integration_effort="low",
            governance="low",
            problem_ids=[problem],
        )

    window.show_stage(Stage.RANK)
    rank = window.pages[Stage.RANK]
    assert isinstance(rank, RankPage)
    first = candidates["Draft quotes from emailed requests"]
    rank.select(first)
    rank.add_votes(1)
    rank.add_votes(1)
    answer_next_dialog("Most hours at stake and the data is ready.")
    rank.choose()
    for name in ("Chase unpaid invoices", "An AI chatbot"):
        rank.select(candidates[name])
        answer_next_dialog(f"Later: {name}")
        rank.park()

    window.show_stage(Stage.METRICS)
    for name, kind, baseline, target in [
        ("Share of requests drafted", "adoption", 0, 60),
        ("Hours to send a quote", "outcome", 26, 8),
    ]:
        add_row(
            qtbot,
            window,
            Stage.METRICS,
            "editor",
            name=name,
            kind=kind,
            direction="decrease" if kind == "outcome" else "increase",
            baseline=baseline,
            target=target,
            method="Counted from the mailbox",
            owner_id=people["Omar Vale"],
            agreed_by=[people["Lena Fox"]],
        )

    window.show_stage(Stage.ADOPTION)
    adoption = window.pages[Stage.ADOPTION]
    fill(
        qtbot,
        adoption.plan,
        champion_id=people["Lena Fox"],
        owner_id=people["Omar Vale"],
        users_involved=[people["Lena Fox"], people["Tim Roe"]],
        feedback_channel="A Teams channel",
    )
    adoption.add_typical_risks()
    assert len(window.session.workshop.risks) == 8

    assert gate_gaps(window.session.workshop) == []
    window.session.close()
    window.session = None

    with WorkshopFile.open(empty_file, read_only=True) as reopened:
        workshop = reopened.workshop
    assert workshop.info.title == "Quoting workshop"
    assert workshop.info.organization == "Kestrel Tools"
    assert [s.name for s in workshop.stakeholders] == list(people)
    assert workshop.problems[0].symptoms == ["time_sink", "errors_rework"]
    assert workshop.problems[0].raised_by == people["Lena Fox"]
    chosen = workshop.candidate(first)
    assert chosen is not None
    assert chosen.status == "chosen"
    assert chosen.votes == 2
    assert chosen.frequency.count == 40
    assert chosen.problem_ids == [problem]
    parked = [c for c in workshop.candidates if c.status == "parked"]
    assert {c.parked_reason for c in parked} == {
        "Later: Chase unpaid invoices",
        "Later: An AI chatbot",
    }
    assert [m.kind for m in workshop.metrics] == ["adoption", "outcome"]
    assert workshop.metrics[1].target == 8
    assert workshop.adoption.users_involved == [people["Lena Fox"], people["Tim Roe"]]
    assert len(workshop.risks) == 8
    kinds = [d.kind for d in workshop.decisions]
    assert kinds[:1] == ["chosen"]
    assert kinds.count("parked") == 2
    assert "gate_passed" in kinds
