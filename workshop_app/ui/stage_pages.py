"""Which page shows each stage of the workshop, and the pages of one session, each built the
first time it is shown.

Every page module is imported inside its own small factory below, so start-up imports only
the pages it shows, while mypy and import-linter still see each import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QWidget

from workshop_app.domain.stage import Stage
from workshop_app.ui.session import Session
from workshop_app.ui.stage_page import StagePage

#: Every stage of the workshop, in order.
STAGES = list(Stage)

#: What tells the pages the date (injected, as the timer's clock is, so tests fix it).
Today = Callable[[], dt.date]
#: Builds the page of one stage for a session, inside ``parent``.
PageFactory = Callable[[Session, QWidget, Today], StagePage]


def setup_page(session: Session, parent: QWidget, _today: Today) -> StagePage:
    from workshop_app.ui.pages.setup import SetupPage

    return SetupPage(session, parent)


def diagnose_page(session: Session, parent: QWidget, _today: Today) -> StagePage:
    from workshop_app.ui.pages.diagnose import DiagnosePage

    return DiagnosePage(session, parent)


def candidates_page(session: Session, parent: QWidget, _today: Today) -> StagePage:
    from workshop_app.ui.pages.candidates import CandidatesPage

    return CandidatesPage(session, parent)


def rank_page(session: Session, parent: QWidget, _today: Today) -> StagePage:
    from workshop_app.ui.pages.rank import RankPage

    return RankPage(session, parent)


def metrics_page(session: Session, parent: QWidget, _today: Today) -> StagePage:
    from workshop_app.ui.pages.metrics import MetricsPage

    return MetricsPage(session, parent)


def adoption_page(session: Session, parent: QWidget, _today: Today) -> StagePage:
    from workshop_app.ui.pages.adoption import AdoptionPage

    return AdoptionPage(session, parent)


def charter_page(session: Session, parent: QWidget, _today: Today) -> StagePage:
    from workshop_app.ui.pages.charter import CharterPage

    return CharterPage(session, parent)


def follow_through_page(session: Session, parent: QWidget, today: Today) -> StagePage:
    from workshop_app.ui.pages.follow_through import FollowThroughPage

    return FollowThroughPage(session, parent, today)


PAGE_FACTORIES: dict[Stage, PageFactory] = {
    Stage.SETUP: setup_page,
    Stage.DIAGNOSE: diagnose_page,
    Stage.CANDIDATES: candidates_page,
    Stage.RANK: rank_page,
    Stage.METRICS: metrics_page,
    Stage.ADOPTION: adoption_page,
    Stage.CHARTER: charter_page,
    Stage.FOLLOW_THROUGH: follow_through_page,
}


class Pages(Mapping[Stage, StagePage]):
    """The stage pages of one session, built on first use.

    Like a ``defaultdict``: ``pages[stage]`` builds the stage's page when it is not built yet;
    ``in``, iteration (``values()``, ``items()``) and ``len`` see only the pages built so far,
    which are the only ones with state to refresh or stop. Without a session nothing can be
    built, and looking a stage up raises ``KeyError``.
    """

    def __init__(self, build: Callable[[Stage], StagePage] | None = None) -> None:
        self._build = build
        self._built: dict[Stage, StagePage] = {}

    def __getitem__(self, stage: Stage) -> StagePage:
        page = self._built.get(stage)
        if page is None:
            if self._build is None:
                raise KeyError(stage)
            page = self._built[stage] = self._build(stage)
        return page

    def get(self, stage: Stage, default: StagePage | None = None) -> StagePage | None:  # type: ignore[override]
        """The stage's page if it is built; never builds one (as ``dict.get`` on a
        ``defaultdict`` never adds a key)."""
        return self._built.get(stage, default)

    def __contains__(self, stage: object) -> bool:
        return stage in self._built

    def __iter__(self) -> Iterator[Stage]:
        return iter(list(self._built))

    def __len__(self) -> int:
        return len(self._built)
