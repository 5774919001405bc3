"""Icons bundled in ``resources/icons`` (SVG), loaded once each."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from workshop_app.paths import resource


@cache
def icon(name: str) -> QIcon:
    """The bundled icon ``name`` (``add`` → ``resources/icons/add.svg``); empty if missing."""
    path = resource(f"icons/{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
