"""Benchmark: case search over keyed-hash word tokens with 100,000 cases on PostgreSQL.

Run:  createdb -h 127.0.0.1 -U postgres meldpunt_bench_search   (once)
      .venv/bin/python bench/search_bench.py [--cases 100000] [--queries 200] [--reset]

The database (``DATABASE_URL``, default the local ``meldpunt_bench_search``) is migrated
and filled once: cases are bulk inserted, and per case about 30 distinct word tokens
drawn from a Zipf vocabulary of 50,000 words (s = 1.0, like real text: a handful of words
occur in most cases, most words in very few), written with COPY. Later runs reuse the
data unless ``--reset`` is given.

Each search does what the search page does: ``case_search`` for the words, then the
count (capped at 500 matches) and the first page of 25. Query words come from a random
case, so every search has at least one hit; separate rows measure the worst case: the
most frequent words.
Baseline in the same run: a primary-key lookup of one case. Prints p50 and p99 in
milliseconds and the ratio to the baseline.
"""

import argparse
import bisect
import itertools
import os
import platform
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/meldpunt_bench_search")

import django

django.setup()

from _common import pct, timings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from meldpunt.cases.models import Case, CaseSearchToken  # noqa: E402
from meldpunt.cases.search.index import INDEX_KIND  # noqa: E402
from meldpunt.cases.search.selectors import CaseQuery, case_search, results_page  # noqa: E402
from meldpunt.lib.crypto import blind_index  # noqa: E402

VOCABULARY = 50_000
TOKENS_PER_CASE = 30
PAGE = 25


def word(rank: int) -> str:
    return f"woord{rank}"


def fill(cases: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    weights = [1 / rank for rank in range(1, VOCABULARY + 1)]
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]
    tokens = [blind_index(INDEX_KIND, word(rank)) for rank in range(1, VOCABULARY + 1)]
    start = timezone.now() - timedelta(days=3 * 365)
    statuses = ["new", "assessment", "in_progress", "referred", "closed", "closed", "closed"]
    batch = []
    for n in range(1, cases + 1):
        batch.append(
            Case(
                number=f"B{n:09d}",
                status=rng.choice(statuses),
                created_at=start + timedelta(minutes=15 * n),
                updated_at=start + timedelta(minutes=15 * n),
                title="",
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)
    ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    copy_sql = "COPY cases_casesearchtoken (case_id, token) FROM STDIN"
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor() as raw,
        raw.copy(copy_sql) as copy,
    ):
        for case_id in ids:
            ranks: set[int] = set()
            while len(ranks) < TOKENS_PER_CASE:
                ranks.add(bisect.bisect_left(cumulative, rng.random() * total))
            for rank in ranks:
                copy.write_row((case_id, tokens[rank]))


def search_page(text: str) -> tuple[int, list[Case]]:
    """What the search page does: the (capped) count and the first page."""
    page = results_page(case_search(CaseQuery(text=text)), 1, per_page=PAGE)
    return page.paginator.count, list(page.object_list)


def measure(texts: list[str]) -> tuple[list[float], list[int]]:
    """Milliseconds per search page and the number of hits of each."""
    times, hits = [], []
    for text in texts:
        start = time.perf_counter()
        total, _page = search_page(text)
        times.append((time.perf_counter() - start) * 1000)
        hits.append(total)
    return times, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--reset", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL (DATABASE_URL=postgres://...).")

    call_command("migrate", verbosity=0)
    if args.reset or Case.objects.count() != args.cases:
        print(f"Filling the database with {args.cases:,} cases ...", flush=True)
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE cases_case CASCADE")
        began = time.perf_counter()
        fill(args.cases)
        print(f"  done in {time.perf_counter() - began:.0f} s", flush=True)
    # What autovacuum does after a bulk load; index-only scans need the visibility map.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE cases_case")
        cursor.execute("VACUUM ANALYZE cases_casesearchtoken")
    token_rows = CaseSearchToken.objects.count()

    rng = random.Random(5)
    ids = list(Case.objects.values_list("pk", flat=True))
    token_of = {blind_index(INDEX_KIND, word(r)): word(r) for r in range(1, VOCABULARY + 1)}

    def words_of_random_case(count: int) -> str:
        case_id = rng.choice(ids)
        own = list(CaseSearchToken.objects.filter(case_id=case_id).values_list("token", flat=True))
        return " ".join(token_of[t] for t in rng.sample(own, count))

    measure([words_of_random_case(2) for _ in range(20)])  # warm the caches first
    baseline = timings(lambda: Case.objects.get(pk=rng.choice(ids)), args.queries)
    rows: list[tuple[str, list[float], list[int] | None]] = [
        ("primary-key lookup (baseline)", baseline, None)
    ]
    for count in (1, 2, 3):
        queries = [words_of_random_case(count) for _ in range(args.queries)]
        rows.append((f"{count}-word search (words of a random case)", *measure(queries)))
    for k in (1, 2, 3):
        text = " ".join(word(r) for r in range(1, k + 1))
        rows.append((f"most frequent words: {text}", *measure([text] * 20)))
    base_p50 = pct(baseline, 50)
    print(
        f"\nPostgreSQL, {args.cases:,} cases, {token_rows:,} token rows, "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
    )
    print(
        f"{'search':<52} {'p50 ms':>8} {'p99 ms':>8} {'p50/base':>9} {'hits p50':>9}"
        "  (hits capped at 500)"
    )
    for label, times, hits in rows:
        ratio = pct(times, 50) / base_p50
        median_hits = f"{statistics.median(hits):,.0f}" if hits else "-"
        print(
            f"{label:<52} {pct(times, 50):8.2f} {pct(times, 99):8.2f} {ratio:9.1f} {median_hits:>9}"
        )


if __name__ == "__main__":
    main()
