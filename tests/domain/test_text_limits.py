"""Text limits count what a person sees, and dates stay within the years the app computes
with — for an import, for a file that is opened, and for a reading typed at the command line."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from workshop_app.domain.checkins import ReadingRefused, reading
from workshop_app.domain.dates import date_problem, datetime_problem
from workshop_app.domain.document import workshop_from_document
from workshop_app.domain.schedule import checkin_dates
from workshop_app.domain.text import (
    CODE_POINTS_PER_CHARACTER,
    SHORT,
    break_long_words,
    readable_text,
    text_problem,
    visible_length,
)
from workshop_app.domain.validation import validate_document

#: A role of 20 letters that shows as 20 letters, written with 210 code points (stacked marks,
#: as some scripts and some names carry).
MARKED_ROLE = ("a" + "\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a\u030b") * 10 + (
    "b" + "\u0323\u0324\u0325\u0326\u0327\u0328\u0329\u032a\u032b"
) * 10


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", 5),
        ("e\u0301", 1),  # é: a letter and its accent
        ("👩🏽‍🔬", 1),  # a scientist with a skin tone: four code points
        ("🇫🇷🇩🇪", 2),  # two flags
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1),  # Scotland
        ("\u0e01\u0e34", 1),  # a Thai letter with its vowel above
        (MARKED_ROLE, 20),
    ],
)
def test_length_counts_the_characters_a_person_sees(text: str, shown: int) -> None:
    assert visible_length(text) == shown


def test_a_role_of_twenty_marked_letters_is_accepted(demo_document: dict[str, Any]) -> None:
    assert len(MARKED_ROLE) == 210 > SHORT
    document = copy.deepcopy(demo_document)
    document["stakeholders"][0]["role"] = MARKED_ROLE
    assert validate_document(document) == []
    assert workshop_from_document(document).stakeholders[0].role == MARKED_ROLE


def test_text_beyond_what_any_honest_text_reaches_is_refused() -> None:
    most = "e" + "\u0301" * (CODE_POINTS_PER_CHARACTER - 1)
    assert text_problem(most * 10, 10) is None
    assert text_problem(most * 10 + "\u0301", 10) == (
        "has 81 code points behind its 10 characters (letters with their marks); the most is 80"
    )
    assert text_problem("é" * 11, 10) == "is 11 characters long; the limit is 10"


def test_a_long_word_is_broken_between_letters_never_inside_one() -> None:
    word = "e\u0301" * 70
    broken = break_long_words(word, 60)
    assert broken.replace("\u200b", "") == word
    assert "\u200b\u0301" not in broken
    assert broken.index("\u200b") == 120  # after 60 letters, each of two code points


def test_what_can_be_kept_of_text_that_cannot_be_stored() -> None:
    assert readable_text("Demo\x00 x\ud800y", 200) == "Demo x\ufffdy"
    assert readable_text("e\u0301" * 5, 3) == "e\u0301" * 3
    assert text_problem(readable_text("\x1b[31m" + "w" * 300, 200), 200) is None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2026-11-10", None),
        ("1900-01-01", None),
        ("2999-12-31", None),
        ("9999-12-31", "must be a date from 1900-01-01 to 2999-12-31, got '9999-12-31'"),
        ("1899-12-31", "must be a date from 1900-01-01 to 2999-12-31, got '1899-12-31'"),
        ("2026-02-30", "must be a date written YYYY-MM-DD, got '2026-02-30'"),
        ("soon", "must be a date written YYYY-MM-DD, got 'soon'"),
        ("99999999", "must be a date written YYYY-MM-DD, got '99999999'"),
    ],
)
def test_dates_are_real_and_within_the_years_the_app_computes_with(
    value: str, problem: str | None
) -> None:
    assert date_problem(value) == problem


def test_the_latest_day_leaves_room_for_every_check_in() -> None:
    assert checkin_dates("2999-12-31", (366,))[-1].date == dt.date(3001, 1, 1)
    assert datetime_problem("2999-12-31T23:59:59") is None
    assert datetime_problem("3000-01-01T00:00:00") == (
        "must be a time from 1900-01-01 to 2999-12-31, got '3000-01-01T00:00:00'"
    )


def test_a_document_dated_9999_is_refused_on_import(demo_document: dict[str, Any]) -> None:
    document = copy.deepcopy(demo_document)
    document["workshop"]["date"] = "9999-12-31"
    assert [str(issue) for issue in validate_document(document)] == [
        "workshop.date: must be a date from 1900-01-01 to 2999-12-31, got '9999-12-31'"
    ]


def test_a_reading_dated_beyond_the_years_is_refused(demo_document: dict[str, Any]) -> None:
    workshop = workshop_from_document(demo_document)
    with pytest.raises(ReadingRefused, match="from 1900-01-01 to 2999-12-31"):
        reading(workshop, "m1", "9999-12-31", "3")
