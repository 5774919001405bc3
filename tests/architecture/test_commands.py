"""The command line's commands (``workshop_app/commands/``) are held to what ``cli.py`` is held
to: no statement in them changes a domain object without an operation, and importing the
domain's writers there breaks the import contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_contracts import ROOT, _copy_of_the_package, _lint_imports, direct_writes


def _commands(root: Path) -> list[Path]:
    return sorted((root / "workshop_app" / "commands").glob("*.py"))


def test_the_commands_are_modules_of_their_own() -> None:
    names = {path.stem for path in _commands(ROOT)}
    assert {"common", "arguments", "files", "reports"} <= names


def test_the_commands_change_workshops_only_through_operations() -> None:
    assert direct_writes(ROOT, _commands(ROOT)) == []


def test_a_direct_write_in_a_command_is_found(tmp_path: Path) -> None:
    tree = _copy_of_the_package(tmp_path)
    target = tree / "workshop_app" / "commands" / "files.py"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text + "\n\ndef _sneaky(opened, new):\n    opened.workshop.checkins.append(new)\n"
    )
    assert direct_writes(tree, _commands(tree)) == [
        f"{target.relative_to(tree)}:{len(text.splitlines()) + 4}"
    ]


@pytest.mark.slow
def test_a_command_importing_the_domains_writers_breaks_the_contract(tmp_path: Path) -> None:
    tree = _copy_of_the_package(tmp_path)
    target = tree / "workshop_app" / "commands" / "reports.py"
    line = "from workshop_app.domain import decisions"
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = _lint_imports(tree, "writers-only-through-operations")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "workshop_app.commands.reports" in result.stdout
