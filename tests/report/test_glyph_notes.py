"""Characters the bundled fonts cannot print (they would show as empty boxes) are found from the
fonts' own character maps and named once per export (issue 15)."""

from __future__ import annotations

from workshop_app.report.glyphs import note_on, unprintable


def test_letters_of_many_languages_print_and_emoji_do_not() -> None:
    assert unprintable("Café “déjà vu” — Zürich, Łódź, Ελλάδα, Россия, 10 €, ½ ± × …") == []
    assert unprintable("Go 🚀 live ✅ now 🚀 → done") == ["🚀", "✅", "→"]


def test_invisible_joiners_and_controls_are_never_missing() -> None:
    assert unprintable("a\u200db\ufe0fc\n\td") == []


def test_the_note_names_each_character_once_with_its_code() -> None:
    assert note_on("charter", []) is None
    assert note_on("charter", ["🚀"]) == (
        "charter: 1 character is not in the bundled fonts and prints as empty boxes: "
        "🚀 (U+1F680); replace it with words to print it"
    )
    many = [chr(0x1F600 + n) for n in range(10)]
    note = note_on("progress report", many)
    assert note is not None and note.endswith(" and 2 more; replace them with words to print them")
