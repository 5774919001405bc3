"""What an automatic backup costs (docs/reliability.md, "Backups"), each figure next to its
baseline measured in the same run:

* one edit of the demo (a vote) as the app saves it, without a backup, with the whole backup
  the five minutes make due after it (copy, sync, ``integrity_check``, layout and every row
  checked, details written, renamed), and as the app waits for it: for the copy alone, the
  rest running in the background (goal: under 100 ms, a tenth of a second, which a
  facilitator does not notice);
* the same on the 1,000-candidate workshop of ``make bench``;
* opening the demo to edit it, without and with its backup;
* a restore of the demo from a backup, with the current file kept first.

``python -m bench.backups`` (a few seconds; the backups go to a temporary folder).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.__main__ import line
from bench.generate import big_document

RUNS = 15


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def edits(path: Path, label: str) -> None:
    """An edit without a backup, then an edit with the backup that falls due after it."""
    from workshop_app.domain.model import Workshop
    from workshop_app.store.backup_schedule import BackupPolicy
    from workshop_app.store.workshop_file import WorkshopFile

    count = iter(range(10**6))

    def vote(workshop: Workshop) -> None:
        workshop.candidates[0].votes = next(count) % 100

    with WorkshopFile.open(path) as opened:
        plain = median_ms(lambda: opened.change(vote))
    with WorkshopFile.open(path, backups=BackupPolicy(every=0)) as opened:
        whole = median_ms(lambda: opened.change(vote))
        assert opened.backups is not None and opened.backups.problem is None
    with WorkshopFile.open(path, backups=BackupPolicy(every=0, in_background=True)) as opened:
        assert opened.backups is not None
        backups = opened.backups

        def edit_then_wait() -> float:
            start = time.perf_counter()
            opened.change(vote)
            waited = time.perf_counter() - start
            backups.wait()  # the check in the background, before the next edit is timed
            return waited

        app = statistics.median(edit_then_wait() for _ in range(RUNS)) * 1000
        assert backups.problem is None
    line(f"an edit, {label}", f"{plain:.1f} ms")
    line(
        f"an edit + its whole backup, {label}",
        f"{whole:.1f} ms",
        f"backup {whole - plain:.1f} ms",
    )
    line(
        f"an edit as the app waits for it, {label}",
        f"{app:.1f} ms",
        f"backup {app - plain:.1f} ms",
        "goal < 100 ms",
    )


def main() -> int:
    from workshop_app.libraries import demo_document
    from workshop_app.store.backup_schedule import BackupPolicy
    from workshop_app.store.backups import ENVIRONMENT, list_backups
    from workshop_app.store.interchange import document_to_workshop
    from workshop_app.store.restore import restore, source_of
    from workshop_app.store.workshop_file import WorkshopFile, write_new_file

    print(f"{platform.node()}, Python {platform.python_version()}, {RUNS} runs, median")
    with tempfile.TemporaryDirectory(prefix="bench-backups-") as folder:
        work = Path(folder)
        os.environ[ENVIRONMENT] = str(work / "backups")
        demo = work / "demo.workshop"
        write_new_file(demo, document_to_workshop(demo_document(), "demo"))
        big = work / "big.workshop"
        write_new_file(big, document_to_workshop(big_document(), "big"))
        line("demo file", f"{demo.stat().st_size // 1024} KB")
        line("1,000-candidate file", f"{big.stat().st_size // 1024} KB")
        edits(demo, "demo")
        edits(big, "1,000 cand.")

        opening = median_ms(lambda: WorkshopFile.open(demo).close())
        # A new state each time (a vote), so that each opening makes its backup.
        state = iter(range(10**6))

        def open_with_backup() -> float:
            with WorkshopFile.open(demo) as opened:
                opened.change(lambda w: setattr(w.candidates[1], "votes", next(state) % 100))
            start = time.perf_counter()
            WorkshopFile.open(demo, backups=BackupPolicy()).close()
            return time.perf_counter() - start

        with_backup = statistics.median(open_with_backup() for _ in range(RUNS)) * 1000
        line("open the demo to edit it", f"{opening:.1f} ms")
        line(
            "open the demo + its whole backup",
            f"{with_backup:.1f} ms",
            f"backup {with_backup - opening:.1f} ms",
        )

        numbers = iter(range(10**6))

        def restore_oldest() -> None:
            with WorkshopFile.open(demo) as opened:  # a state to keep before the restore
                opened.change(lambda w: setattr(w.candidates[2], "votes", next(numbers) % 100))
            oldest = list_backups(demo)[-1]
            restore(demo, source_of(demo, oldest))

        line("restore the demo from a backup", f"{median_ms(restore_oldest, 7):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
