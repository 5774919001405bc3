"""The Jinja2 environment for report templates: our folder only, autoescape always on, and an
error for any name a template uses that the context does not have."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from workshop_app.palette import PALETTE
from workshop_app.paths import folder


@cache
def environment() -> Environment:
    """One shared environment over ``report_templates/``."""
    env = Environment(
        loader=FileSystemLoader(str(folder("report_templates"))),
        autoescape=True,  # select_autoescape() would not cover *.html.j2 names
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["join_words"] = join_words
    env.globals["palette"] = PALETTE  # the SVG charts' colours: {{ palette.accent }}
    return env


def join_words(items: list[str], last: str = "and") -> str:
    """``["a", "b", "c"]`` → ``a, b and c``."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def render(name: str, context: dict[str, Any]) -> str:
    """Render one template with ``context``."""
    return environment().get_template(name).render(**context)
