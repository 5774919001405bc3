"""How long this process has been running, for start-up measurements (stdlib only)."""

from __future__ import annotations

import os
import time

_IMPORTED = time.perf_counter()


def process_age_ms() -> float:
    """Milliseconds since the process started (from /proc on Linux; else since import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:  # noqa: PTH123
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as handle:  # noqa: PTH123
            uptime = float(handle.read().split()[0])
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return (uptime - started) * 1000
    except (OSError, IndexError, ValueError):
        return (time.perf_counter() - _IMPORTED) * 1000
