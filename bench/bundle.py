"""``make bundle-bench``: the Linux bundle against the app in the venv, in the same run.

* size: the tarball (goal: at most 80 MB, 10^6 bytes) and the folder it unpacks to;
* start-up: the bundle's ``workshop-app --smoke-test`` against the venv's, on a fresh demo
  copy and on an existing file, the runs taking turns (goal: at most 1.2×);
* a charter of the demo from the command line, bundle against venv (the same WeasyPrint and
  the same libraries' versions, so about 1×).

``python -m bench.bundle dist/first-workflow-VERSION-linux-x86_64.tar.gz``
"""

from __future__ import annotations

import os
import platform
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.__main__ import STARTUP_RUNS, child, first_paints_ms, line, median_of

MB = 1_000_000
CHARTER_RUNS = 3


def unpacked_bytes(folder: Path) -> int:
    """Bytes of every regular file under ``folder`` (a symbolic link counts nothing)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].endswith(".tar.gz"):
        print("usage: python -m bench.bundle dist/first-workflow-VERSION-linux-x86_64.tar.gz")
        return 2
    tarball = Path(argv[0])
    if not tarball.is_file():
        print(f"{tarball}: no such file; run 'make bundle' first", file=sys.stderr)
        return 1
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}; "
        f"medians of {STARTUP_RUNS} runs for start-up, {CHARTER_RUNS} for the charter"
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        # Both programs keep fontconfig's cache (and everything else) in the bench's folder.
        os.environ["XDG_CACHE_HOME"] = str(work / "cache")
        with tarfile.open(tarball) as archive:
            archive.extractall(work / "unpacked", filter="tar")
        (unpacked,) = (work / "unpacked").iterdir()
        compressed, whole = tarball.stat().st_size, unpacked_bytes(unpacked)
        line("size: the tarball (gzip)", f"{compressed / MB:.1f} MB", "", "goal <= 80 MB")
        line("size: unpacked", f"{whole / MB:.1f} MB", f"{whole / compressed:.2f}x tarball")

        bundle: list[str | Path] = [unpacked / "workshop-app"]
        venv: list[str | Path] = [sys.executable, "-m", "workshop_app"]
        child([*venv, "demo", "existing.workshop"], work)
        venv_demo, bundle_demo, venv_file, bundle_file = first_paints_ms(
            [
                [*venv, "--smoke-test"],
                [*bundle, "--smoke-test"],
                [*venv, "existing.workshop", "--smoke-test"],
                [*bundle, "existing.workshop", "--smoke-test"],
            ],
            work,
        )
        for what, venv_ms, bundle_ms in (
            ("--smoke-test (demo)", venv_demo, bundle_demo),
            ("FILE --smoke-test", venv_file, bundle_file),
        ):
            line(f"start-up: venv workshop-app {what}", f"{venv_ms:.0f} ms")
            line(
                f"start-up: bundle workshop-app {what}",
                f"{bundle_ms:.0f} ms",
                f"{bundle_ms / venv_ms:.2f}x venv",
                "goal <= 1.2x",
            )

        def charter(program: Sequence[str | Path]) -> None:
            child([*program, "charter", "existing.workshop", "-o", "out.pdf", "--no-record"], work)

        charter(venv)
        charter(bundle)
        venv_s = median_of(lambda: charter(venv), CHARTER_RUNS)
        bundle_s = median_of(lambda: charter(bundle), CHARTER_RUNS)
        line("charter: venv workshop-app charter (demo)", f"{venv_s * 1000:.0f} ms")
        line(
            "charter: bundle workshop-app charter (demo)",
            f"{bundle_s * 1000:.0f} ms",
            f"{bundle_s / venv_s:.2f}x venv",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
