"""``workshop-app backups`` and ``workshop-app restore``, run as a user would, in a subprocess
whose backups go to the test's own folder (``FIRST_WORKFLOW_BACKUPS``, tests/conftest.py). And
every command is in the README's command list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from workshop_app.cli import COMMANDS
from workshop_app.store.backups import list_backups
from workshop_app.store.workshop_file import WorkshopFile

from ..damage import FINDINGS
from ..lock_holder import held_elsewhere
from ..store.test_restore import charter_pdf
from .test_commands import assert_one_clear_line, digest, run

README = Path(__file__).resolve().parents[2] / "README.md"


def _checkin(path: Path, value: str) -> None:
    result = run("checkin", path, "--metric", "m1", "--date", "2026-11-20", "--value", value)
    assert result.returncode == 0, result.stderr


def _readings(path: Path) -> list[float]:
    with WorkshopFile.open(path, read_only=True) as opened:
        return [c.value for c in opened.workshop.checkins if c.metric_id == "m1"]


def test_a_workshop_without_backups_says_so_honestly(demo_file: Path, backups_root: Path) -> None:
    result = run("backups", demo_file)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{demo_file}: no backups yet (they are kept in {backups_root}")
    assert "when it opens the workshop to edit it" in result.stdout
    assert not backups_root.exists()  # listing makes nothing

    assert_one_clear_line(run("backups", demo_file.with_name("gone.workshop")), "no such file")


def test_the_commands_it_suggests_can_be_pasted_for_a_name_with_spaces(
    demo_file: Path, backups_root: Path
) -> None:
    spaced = demo_file.rename(demo_file.with_name("client review.workshop"))
    _checkin(spaced, "3")
    listing = run("backups", spaced)
    assert f"workshop-app restore '{spaced}' NUMBER" in listing.stdout
    restored = run("restore", spaced, "1")
    assert restored.stdout.strip().endswith(f"workshop-app restore '{spaced}' 2 undoes this")


def test_commands_that_change_a_file_back_it_up_first_and_restore_brings_it_back(
    demo_file: Path, backups_root: Path
) -> None:
    first = _readings(demo_file)
    _checkin(demo_file, "3")  # backs up the demo as it was: backup 1
    _checkin(demo_file, "4")  # backs up the demo with the first reading: backup 2
    assert run("check", demo_file).returncode == 0  # read-only opens make none
    listing = run("backups", demo_file)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert lines[0].startswith(f"{demo_file}: 2 backups, newest first (in {backups_root}")
    assert lines[1].split() == ["number", "made", "title", "candidates", "size", "why"]
    assert re.fullmatch(
        r"2 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +Choosing our first AI workflow +8 +\d+ KB"
        r" +when opened",
        lines[2],
    ), lines[2]
    assert lines[3].startswith("1 ")
    assert lines[4] == f"Bring one back with: workshop-app restore {demo_file} NUMBER"

    restored = run("restore", demo_file, "1")
    assert restored.returncode == 0, restored.stderr
    made = list_backups(demo_file)[2].made_at
    assert restored.stdout.strip() == (
        f"{demo_file}: restored from backup 1 of {made:%Y-%m-%d %H:%M:%S}"
        " (“Choosing our first AI workflow”, 8 candidates); what it replaced is backup 3: "
        f"workshop-app restore {demo_file} 3 undoes this"
    )
    assert _readings(demo_file) == first
    assert run("restore", demo_file, "3").returncode == 0
    assert _readings(demo_file) == [*first, 3, 4]


def test_every_bad_argument_is_one_clear_line_and_changes_nothing(
    demo_file: Path, tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    _checkin(demo_file, "3")
    before = digest(demo_file)
    assert_one_clear_line(run("restore", demo_file, "9"), "no backup number 9", "only backup")
    assert_one_clear_line(run("restore", demo_file, tmp_path / "none.pdf"), "no such file")
    letter = charter_pdf(tmp_path / "letter.pdf", None)
    assert_one_clear_line(run("restore", demo_file, letter), "letter.pdf", "workshop.json")
    damaged = FINDINGS["pain 99"].made_from(demo_file, tmp_path)
    assert_one_clear_line(
        run("restore", demo_file, damaged), "damaged.workshop", "c3.pain: must be 1 to 5"
    )
    [backup] = list_backups(demo_file)
    backup.path.write_bytes(backup.path.read_bytes()[:5000])  # a disk that lost its end
    assert_one_clear_line(run("restore", demo_file, "1"), "backup 1 of", "does not open")
    with held_elsewhere(demo_file):
        assert_one_clear_line(
            run("restore", demo_file, charter_pdf(tmp_path / "c.pdf", demo_document)),
            "is open in First Workflow",
            "close it there first",
        )
    assert digest(demo_file) == before
    assert [b.number for b in list_backups(demo_file)] == [1]


def test_a_damaged_file_is_rebuilt_from_a_charter_and_kept_as_it_was(
    demo_file: Path, tmp_path: Path, demo_document: dict[str, Any]
) -> None:
    damaged = FINDINGS["a table replaced by a view"].made_from(demo_file, tmp_path)
    bytes_before = damaged.read_bytes()
    assert run("check", damaged).returncode == 1
    pdf = charter_pdf(tmp_path / "Charter.pdf", demo_document)
    result = run("restore", damaged, pdf)
    assert result.returncode == 0, result.stderr
    assert "restored from the charter Charter.pdf" in result.stdout
    assert "what it replaced did not open" in result.stdout
    assert run("check", damaged).returncode == 0
    listing = run("backups", damaged).stdout
    assert "no backups yet" in listing and "Also kept, but it does not open" in listing
    kept = Path(listing.rsplit(" in ", 1)[1].strip())
    assert kept.read_bytes() == bytes_before


def test_every_command_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    listed = text.split("## The command line", 1)[1].split("```")[1]
    for name in COMMANDS:
        assert f"workshop-app {name} " in listed, f"{name} is not in the README's command list"
