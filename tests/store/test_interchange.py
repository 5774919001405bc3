"""JSON import and export: exact round trips, and imports that are refused whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workshop_app.domain.document import normalize_document
from workshop_app.store import errors
from workshop_app.store.interchange import DocumentError, export_text, import_document
from workshop_app.store.workshop_file import WorkshopFile


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def export_of(path: Path) -> dict:
    with WorkshopFile.open(path, read_only=True) as opened:
        return json.loads(export_text(opened.workshop))


def test_export_of_import_gives_back_the_document(tmp_path: Path, demo_document: dict) -> None:
    source = write_json(tmp_path / "in.json", demo_document)
    import_document(source, tmp_path / "w.workshop")
    assert export_of(tmp_path / "w.workshop") == demo_document


def test_the_demo_exports_byte_for_byte_as_bundled(tmp_path: Path) -> None:
    from workshop_app.paths import resource

    demo = resource("demo/demo_workshop.json")
    import_document(demo, tmp_path / "w.workshop")
    with WorkshopFile.open(tmp_path / "w.workshop", read_only=True) as opened:
        assert export_text(opened.workshop) == demo.read_text(encoding="utf-8")


def test_a_document_without_estimates_exports_without_the_key(
    tmp_path: Path, plain_demo_document: dict
) -> None:
    source = write_json(tmp_path / "in.json", plain_demo_document)
    import_document(source, tmp_path / "w.workshop")
    assert "estimates" not in export_of(tmp_path / "w.workshop")


def test_export_writes_keys_in_the_format_order(plain_demo_file: Path) -> None:
    with WorkshopFile.open(plain_demo_file, read_only=True) as opened:
        text = export_text(opened.workshop)
    assert list(json.loads(text)) == [
        "format",
        "workshop",
        "stakeholders",
        "problems",
        "prior_attempts",
        "candidates",
        "metrics",
        "adoption",
        "risks",
        "checkins",
        "signoffs",
        "decisions",
        "checkin_plan",
    ]
    assert text.endswith("}\n")


def test_a_sparse_document_round_trips_once_normalized(tmp_path: Path) -> None:
    sparse = {
        "format": "first-workflow/1",
        "workshop": {"title": "Sparse", "date": "2026-02-03"},
        "stakeholders": [{"id": "a", "name": "Ana", "kind": "sponsor"}],
        "candidates": [
            {
                "id": "x",
                "name": "Match supplier invoices",
                "minutes_per_occurrence": 9,
                "frequency": {"count": 40, "per": "week"},
                "pain": 2,
                "data_readiness": "ready",
                "integration_effort": "low",
                "governance": "medium",
            }
        ],
    }
    source = write_json(tmp_path / "sparse.json", sparse)
    import_document(source, tmp_path / "s.workshop")
    exported = export_of(tmp_path / "s.workshop")
    assert exported == normalize_document(sparse)
    assert exported["candidates"][0]["overrides"] == {
        "friction": None,
        "frequency": None,
        "reason": "",
    }
    assert exported["adoption"]["users_involved"] == []


def test_an_invalid_document_is_refused_whole_with_every_issue(
    tmp_path: Path, demo_document: dict
) -> None:
    demo_document["candidates"][2]["pain"] = 7
    demo_document["metrics"][0]["owner_id"] = "s404"
    demo_document["workshop"]["date"] = "10/11/2026"
    source = write_json(tmp_path / "in.json", demo_document)
    target = tmp_path / "w.workshop"
    with pytest.raises(DocumentError) as caught:
        import_document(source, target)
    assert caught.value.issues == [
        "workshop.date: must be a date written YYYY-MM-DD, got '10/11/2026'",
        "candidates[2].pain: must be 1 to 5, got 7",
        "metrics[0].owner_id: no stakeholder has the id 's404'",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"format": "first-workflow/1",\n "workshop": {"title": "x",}}', "line 2, column 28"),
        ('{"format": "first-workflow/1", "value": NaN}', "NaN is not a number JSON allows"),
        ('{"format": "first-workflow/1", "format": "again"}', "'format' appears twice"),
        ("[1, 2, 3]", "must be a JSON object"),
        ("", "not valid JSON"),
    ],
    ids=["syntax", "nan", "duplicate-key", "not-an-object", "empty"],
)
def test_unreadable_json_is_refused_with_the_place(tmp_path: Path, text: str, words: str) -> None:
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        import_document(source, tmp_path / "w.workshop")
    assert words in " ".join(caught.value.issues)
    assert not (tmp_path / "w.workshop").exists()


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_bytes('{"title": "Café"}'.encode("latin-1"))
    with pytest.raises(DocumentError, match="neither interchange JSON"):
        import_document(source, tmp_path / "w.workshop")


def test_import_never_replaces_a_file_unless_forced(
    tmp_path: Path, demo_document: dict, demo_file: Path
) -> None:
    before = demo_file.read_bytes()
    demo_document["workshop"]["title"] = "Replacement"
    source = write_json(tmp_path / "in.json", demo_document)
    with pytest.raises(errors.FileExists, match="--force"):
        import_document(source, demo_file)
    assert demo_file.read_bytes() == before
    import_document(source, demo_file, force=True)
    assert export_of(demo_file)["workshop"]["title"] == "Replacement"


def test_a_refused_forced_import_leaves_the_old_file(
    tmp_path: Path, demo_document: dict, demo_file: Path
) -> None:
    before = demo_file.read_bytes()
    demo_document["stakeholders"][0]["kind"] = "boss"
    source = write_json(tmp_path / "in.json", demo_document)
    with pytest.raises(DocumentError, match="must be one of sponsor"):
        import_document(source, demo_file, force=True)
    assert demo_file.read_bytes() == before


def test_a_missing_source_is_named(tmp_path: Path) -> None:
    with pytest.raises(errors.FileMissing, match=r"in\.json: no such file"):
        import_document(tmp_path / "in.json", tmp_path / "w.workshop")
