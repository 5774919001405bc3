"""The app's colours, each named for what it does: one table read by the stylesheet, the widgets
that paint, the report's CSS and its SVG charts. Standard library only, so every layer may use it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

# The colours themselves, each typed once. Slate for text and lines, teal for the accent, amber
# for advice and warnings, red only for real errors; the last few are the matrix's own tints.
_WHITE = "#ffffff"
_SLATE_50 = "#f8fafc"
_SLATE_100 = "#f1f5f9"
_SLATE_200 = "#e2e8f0"
_SLATE_300 = "#cbd5e1"
_SLATE_400 = "#94a3b8"
_SLATE_500 = "#64748b"
_SLATE_600 = "#475569"
_SLATE_700 = "#334155"
_SLATE_900 = "#0f172a"
_TEAL_50 = "#f0fdfa"
_TEAL_100 = "#ccfbf1"
_TEAL_200 = "#99f6e4"
_TEAL_GREY = "#e7f3f1"
_TEAL_PALE = "#a7d3cd"
_TEAL_700 = "#0f766e"
_TEAL_800 = "#115e59"
_TEAL_900 = "#134e4a"
_TEAL_950 = "#062f30"
_AMBER_50 = "#fffbeb"
_AMBER_100 = "#fef3c7"
_AMBER_300 = "#fcd34d"
_AMBER_700 = "#b45309"
_AMBER_800 = "#92400e"
_RED_100 = "#fee2e2"
_RED_300 = "#fca5a5"
_RED_700 = "#b91c1c"
_ORANGE_700 = "#c2410c"
_MINT = "#b9ddd1"
_SAND = "#f8eacd"
_MIST = "#dce5f2"
_STEEL = "#4a6f96"
_NAVY = "#263d57"


class Palette:
    """Every colour token: a name that says where the colour goes, and its ``#rrggbb``.

    Text tokens pass WCAG AA (4.5:1) on ``background``, ``surface`` and the tints they sit
    on, so the room can read them from the back on a washed-out projector.

    Attributes:
        background … text_on_accent: neutrals for surfaces, lines and text.
        accent … accent_wash: the teal accent, its states and tints (``accent_wash`` is
            the greyer tint of the printed charter).
        ok_tint … danger_line: status colours; amber for advice, red only for real errors.
        quadrant_start_here … matrix_focus: the friction × frequency matrix on screen.
        audience_band … audience_blank_text: the audience view on the projector.

    A plain class, not a dataclass: this is imported before the first paint, and a frozen
    dataclass of this size costs milliseconds to build. Instances cannot be changed.
    """

    __slots__ = ()

    background = _SLATE_50  # window, pages, chart panels, alternate table rows
    surface = _WHITE  # fields, tables, cards, tool and menu bars
    surface_muted = _SLATE_100  # hover, table headers, the stage list, disabled fields
    surface_pressed = _SLATE_200  # a pressed button; hover on a muted surface
    hairline = _SLATE_200  # separators, grid lines, quiet borders
    border = _SLATE_300  # field and table borders, table rules, scroll handles
    border_strong = _SLATE_400  # borders on hover, dashed boxes, chart frames
    text = _SLATE_900  # body text and headings
    text_secondary = _SLATE_700  # column headers, axis labels, stage names
    text_muted = _SLATE_600  # hints, captions, group titles, the status bar
    text_faint = _SLATE_500  # parked candidates, page footers, a metric's planned path
    text_disabled = _SLATE_400  # disabled controls (not meant to be read)
    text_on_accent = _WHITE  # text on the accent and other dark fills, tooltips

    accent = _TEAL_700  # the one main action, focus, the chosen workflow
    accent_hover = _TEAL_800
    accent_pressed = _TEAL_900
    accent_disabled = _TEAL_PALE  # a main action that cannot be used yet
    accent_text = _TEAL_900  # teal text on teal tints
    accent_tint = _TEAL_50  # hover in lists, the info banner, the running timer
    accent_selected = _TEAL_100  # selected rows and stages, checked buttons
    accent_line = _TEAL_200  # borders of teal tints, selected text
    accent_wash = _TEAL_GREY  # the charter's decision box, chosen row, "start here"

    ok_tint = _TEAL_100  # a metric on track
    warning = _AMBER_700  # advice, the overtime timer, advice counts in the stage list
    warning_text = _AMBER_800  # text on warning tints
    warning_tint = _AMBER_100  # warning banner, overtime timer, a cell to fix, at risk
    warning_soft = _AMBER_50  # the advice panel, the tool-first hint
    warning_line = _AMBER_300  # borders of warning tints
    danger = _RED_700  # a value the app rejected, the error banner, a blocked candidate
    danger_tint = _RED_100  # background of a rejected value or error, off track
    danger_line = _RED_300  # borders of danger tints

    # The matrix's tints step down in lightness as well as hue ("start here" darkest), so the
    # quadrants stay apart in greyscale and in a washed-out projector image.
    quadrant_start_here = _MINT
    quadrant_irritant = _SAND
    quadrant_simple_automation = _MIST
    quadrant_leave = _SLATE_50
    bubble_chosen = _TEAL_800
    bubble_chosen_edge = _TEAL_950
    bubble_candidate = _STEEL
    bubble_candidate_edge = _NAVY
    bubble_parked = _SLATE_200
    bubble_parked_edge = _SLATE_500
    matrix_focus = _ORANGE_700  # the keyboard focus ring on the matrix
    focus = _ORANGE_700  # the keyboard focus ring on every other control, seen from afar

    # The audience view on the projector: a dark heading band over the light page; the blank
    # screen is the band's colour.
    audience_band = _SLATE_900
    audience_band_muted = _SLATE_300  # the workshop's name on the band
    audience_blank_text = _SLATE_600  # the app's name on the blank screen


PALETTE = Palette()

_HEX = re.compile(r"#[0-9a-f]{6}")
_TOKEN_IN_QSS = re.compile(r"@([a-z][a-z0-9_]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


@cache
def tokens() -> Mapping[str, str]:
    """Every token name and its colour, in the order of :class:`Palette`."""
    table = {name: value for name, value in vars(Palette).items() if not name.startswith("_")}
    for name, value in table.items():
        if not _HEX.fullmatch(value):
            raise ValueError(f"colour token {name} is not #rrggbb: {value!r}")
    return MappingProxyType(table)


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#0f766e"`` → ``(15, 118, 110)``, for painting with a transparency."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def fill_tokens(stylesheet: str) -> str:
    """A Qt stylesheet with its comments dropped and every ``@token`` replaced by its colour.

    Raises KeyError naming the first token the palette does not have.
    """
    table = tokens()

    def colour(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in table:
            raise KeyError(f"the stylesheet uses @{name}, which is not a colour token")
        return table[name]

    return _TOKEN_IN_QSS.sub(colour, _COMMENT.sub("", stylesheet))


def css_custom_properties() -> str:
    """The palette as a CSS block, ``:root { --text: #0f172a; … }``, for the report."""
    lines = "".join(f"  --{name}: {value};\n" for name, value in tokens().items())
    return f":root {{\n{lines}}}\n"
