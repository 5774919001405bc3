"""The bench's account of other work on the machine (``bench/machine_load.py``): it reads the
kernel's processor times, counts a process it does not wait for as other work, and keeps its
own children's time out. Linux only, as ``/proc/stat`` is; no Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import machine_load
from bench.machine_load import CpuReading, busy_seconds, other_cores, other_seconds

pytestmark = pytest.mark.skipif(not Path("/proc/stat").is_file(), reason="needs /proc/stat")

TICKS = os.sysconf("SC_CLK_TCK")
#: A child that spends this much processor time and ends.
SPIN = (
    "import time\n"
    "start = time.process_time()\n"
    "while time.process_time() - start < {seconds}:\n"
    "    pass\n"
)


def cpu_seconds_of(pid: int) -> float:
    """User and system time of a running process, from ``/proc/PID/stat``."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime and stime, fields 14 and 15


def test_the_busy_time_is_every_column_but_idle_and_io_wait() -> None:
    stat = (
        f"cpu  {TICKS * 1} {TICKS * 2} {TICKS * 4} 999999 888888 {TICKS * 8} {TICKS * 16} 0 0 0\n"
    )
    stat += "cpu0 1 2 3 4 5 6 7 8 9 10\n"
    assert busy_seconds(stat) == 31.0


def test_a_text_that_is_not_proc_stat_is_refused() -> None:
    with pytest.raises(ValueError, match="not the first line"):
        busy_seconds("intr 1 2 3 4 5 6 7 8 9\n")


def test_the_bench_own_time_is_not_other_work() -> None:
    before = CpuReading(busy_s=100.0, ours_s=3.0, at_s=10.0)
    after = CpuReading(busy_s=102.5, ours_s=4.5, at_s=12.0)
    assert other_seconds(before, after) == pytest.approx(1.0)
    assert other_cores(before, after) == pytest.approx(0.5)
    assert machine_load.load_remark(0.5) == "quiet enough"
    assert machine_load.load_remark(0.51) == "busy: ratios unreliable"


def test_a_child_the_bench_waited_for_counts_as_its_own() -> None:
    before = machine_load.reading()
    subprocess.run([sys.executable, "-c", SPIN.format(seconds=0.3)], check=True)
    after = machine_load.reading()
    assert before is not None and after is not None
    assert after.ours_s - before.ours_s >= 0.25


def test_a_process_the_bench_does_not_wait_for_is_other_work() -> None:
    before = machine_load.reading()
    spinner = subprocess.Popen([sys.executable, "-c", SPIN.format(seconds=60)])
    try:
        while cpu_seconds_of(spinner.pid) < 0.3:  # its own clock, not a sleep
            pass
        after = machine_load.reading()
    finally:
        spinner.kill()
        spinner.wait()
    assert before is not None and after is not None
    assert other_seconds(before, after) >= 0.25
