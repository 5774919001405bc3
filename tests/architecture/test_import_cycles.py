"""No import circles in the package: every import counts, at the top of a module or inside a
function (a lazy import still ties two modules together), and a circle is named with the lines
that make it."""

from __future__ import annotations

from collections import deque
from itertools import pairwise

import grimp
import pytest

PACKAGE = "workshop_app"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, cache_dir=None)


def _groups(graph: grimp.ImportGraph) -> list[set[str]]:
    """The groups of modules that import each other, directly or round about (Tarjan's
    strongly connected components, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, imported = work[-1]
            step = next(imported, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.find_modules_directly_imported_by(step)))))
                elif step in on_stack:
                    low[module] = min(low[module], index[step])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == module:
                        break
                if len(group) > 1 or graph.direct_import_exists(importer=module, imported=module):
                    groups.append(group)
    return groups


def _circle_through(graph: grimp.ImportGraph, group: set[str]) -> list[str]:
    """The shortest circle from the group's first module back to itself, inside the group."""
    start = min(group)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        module = queue.popleft()
        for imported in sorted(graph.find_modules_directly_imported_by(module) & group):
            if imported == start:
                path = [module]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if imported not in came_from:
                came_from[imported] = module
                queue.append(imported)
    raise AssertionError(f"no circle in {sorted(group)}")  # pragma: no cover


def circles(graph: grimp.ImportGraph) -> list[str]:
    """Each circle as "a (line 12) → b (line 40) → a", one per group of modules."""
    named = []
    for group in _groups(graph):
        path = _circle_through(graph, group)
        steps = []
        for importer, imported in pairwise(path):
            lines = sorted(
                detail["line_number"]
                for detail in graph.get_import_details(importer=importer, imported=imported)
            )
            steps.append(f"{importer} (line {', '.join(map(str, lines))})")
        named.append(" → ".join([*steps, path[-1]]))
    return sorted(named)


def test_no_module_imports_itself_round_about(graph: grimp.ImportGraph) -> None:
    assert circles(graph) == []


def test_a_circle_is_found_and_named() -> None:
    planted = grimp.build_graph(PACKAGE, cache_dir=None)
    planted.add_import(
        importer="workshop_app.domain.model",
        imported="workshop_app.ui.main_window",
        line_number=1,
        line_contents="from workshop_app.ui.main_window import MainWindow",
    )
    [circle] = circles(planted)
    assert "workshop_app.domain.model (line 1) → workshop_app.ui.main_window (line " in circle
    first = circle.split(" ", 1)[0]
    assert circle.endswith(f" → {first}")


def test_imports_inside_functions_are_counted(graph: grimp.ImportGraph) -> None:
    """The stage pages are imported lazily, inside small factories: still imports."""
    assert graph.direct_import_exists(
        importer="workshop_app.ui.stage_pages", imported="workshop_app.ui.pages.rank"
    )
