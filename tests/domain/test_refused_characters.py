"""Text refuses control characters (but tab and newline) and lone surrogates: the first one is
found where the regular expression that names them finds it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from workshop_app.domain.text import first_refused, text_problem

#: The rule as a regular expression: the control characters but tab and newline, surrogates.
RULE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

near_the_edges = st.sampled_from(
    [
        "\t",
        "\n",
        "\x08",
        "\x0b",
        "\x1f",
        " ",
        "\x7e",
        "\x7f",
        "\x9f",
        "\xa0",
        "\ud7ff",
        "\ud800",
        "\udfff",
        "\ue000",
        "\u2028",
        "\u200d",
        "é",
        "\U0001f600",
    ]
)
text = st.lists(st.one_of(near_the_edges, st.characters()), max_size=12).map("".join)


@given(text)
def test_the_first_refused_character_is_where_the_rule_finds_it(value: str) -> None:
    found = RULE.search(value)
    assert first_refused(value) == (found.start() if found else None)


def test_a_problem_names_the_character_and_its_place() -> None:
    assert text_problem("ab\x07c", 10) == "has a control character U+0007 at position 3"
    assert text_problem("a\ud800", 10) == (
        "has a broken character (lone surrogate U+D800) at position 2"
    )
    assert text_problem("tab\tand\nnewline", 20) is None
