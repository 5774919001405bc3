"""Where the store writes: never onto one of its inputs (by device and inode, not by name),
a folder, a pipe or a device — refused before anything is written, the thing there left as it
was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workshop_app.domain.document import workshop_from_document
from workshop_app.libraries import demo_document
from workshop_app.store.interchange import import_document, write_bytes_atomically
from workshop_app.store.outputs import UnsafeOutput, check_output, check_output_folder
from workshop_app.store.restore import RestoreRefused, restore, source_of
from workshop_app.store.writer import write_new_file

from ..damage import digest


def test_the_same_file_by_any_name_is_an_input(demo_file: Path, tmp_path: Path) -> None:
    hard = tmp_path / "hard.workshop"
    os.link(demo_file, hard)
    soft = tmp_path / "soft.workshop"
    soft.symlink_to(demo_file)
    for name in (demo_file, hard, soft, tmp_path / "." / demo_file.name):
        with pytest.raises(UnsafeOutput, match=r"is the file being read \("):
            check_output(name, [demo_file])
    check_output(tmp_path / "other.pdf", [demo_file])  # a new name is fine
    copy = tmp_path / "copy.workshop"
    copy.write_bytes(demo_file.read_bytes())
    check_output(copy, [demo_file])  # equal bytes, another file: replacing it is allowed


def test_what_is_not_a_place_for_a_file_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(UnsafeOutput, match="is not a regular file"):
        check_output(pipe)
    with pytest.raises(UnsafeOutput, match="is not a regular file"):
        check_output("/dev/null")
    with pytest.raises(UnsafeOutput, match="is a folder; name a file in it"):
        check_output(tmp_path)
    with pytest.raises(UnsafeOutput, match="the folder does not exist"):
        check_output(tmp_path / "missing" / "x.pdf")
    with pytest.raises(UnsafeOutput, match="is not a folder"):
        check_output_folder(pipe)
    check_output_folder(tmp_path / "to be made")


def test_the_writers_leave_a_pipe_or_a_folder_where_they_found_it(tmp_path: Path) -> None:
    workshop = workshop_from_document(demo_document())
    pipe = tmp_path / "pipe.workshop"
    os.mkfifo(pipe)
    folder = tmp_path / "folder.workshop"
    folder.mkdir()
    for target in (pipe, folder):
        with pytest.raises(UnsafeOutput):
            write_new_file(target, workshop, overwrite=True)
        with pytest.raises(UnsafeOutput):
            write_bytes_atomically(target, b"{}")
    assert pipe.is_fifo() and folder.is_dir() and not any(folder.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.workshop", "pipe.workshop"]


def test_an_import_onto_its_own_source_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "demo.json"
    source.write_text('{"not": "read"}')
    before = digest(source)
    with pytest.raises(UnsafeOutput, match="is the file being read"):
        import_document(source, source, force=True)
    assert digest(source) == before


def test_a_restore_into_a_folder_is_refused(demo_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder.workshop"
    folder.mkdir()
    with pytest.raises(RestoreRefused, match=r"is a folder; .*nothing was restored"):
        restore(folder, source_of(folder, demo_file))
    assert folder.is_dir() and not any(folder.iterdir())
