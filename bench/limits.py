"""The largest workshop the format accepts, through the command line, next to the demo in the
same run (docs/performance.md, "The largest accepted workshop"):

* the workshop: every list at its cap at once (``domain.limits.LIST_CAPS``), as
  :func:`bench.generate.sized_document` fills it, with as many whole charter versions as the
  versions may hold together (one);
* each command a user runs on it, ``import``, ``check``, ``rank --json``, ``export``,
  ``status``, ``charter`` (recording its version) and ``progress``, as a child process: its
  wall time and peak memory, the demo's beside it, and the ratio (goals: a charter and a
  progress report under 60 s and 1 GB; every other command under 10 s);
* one review form (``review-form`` makes one per stakeholder), in process;
* a million-item list refused: by ``validate_document`` in process, and by ``import``.

The machine is shared, so each figure is the lowest of a few runs. ``python -m bench limits``
(about three minutes; also the last part of ``make bench``).
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.__main__ import line, median_of
from bench.generate import sized_document

#: Runs of each command; the lowest figure counts (other work on the machine only adds).
RUNS = 3
#: Runs of a report of the largest workshop (about a minute each).
REPORT_RUNS = 2

_MEASURED = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "done = subprocess.run(sys.argv[1:], capture_output=True); "
    "wall = time.perf_counter() - start; "
    "sys.stderr.buffer.write(done.stderr); "
    "print(done.returncode, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def largest_counts() -> dict[str, int]:
    """Every list at its cap; versions: as many whole charter documents as fit (one)."""
    from workshop_app.domain.limits import LIST_CAPS

    counts = {key: cap.most for key, cap in LIST_CAPS.items()}
    counts["versions"] = 1
    return counts


def measured(
    command: Sequence[str | Path], cwd: Path, runs: int, *, refused: str = ""
) -> tuple[float, float]:
    """The lowest wall time (s) and peak memory (MB) of ``command`` over ``runs`` runs, each
    in a fresh wrapper process (so the peak is this command's alone). The command must
    succeed, or, with ``refused``, fail saying so on stderr."""
    from bench.__main__ import child

    best_s, best_mb = float("inf"), float("inf")
    for _ in range(runs):
        done = child([sys.executable, "-c", _MEASURED, *map(str, command)], cwd)
        status, wall, kb = done.stdout.split()
        if (status != "0") != bool(refused) or refused not in done.stderr:
            raise SystemExit(f"{' '.join(map(str, command))}: exit {status}: {done.stderr}")
        best_s, best_mb = min(best_s, float(wall)), min(best_mb, int(kb) / 1024)
    return best_s, best_mb


def commands(workshop: str, out: str) -> dict[str, list[str]]:
    app = [sys.executable, "-m", "workshop_app"]
    return {
        "import": [*app, "import", f"{workshop}.json", f"{workshop}.workshop", "--force"],
        "check": [*app, "check", f"{workshop}.workshop"],
        "rank --json": [*app, "rank", f"{workshop}.workshop", "--json"],
        "export": [*app, "export", f"{workshop}.workshop", "-o", f"{out}.json"],
        "status": [*app, "status", f"{workshop}.workshop"],
        "charter": [*app, "charter", f"{workshop}.workshop", "-o", f"{out}-charter.pdf"],
        "progress": [*app, "progress", f"{workshop}.workshop", "-o", f"{out}-progress.pdf"],
    }


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def one_form_s(document: dict[str, Any]) -> float:
    """One stakeholder's review form, in process (the command makes one per stakeholder)."""
    from workshop_app.domain.document import workshop_from_document
    from workshop_app.report.review import CharterShown, make_review_form

    workshop = workshop_from_document(document)
    shown = CharterShown.of(workshop)
    person = workshop.stakeholders[0].id
    return median_of(lambda: make_review_form(workshop, person, shown=shown), RUNS)


def refusals(work: Path) -> None:
    """A million-item list: refused by validation without reading its items, and by import."""
    from workshop_app.domain.validation import validate_document
    from workshop_app.libraries import demo_document

    demo = demo_document()
    huge = copy.deepcopy(demo)
    huge["candidates"] = [{}] * 1_000_000
    assert len(validate_document(huge)) == 1
    demo_ms = median_of(lambda: validate_document(demo), 11) * 1000
    huge_ms = median_of(lambda: validate_document(huge), 11) * 1000
    line("validate_document: demo", f"{demo_ms:.2f} ms")
    line(
        "validate_document: 1,000,000 candidates (refused)",
        f"{huge_ms:.2f} ms",
        f"{huge_ms / demo_ms:.2f}x demo",
        "goal < 1 s",
    )
    (work / "million.json").write_text(json.dumps(huge), encoding="utf-8")
    bad = [sys.executable, "-m", "workshop_app", "import", "million.json", "million.workshop"]
    wall_s, peak_mb = measured(bad, work, RUNS, refused="at most 2,000 candidates")
    size = (work / "million.json").stat().st_size / 1e6
    line(
        f"import, 1,000,000 candidates, {size:.0f} MB (refused)",
        f"{wall_s:.2f} s",
        f"{peak_mb:.0f} MB",
    )


def limits() -> None:
    from workshop_app.domain.document import workshop_from_document
    from workshop_app.libraries import demo_document

    counts = largest_counts()
    print("largest: " + ", ".join(f"{key} {count:,}" for key, count in counts.items()))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        largest = sized_document(counts)
        workshop_from_document(largest)  # refused here if the caps and the generator disagree
        (work / "largest.json").write_text(json.dumps(largest), encoding="utf-8")
        (work / "demo.json").write_text(json.dumps(demo_document()), encoding="utf-8")
        size = (work / "largest.json").stat().st_size / 1e6
        line("size: the largest workshop's JSON", f"{size:.1f} MB")
        for name, command in commands("demo", "demo-out").items():
            report = name in ("charter", "progress")
            demo_s, demo_mb = measured(command, work, RUNS)
            big_s, big_mb = measured(
                commands("largest", "largest-out")[name], work, REPORT_RUNS if report else RUNS
            )
            goal_s = 60 if report else 10
            line(f"{name}: demo", f"{demo_s:.2f} s", f"{demo_mb:.0f} MB")
            line(
                f"{name}: largest",
                f"{big_s:.2f} s",
                f"{big_s / demo_s:.1f}x, {big_mb:.0f} MB",
                f"goal < {goal_s} s" + (", 1 GB" if report else ""),
            )
            if report:
                kind = name
                line(
                    f"{name}: pages, demo and largest",
                    f"{pages(work / f'demo-out-{kind}.pdf')}, "
                    f"{pages(work / f'largest-out-{kind}.pdf')}",
                )
        demo_form = one_form_s(demo_document())
        big_form = one_form_s(largest)
        line("review form (one stakeholder): demo", f"{demo_form:.2f} s")
        people = counts["stakeholders"]
        line(
            "review form (one stakeholder): largest",
            f"{big_form:.2f} s",
            f"{big_form / demo_form:.1f}x demo",
            f"x {people} = {big_form * people / 60:.1f} min",
        )
        refusals(work)


if __name__ == "__main__":
    limits()
