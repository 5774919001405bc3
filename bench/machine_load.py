"""How much of the processors other work took while the bench measured (Linux ``/proc/stat``).

A start-up is timed by the wall clock. When other programs keep every core busy, a start waits
for its turn in slices of a few milliseconds, and the bare window and the app wait unevenly:
with both of this machine's two cores taken, one run of ``python -m bench startup`` printed
3.01x for the existing file and 1.87x for the demo in the same minute. The bench therefore says
how many cores other work used meanwhile, and that its ratios mean little when that is more
than half a core.

Other work is every processor's busy time less the bench's own: this process and the children
it has waited for (``RUSAGE_SELF`` and ``RUSAGE_CHILDREN``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

#: Other work above this many cores, on average over a measurement, makes its ratios unreliable.
UNRELIABLE_ABOVE_CORES = 0.5
_STAT = Path("/proc/stat")


@dataclass(frozen=True)
class CpuReading:
    """Processor time spent up to one moment.

    Attributes:
        busy_s: every processor's time outside idle and I/O wait since boot, in seconds.
        ours_s: this process's and its waited-for children's user and system time.
        at_s: the performance counter at the reading.
    """

    busy_s: float
    ours_s: float
    at_s: float


def busy_seconds(stat_text: str) -> float:
    """The busy time in the first ("cpu") line of ``/proc/stat``: user, nice, system, irq,
    softirq and steal, in seconds (the line counts in ``SC_CLK_TCK`` ticks; guest time is
    already part of user)."""
    first = stat_text.splitlines()[0].split()
    if first[0] != "cpu" or len(first) < 9:
        raise ValueError(f"not the first line of /proc/stat: {' '.join(first)!r}")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(n) for n in first[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def reading() -> CpuReading | None:
    """Now's reading, or None where ``/proc/stat`` cannot be read (not Linux)."""
    try:
        import resource  # Unix only

        busy = busy_seconds(_STAT.read_text(encoding="ascii"))
    except (ImportError, OSError, ValueError):
        return None
    ours = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        ours += usage.ru_utime + usage.ru_stime
    return CpuReading(busy_s=busy, ours_s=ours, at_s=time.perf_counter())


def other_seconds(before: CpuReading, after: CpuReading) -> float:
    """Processor seconds other work took between two readings (never below zero: the kernel's
    ticks and our own accounting round differently)."""
    return max(0.0, (after.busy_s - before.busy_s) - (after.ours_s - before.ours_s))


def other_cores(before: CpuReading, after: CpuReading) -> float:
    """Cores other work kept busy between two readings, on average."""
    elapsed = after.at_s - before.at_s
    return other_seconds(before, after) / elapsed if elapsed > 0 else 0.0


def load_remark(cores: float) -> str:
    """What the bench prints beside the cores other work used."""
    if cores > UNRELIABLE_ABOVE_CORES:
        return "busy: ratios unreliable"
    return "quiet enough"
