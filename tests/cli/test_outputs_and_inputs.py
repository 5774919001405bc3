"""What the command line reads and writes (issue 15): an output that is one of the command's
inputs (by device and inode, not by name), a folder, a pipe or a device is refused before
anything is written; inputs that are not files, or that never end, are refused at once; a
number is read as a person means it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from .test_commands import assert_one_clear_line, digest, run


@pytest.mark.parametrize("command", ["export", "charter", "progress"])
def test_an_output_onto_the_workshop_itself_is_refused(command: str, demo_file: Path) -> None:
    before = digest(demo_file)
    link = demo_file.with_name("same.workshop")
    link.symlink_to(demo_file.name)
    for output in (demo_file, link):
        result = run(command, demo_file, "-o", output)
        assert_one_clear_line(
            result,
            f"{output}: is the file being read ({demo_file}); writing the output there would "
            "destroy it: choose another name",
        )
        assert result.returncode == 1
    assert digest(demo_file) == before


def test_expand_and_import_refuse_to_write_over_what_they_read(
    demo_file: Path, tmp_path: Path
) -> None:
    before = digest(demo_file)
    result = run("expand", demo_file, demo_file, "--force")
    assert result.returncode == 1 and "is the workshop being expanded" in result.stderr
    exported = tmp_path / "doc.json"
    assert run("export", demo_file, "-o", exported).returncode == 0
    json_before = digest(exported)
    result = run("import", exported, exported, "--force")
    assert result.returncode == 1 and "is the file being read" in result.stderr
    assert (digest(demo_file), digest(exported)) == (before, json_before)


def test_an_output_that_is_a_pipe_or_a_folder_is_refused_at_once(
    demo_file: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run("export", demo_file, "-o", pipe)
    assert_one_clear_line(
        result,
        f"{pipe}: is not a regular file (it is a device, pipe or socket); an output is "
        "written only to a file",
    )
    assert pipe.is_fifo()
    result = run("charter", demo_file, "-o", tmp_path)
    assert_one_clear_line(result, f"{tmp_path}: is a folder; name a file in it for the output")
    forms = tmp_path / "forms.pdf"
    forms.write_bytes(b"%PDF-1.7 keep me")
    result = run("review-form", demo_file, "-o", forms)
    assert_one_clear_line(result, f"{forms}: is not a folder; name a folder for the files")
    assert forms.read_bytes() == b"%PDF-1.7 keep me"


def test_inputs_that_are_not_files_or_never_end_are_refused_at_once(tmp_path: Path) -> None:
    result = run("import", "/dev/zero", tmp_path / "zero.workshop")
    assert_one_clear_line(
        result, "/dev/zero: is not a file (it is a pipe, socket or device), not a JSON file"
    )
    pipe = tmp_path / "source.json"
    os.mkfifo(pipe)
    result = run("import", pipe, tmp_path / "fifo.workshop")
    assert result.returncode == 1 and "is not a file (it is a pipe" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.json"]


def test_standard_input_stops_at_the_cap(tmp_path: Path) -> None:
    with Path("/dev/zero").open("rb") as endless:
        result = run("charter", "-", "-o", tmp_path / "c.pdf", stdin=endless)
    assert_one_clear_line(
        result, "stdin: is more than 64 MB; an interchange file may be at most 64 MB"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "1,000",
            "the value '1,000' could mean 1000 or 1.0: type 1000 for the first, or 1.0 "
            "for the second; nothing was stored",
        ),
        ("-1e999", "the value '-1e999' is too large to be a number here; nothing was stored"),
    ],
)
def test_a_reading_is_stored_as_meant_or_refused(demo_file: Path, typed: str, said: str) -> None:
    before = digest(demo_file)
    result = run("checkin", demo_file, "--metric", "m1", "--date", "2026-12-20", "--value", typed)
    assert_one_clear_line(result, f"{demo_file}: {said}")
    assert digest(demo_file) == before
    stored = run("checkin", demo_file, "--metric", "m1", "--date", "2026-12-20", "--value", "-5")
    assert stored.returncode == 0 and "= -5 on 2026-12-20" in stored.stdout


def test_a_write_another_program_blocks_is_refused_in_its_own_words(demo_file: Path) -> None:
    """Another tool (the sqlite3 shell, a sync client) in the middle of a write: the command
    waits SQLite's few seconds, then says so; no Save As, which a command does not have."""
    before = digest(demo_file)
    other = sqlite3.connect(demo_file, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        result = run("checkin", demo_file, "--metric", "m1", "--date", "2026-12-20", "--value", "4")
    finally:
        other.close()
    assert_one_clear_line(
        result,
        f"{demo_file}: not saved: another program is writing the file; the file is as it was",
    )
    assert digest(demo_file) == before


@pytest.mark.parametrize("command", ["charter", "progress", "review-form"])
def test_a_computer_without_pango_is_told_what_to_install(
    command: str, demo_file: Path, tmp_path: Path
) -> None:
    """What WeasyPrint raises when the system lacks Pango, from a stand-in package first on
    the path (this machine has Pango); nothing is read further or written."""
    stand_in = tmp_path / "site" / "weasyprint"
    stand_in.mkdir(parents=True)
    (stand_in / "__init__.py").write_text(
        "raise OSError(\"cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open "
        'shared object file: No such file or directory")\n'
    )
    output = tmp_path / "out" / ("forms" if command == "review-form" else "report.pdf")
    output.parent.mkdir()
    result = run(command, demo_file, "-o", output, extra_env={"PYTHONPATH": str(stand_in.parent)})
    assert_one_clear_line(
        result,
        "workshop-app: PDFs cannot be made on this computer: the system library "
        "libpango-1.0-0 is missing (on Debian or Ubuntu: apt-get install",
    )
    assert list(output.parent.iterdir()) == []
