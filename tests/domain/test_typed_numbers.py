"""Numbers as people type them are read as they mean them, or refused when they could mean two
things (issue 15: ``--value 1,000`` stored 1.0)."""

from __future__ import annotations

import pytest

from workshop_app.domain.typed_numbers import NumberRefused, read_number


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("-3", -3),
        ("\u22123", -3),
        ("+4", 4),
        ("12.5", 12.5),
        ("12,5", 12.5),
        ("0,25", 0.25),
        ("0.125", 0.125),
        (",5", 0.5),
        ("1,5000", 1.5),
        ("1 200", 1200),
        ("1\u202f200\u00a0000", 1_200_000),
        ("1,000,000", 1_000_000),
        ("1.000.000", 1_000_000),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1e3", 1000.0),
        ("-2.5e-3", -0.0025),
    ],
)
def test_what_can_be_read_one_way_is_read_that_way(typed: str, meant: float) -> None:
    value = read_number(typed)
    assert value == meant
    assert isinstance(value, int) == isinstance(meant, int)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("1,000", "'1,000' could mean 1000 or 1.0: type 1000 for the first, or 1.0 for the second"),
        (
            "12.345",
            "'12.345' could mean 12345 or 12.3450: type 12345 for the first, or 12.3450 "
            "for the second",
        ),
        ("1,2,3", "'1,2,3' is not a number"),
        ("12,34,567", "'12,34,567' is not a number"),
        ("1.000,000.5", "'1.000,000.5' mixes commas and points in a way that is not a number"),
        ("1_000", "'1_000' is not a number"),
        ("abc", "'abc' is not a number"),
        ("", "'' is not a number"),
        ("nan", "'nan' is not a number"),
        ("-1e999", "'-1e999' is too large to be a number here"),
        ("١٢", "'١٢' is not a number"),
    ],
)
def test_what_could_mean_two_numbers_or_none_is_refused_with_the_reason(
    typed: str, said: str
) -> None:
    with pytest.raises(NumberRefused) as caught:
        read_number(typed)
    assert str(caught.value) == said
