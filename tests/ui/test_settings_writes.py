"""Preferences are written when they change, not at every start: reopening the workshop that
is already first among the recent files leaves the settings file as it was."""

from __future__ import annotations

from pathlib import Path

from workshop_app.ui.settings import MAX_RECENT, Settings


def test_reopening_the_first_recent_file_writes_nothing(tmp_path: Path) -> None:
    kept = tmp_path / "settings.ini"
    first, second = tmp_path / "first.workshop", tmp_path / "second.workshop"
    settings = Settings.in_file(kept)
    settings.add_recent(second)
    settings.add_recent(first)
    settings.store.sync()
    before = kept.stat()

    next_start = Settings.in_file(kept)
    next_start.add_recent(first)
    next_start.store.sync()
    after = kept.stat()
    # QSettings writes a new file and renames it into place: a write changes the inode.
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert next_start.recent_files() == [first.resolve(), second.resolve()]


def test_a_file_that_is_not_first_moves_to_the_front_and_is_written(tmp_path: Path) -> None:
    kept = tmp_path / "settings.ini"
    settings = Settings.in_file(kept)
    files = [tmp_path / f"{number}.workshop" for number in range(MAX_RECENT + 2)]
    for path in files:
        settings.add_recent(path)
    settings.add_recent(files[3])
    settings.store.sync()
    again = Settings.in_file(kept)
    files = [path.resolve() for path in files]
    expected = [files[3], *[path for path in reversed(files) if path != files[3]]]
    assert again.recent_files() == expected[:MAX_RECENT]
