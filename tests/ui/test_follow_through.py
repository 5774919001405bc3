"""The Follow-through stage: verdicts, readings, check-in notes, CSV import, the report; and
sign-off in the Charter stage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QMessageBox
from pytestqt.qtbot import QtBot

from workshop_app.domain.model import SignoffDecision
from workshop_app.domain.stages import Stage
from workshop_app.store.workshop_file import WorkshopFile
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.pages.charter import CharterPage
from workshop_app.ui.pages.follow_through import FollowThroughPage

from ..pdf_reading import all_text


def page_of(window: MainWindow) -> FollowThroughPage:
    page = window.pages[Stage.FOLLOW_THROUGH]
    assert isinstance(page, FollowThroughPage)
    assert page.today == dt.date(2026, 11, 24)  # the day the window was given
    return page


def rows(view: QListView) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select(view: QListView, row: int) -> None:
    view.setCurrentIndex(view.model().index(row, 0))


def saved(path: Path):
    with WorkshopFile.open(path, read_only=True) as opened:
        return opened.workshop


def test_verdicts_and_meetings_show_for_the_demo(demo_window: MainWindow) -> None:
    page = page_of(demo_window)
    demo_window.show_stage(Stage.FOLLOW_THROUGH)
    assert page.overall.text().startswith("AT RISK")
    assert "Adoption: on track. Outcome: at risk." in page.overall.text()
    texts = rows(page.metrics)
    assert texts[0].startswith("ON TRACK · Share of emailed quote requests")
    assert texts[1].startswith("AT RISK · Median time from quote request")
    meetings = rows(page.meetings)
    assert meetings == [
        "Day 7 · Tue 17 Nov 2026 · done",
        "Day 14 · Tue 24 Nov 2026 · DUE TODAY",
        "Day 30 · Thu 10 Dec 2026 · upcoming",
    ]
    assert page.chart.geometry_data is not None
    assert len(page.chart.geometry_data["readings"]) == 1


def test_a_reading_typed_in_changes_the_verdict(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path
) -> None:
    page = page_of(demo_window)
    demo_window.show_stage(Stage.FOLLOW_THROUGH)
    select(page.metrics, 1)  # the outcome metric, at risk
    page.readings.add_item()  # a new reading for today, editing its first cell
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # keep today's date
    QApplication.processEvents()
    qtbot.keyClicks(QApplication.focusWidget(), "12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    reading = saved(demo_file).checkins[-1]
    assert (reading.metric_id, reading.date, reading.value) == ("m2", "2026-11-24", 12)
    assert rows(page.metrics)[1].startswith("ON TRACK")


def test_csv_import_is_all_or_nothing(
    qtbot: QtBot, demo_window: MainWindow, demo_file: Path, tmp_path: Path
) -> None:
    page = page_of(demo_window)
    before = len(saved(demo_file).checkins)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "metric,date,value,note\nm1,2026-11-24,30,ok\nm9,2026-11-24,1,\n"
        "m2,2026-11-01,20,\nm2,2026-11-24,abc,\n",
        encoding="utf-8",
    )
    assert page.import_csv_file(bad) == 0
    box = page.findChild(QMessageBox)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "line 3: no metric has the id or name 'm9'" in box.text()
    assert "line 4: 2026-11-01 is before the workshop date 2026-11-10" in box.text()
    assert "line 5: the value 'abc' is not a number" in box.text()
    box.close()
    assert len(saved(demo_file).checkins) == before

    good = tmp_path / "good.csv"
    good.write_text("m1,2026-11-24,31,week two\nm2,2026-11-24,15.5\n", encoding="utf-8")
    assert page.import_csv_file(good) == 2
    assert len(saved(demo_file).checkins) == before + 2
    demo_window.session.undo_stack.undo()  # one step takes the whole import back
    assert len(saved(demo_file).checkins) == before


def test_meeting_notes_are_saved_and_undoable(demo_window: MainWindow, demo_file: Path) -> None:
    page = page_of(demo_window)
    select(page.meetings, 1)
    page.meeting_note.setPlainText("Margaret wants the outcome chart every Monday.")
    page.commit_meeting_note()
    plan = saved(demo_file).checkin_plan
    assert [(m.day, m.note) for m in plan][1] == (
        14,
        "Margaret wants the outcome chart every Monday.",
    )
    assert rows(page.meetings)[1].endswith("done")
    demo_window.session.undo_stack.undo()
    assert saved(demo_file).checkin_plan[1].note == ""


def test_progress_report_export(qtbot: QtBot, demo_window: MainWindow, tmp_path: Path) -> None:
    page = page_of(demo_window)
    job = page.export_report_to(tmp_path / "progress")
    with qtbot.waitSignal(job.signals.finished, timeout=90_000):  # type: ignore[union-attr]
        pass
    pdf = (tmp_path / "progress.pdf").read_bytes()
    text = all_text(pdf)
    assert "Draft quotes from emailed quote requests" in text
    assert "at risk" in text.lower()
    assert "exported" in page.message.text()


def test_sign_off_is_recorded_logged_and_listed(demo_window: MainWindow, demo_file: Path) -> None:
    page = demo_window.pages[Stage.CHARTER]
    assert isinstance(page, CharterPage)
    page.sign("s2", SignoffDecision.CHANGES_REQUESTED, "Add the freight lines first.")
    workshop = saved(demo_file)
    signoff = next(s for s in workshop.signoffs if s.stakeholder_id == "s2")
    assert signoff.decision == "changes_requested"
    assert workshop.decisions[-1].kind == "signed"
    assert "Daniel Reyes requested changes" in workshop.decisions[-1].reason
    model = page.signoffs.model()
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(row.startswith("Daniel Reyes (Process owner): Changes requested") for row in rows)


def test_check_in_days_can_be_added_and_removed(demo_window: MainWindow, demo_file: Path) -> None:
    page = page_of(demo_window)
    page.add_checkin_day(60)
    assert [m.day for m in saved(demo_file).checkin_plan] == [7, 14, 30, 60]
    assert rows(page.meetings)[3].startswith("Day 60 · Sat 9 Jan 2027")
    select(page.meetings, 1)
    page.remove_checkin_day()
    assert [m.day for m in saved(demo_file).checkin_plan] == [7, 30, 60]
    assert saved(demo_file).checkin_plan[0].note.startswith("First look at the numbers")
    demo_window.session.undo_stack.undo()
    assert [m.day for m in saved(demo_file).checkin_plan] == [7, 14, 30, 60]
