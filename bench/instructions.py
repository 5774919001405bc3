"""``python -m bench instructions``: start-up counted in instructions, not milliseconds.

The wall clock of a start moves by 10-20% from run to run on a shared machine, which hides a
step worth 2%. Valgrind's callgrind counts the instructions a process executes, the same on
every run of the same program on the same machine, whatever else the machine is doing. Both
the bare window and the app stop at their first paint (the process ends there, so neither
counts its exit), and the app's ratio to the bare window is printed beside each count.

Instructions are not time: memory and loading libraries cost the app more per instruction
than the bare window (the wall-clock ratio of ``python -m bench startup`` has run about 10%
above this one), so this is for comparing two versions of the app, not for the goal itself.
Needs ``valgrind`` (Debian's package); each run takes about a minute under it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Runs the app as ``python -m workshop_app ARGS`` and ends the process at its first paint.
#: The collector is stopped first, as the command line stops it before PySide loads.
_APP = """
import gc, os, runpy, sys
gc.disable()
import workshop_app.ui.app as app
def end(self):
    print("painted", flush=True)
    os._exit(0)
app._FirstPaint._after_first_paint = end
sys.argv = ["workshop-app", *sys.argv[1:]]
runpy.run_module("workshop_app", run_name="__main__", alter_sys=True)
"""

#: The bare window of ``bench/bare_window.py``, ended at its first paint the same way.
_BARE = """
import os, sys
sys.path.insert(0, {here!r})
import bare_window
def end(self):
    print("painted", flush=True)
    os._exit(0)
bare_window._FirstPaint.report = end
sys.exit(bare_window.main())
"""


def counted(arguments: list[str], work: Path, name: str) -> int:
    """Instructions one run executes up to its first paint."""
    out = work / f"callgrind.{name}"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(work / "config"),
        "XDG_DATA_HOME": str(work / "data"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *arguments],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    if "painted" not in done.stdout:
        raise RuntimeError(f"{name} did not paint: {done.stderr[-2000:]}")
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind gave no count for {name}")
    return int(found.group(1))


def instructions() -> None:
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed (Debian: apt-get install valgrind)")
        return
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        python = sys.executable
        subprocess.run(
            [python, "-m", "workshop_app", "demo", "existing.workshop"],
            cwd=work,
            check=True,
            capture_output=True,
        )
        app = [python, "-c", _APP]
        runs = {
            "bare PySide6 window": [python, "-c", _BARE.format(here=str(HERE))],
            "workshop-app (demo)": [*app, "--smoke-test"],
            "workshop-app FILE": [*app, "existing.workshop", "--smoke-test"],
            "workshop-app (welcome)": app,
        }
        for arguments in runs.values():  # bytecode written and the disk cache filled first
            subprocess.run(
                arguments,
                cwd=work,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                capture_output=True,
                check=False,
            )
        with ThreadPoolExecutor(max_workers=2) as pool:  # one run per core
            futures = {
                name: pool.submit(counted, arguments, work, str(number))
                for number, (name, arguments) in enumerate(runs.items())
            }
            counts = {name: future.result() for name, future in futures.items()}
    bare = counts["bare PySide6 window"]
    for name, count in counts.items():
        ratio = "" if count == bare else f"{count / bare:.3f}x bare"
        print(f"instructions to the first paint: {name:<24} {count / 1e6:8,.0f}M  {ratio}")
