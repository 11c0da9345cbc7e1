"""Benchmark: the staff inbox and team workload with 100,000 cases on PostgreSQL.

Run:  createdb -h 127.0.0.1 -U postgres meldpunt_bench_inbox   (once)
      .venv/bin/python bench/inbox_bench.py [--cases 100000] [--runs 200] [--reset]

The database (``DATABASE_URL``, default the local ``meldpunt_bench_inbox``) is migrated and
filled once with bulk-inserted cases: 3 years of history, 80% closed, the open ones spread
over 12 advisors or unassigned, meldingen with assessment deadlines around today (some
overdue), 1% with a new message. Later runs reuse the data unless ``--reset`` is given.

Measured: ``inbox_sections`` (what the inbox view reads: one query per section, rows
turned into objects) for an advisor and for a coordinator, and ``team_workload``.
Baseline in the same run: a primary-key lookup of one case. Prints p50 and p99 in
milliseconds and the ratio to the baseline.
"""

import argparse
import os
import platform
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/meldpunt_bench_inbox")

import django

django.setup()

from _common import pct, timings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from meldpunt.accounts.models import Role, User  # noqa: E402
from meldpunt.cases.models import Case, CaseKind, CaseStatus, Urgency  # noqa: E402
from meldpunt.cases.selectors import inbox_sections, team_workload  # noqa: E402

ADVISORS = 12
OPEN = [CaseStatus.NEW, CaseStatus.ASSESSMENT, CaseStatus.IN_PROGRESS, CaseStatus.REFERRED]


def staff() -> tuple[list[User], User]:
    advisors = []
    for n in range(ADVISORS):
        user, _ = User.objects.get_or_create(username=f"bench-advisor-{n}", role=Role.ADVISOR)
        advisors.append(user)
    coordinator, _ = User.objects.get_or_create(username="bench-coord", role=Role.COORDINATOR)
    return advisors, coordinator


def fill(cases: int, advisors: list[User], seed: int = 7) -> None:
    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    start = now - timedelta(days=3 * 365)
    step = (now - start) / cases
    batch = []
    for n in range(1, cases + 1):
        created = start + step * n
        closed = rng.random() < 0.8
        kind = CaseKind.REPORT if rng.random() < 0.4 else CaseKind.ADVICE
        status = CaseStatus.CLOSED if closed else rng.choice(OPEN)
        batch.append(
            Case(
                number=f"I{n:09d}",
                kind=kind,
                status=status,
                urgency=rng.choice([Urgency.NORMAL] * 8 + [Urgency.HIGH, Urgency.ACUTE]),
                assigned_to=None if rng.random() < 0.15 else rng.choice(advisors),
                created_at=created,
                updated_at=created,
                assessment_due=(
                    today + timedelta(days=rng.randint(-10, 7)) if kind == CaseKind.REPORT else None
                ),
                needs_attention=rng.random() < 0.01,
                closed_at=created if closed else None,
                title="",
                closing_note="",
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE cases_case")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--reset", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL (DATABASE_URL=postgres://...).")

    call_command("migrate", verbosity=0)
    advisors, coordinator = staff()
    if args.reset or Case.objects.count() != args.cases:
        print(f"Filling the database with {args.cases:,} cases ...", flush=True)
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE cases_case CASCADE")
        began = time.perf_counter()
        fill(args.cases, advisors)
        print(f"  done in {time.perf_counter() - began:.0f} s", flush=True)
    open_cases = Case.objects.exclude(status=CaseStatus.CLOSED).count()

    rng = random.Random(3)
    ids = list(Case.objects.values_list("pk", flat=True))
    advisor = advisors[0]
    for _ in range(10):  # warm the caches first
        inbox_sections(advisor)
    rows = [
        (
            "primary-key lookup (baseline)",
            timings(lambda: Case.objects.get(pk=rng.choice(ids)), args.runs),
        ),
        ("inbox, advisor (5 sections)", timings(lambda: inbox_sections(advisor), args.runs)),
        (
            "inbox, coordinator (6 sections)",
            timings(lambda: inbox_sections(coordinator), args.runs),
        ),
        ("team workload", timings(team_workload, args.runs)),
    ]
    base_p50 = pct(rows[0][1], 50)
    print(
        f"\nPostgreSQL, {args.cases:,} cases ({open_cases:,} open), "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
    )
    print(f"{'read':<40} {'p50 ms':>8} {'p99 ms':>8} {'p50/base':>9}")
    for label, times in rows:
        print(
            f"{label:<40} {pct(times, 50):8.2f} {pct(times, 99):8.2f} "
            f"{pct(times, 50) / base_p50:9.1f}"
        )


if __name__ == "__main__":
    main()
