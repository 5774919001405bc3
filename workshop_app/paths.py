"""Find the files we ship: ``resources/`` and ``report_templates/``.

In an installed wheel they live inside the package (``workshop_app/_bundled``); in a source
checkout or an editable install they are the folders at the repository root. Callers name a
file relative to its folder; absolute paths and ``..`` are refused, so nothing outside our own
folders can be reached through here.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath

_FOLDERS = ("resources", "report_templates")


@cache
def folder(name: str) -> Path:
    """The real directory of one of our bundled folders."""
    if name not in _FOLDERS:
        raise ValueError(f"unknown bundled folder {name!r}")
    package = Path(str(resources.files("workshop_app")))
    for candidate in (package / "_bundled" / name, package.parent / name):
        if candidate.is_dir():
            return candidate.resolve()
    raise FileNotFoundError(f"the bundled folder {name!r} is missing from this installation")


def _inside(root: Path, relative: str) -> Path:
    pure = PurePosixPath(relative)
    if not relative or pure.is_absolute() or ".." in pure.parts or "\\" in relative:
        raise ValueError(f"not a bundled file name: {relative!r}")
    return root.joinpath(*pure.parts)


def resource(relative: str) -> Path:
    """A file under ``resources/``, e.g. ``resource("demo/demo_workshop.json")``."""
    return _inside(folder("resources"), relative)


def template(relative: str) -> Path:
    """A file under ``report_templates/``."""
    return _inside(folder("report_templates"), relative)


def bundled_roots() -> tuple[Path, ...]:
    """Every folder the app may read files from while rendering."""
    return tuple(folder(name) for name in _FOLDERS)
