"""Benchmark: resident memory of a process before and after the triage engine is warm.

Run:  .venv/bin/python bench/triage_memory.py [--texts 500] [--rounds 3]

Steps, each followed by the process's resident set size (VmRSS from /proc/self/status):
Django set up and the ASGI application imported (what every worker holds; the
baseline), one suggestion and one extraction (pattern index and lemma dictionaries
built), then every 2,000-character bench text through ``suggest`` and ``extract``
``--rounds`` times (the bounded memories filled). The last two rows should be close:
the engine does not grow with use.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sets", help="comma-separated evaluation sets for the texts")
    args = parser.parse_args()
    rows = [("Python started", rss_mb())]

    import django

    django.setup()
    import config.asgi  # noqa: F401 - the application a worker serves

    rows.append(("Django and the ASGI application (baseline)", rss_mb()))
    from triage_bench import make_texts

    from meldpunt.linking.extract import extract
    from meldpunt.triage.suggest import suggest

    texts = make_texts(args.texts, sets=args.sets.split(",") if args.sets else None)
    suggest(texts[0])
    extract(texts[0])
    rows.append(("after the first suggestion and extraction", rss_mb()))
    for _ in range(args.rounds):
        for text in texts:
            suggest(text)
            extract(text)
    rows.append((f"after {args.texts * args.rounds} more of each", rss_mb()))
    base = rows[1][1]
    print(f"{'step':48} {'RSS MB':>8} {'vs baseline':>12}")
    for name, value in rows:
        print(f"{name:48} {value:8.1f} {value - base:+12.1f}")


if __name__ == "__main__":
    main()
