"""A ``-journal`` beside a workshop file, as crashes, sync tools and careless copies leave one.
What this proves: a journal left by a crash of an edit of this very file is rolled back, and
the file opens as it was last saved; any other — left by a crash of another copy of the
workshop or of another workshop, random bytes, a damaged journal that would not give a whole
workshop, a folder or a pipe — is refused by every command in one line that names it, with
the file and the journal both unchanged, and no command waits on it. An empty journal (which
SQLite ignores) is left as it is.

The crashes are real: a child process edits a copy through the store, as the app does, with a
cache so small that SQLite writes pages into the file before the commit, and is killed with
SIGKILL just before it commits.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_app.domain.document import workshop_from_document
from workshop_app.libraries import demo_document
from workshop_app.store.workshop_file import WorkshopFile, write_new_file

from ..cli.test_damaged_files import _command
from .command_runs import Trial, in_process, in_subprocess, journal_of
from .test_crash_safety import run_and_kill
from .test_damaged_files_property import derandomised

pytestmark = pytest.mark.slow

#: Edits a copy through the store, as the app does, and stops just before the commit (where
#: the parent kills it): a cache of one page makes SQLite write pages into the file early.
CRASHING_EDITOR = r"""
import sys, time
from workshop_app.domain.model import Stakeholder
from workshop_app.store.workshop_file import WorkshopFile

class StopsBeforeCommit:
    def __init__(self, conn):
        self.conn = conn
    def execute(self, sql, *args):
        if sql.strip().upper() == "COMMIT":
            print("ready", flush=True)
            time.sleep(600)
        return self.conn.execute(sql, *args)
    def __getattr__(self, name):
        return getattr(self.conn, name)

opened = WorkshopFile.open(sys.argv[1])
opened._db.execute("PRAGMA cache_size = 1")
opened._db = StopsBeforeCommit(opened._db)
def rewrite(workshop):
    workshop.info.title = "Cut off by a crash"
    for number in range(300):
        workshop.stakeholders.append(Stakeholder(f"crash{number}", "Someone " + "x" * 200))
opened.change(rewrite)
"""
#: What a journal's first bytes are.
MAGIC = bytes.fromhex("d9d505f920a163d7")


def retitle(path: Path, title: str) -> None:
    """An edit made and saved by the app."""

    def edit(workshop: object) -> None:
        workshop.info.title = title  # type: ignore[attr-defined]

    with WorkshopFile.open(path) as opened:
        opened.change(edit)


def crash_an_edit(path: Path) -> Path:
    """Kill an edit of ``path`` just before it commits; the journal it leaves."""
    run_and_kill(CRASHING_EDITOR, [str(path)], 0)
    path.with_name(f".{path.name}.lock").unlink(missing_ok=True)  # the dead editor's
    journal = journal_of(path)
    assert journal.stat().st_size > 0
    return journal


@dataclass(frozen=True, repr=False)
class Journals:
    """This file as last saved, and journals that crashes left.

    Attributes:
        saved: the file's bytes as last saved.
        torn, own: the file as a crash of an edit of it left it, and that edit's journal.
        strays: journals left by crashes elsewhere, by where.
    """

    saved: bytes
    torn: bytes
    own: bytes
    strays: dict[str, bytes]


@functools.cache
def made_by_crashes() -> Journals:
    """The crashes, once per process (the Hypothesis tests cannot take a fixture)."""
    folder = Path(tempfile.mkdtemp(prefix="stray-journals-"))
    atexit.register(shutil.rmtree, folder, True)

    def workshop(name: str, source: Path | None = None) -> Path:
        path = folder / name / "demo.workshop"
        path.parent.mkdir()
        if source is None:
            write_new_file(path, workshop_from_document(demo_document()))
        else:
            shutil.copyfile(source, path)
        return path

    this = workshop("this")
    ahead = workshop("ahead", this)
    retitle(ahead, "The other copy, edited further")
    behind = workshop("behind", this)
    other = workshop("other")
    saved = this.read_bytes()
    strays = {
        "another copy, edited further": crash_an_edit(ahead).read_bytes(),
        "another copy, which this file was edited past": crash_an_edit(behind).read_bytes(),
        "another workshop": crash_an_edit(other).read_bytes(),
    }
    own = crash_an_edit(this).read_bytes()
    return Journals(saved, this.read_bytes(), own, strays)


@pytest.fixture
def journals() -> Journals:
    return made_by_crashes()


def beside(folder: Path, data: bytes, journal: bytes | Callable[[Path], None]) -> Path:
    """``data`` as ``folder/files/demo.workshop`` with its journal (bytes, or made by a
    function), and an empty ``folder/out``."""
    (folder / "files").mkdir()
    (folder / "out").mkdir(exist_ok=True)
    path = folder / "files" / "demo.workshop"
    path.write_bytes(data)
    if callable(journal):
        journal(journal_of(path))
    else:
        journal_of(path).write_bytes(journal)
    return path


def assert_refused_for_its_journal(trial: Trial) -> None:
    """Every command refused the file in one line that names it and its journal."""
    trial.passed()
    for name, run in trial.runs.items():
        assert run.code == 1, f"{name} opened the file: {run.out[:300]!r}"
        assert len(run.lines) == 1, f"{name}: {run.err!r}"
        assert run.lines[0].startswith(f"{trial.path}: "), f"{name}: {run.err!r}"
        assert "journal" in run.lines[0], f"{name}: {run.err!r}"


# ---------------------------------------------------------------- this file's own
@pytest.mark.parametrize("command", ["check", "export", "rank", "checkin"])
def test_a_journal_of_this_file_is_rolled_back_and_it_opens_as_last_saved(
    journals: Journals, tmp_path: Path, command: str
) -> None:
    path = beside(tmp_path, journals.torn, journals.own)
    run = in_process(*_command(command, path, tmp_path / "out"))
    assert run.code == 0, run.err
    assert not journal_of(path).exists()
    if command == "checkin":
        assert in_process("check", path).code == 0
    else:
        assert path.read_bytes() == journals.saved  # page for page as it was
    assert "Cut off by a crash" not in run.out


def test_status_reads_this_files_journal_rolled_back_and_changes_nothing(
    journals: Journals, tmp_path: Path
) -> None:
    path = beside(tmp_path, journals.torn, journals.own)
    run = in_process("status", path)
    assert run.code == 0, run.err
    assert "Choosing our first AI workflow" in run.out
    assert path.read_bytes() == journals.torn
    assert journal_of(path).read_bytes() == journals.own


# ---------------------------------------------------------------- strays
@pytest.mark.parametrize(
    "where",
    [
        "another copy, edited further",
        "another copy, which this file was edited past",
        "another workshop",
    ],
)
def test_a_journal_of_another_copy_is_refused_by_every_command(
    journals: Journals, tmp_path: Path, where: str
) -> None:
    data = journals.saved
    if where == "another copy, which this file was edited past":
        edited = tmp_path / "edited.workshop"
        edited.write_bytes(journals.saved)
        retitle(edited, "Edited here after the copy")
        data = edited.read_bytes()
        edited.unlink()
    path = beside(tmp_path, data, journals.strays[where])
    trial = Trial(path, tmp_path / "out")
    trial.every_command()
    assert_refused_for_its_journal(trial)


def garbage_journals() -> st.SearchStrategy[bytes]:
    """Random bytes; random bytes after a journal's first eight; and a header that SQLite
    reads (4096-byte pages, 512-byte sectors) over random records."""
    header = st.builds(
        lambda count, salt, pages, rest: (
            MAGIC
            + count.to_bytes(4, "big")
            + salt
            + pages.to_bytes(4, "big")
            + (512).to_bytes(4, "big")
            + (4096).to_bytes(4, "big")
            + bytes(512 - 28)
            + rest
        ),
        st.sampled_from([0, 1, 3, 0xFFFFFFFF]),
        st.binary(min_size=4, max_size=4),
        st.integers(0, 60),
        st.binary(max_size=9000),
    )
    return st.one_of(
        st.binary(min_size=1, max_size=5000),
        st.binary(max_size=5000).map(lambda rest: MAGIC + rest),
        header,
    )


@derandomised(20)
@given(garbage=garbage_journals())
def test_a_journal_of_random_bytes_is_refused_by_every_command(garbage: bytes) -> None:
    saved = made_by_crashes().saved
    with tempfile.TemporaryDirectory() as folder:
        path = beside(Path(folder), saved, garbage)
        trial = Trial(path, Path(folder, "out"))
        trial.every_command()
        assert_refused_for_its_journal(trial)


@derandomised(12)
@given(
    flips=st.lists(st.tuples(st.integers(0, 2**31), st.integers(1, 255)), min_size=1, max_size=3)
)
def test_a_damaged_journal_of_this_file_is_rolled_back_whole_or_refused(
    flips: list[tuple[int, int]],
) -> None:
    """Whichever: the file then opens whole (and every command agrees), or every command
    refuses it for its journal and neither changes."""
    journals = made_by_crashes()
    journal = bytearray(journals.own)
    for where, bits in flips:
        journal[where % len(journal)] ^= bits
    with tempfile.TemporaryDirectory() as folder:
        path = beside(Path(folder), journals.torn, bytes(journal))
        check = in_process("check", path)
        if check.code == 0:
            assert not journal_of(path).exists()
            assert "Cut off by a crash" not in check.out, "the crashed edit was kept"
            trial = Trial(path, Path(folder, "out"))
            trial.every_command()
            trial.passed()
        else:
            assert path.read_bytes() == journals.torn
            assert journal_of(path).read_bytes() == journal
            trial = Trial(path, Path(folder, "out"))
            trial.every_command()
            assert_refused_for_its_journal(trial)


# ---------------------------------------------------------------- not journals
def test_an_empty_journal_is_left_as_it_is(journals: Journals, tmp_path: Path) -> None:
    path = beside(tmp_path, journals.saved, b"")
    trial = Trial(path, tmp_path / "out")
    for name in ("check", "export", "rank", "status"):
        run = trial.command(name)
        assert run.code == 0 or "journal" in run.err, run.err
    trial.passed()
    assert journal_of(path).read_bytes() == b""


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_folder_or_pipe_named_journal_is_refused_without_waiting(
    journals: Journals, tmp_path: Path, kind: str
) -> None:
    """In subprocesses under a timeout: SQLite opens a journal to read its first byte, and a
    pipe opened for reading waits for a writer forever."""
    make: Callable[[Path], None] = Path.mkdir if kind == "folder" else os.mkfifo
    path = beside(tmp_path, journals.saved, make)
    trial = Trial(path, tmp_path / "out", run=functools.partial(in_subprocess, timeout=10))
    for name in ("check", "status", "checkin"):
        trial.command(name)
    assert_refused_for_its_journal(trial)
