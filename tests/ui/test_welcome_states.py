"""The welcome screen shows where each recent workshop stands — its charter, its day of the 30,
its latest verdict — read after the first paint, whole at 1366×768, and says so in the entry of
a file that cannot be read."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from workshop_app.domain.model import CandidateStatus, Workshop
from workshop_app.store.workshop_file import write_new_file
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import Settings
from workshop_app.ui.welcome import READING_STATE

from .conftest import TODAY


def entries(window: MainWindow) -> list[str]:
    recent = window.welcome.recent
    return [recent.item(row).text() for row in range(recent.count())]


def test_each_recent_workshop_says_where_it_stands(
    qtbot: QtBot, settings: Settings, demo_file: Path, demo_workshop: Workshop, tmp_path: Path
) -> None:
    for candidate in demo_workshop.chosen:
        candidate.status = CandidateStatus.CANDIDATE
    demo_workshop.signoffs.clear()
    demo_workshop.info.title = "Kestrel Logistics: where to start with AI in the back office"
    draft = tmp_path / "kestrel.workshop"
    write_new_file(draft, demo_workshop)
    damaged = tmp_path / "damaged.workshop"
    damaged.write_bytes(demo_file.read_bytes()[:6000])
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (demo_file, draft, damaged)}
    for path in (damaged, draft, demo_file):
        settings.add_recent(path)

    window = MainWindow(settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    # Built, not yet painted: each entry names its workshop; where it stands comes later.
    assert entries(window)[0].startswith("Choosing our first AI workflow — Harrowfield")
    assert READING_STATE in entries(window)[0]
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.welcome.states_read)

    demo, kestrel, broken = entries(window)
    assert demo.splitlines()[1] == (
        "Charter signed by 1 of 8 · Day 14 of 30 · latest verdict: at risk on day 7"
    )
    assert kestrel.splitlines()[1] == (
        "Charter draft (1 open point) · Day 14 of 30 · latest verdict: no workflow chosen"
    )
    assert broken.startswith("damaged.workshop — cannot be opened: is damaged")
    assert READING_STATE not in "".join(entries(window))
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before

    # Every entry whole at 1366×768: its wrapped text fits the height it is given.
    recent = window.welcome.recent
    metrics = recent.fontMetrics()
    for row in range(recent.count()):
        rect = recent.visualItemRect(recent.item(row))
        needed = metrics.boundingRect(
            QRect(0, 0, rect.width() - 2 * 12, 100_000),
            int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
            recent.item(row).text(),
        )
        assert needed.height() <= rect.height() - 2 * 10, recent.item(row).text()
        assert needed.width() <= rect.width() - 2 * 12


def test_the_states_are_read_again_when_the_welcome_screen_comes_back(
    qtbot: QtBot, settings: Settings, demo_file: Path
) -> None:
    settings.add_recent(demo_file)
    window = MainWindow(settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.welcome.states_read)
    assert window.open_path(demo_file)
    assert window.session is not None
    window.close_workshop()
    assert READING_STATE in entries(window)[0]
    qtbot.waitUntil(lambda: window.welcome.states_read)
    assert "Charter signed by 1 of 8" in entries(window)[0]
