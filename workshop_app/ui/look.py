"""The app's look: bundled fonts, and the stylesheet from ``resources/style`` with the palette's
colours filled in, scaled for the presentation mode."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QDir, Qt
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
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")


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
    return fill_tokens(text)


def stylesheet(scale: float = 1.0) -> str:
    """The stylesheet with every point size multiplied by ``scale``."""
    text = _stylesheet_text()
    if scale == 1.0:
        return text
    return _POINTS.sub(lambda match: f"{float(match.group(1)) * scale:.1f}pt", text)


def apply_look(app: QApplication, scale: float = 1.0, base_points: float = 10.5) -> None:
    """Fonts, stylesheet and base point size for the whole application."""
    QDir.addSearchPath("icons", str(resource("icons")))
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
