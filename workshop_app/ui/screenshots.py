"""Render every stage of the demo workshop to PNG files (``make screenshots``).

Runs offscreen: ``python -m workshop_app.ui.screenshots OUT_DIR [--size 1366x768]`` writes the
editor; ``--audience --size 1920x1080`` writes what the room sees on the projector for the
stages it decides on (:data:`AUDIENCE_STAGES`).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.domain.stage import Stage

if TYPE_CHECKING:
    from workshop_app.ui.main_window import MainWindow

#: The stages whose audience view goes into the docs.
AUDIENCE_STAGES = (Stage.RANK, Stage.METRICS, Stage.FOLLOW_THROUGH)


def _slug(stage: Stage) -> str:
    return stage.value.lower().replace("-", "").replace(" ", "-")


@contextmanager
def _demo_window(width: int, height: int) -> Iterator[tuple[QApplication, MainWindow, Path]]:
    """A main window of ``width`` × ``height`` on the welcome screen, and a fresh demo file
    beside scratch settings; both gone afterwards. The window believes it is two weeks after
    the demo's workshop day, so Follow-through has readings to judge."""
    import datetime as dt

    from workshop_app.store.demo import write_demo
    from workshop_app.ui.app import make_application
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.settings import Settings

    app = make_application()
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings.in_file(Path(scratch) / "settings.ini")
        demo = Path(scratch) / "Demo workshop.workshop"
        write_demo(demo)
        settings.add_recent(demo)
        window = MainWindow(settings, today=lambda: dt.date(2026, 11, 24))
        window.resize(width, height)
        window.show()
        app.processEvents()
        try:
            yield app, window, demo
        finally:
            window.close()


def _open(window: MainWindow, demo: Path) -> None:
    from workshop_app.store.workshop_file import WorkshopFile
    from workshop_app.ui.session import Session

    window.set_session(Session(WorkshopFile.open(demo), window))


def render_audience(folder: Path, width: int, height: int) -> list[Path]:
    """Write the audience view of each of :data:`AUDIENCE_STAGES` into ``folder``, as the
    presentation mode shows it on a ``width`` × ``height`` screen."""
    from workshop_app.ui.main_window import STAGES

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with _demo_window(width, height) as (app, window, demo):
        _open(window, demo)
        window.set_presentation(True, full_screen=False)
        window.resize(width, height)
        view = window.audience.presented
        assert view is not None
        for stage in AUDIENCE_STAGES:
            window.show_stage(stage)
            app.processEvents()
            number = STAGES.index(stage) + 1
            written.append(_grab(view, folder / f"{number}-{_slug(stage)}.png"))
        window.set_presentation(False)
    return written


def render(folder: Path, width: int, height: int) -> list[Path]:
    """Write one PNG per stage (and the welcome screen) into ``folder``."""
    from workshop_app.ui.list_editor import ListEditor
    from workshop_app.ui.main_window import STAGES
    from workshop_app.ui.pages.charter import CharterPage
    from workshop_app.ui.pages.rank import RankPage

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with _demo_window(width, height) as (app, window, demo):
        window.welcome.refresh()
        written.append(_grab(window, folder / "0-welcome.png"))
        _open(window, demo)
        for number, stage in enumerate(STAGES, start=1):
            window.show_stage(stage)
            page = window.pages[stage]
            if isinstance(page, RankPage):
                page.select("c1")
            if isinstance(page, CharterPage):
                _wait_for_preview(app, page)
            editor = getattr(page, "editor", None) or getattr(page, "stakeholders", None)
            if isinstance(editor, ListEditor) and editor.model.items():
                editor.select_id(editor.model.items()[0].id)
            app.processEvents()
            written.append(_grab(window, folder / f"{number}-{_slug(stage)}.png"))
    return written


def _wait_for_preview(app: QApplication, page: object) -> None:
    """Let the Charter page finish its preview (at most a minute)."""
    deadline = time.monotonic() + 60
    app.processEvents()
    while time.monotonic() < deadline and (page.busy_now() or page.stale):  # type: ignore[attr-defined]
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    settle = time.monotonic() + 1.5  # the view draws its pages on a thread of its own
    while time.monotonic() < settle:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _grab(window: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    window.grab().save(str(path))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--audience", action="store_true", help="the audience view")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = (int(part) for part in args.size.split("x"))
    if args.audience:
        written = render_audience(args.folder, width, height)
    else:
        written = render(args.folder, width, height)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
