"""Making a PDF leaves nothing in the temporary folder (issue 15): the fonts' folder goes when
the process ends, and one left by a process that was killed goes with the next render."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _charter(demo_file: Path, out: Path, temp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", "charter", str(demo_file), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
        check=False,
    )


def test_a_render_leaves_no_folder_behind_and_sweeps_a_killed_ones(
    demo_file: Path, tmp_path: Path
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    left = temp / f"first-workflow-fonts-{int(dead.stdout)}-abc123"
    left.mkdir()
    (left / "fonts.conf").write_text("<fontconfig/>", encoding="utf-8")
    mine = temp / "first-workflow-fonts-notes"  # not a process's: left alone
    mine.mkdir()

    result = _charter(demo_file, tmp_path / "charter.pdf", temp)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "charter.pdf").stat().st_size > 10_000
    assert sorted(p.name for p in temp.iterdir()) == ["first-workflow-fonts-notes"]
