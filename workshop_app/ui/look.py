"""The app's look: bundled fonts, and the stylesheets from ``resources/style`` with the palette's
colours filled in: the app's, and the audience view's scaled to the screen it is on."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.palette import fill_tokens
from workshop_app.paths import resource

FAMILY = "Noto Sans"
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Italic.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-BoldItalic.ttf",
)
#: The widget skin first, then the app's own components (which may refine it).
STYLESHEETS = ("widgets.qss", "components.qss")
#: The audience view's own sheet, sized in pixels as at 1920 × 1080.
AUDIENCE_STYLESHEET = "audience.qss"
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")
_PIXELS = re.compile(r"(\d+(?:\.\d+)?)px\b")
#: An image of the sheets, named by the folder it is bundled in: ``url(icons:check.svg)``.
_ICON_URL = re.compile(r"url\(icons:([^)]+)\)")


@cache
def load_fonts() -> bool:
    """Register the bundled font family with Qt; True when it is available."""
    loaded = [
        QFontDatabase.addApplicationFont(str(resource(f"fonts/{name}"))) for name in FONT_FILES
    ]
    return all(font_id >= 0 for font_id in loaded)


@cache
def _stylesheet_text() -> str:
    text = "\n".join(resource(f"style/{name}").read_text(encoding="utf-8") for name in STYLESHEETS)
    return _with_icon_files(fill_tokens(text))


def _with_icon_files(text: str) -> str:
    """The sheet with each ``url(icons:NAME)`` naming the bundled file itself (a quoted path),
    so that Qt needs no search path for it (``QDir``, whose 32 enum members Python would make
    before the first paint)."""
    folder = str(resource("icons")).replace("\\", "\\\\").replace('"', '\\"')
    return _ICON_URL.sub(lambda match: f'url("{folder}/{match.group(1)}")', text)


def stylesheet(scale: float = 1.0) -> str:
    """The stylesheet with every point size multiplied by ``scale``."""
    text = _stylesheet_text()
    if scale == 1.0:
        return text
    return _POINTS.sub(lambda match: f"{float(match.group(1)) * scale:.1f}pt", text)


@cache
def _audience_text() -> str:
    return fill_tokens(resource(f"style/{AUDIENCE_STYLESHEET}").read_text(encoding="utf-8"))


def audience_stylesheet(unit: float = 1.0) -> str:
    """The audience view's stylesheet with every pixel size multiplied by ``unit`` (1.0 on a
    1920 × 1080 screen), rounded to whole pixels and never under one."""
    text = _audience_text()
    return _PIXELS.sub(lambda match: f"{max(1, round(float(match.group(1)) * unit))}px", text)


def apply_look(app: QApplication, scale: float = 1.0, base_points: float = 10.5) -> None:
    """Fonts, stylesheet and base point size for the whole application."""
    font = QFont(FAMILY if load_fonts() else app.font().family())
    font.setPointSizeF(base_points * scale)
    app.setFont(font)
    app.setStyleSheet(stylesheet(scale))


def restyle(widget: QWidget) -> None:
    """Apply the stylesheet to ``widget`` again after a property its rules select on changed.

    A widget not yet polished takes the property's look when it is first shown; asking for its
    style before then would only make PySide load QStyle before the window's first paint.
    """
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)
