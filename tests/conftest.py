"""Shared fixtures: the demo workshop as a document, a model and a real file; isolated homes.
Also the suite's defaults: Qt offscreen and the Hypothesis profiles."""

from __future__ import annotations

import os

# No real windows unless asked for: before any Qt application exists, and so also for the
# commands the tests start. `QT_QPA_PLATFORM=xcb pytest tests/ui` watches them on a desktop.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import workshop_app.ui  # noqa: F401  (guards the Qt bindings before any test paints)
from workshop_app.domain.document import workshop_from_document
from workshop_app.domain.model import Workshop
from workshop_app.paths import resource
from workshop_app.store import lock
from workshop_app.store.backups import ENVIRONMENT as BACKUPS_VARIABLE

DEMO_JSON = resource("demo/demo_workshop.json")
_DEMO: dict[str, Any] = json.loads(DEMO_JSON.read_text(encoding="utf-8"))

# Properties try 200 examples in the whole suite and 20 in `make check`, which passes
# `--hypothesis-profile=check`; a test that sets its own `max_examples` keeps it.
settings.register_profile("suite", max_examples=200)
settings.register_profile("check", max_examples=20)
if settings.get_current_profile_name() == "default":
    settings.load_profile("suite")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives Qt widgets as ``gui``."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings, recent files, demo copies and backups go to a fresh folder, never the real
    home; so do those of the commands a test starts (they inherit the environment)."""
    home = tmp_path_factory.mktemp("home")
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv(BACKUPS_VARIABLE, str(home / "backups"))
    return home


#: How long the app waits for a lock, before any test could have named this process a command.
_APP_PATIENCE = lock._patience


@pytest.fixture(autouse=True)
def named_as_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process holds locks as the app does, also after a test ran a command in it (the
    command line names its process once, for the rest of its life)."""
    monkeypatch.setattr(lock, "_program", lock.APP)
    monkeypatch.setattr(lock, "_patience", _APP_PATIENCE)


@pytest.fixture
def backups_root(isolated_home: Path) -> Path:
    """Where this test's automatic backups go (``$FIRST_WORKFLOW_BACKUPS``)."""
    return isolated_home / "backups"


@pytest.fixture
def demo_document() -> dict[str, Any]:
    """A fresh, freely changeable copy of the bundled demo workshop's document."""
    return copy.deepcopy(_DEMO)


@pytest.fixture
def demo_workshop(demo_document: dict[str, Any]) -> Workshop:
    return workshop_from_document(demo_document)


def _on_disk(tmp_path: Path, workshop: Workshop) -> Path:
    from workshop_app.store.workshop_file import write_new_file

    path = tmp_path / "demo.workshop"
    write_new_file(path, workshop)
    return path


@pytest.fixture
def demo_file(tmp_path: Path, demo_workshop: Workshop) -> Path:
    """The demo written to a real workshop file on disk."""
    return _on_disk(tmp_path, demo_workshop)


def without_its_round(document: dict[str, Any]) -> dict[str, Any]:
    """The demo as it was before it held a round of blind estimates: no ``estimates`` key and
    no ``estimated`` entry in its log (for tests about a workshop without estimates)."""
    plain = copy.deepcopy(document)
    plain.pop("estimates", None)
    plain["decisions"] = [d for d in plain["decisions"] if d["kind"] != "estimated"]
    return plain


@pytest.fixture
def plain_demo_document(demo_document: dict[str, Any]) -> dict[str, Any]:
    """The demo without its round of blind estimates."""
    return without_its_round(demo_document)


@pytest.fixture
def plain_demo_workshop(plain_demo_document: dict[str, Any]) -> Workshop:
    return workshop_from_document(plain_demo_document)


@pytest.fixture
def plain_demo_file(tmp_path: Path, plain_demo_workshop: Workshop) -> Path:
    """The demo without its round of blind estimates, in a real workshop file."""
    return _on_disk(tmp_path, plain_demo_workshop)
