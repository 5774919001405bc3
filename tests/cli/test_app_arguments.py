"""The app's start reads its plain arguments without argparse, and must read them as argparse
would; anything else goes to argparse, which explains or refuses it."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app import cli

tokens = st.sampled_from(
    [
        "a.workshop",
        "b.workshop",
        "--demo",
        "--smoke-test",
        "--help",
        "--version",
        "--dem",
        "--smoke-test=1",
        "-",
        "--",
        "",
        "-x",
        "-1",
        "other",
    ]
)


def _by_argparse(argv: list[str]) -> object:
    """What the parser makes of ``argv``: its namespace, or how it ended the program."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return vars(cli._gui_parser().parse_args(argv))
        except (SystemExit, cli.UsageError) as ended:
            return type(ended)


@given(argv=st.lists(tokens, max_size=4))
def test_plain_arguments_read_as_argparse_reads_them(argv: list[str]) -> None:
    plain = cli._plain_gui_arguments(argv)
    if plain is not None:
        assert vars(plain) == _by_argparse(argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["a.workshop"],
        ["--demo"],
        ["--smoke-test"],
        ["a.workshop", "--smoke-test"],
        ["--smoke-test", "--demo"],
    ],
)
def test_the_starts_facilitators_and_the_bench_use_are_read_without_argparse(
    argv: list[str],
) -> None:
    assert cli._plain_gui_arguments(argv) is not None


@pytest.mark.parametrize(
    "argv", [["--help"], ["--version"], ["a", "b"], ["--dem"], ["--demo", "--demo"], ["-x"]]
)
def test_everything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert cli._plain_gui_arguments(argv) is None
