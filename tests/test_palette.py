"""One palette: every colour the app, the stylesheet, the report CSS and the SVG charts use is a
named token of ``workshop_app.palette``, and nobody types a colour anywhere else. No Qt."""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from pathlib import Path

import pytest

from workshop_app import palette
from workshop_app.palette import PALETTE, css_custom_properties, fill_tokens, rgb, tokens
from workshop_app.paths import folder

PACKAGE = Path(palette.__file__).parent
STYLE = folder("resources") / "style"
ICONS = folder("resources") / "icons"
TEMPLATES = folder("report_templates")

#: A colour typed as hex: #rgb, #rgba, #rrggbb or #rrggbbaa, not part of a longer name such as
#: an anchor (``#add-ons``) or an HTML character reference (``&#123;``).
HEX_COLOUR = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])")
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
QSS_TOKEN = re.compile(r"@([A-Za-z_][\w]*)")
CSS_TOKEN = re.compile(r"var\(\s*--([\w-]+)\s*[,)]")
TEMPLATE_TOKEN = re.compile(r"(?<![/\w])palette\.(\w+)")  # not "workshop_app/palette.py"


def _stylesheets() -> list[Path]:
    sheets = sorted(STYLE.glob("*.qss"))
    assert sheets, f"no stylesheet in {STYLE}"
    return sheets


def _report_css() -> list[Path]:
    sheets = sorted(TEMPLATES.glob("*.css"))
    assert sheets, f"no CSS in {TEMPLATES}"
    return sheets


def _templates() -> list[Path]:
    return sorted(TEMPLATES.glob("*.j2"))


def _python_files() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path != Path(palette.__file__))


def _hex_colours(text: str) -> list[str]:
    return HEX_COLOUR.findall(text)


def test_every_token_is_a_six_digit_colour() -> None:
    assert tokens(), "the palette is empty"
    for name, value in tokens().items():
        assert re.fullmatch(r"#[0-9a-f]{6}", value), f"{name} = {value!r}"
    assert tokens()["accent"] == PALETTE.accent
    assert rgb(PALETTE.accent) == (0x0F, 0x76, 0x6E)
    with pytest.raises(AttributeError):
        PALETTE.accent = "#ff0000"  # type: ignore[misc]


@pytest.mark.parametrize("sheet", _stylesheets(), ids=lambda path: path.name)
def test_the_stylesheet_names_only_palette_tokens(sheet: Path) -> None:
    text = COMMENT.sub("", sheet.read_text(encoding="utf-8"))
    used = set(QSS_TOKEN.findall(text))
    assert used, f"{sheet.name} uses no colour token at all"
    assert used <= tokens().keys(), f"not in the palette: {sorted(used - tokens().keys())}"
    assert _hex_colours(text) == [], f"{sheet.name} types colours instead of naming tokens"


def test_the_filled_stylesheet_keeps_no_token_or_comment() -> None:
    text = "\n".join(sheet.read_text(encoding="utf-8") for sheet in _stylesheets())
    filled = fill_tokens(text)
    assert "@" not in filled
    assert "/*" not in filled
    assert f"background-color: {PALETTE.background};" in filled


def test_an_unknown_token_in_the_stylesheet_is_named_in_the_error() -> None:
    with pytest.raises(KeyError, match="@accent_typo"):
        fill_tokens("QLabel { color: @accent_typo; }")


@pytest.mark.parametrize("sheet", _report_css(), ids=lambda path: path.name)
def test_the_report_css_names_only_palette_tokens(sheet: Path) -> None:
    text = COMMENT.sub("", sheet.read_text(encoding="utf-8"))
    used = set(CSS_TOKEN.findall(text))
    assert used, f"{sheet.name} uses no colour token at all"
    assert used <= tokens().keys(), f"not in the palette: {sorted(used - tokens().keys())}"
    assert _hex_colours(text) == [], f"{sheet.name} types colours instead of naming tokens"


def test_the_css_block_declares_every_token_once() -> None:
    block = css_custom_properties()
    declared = re.findall(r"--(\w+): (#[0-9a-f]{6});", block)
    assert dict(declared) == dict(tokens())
    assert len(declared) == len(tokens())
    assert block.startswith(":root {")


@pytest.mark.parametrize("template", _templates(), ids=lambda path: path.name)
def test_templates_take_their_colours_from_the_palette(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    used = set(TEMPLATE_TOKEN.findall(text))
    assert used <= tokens().keys(), f"not in the palette: {sorted(used - tokens().keys())}"
    assert _hex_colours(text) == [], f"{template.name} types colours instead of naming tokens"


def test_the_chart_templates_do_use_the_palette() -> None:
    for name in ("matrix.svg.j2", "progress.html.j2"):
        assert TEMPLATE_TOKEN.search((TEMPLATES / name).read_text(encoding="utf-8")), name


def _typed_colours(path: Path) -> list[str]:
    """Colours written into Python code: hex in a string, ``QColor("white")``,
    ``QColor(255, 255, 255)``, ``Qt.GlobalColor.gray``."""
    found: list[str] = []
    tokens_ = list(tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline))
    for number, token in enumerate(tokens_):
        if token.type == tokenize.STRING:
            found += [f"{token.string} (line {token.start[0]})" for _ in _hex_colours(token.string)]
        if token.string == "GlobalColor":
            found.append(f"Qt.GlobalColor (line {token.start[0]})")
        if token.string == "QColor" and tokens_[number + 1].string == "(":
            argument = tokens_[number + 2]
            if argument.type in (tokenize.STRING, tokenize.NUMBER):
                found.append(f"QColor({argument.string} … (line {token.start[0]})")
    return found


@pytest.mark.parametrize(
    "module", _python_files(), ids=lambda path: str(path.relative_to(PACKAGE.parent))
)
def test_no_colour_is_typed_outside_the_palette(module: Path) -> None:
    assert _typed_colours(module) == []


def test_the_check_above_would_see_a_typed_colour(tmp_path: Path) -> None:
    module = tmp_path / "painter.py"
    module.write_text(
        'INK = "#0F172A"\nA = QColor("white")\nB = QColor(255, 0, 0)\nC = Qt.GlobalColor.red\n'
        "D = QColor(PALETTE.text)  # fine: the palette's colour\n",
        encoding="utf-8",
    )
    assert len(_typed_colours(module)) == 4


def test_the_hex_check_ignores_anchors_and_character_references() -> None:
    assert _hex_colours('<a href="#add-ons">x</a> &#123; #backlog-title') == []
    assert _hex_colours("fill: #fff; stroke: #0f766e; x: #0f766e80") == [
        "#fff",
        "#0f766e",
        "#0f766e80",
    ]


@pytest.mark.parametrize("icon", sorted(ICONS.glob("*.svg")), ids=lambda path: path.name)
def test_the_icons_draw_in_palette_colours(icon: Path) -> None:
    colours = {colour.lower() for colour in _hex_colours(icon.read_text(encoding="utf-8"))}
    assert colours <= set(tokens().values()), sorted(colours - set(tokens().values()))


def test_the_palette_imports_only_the_standard_library() -> None:
    tree = ast.parse(Path(palette.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        "." * node.level + (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    assert "re" in imported, "the walk above found no import at all"
    assert imported <= sys.stdlib_module_names, imported - sys.stdlib_module_names
