"""The layers enforce themselves: each import contract holds on the code as it is and breaks on a
temporary copy given one violating import; the domain imports only the standard library; the UI
and the command line never change a domain object themselves."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.domain import model

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "workshop_app"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(
        PACKAGE, tmp_path / "workshop_app", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint_imports(tree: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    selected = [arg for contract in contracts for arg in ("--contract", contract)]
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", *selected],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


#: contract id → (a module of the copy, the import added to it that breaks the contract)
VIOLATIONS = {
    "domain-pure": ("domain/ranking.py", "import sqlite3"),
    "store-no-qt": ("store/rows.py", "import PySide6"),
    "report-no-qt": ("report/fetcher.py", "from workshop_app.store import errors"),
    "ui-no-sql": ("ui/pages/setup.py", "import sqlite_utils"),
    "ui-changes-through-undo": ("ui/pages/setup.py", "from workshop_app.domain import edits"),
    "writers-only-through-operations": ("cli.py", "from workshop_app.domain import decisions"),
}


def test_every_contract_holds_on_the_code() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(VIOLATIONS)} kept, 0 broken" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("contract", sorted(VIOLATIONS))
def test_each_contract_breaks_on_a_violating_import(tmp_path: Path, contract: str) -> None:
    tree = _copy_of_the_package(tmp_path)
    module, line = VIOLATIONS[contract]
    target = tree / "workshop_app" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = _lint_imports(tree, contract)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert line.split()[1] in result.stdout  # the report names the forbidden import


# ---------------------------------------------------------------- the domain: standard library


def foreign_imports(folder: Path) -> list[str]:
    """Every import in ``folder`` that is neither the standard library nor the domain itself."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                inside = name == "workshop_app.domain" or name.startswith("workshop_app.domain.")
                if top not in sys.stdlib_module_names and not inside:
                    found.append(f"{path.relative_to(folder.parent)}:{node.lineno}: {name}")
    return found


def test_the_domain_imports_only_the_standard_library() -> None:
    assert foreign_imports(PACKAGE / "domain") == []


@pytest.mark.parametrize(
    "line",
    ["import pypdf", "from workshop_app import paths", "from workshop_app.libraries import x"],
)
def test_a_foreign_import_in_the_domain_is_found(tmp_path: Path, line: str) -> None:
    tree = _copy_of_the_package(tmp_path)
    target = tree / "workshop_app" / "domain" / "gate.py"
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    found = foreign_imports(tree / "workshop_app" / "domain")
    assert len(found) == 1
    assert found[0].startswith("domain/gate.py:")


# ---------------------------------------------------------------- no direct writes


DOMAIN_FIELDS = frozenset(
    name
    for cls in vars(model).values()
    if isinstance(cls, type) and hasattr(cls, "__dataclass_fields__")
    for name in cls.__dataclass_fields__
)
LIST_WRITERS = frozenset(
    {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "__setitem__"}
)


def _chain(node: ast.expr) -> list[str]:
    """The names along an attribute chain, outermost last: ``a.b.c`` → ['a', 'b', 'c']."""
    names: list[str] = []
    while True:
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript | ast.Call):
            node = node.value if isinstance(node, ast.Subscript) else node.func
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return names[::-1]


def _writes_the_domain(target: ast.expr) -> bool:
    chain = _chain(target)
    if "workshop" in chain[:-1] or (chain and chain[0] == "workshop"):
        return True
    # ``candidate.votes = 3``: a domain field set on a local object, not on the widget itself.
    return (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id != "self"
        and target.attr in DOMAIN_FIELDS
    )


def _written(node: ast.AST) -> list[ast.expr]:
    """What a statement or call writes to: assignment targets, or the object a list method or
    ``setattr`` changes."""
    if isinstance(node, ast.Assign | ast.Delete):
        return list(node.targets)
    if isinstance(node, ast.AugAssign | ast.AnnAssign):
        return [node.target]
    if not isinstance(node, ast.Call):
        return []
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in LIST_WRITERS:
        return [func] if "workshop" in _chain(func.value) else []
    if isinstance(func, ast.Name) and func.id in ("setattr", "delattr") and node.args:
        owner = node.args[0]
        return [ast.Attribute(value=owner, attr="?")] if "workshop" in _chain(owner) else []
    return []


def direct_writes(root: Path, paths: list[Path]) -> list[str]:
    """Every statement in ``paths`` that changes a domain object without an operation."""
    found = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _written(node):
                for part in ast.walk(target) if isinstance(target, ast.Tuple) else [target]:
                    if isinstance(part, ast.Attribute | ast.Subscript) and _writes_the_domain(part):
                        found.append(f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)}")
    return found


def _ui_and_cli(root: Path) -> list[Path]:
    return [*sorted((root / "workshop_app" / "ui").rglob("*.py")), root / "workshop_app" / "cli.py"]


def test_the_ui_and_the_command_line_change_workshops_only_through_operations() -> None:
    assert direct_writes(ROOT, _ui_and_cli(ROOT)) == []


@pytest.mark.parametrize(
    "line",
    [
        "session.workshop.info.title = 'x'",
        "session.workshop.checkins.append(reading)",
        "candidate.votes += 1",
        "del self.session.workshop.candidates[0]",
    ],
)
def test_a_direct_write_is_found(tmp_path: Path, line: str) -> None:
    tree = _copy_of_the_package(tmp_path)
    target = tree / "workshop_app" / "ui" / "pages" / "setup.py"
    text = target.read_text(encoding="utf-8")
    target.write_text(text + f"\n\ndef _sneaky(session, candidate, reading):\n    {line}\n")
    assert direct_writes(tree, [target]) == [
        f"{target.relative_to(tree)}:{len(text.splitlines()) + 4}"
    ]
