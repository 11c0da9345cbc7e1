"""Small helpers the benchmark scripts share (run as ``python bench/<script>.py``)."""

import os
import socket
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (1 to 99) of ``values``."""
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def timings(func: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock milliseconds of ``runs`` calls of ``func``."""
    result = []
    for _ in range(runs):
        began = time.perf_counter()
        func()
        result.append((time.perf_counter() - began) * 1000)
    return result


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the given processes have used so far (Linux /proc).

    A process that has ended meanwhile counts as nothing.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def child_pids(pid: int) -> list[int]:
    """The direct children of a process (Linux /proc)."""
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def pids_named(name: str) -> list[int]:
    """Every process whose command name is ``name``, e.g. the PostgreSQL backends."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found
