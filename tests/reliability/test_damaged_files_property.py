"""Damaged workshop files, drawn by Hypothesis (byte flips, cut and lengthened files, values of
any type written with the checks off, rows deleted, tables dropped, renamed or replaced by
views, triggers, indexes and tables added, ``CREATE`` statements edited), and every command on
each. What this proves, for every example: no command prints a traceback or hangs; each exits
0 or 1, and on 1 with lines that name the file; nothing that reads, and nothing that refuses,
changes the file or leaves a lock or an output behind; and every command agrees with
``check`` — none opens what it refuses, and all refuse what it refuses, in its words. A sample
runs in subprocesses under a timeout and must say byte for byte what the in-process runs say
(:mod:`tests.reliability.command_runs` says why most runs are in-process). The hand-made
findings of issue 14 (:data:`tests.damage.FINDINGS`) go through the same properties; stray
journals and the app's own open have their own modules.

The runs are derandomised (the same examples every time, no example database) and their
number follows the Hypothesis profile: the suite's 200 run each test's full count.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, assume, given, note, settings
from hypothesis import strategies as st

from workshop_app.domain.document import workshop_from_document
from workshop_app.libraries import demo_document
from workshop_app.store.writer import write_new_file

from ..damage import FINDINGS, VERSION_6
from .command_runs import Trial, in_process, in_subprocess
from .damaging import (
    DATES,
    NUMBERS,
    Damage,
    DeleteRows,
    RewriteCell,
    apply_all,
    damages,
    words_of,
)

pytestmark = pytest.mark.slow

#: The suite's profile tries 200 examples per property; a test's count is given for that.
PROFILE = settings().max_examples


def examples(at_full_count: int) -> int:
    """A test's number of examples under the current profile (fewer under ``check``)."""
    return max(2, at_full_count * min(PROFILE, 200) // 200)


def derandomised(at_full_count: int) -> settings:
    """The same examples on every run and machine, and no shrinking: a failing example is
    printed as drawn, with what each damage did in words, and shrinking one here ran into
    Hypothesis's five-minute limit."""
    return settings(
        max_examples=examples(at_full_count),
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


@dataclass(frozen=True)
class Base:
    """A file damage starts from: its bytes, and the words its damage may write."""

    name: str
    data: bytes
    words: list[str]


@functools.cache
def bases() -> dict[str, Base]:
    """The demo as this app writes it, and the version-6 fixture (read as it is, upgraded by
    a command that writes)."""
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder, "demo.workshop")
        write_new_file(demo, workshop_from_document(demo_document()))
        return {
            name: Base(name, path.read_bytes(), words_of(path))
            for name, path in (("demo", demo), ("version 6", VERSION_6))
        }


#: The demo three times in four.
BASE_NAMES = st.sampled_from(["demo", "demo", "demo", "version 6"])


def damaged_copy(base: Base, found: list[Damage], folder: Path) -> Path:
    """A copy of ``base`` in ``folder/files`` with ``found`` done to it (and ``folder/out``)."""
    (folder / "files").mkdir()
    (folder / "out").mkdir()
    path = folder / "files" / "damaged.workshop"
    path.write_bytes(base.data)
    for said in apply_all(found, path):
        note(said)
    return path


@derandomised(80)
@given(st.data())
def test_every_command_refuses_a_damaged_file_cleanly_and_agrees_with_check(
    data: st.DataObject,
) -> None:
    base = bases()[data.draw(BASE_NAMES, label="base")]
    found = data.draw(st.lists(damages(base.words), min_size=1, max_size=2), label="damage")
    with tempfile.TemporaryDirectory() as folder:
        path = damaged_copy(base, found, Path(folder))
        trial = Trial(path, Path(folder, "out"))
        trial.every_command()
        note(f"check said: {trial.runs['check'].out or trial.runs['check'].err}")
        trial.passed()


@pytest.mark.parametrize("finding", sorted(FINDINGS))
def test_every_command_agrees_on_each_hand_made_finding(finding: str, tmp_path: Path) -> None:
    """The findings of issue 14 (:data:`tests.damage.FINDINGS`), each through every command."""
    demo = tmp_path / "demo.workshop"
    demo.write_bytes(bases()["demo"].data)
    (tmp_path / "files").mkdir()
    (tmp_path / "out").mkdir()
    trial = Trial(FINDINGS[finding].made_from(demo, tmp_path / "files"), tmp_path / "out")
    trial.every_command()
    trial.passed()
    assert trial.runs["check"].code == 1


def _plausible(words: list[str]) -> st.SearchStrategy[Damage]:
    """What another program may write that the rules still allow: a value near a rule's edge,
    a word of its choices or an id, a number of another type; or a row deleted."""
    small = st.integers(0, 200)
    values = st.one_of(
        st.sampled_from(NUMBERS + DATES + words),
        st.floats(min_value=0, max_value=1e12),
        st.integers(0, 100_000).map(float),
    )
    return st.one_of(
        st.builds(RewriteCell, small, small, small, values),
        st.builds(DeleteRows, small, st.tuples(small)),
    )


@derandomised(2)
@given(st.data())
def test_what_check_calls_valid_every_command_opens_and_renders(data: st.DataObject) -> None:
    """The charter and the progress report, too, for a file changed and still valid: only
    such files are drawn (those that ``check`` refuses, every command refuses as quickly, in
    the test above). Rendering takes seconds, so few examples; review forms (ten seconds for
    the demo's eight) are rendered by the tests of that command, here only refused."""
    base = bases()[data.draw(BASE_NAMES, label="base")]
    found = data.draw(st.lists(_plausible(base.words), min_size=1, max_size=2), label="damage")
    with tempfile.TemporaryDirectory() as folder:
        path = damaged_copy(base, found, Path(folder))
        assume(path.read_bytes() != base.data)
        assume(in_process("check", path).code == 0)
        trial = Trial(path, Path(folder, "out"))
        trial.every_command(rendered=("charter", "progress"))
        trial.passed()


@derandomised(4)
@given(st.data())
def test_the_commands_say_the_same_in_a_subprocess_under_a_timeout(data: st.DataObject) -> None:
    """The real ``workshop-app`` in a subprocess, killed if it hangs: the same properties,
    and the very same words and exit status as ``main`` in this process."""
    base = bases()[data.draw(BASE_NAMES, label="base")]
    found = data.draw(st.lists(damages(base.words), min_size=1, max_size=2), label="damage")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = damaged_copy(base, found, folder)
        damaged = path.read_bytes()
        trial = Trial(path, folder / "out", run=in_subprocess)
        for name in ("check", "export", "rank", "status", "checkin"):
            trial.command(name)
        trial.passed()
        for name, there in trial.runs.items():
            shutil.rmtree(folder / "files")
            (folder / "files").mkdir()
            path.write_bytes(damaged)
            here = Trial(path, folder / "out").command(name)
            assert (here.code, here.out, here.err) == (there.code, there.out, there.err), name
