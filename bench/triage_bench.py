"""Benchmark: triage suggestions and entity extraction on 2,000-character texts.

Run:  .venv/bin/python bench/triage_bench.py [--texts 500] [--rounds 3]

Texts are glued together from the evaluation reports (not the frozen blind set) and cut
at 2,000 characters, so they read like real call summaries; ``--sets development,dev6``
takes them from those sets only (so a run need not read any blind set). Baseline in the same run:
``text.lower().split()`` over the same texts (the cheapest possible look at the words).
Prints p50, p99 and the slowest call in milliseconds and the ratio to the baseline, for
wall-clock time and for the CPU time of the thread (which leaves out time the process was
waiting for a core on a busy machine). Before it measures, it loads the triage and freezes
what is loaded, as a worker does at start (config/asgi.py).
"""

import argparse
import gc
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django

django.setup()

from _common import pct  # noqa: E402

from meldpunt.linking.extract import extract  # noqa: E402
from meldpunt.triage.evaluation import FROZEN, SETS, reports  # noqa: E402
from meldpunt.triage.suggest import preload, suggest  # noqa: E402

TEXT_LENGTH = 2000


def make_texts(count: int, seed: int = 7, sets: list[str] | None = None) -> list[str]:
    chosen = sets or [split for split in SETS if split not in FROZEN]
    pool = [r.text for split in chosen for r in reports(split)]
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < TEXT_LENGTH:
            parts.append(rng.choice(pool))
        texts.append(" ".join(parts)[:TEXT_LENGTH])
    return texts


def timings(
    func: Callable[[str], object], texts: list[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and thread CPU milliseconds per call."""
    wall, cpu = [], []
    for _ in range(rounds):
        for text in texts:
            start, start_cpu = time.perf_counter(), time.thread_time()
            func(text)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--sets", help="comma-separated evaluation sets for the texts (default: all not frozen)"
    )
    args = parser.parse_args()
    sets = args.sets.split(",") if args.sets else None
    if sets and not set(sets) <= set(SETS) - FROZEN:
        parser.error(f"--sets takes sets that are not frozen: {sorted(set(SETS) - FROZEN)}")
    texts = make_texts(args.texts, sets=sets)

    start = time.perf_counter()
    preload()
    cold = (time.perf_counter() - start) * 1000
    gc.freeze()

    baseline = timings(lambda t: t.lower().split(), texts, args.rounds)
    measured = {
        "suggest()": timings(suggest, texts, args.rounds),
        "extract()": timings(extract, texts, args.rounds),
    }
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )
    print(f"{len(texts)} texts of {TEXT_LENGTH} characters x {args.rounds} rounds")
    print(f"preload (pattern indexes and models, once per worker): {cold:.1f} ms")
    for clock, which in (("wall clock", 0), ("thread CPU", 1)):
        base50, base99 = pct(baseline[which], 50), pct(baseline[which], 99)
        print(
            f"\n{clock:12} {'p50 ms':>9} {'p99 ms':>9} {'p50 ratio':>10} {'p99 ratio':>10}"
            f" {'max ms':>9}"
        )
        print(
            f"{'baseline':12} {base50:9.3f} {base99:9.3f} {1:10.0f} {1:10.0f}"
            f" {max(baseline[which]):9.3f}"
        )
        for name, values in measured.items():
            p50, p99 = pct(values[which], 50), pct(values[which], 99)
            print(
                f"{name:12} {p50:9.3f} {p99:9.3f} {p50 / base50:10.0f} {p99 / base99:10.0f}"
                f" {max(values[which]):9.3f}"
            )


if __name__ == "__main__":
    main()
