"""The command line never sends a control character to a terminal (issue 15): an escape in a
path, a bidirectional override in a name pass as visible escapes; JSON output stays exact."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from .test_commands import run

OVERRIDE = "\u202e"


def test_a_name_that_reorders_text_is_shown_escaped_and_exported_exactly(
    demo_document: dict[str, Any], tmp_path: Path
) -> None:
    document = copy.deepcopy(demo_document)
    document["candidates"][0]["name"] = f"Invoices {OVERRIDE}sdrawkcab"
    source = tmp_path / "crafted.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    workshop = tmp_path / "crafted.workshop"
    assert run("import", source, workshop).returncode == 0

    table = run("rank", workshop)
    assert table.returncode == 0
    assert OVERRIDE not in table.stdout
    assert "Invoices \\u202esdrawkcab" in table.stdout

    exported = run("export", workshop)
    assert json.loads(exported.stdout)["candidates"][0]["name"] == f"Invoices {OVERRIDE}sdrawkcab"
    listing = run("rank", workshop, "--json")
    names = [c["name"] for c in json.loads(listing.stdout)["candidates"]]
    assert f"Invoices {OVERRIDE}sdrawkcab" in names


def test_an_escape_sequence_in_a_path_is_shown_not_obeyed(tmp_path: Path) -> None:
    result = run("check", tmp_path / "\x1b[2J\x1b]0;owned\x07.workshop")
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert result.stderr == f"{tmp_path}/\\u001b[2J\\u001b]0;owned\\u0007.workshop: no such file\n"
