"""Small helpers the benchmark scripts share (run as ``python bench/<script>.py``)."""

import socket
import statistics
import time
from collections.abc import Callable


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
