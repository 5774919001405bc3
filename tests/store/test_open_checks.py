"""Opening checks a file exactly as an import checks a document, and never writes: every
finding of issue 14 is refused with one line that names the table, the row and the column,
the file's bytes unchanged and no lock left behind — for opening to edit, opening read-only,
and the read that ``status`` and the welcome screen make."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from workshop_app.domain.document import workshop_to_document
from workshop_app.store import errors
from workshop_app.store.reading import read_workshop
from workshop_app.store.summary import summary
from workshop_app.store.workshop_file import WorkshopFile

from ..damage import FINDINGS, Finding, digest, tamper


def _refusal(path: Path, **how: bool) -> errors.WorkshopFileError:
    with pytest.raises(errors.WorkshopFileError) as caught:
        WorkshopFile.open(path, **how)
    return caught.value


@pytest.mark.parametrize("name", list(FINDINGS))
def test_every_finding_is_refused_with_its_place_and_the_file_untouched(
    name: str, demo_file: Path, tmp_path: Path
) -> None:
    finding: Finding = FINDINGS[name]
    folder = tmp_path / "folder"
    folder.mkdir()
    damaged = finding.made_from(demo_file, folder)
    before = digest(damaged)
    for refusal in (
        _refusal(damaged),
        _refusal(damaged, read_only=True),
    ):
        assert refusal.issues == [finding.message]
        assert str(refusal) == f"{damaged}: {finding.message}"
        kind = errors.InvalidContents if finding.rows else errors.AlteredLayout
        assert isinstance(refusal, kind)
    with pytest.raises(errors.WorkshopFileError) as caught:
        read_workshop(damaged)
    assert caught.value.issues == [finding.message]
    assert digest(damaged) == before
    assert sorted(entry.name for entry in folder.iterdir()) == ["damaged.workshop"]


def test_the_quick_look_checks_the_details_it_shows(demo_file: Path) -> None:
    tamper(demo_file, "UPDATE workshop SET title = 'Demo' || char(27) || '[31m'")
    with pytest.raises(errors.InvalidContents) as caught:
        summary(demo_file)
    assert caught.value.issues == ["workshop.title: has a control character U+001B at position 5"]
    with pytest.raises(errors.InvalidContents):
        summary(demo_file, dt.date(2026, 12, 1))


def test_every_problem_of_a_file_is_named_at_once(demo_file: Path) -> None:
    tamper(
        demo_file,
        "UPDATE candidates SET pain = 0 WHERE id = 'c1';"
        "UPDATE stakeholders SET kind = 'boss' WHERE id = 's2';"
        "UPDATE decisions SET at = 'yesterday' WHERE position = 0;",
    )
    assert _refusal(demo_file).issues == [
        "stakeholders s2.kind: must be one of sponsor, process_owner, daily_user, it_data, "
        "governance, other; got 'boss'",
        "candidates c1.pain: must be 1 to 5, got 0",
        "decisions row 0.at: must be a time written YYYY-MM-DDTHH:MM:SS, got 'yesterday'",
    ]


def test_a_row_whose_references_belong_to_no_item_is_named(demo_file: Path) -> None:
    tamper(demo_file, "INSERT INTO metrics__agreed_by VALUES ('m99', 0, 's1')")
    assert _refusal(demo_file).issues == [
        "metrics__agreed_by (m99, 0).owner_id: no metric has the id 'm99'"
    ]


def test_opening_writes_nothing_not_even_to_tidy_a_value(demo_file: Path) -> None:
    """Surrounding spaces are a value the app would store differently, yet a valid one:
    opening keeps it as it is; only an edit of the field tidies it."""
    tamper(demo_file, "UPDATE workshop SET title = '  Spaced out  '")
    before = digest(demo_file)
    with WorkshopFile.open(demo_file) as opened:
        assert opened.workshop.info.title == "  Spaced out  "
        assert not opened.read_only
    assert digest(demo_file) == before


def test_an_own_table_of_another_program_is_left_alone(demo_file: Path) -> None:
    tamper(demo_file, "CREATE TABLE my_notes (note TEXT); INSERT INTO my_notes VALUES ('hi');")
    with WorkshopFile.open(demo_file) as opened:
        assert opened.workshop.info.title == "Choosing our first AI workflow"
    conn = sqlite3.connect(demo_file)
    assert conn.execute("SELECT note FROM my_notes").fetchall() == [("hi",)]
    conn.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE candidates SET pain = 99 WHERE id = 'c3'",
        "UPDATE metrics SET owner_id = 'nobody' WHERE id = 'm1'",
        "UPDATE workshop SET title = 'Demo' || char(0) || 'x'",
        "DELETE FROM adoption",
    ],
)
def test_what_can_be_read_opens_read_only_with_what_was_left_out(
    sql: str, demo_file: Path, demo_workshop: object
) -> None:
    tamper(demo_file, sql)
    before = digest(demo_file)
    refused = _refusal(demo_file)
    with WorkshopFile.open_readable(demo_file) as readable:
        assert readable.read_only
        assert readable.left_out == refused.issues
        shown = workshop_to_document(readable.workshop)
    assert shown != workshop_to_document(demo_workshop)  # type: ignore[arg-type]
    assert digest(demo_file) == before


def test_what_can_be_read_is_saved_as_a_valid_copy(demo_file: Path, tmp_path: Path) -> None:
    tamper(demo_file, "UPDATE candidates SET minutes_per_occurrence = 'abc' WHERE id = 'c3'")
    before = digest(demo_file)
    with WorkshopFile.open_readable(demo_file) as readable:
        assert readable.workshop.candidate("c3").minutes_per_occurrence is None  # type: ignore[union-attr]
        readable.save_as(tmp_path / "mended.workshop")
        assert not readable.read_only and readable.left_out == []
    with WorkshopFile.open(tmp_path / "mended.workshop") as mended:
        assert len(mended.workshop.candidates) == 8
    assert digest(demo_file) == before


@pytest.mark.parametrize(
    "name", ["no workshop row", "a workshop on 9999-12-31", "a trigger that deletes readings"]
)
def test_nothing_is_offered_when_the_details_or_the_tables_cannot_be_read(
    name: str, demo_file: Path, tmp_path: Path
) -> None:
    damaged = FINDINGS[name].made_from(demo_file, tmp_path)
    with pytest.raises(errors.WorkshopFileError) as caught:
        WorkshopFile.open_readable(damaged)
    assert caught.value.issues == [FINDINGS[name].message]
