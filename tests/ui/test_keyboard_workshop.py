"""A whole workshop with the keyboard alone, as a facilitator runs it in the room: from the
welcome screen to a recorded sign-off and an exported charter, every key sent to the widget
that has the focus (or, in a dialog, to the dialog's focus). The JSON the charter carries is
then compared with what was typed, field by field.

Runs offscreen in ``make test``; ``make test`` runs it once more on a real X server (Qt's xcb
platform under Xvfb), where focus and shortcuts behave as on a desktop.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.pdf_reading import pdf_file
from tests.ui.conftest import TODAY, FakeClock
from tests.ui.driving import (
    activate,
    answer_with_keys,
    fill,
    focused,
    holds_focus,
    press,
    select_all,
)
from workshop_app.domain.stage import Stage
from workshop_app.ui.dialogs import ReasonDialog
from workshop_app.ui.list_editor import ListEditor
from workshop_app.ui.main_window import STAGES, MainWindow
from workshop_app.ui.pages.charter import CharterPage
from workshop_app.ui.pages.rank import RankPage
from workshop_app.ui.settings import Settings
from workshop_app.ui.signoff import SignoffDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def go_to(qtbot: QtBot, stage: Stage) -> None:
    press(qtbot, getattr(Qt.Key, f"Key_{STAGES.index(stage) + 1}"), CTRL)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    QApplication.processEvents()


def add_row(qtbot: QtBot, editor: ListEditor, first_cell: str, **fields: Any) -> str:
    """Ctrl+Enter, type the first cell, Enter, Escape; F6 to the form, then its fields."""
    count = editor.model.rowCount()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert editor.model.rowCount() == count + 1
    assert editor.table.state() == QAbstractItemView.State.EditingState
    select_all(qtbot)
    type_text(qtbot, first_cell)
    press(qtbot, Qt.Key.Key_Return)  # commits, and opens the next cell
    press(qtbot, Qt.Key.Key_Escape)  # which stays as it is
    assert holds_focus(editor.table)
    press(qtbot, Qt.Key.Key_F6)  # to the row's fields
    fill(qtbot, editor.form, **fields)
    item_id = editor.current_id()
    assert item_id is not None
    return item_id


def select_in_rank(qtbot: QtBot, page: RankPage, candidate_id: str) -> None:
    """Up and Down in the ranked table until the candidate's row is current."""
    assert holds_focus(page.table)
    press(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(page.model.rowCount()):
        current = page.current()
        if current is not None and current.candidate.id == candidate_id:
            return
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"the arrows do not reach {candidate_id}")


def test_a_whole_workshop_with_the_keyboard_alone(
    qtbot: QtBot, settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    settings.set_last_folder(tmp_path)
    window = MainWindow(settings, None, clock=clock, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)

    # ---- a new file, from the welcome screen
    path = tmp_path / "Kestrel quoting.workshop"
    assert focused() is window.welcome.new_button
    answer_with_keys(qtbot, QFileDialog, str(path))
    press(qtbot, Qt.Key.Key_Return)
    assert path.exists()
    activate(qtbot, window)
    qtbot.waitUntil(lambda: window.reports_ready)
    session = window.session
    assert session is not None

    # ---- Setup: the title is selected, so typing names the workshop
    setup = window.pages[Stage.SETUP]
    type_text(qtbot, "Quoting workshop")
    press(qtbot, Qt.Key.Key_Tab)
    fill(qtbot, setup.details, organization="Kestrel Tools", facilitator="Ada Moss")  # type: ignore[attr-defined]
    people: dict[str, str] = {}
    for name, kind in [
        ("Ruth Ames", "sponsor"),
        ("Omar Vale", "process_owner"),
        ("Lena Fox", "daily_user"),
        ("Tim Roe", "daily_user"),
    ]:
        people[name] = add_row(
            qtbot, setup.stakeholders, name, kind=kind, role=f"Role of {name.split()[0]}"
        )  # type: ignore[attr-defined]

    # ---- Diagnose
    go_to(qtbot, Stage.DIAGNOSE)
    diagnose = window.pages[Stage.DIAGNOSE]
    problem = add_row(
        qtbot,
        diagnose.problems,  # type: ignore[attr-defined]
        "Quote requests are retyped by hand",
        symptoms=["time_sink", "errors_rework"],
        raised_by=people["Lena Fox"],
    )

    # ---- Candidates
    go_to(qtbot, Stage.CANDIDATES)
    editor = window.pages[Stage.CANDIDATES].editor  # type: ignore[attr-defined]
    candidates: dict[str, str] = {}
    for name, count, minutes, data in [
        ("Draft quotes from emailed requests", 40, 20, "ready"),
        ("Chase unpaid invoices", 3, 30, "partial"),
        ("Summarise supplier price notices", 2, 10, "partial"),
    ]:
        candidates[name] = add_row(
            qtbot,
            editor,
            name,
            problem_ids=[problem],
            frequency__count=count,
            frequency__per="day",
            minutes_per_occurrence=minutes,
            pain=4,
            data_readiness=data,
            integration_effort="low",
            governance="low",
        )

    # ---- Rank: two dot votes, choose one, park the others with reasons
    go_to(qtbot, Stage.RANK)
    rank = window.pages[Stage.RANK]
    assert isinstance(rank, RankPage)
    first = candidates["Draft quotes from emailed requests"]
    select_in_rank(qtbot, rank, first)
    type_text(qtbot, "++")
    answer_with_keys(qtbot, ReasonDialog, "Most hours at stake and the data is ready.")
    press(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    activate(qtbot, window)
    for name in ("Chase unpaid invoices", "Summarise supplier price notices"):
        select_in_rank(qtbot, rank, candidates[name])
        answer_with_keys(qtbot, ReasonDialog, f"Later: {name}")
        press(qtbot, Qt.Key.Key_P, CTRL | SHIFT)
        activate(qtbot, window)

    # ---- Metrics
    go_to(qtbot, Stage.METRICS)
    metrics = window.pages[Stage.METRICS].editor  # type: ignore[attr-defined]
    for name, kind, baseline, target in [
        ("Share of requests drafted", "adoption", 0, 60),
        ("Hours to send a quote", "outcome", 26, 8),
    ]:
        add_row(
            qtbot,
            metrics,
            name,
            kind=kind,
            direction="decrease" if kind == "outcome" else "increase",
            baseline=baseline,
            target=target,
            method="Counted from the mailbox",
            owner_id=people["Omar Vale"],
            agreed_by=[people["Lena Fox"]],
        )

    # ---- Adoption: the plan, then a risk (Ctrl+Enter brings the register forward)
    go_to(qtbot, Stage.ADOPTION)
    adoption = window.pages[Stage.ADOPTION]
    fill(
        qtbot,
        adoption.plan,  # type: ignore[attr-defined]
        champion_id=people["Lena Fox"],
        owner_id=people["Omar Vale"],
        users_involved=[people["Lena Fox"], people["Tim Roe"]],
        feedback_channel="A Teams channel",
    )
    add_row(
        qtbot,
        adoption.risks,  # type: ignore[attr-defined]
        "Reps keep their own part-number lists",
        category="data_access",
        likelihood=4,
        impact=3,
        owner_id=people["Omar Vale"],
    )

    # ---- Charter: Ruth signs from the list, then the charter is exported
    go_to(qtbot, Stage.CHARTER)
    charter = window.pages[Stage.CHARTER]
    assert isinstance(charter, CharterPage)
    for _ in range(30):
        if holds_focus(charter.signoffs):
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert holds_focus(charter.signoffs), "Tab does not reach the sign-off list"
    press(qtbot, Qt.Key.Key_Home)
    answer_with_keys(qtbot, SignoffDialog)
    press(qtbot, Qt.Key.Key_Return)
    activate(qtbot, window)
    assert [s.stakeholder_id for s in session.workshop.signoffs] == [people["Ruth Ames"]]

    exported = tmp_path / "Quoting charter.pdf"
    answer_with_keys(qtbot, QFileDialog, str(exported))
    press(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: charter.last_export is not None, timeout=120_000)
    activate(qtbot, window)

    # ---- what the charter carries, field by field
    attached = pdf_file(exported).attachments["workshop.json"][0]
    document = json.loads(attached.decode("utf-8"))
    expected = expected_document(people, problem, candidates)
    for part, wanted in expected.items():
        found = document[part]
        if isinstance(wanted, list):
            assert len(found) == len(wanted), f"{part}: {len(found)} items, not {len(wanted)}"
            for number, (item, fields) in enumerate(zip(found, wanted, strict=True)):
                for field, value in fields.items():
                    assert item.get(field) == value, f"{part}[{number}].{field}"
        else:
            for field, value in wanted.items():
                assert found.get(field) == value, f"{part}.{field}"
    kinds = [decision["kind"] for decision in document["decisions"]]
    # The gate passes with the last adoption field; Ruth's sign-off is logged after it.
    assert kinds == ["chosen", "parked", "parked", "gate_passed", "signed"]
    for decision in document["decisions"]:
        dt.datetime.fromisoformat(decision["at"])  # a real time, logged as it happened
    window.session.close()  # type: ignore[union-attr]
    window.session = None


def expected_document(
    people: dict[str, str], problem: str, candidates: dict[str, str]
) -> dict[str, Any]:
    """What the keys above typed, as the interchange format writes it."""
    quotes = candidates["Draft quotes from emailed requests"]
    return {
        "workshop": {
            "title": "Quoting workshop",
            "organization": "Kestrel Tools",
            "facilitator": "Ada Moss",
            "date": dt.date.today().isoformat(),
        },
        "stakeholders": [
            {"id": people[name], "name": name, "kind": kind, "role": f"Role of {name.split()[0]}"}
            for name, kind in [
                ("Ruth Ames", "sponsor"),
                ("Omar Vale", "process_owner"),
                ("Lena Fox", "daily_user"),
                ("Tim Roe", "daily_user"),
            ]
        ],
        "problems": [
            {
                "id": problem,
                "title": "Quote requests are retyped by hand",
                "symptoms": ["time_sink", "errors_rework"],
                "raised_by": people["Lena Fox"],
            }
        ],
        "candidates": [
            {
                "id": candidates[name],
                "name": name,
                "problem_ids": [problem],
                "frequency": {"count": count, "per": "day"},
                "minutes_per_occurrence": minutes,
                "pain": 4,
                "data_readiness": data,
                "integration_effort": "low",
                "governance": "low",
                "status": status,
                "votes": votes,
            }
            for name, count, minutes, data, status, votes in [
                ("Draft quotes from emailed requests", 40, 20, "ready", "chosen", 2),
                ("Chase unpaid invoices", 3, 30, "partial", "parked", 0),
                ("Summarise supplier price notices", 2, 10, "partial", "parked", 0),
            ]
        ],
        "metrics": [
            {
                "name": name,
                "candidate_id": quotes,
                "kind": kind,
                "direction": direction,
                "baseline": baseline,
                "target": target,
                "method": "Counted from the mailbox",
                "owner_id": people["Omar Vale"],
                "agreed_by": [people["Lena Fox"]],
            }
            for name, kind, direction, baseline, target in [
                ("Share of requests drafted", "adoption", "increase", 0, 60),
                ("Hours to send a quote", "outcome", "decrease", 26, 8),
            ]
        ],
        "adoption": {
            "champion_id": people["Lena Fox"],
            "owner_id": people["Omar Vale"],
            "users_involved": [people["Lena Fox"], people["Tim Roe"]],
            "feedback_channel": "A Teams channel",
        },
        "risks": [
            {
                "description": "Reps keep their own part-number lists",
                "category": "data_access",
                "likelihood": 4,
                "impact": 3,
                "owner_id": people["Omar Vale"],
            }
        ],
        "signoffs": [{"stakeholder_id": people["Ruth Ames"], "decision": "approved"}],
    }
