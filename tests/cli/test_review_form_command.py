"""``workshop-app review-form FILE -o FOLDER``: a form per stakeholder, or one clear line and
nothing written."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from .test_commands import assert_one_clear_line, digest, run


def test_forms_are_written_into_a_new_folder(demo_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out" / "reviews"
    result = run("review-form", demo_file, "-o", folder)
    assert result.returncode == 0, result.stderr
    written = sorted(folder.glob("*.pdf"))
    assert len(written) == 8
    lines = result.stdout.strip().splitlines()
    assert len([line for line in lines if line.endswith("review form written")]) == 8
    assert lines[-1].endswith("recorded") and "charter version" in lines[-1]
    assert folder / "Review Priya Nair.pdf" in written
    fields = PdfReader(written[0]).get_fields() or {}
    assert any(name.startswith("fw.") and name.endswith(".decision") for name in fields)
    assert not list(folder.glob(".*"))  # no temporary file left behind

    # Again: nothing is replaced without --force, and nothing is written at all.
    before = {path: digest(path) for path in written}
    again = run("review-form", demo_file, "-o", folder)
    assert_one_clear_line(again, "exists", "--force")
    assert {path: digest(path) for path in folder.glob("*.pdf")} == before


def test_bad_inputs_give_one_line_and_write_nothing(demo_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "never"
    assert_one_clear_line(
        run("review-form", tmp_path / "missing.workshop", "-o", folder), "missing.workshop"
    )
    not_a_workshop = tmp_path / "notes.workshop"
    not_a_workshop.write_text("hello", encoding="utf-8")
    assert_one_clear_line(run("review-form", not_a_workshop, "-o", folder), "notes.workshop")
    assert not folder.exists()
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("keep me", encoding="utf-8")
    assert_one_clear_line(run("review-form", demo_file, "-o", a_file), "not a folder")
    assert a_file.read_text(encoding="utf-8") == "keep me"


def test_the_version_the_forms_show_is_recorded_unless_asked_not_to(
    demo_file: Path, tmp_path: Path
) -> None:
    from workshop_app.domain.versions import charter_fingerprint
    from workshop_app.store.workshop_file import WorkshopFile

    before = digest(demo_file)
    assert run("review-form", demo_file, "-o", tmp_path / "a", "--no-record").returncode == 0
    assert digest(demo_file) == before
    assert run("review-form", demo_file, "-o", tmp_path / "b").returncode == 0
    with WorkshopFile.open(demo_file, read_only=True) as opened:
        assert [v.fingerprint for v in opened.workshop.versions] == [
            charter_fingerprint(opened.workshop)
        ]
