"""``make bench``: the command line on a 1,000-candidate workshop, against bare Python."""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.generate import big_document

RUNS = 5


def median_seconds(command: Sequence[str | Path], cwd: Path) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([str(part) for part in command], cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(label: str, work: Path) -> None:
    """Time the domain and store steps without process start-up."""
    from workshop_app.domain.document import workshop_from_document
    from workshop_app.domain.ranking import rank_candidates
    from workshop_app.store.workshop_file import WorkshopFile

    doc = json.loads((work / "big.json").read_text(encoding="utf-8"))
    workshop = workshop_from_document(doc)
    start = time.perf_counter()
    rank_candidates(workshop.candidates)
    rank_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    with WorkshopFile.open(work / "big.workshop", read_only=True):
        pass
    open_ms = (time.perf_counter() - start) * 1000
    print(f"{label:<44} rank {rank_ms:7.1f} ms   open file {open_ms:7.1f} ms")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "big.json").write_text(json.dumps(big_document()), encoding="utf-8")
        app = [sys.executable, "-m", "workshop_app"]
        subprocess.run(
            [*app, "import", "big.json", "big.workshop"], cwd=work, check=True, capture_output=True
        )
        baseline = median_seconds([sys.executable, "-c", "import json, sqlite3"], work)
        rank = median_seconds([*app, "rank", "big.workshop", "--json"], work)

        def import_once() -> None:
            (work / "again.workshop").unlink(missing_ok=True)
            subprocess.run(
                [*app, "import", "big.json", "again.workshop"],
                cwd=work,
                check=True,
                capture_output=True,
            )

        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            import_once()
            times.append(time.perf_counter() - start)
        imported = statistics.median(times)
        print(
            f"machine: {platform.machine()}, {platform.python_implementation()} "
            f"{platform.python_version()}, median of {RUNS} runs"
        )
        label = "baseline: python -c 'import json, sqlite3'"
        print(f"{label:<44} {baseline * 1000:7.0f} ms")
        print(
            f"{'rank --json, 1,000 candidates':<44} {rank * 1000:7.0f} ms   "
            f"{rank / baseline:5.1f}x baseline"
        )
        print(
            f"{'import, 1,000 candidates (JSON to file)':<44} {imported * 1000:7.0f} ms   "
            f"{imported / baseline:5.1f}x baseline"
        )
        in_process("in process, 1,000 candidates:", work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
