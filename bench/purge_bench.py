"""Benchmark: purging 100,000 expired cases on PostgreSQL while other writers run.

Run:  .venv/bin/python bench/purge_bench.py [--cases 100000] [--writers 2] [--batch-size 100]

The database (``DATABASE_URL``, default the local ``meldpunt_bench_purge``) is dropped,
created and migrated at every run: a purge cannot be undone, and the audit log's
triggers refuse the TRUNCATE other benchmarks use to start again. It is filled with bulk
inserts: ``--cases`` closed advice cases past their period (closed 400 days ago), each
with one contact, a person, a place, a note, five search tokens and two entity hashes,
and 5,000 open cases that stay.

Two runs over the same rows, each with ``--writers`` threads writing all the time: half
of their writes open a new case with a contact (as the phone intake does, audited), half
update a random existing case under a row lock (as any change to a case does), expired
ones included, so a writer meets the rows being removed.

- baseline: one transaction with a plain DELETE of the same rows (children first, then
  the cases), rolled back afterwards so the purge gets the same data;
- purge: ``meldpunt.privacy.purge.purge`` in batches of ``--batch-size``.

Prints the wall time of each, its longest transaction, and the writers' p50, p99 and
maximum latency while it ran; then checks that every expired case was purged and the
statistics columns are unchanged.
"""

import argparse
import os
import platform
import random
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/meldpunt_bench_purge")

import django
import psycopg
from psycopg import sql

django.setup()

from _common import pct  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402

from meldpunt.accounts.models import Role, User  # noqa: E402
from meldpunt.cases.models import (  # noqa: E402
    Area,
    Case,
    CaseKind,
    CaseSearchToken,
    CaseStatus,
    Channel,
    Contact,
    Exploitation,
    Location,
    LocationKind,
    Note,
    Outcome,
    Person,
    PersonRole,
)
from meldpunt.cases.services import case_create, contact_add  # noqa: E402
from meldpunt.lib import clock  # noqa: E402
from meldpunt.linking.models import EntityHash  # noqa: E402
from meldpunt.privacy import purge as purge_module  # noqa: E402
from meldpunt.privacy.models import PurgedCase  # noqa: E402
from meldpunt.privacy.purge import purge  # noqa: E402
from meldpunt.privacy.rules import retention_periods  # noqa: E402

OPEN_CASES = 5000
CHUNK = 5000
CHILD_TABLES = (
    "linking_entityhash",
    "cases_casesearchtoken",
    "cases_note",
    "cases_location",
    "cases_person",
    "cases_contact",
)


def recreate_database() -> None:
    """Drop and create the benchmark's database, through the server's ``postgres`` one."""
    url = urlsplit(os.environ["DATABASE_URL"])
    name = url.path.lstrip("/")
    maintenance = url._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def fill(cases: int, author: User) -> None:
    rng = random.Random(11)
    now = clock.now()
    closed = now - timedelta(days=400)
    areas = [area for area, _label in Area.choices]
    forms = [form for form, _label in Exploitation.choices]
    for start in range(0, cases + OPEN_CASES, CHUNK):
        stop = min(start + CHUNK, cases + OPEN_CASES)
        batch = Case.objects.bulk_create(
            Case(
                number=f"P{n:09d}",
                kind=CaseKind.ADVICE,
                status=CaseStatus.CLOSED if n < cases else CaseStatus.IN_PROGRESS,
                exploitation=rng.choice(forms),
                municipality=rng.choice(areas),
                created_at=closed - timedelta(days=30),
                updated_at=closed,
                closed_at=closed if n < cases else None,
                outcome=Outcome.UNCLEAR if n < cases else "",
                title=f"Zaak {n}",
                closing_note="",
            )
            for n in range(start, stop)
        )
        contacts = Contact.objects.bulk_create(
            Contact(
                case=case,
                channel=rng.choice([Channel.PHONE, Channel.CHAT]),
                started_at=case.created_at,
                municipality=case.municipality,
                summary=f"Belt vanaf 06{rng.randrange(10**8):08d} over de loods.",
                details={},
            )
            for case in batch
        )
        Person.objects.bulk_create(
            Person(case=case, role=PersonRole.VICTIM, name=f"Persoon {case.pk}") for case in batch
        )
        Location.objects.bulk_create(
            Location(case=case, kind=LocationKind.WORKPLACE, address=f"Weg {case.pk}")
            for case in batch
        )
        Note.objects.bulk_create(
            Note(case=case, author=author, created_at=now, text="notitie") for case in batch
        )
        CaseSearchToken.objects.bulk_create(
            CaseSearchToken(case=case, token=f"{case.pk}-{word}")
            for case in batch
            for word in range(5)
        )
        EntityHash.objects.bulk_create(
            EntityHash(
                case=case,
                contact=contact,
                kind="phone",
                digest=f"{case.pk}-{n}",
                channel=contact.channel,
                seen_at=contact.started_at,
                created_at=now,
            )
            for case, contact in zip(batch, contacts, strict=True)
            for n in range(2)
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Writers:
    """Threads that write while the measured work runs, each timing every write."""

    def __init__(self, count: int, user: User, case_ids: list[int]) -> None:
        self.user = user
        self.case_ids = case_ids
        self.stop = threading.Event()
        self.latencies: list[float] = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(count)]

    def write(self, rng: random.Random) -> None:
        if rng.random() < 0.5:
            with transaction.atomic():
                case = case_create(by=self.user)
                contact_add(case=case, by=self.user, channel=Channel.PHONE, summary="nieuw")
        else:
            with transaction.atomic():
                pk = rng.choice(self.case_ids)
                Case.objects.select_for_update().filter(pk=pk).update(updated_at=clock.now())

    def run(self, seed: int) -> None:
        rng = random.Random(seed)
        try:
            while not self.stop.is_set():
                began = time.perf_counter()
                self.write(rng)
                with self.lock:
                    self.latencies.append((time.perf_counter() - began) * 1000)
        finally:
            connection.close()

    def __enter__(self) -> "Writers":
        for thread in self.threads:
            thread.start()
        time.sleep(1)  # writers under way before the measured work starts
        with self.lock:
            self.latencies.clear()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def plain_delete(ids: list[int]) -> float:
    """DELETE the expired cases and their rows in one transaction, then roll it back."""
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("BEGIN")
        cursor.execute("CREATE TEMP TABLE doomed (id bigint PRIMARY KEY) ON COMMIT DROP")
        cursor.execute("INSERT INTO doomed SELECT unnest(%s::bigint[])", [ids])
        for table in CHILD_TABLES:
            cursor.execute(f"DELETE FROM {table} WHERE case_id IN (SELECT id FROM doomed)")  # noqa: S608
        cursor.execute("DELETE FROM cases_case WHERE id IN (SELECT id FROM doomed)")
        elapsed = time.perf_counter() - began
        cursor.execute("ROLLBACK")
    return elapsed


def statistics() -> list[dict[str, object]]:
    return list(
        Case.objects.values("kind", "status", "municipality", "exploitation", "outcome")
        .annotate(n=Count("id"), contacts=Count("contacts"))
        .order_by("kind", "status", "municipality", "exploitation", "outcome")
    )


def report(label: str, seconds: float, longest: float, latencies: list[float]) -> None:
    print(
        f"{label:<34} {seconds:8.1f} {longest * 1000:10.0f} {len(latencies):7d} "
        f"{pct(latencies, 50):8.1f} {pct(latencies, 99):8.1f} {max(latencies):9.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=purge_module.BATCH_SIZE)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL (DATABASE_URL=postgres://...).")

    recreate_database()
    call_command("migrate", verbosity=0)
    user = User.objects.create(username="bench-advisor", role=Role.ADVISOR)
    print(f"Filling with {args.cases:,} expired and {OPEN_CASES:,} open cases ...", flush=True)
    began = time.perf_counter()
    fill(args.cases, user)
    print(f"  done in {time.perf_counter() - began:.0f} s", flush=True)
    expired = list(
        Case.objects.filter(status=CaseStatus.CLOSED).order_by("pk").values_list("pk", flat=True)
    )
    all_ids = list(Case.objects.values_list("pk", flat=True))
    before = statistics()
    # Warm up what a first write loads (the lemmatiser of the search index).
    contact_add(case=case_create(by=user), by=user, channel=Channel.PHONE, summary="warm")

    print(
        f"\nPostgreSQL, {args.cases:,} expired cases, {args.writers} writers, "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
    )
    print(
        f"{'run':<34} {'wall s':>8} {'longest ms':>10} {'writes':>7} "
        f"{'p50 ms':>8} {'p99 ms':>8} {'max ms':>9}"
    )
    with Writers(args.writers, user, all_ids) as writers:
        seconds = plain_delete(expired)
    report("plain DELETE, one transaction", seconds, seconds, writers.latencies)

    # Each batch's transaction, timed from its start to its commit.
    batches: list[float] = []
    one_batch = purge_module._purge_case_batch

    def timed_batch(*batch_args: Any, **batch_kwargs: Any) -> int:
        began = time.perf_counter()
        try:
            return one_batch(*batch_args, **batch_kwargs)
        finally:
            batches.append(time.perf_counter() - began)

    purge_module._purge_case_batch = timed_batch  # type: ignore[assignment]
    with Writers(args.writers, user, all_ids) as writers:
        began = time.perf_counter()
        done = purge(periods=retention_periods(), now=clock.now(), batch_size=args.batch_size)
        seconds = time.perf_counter() - began
    report(f"purge, batches of {args.batch_size}", seconds, max(batches), writers.latencies)
    print(
        f"  {len(batches)} batches: p50 {pct(batches, 50) * 1000:.0f} ms, "
        f"p99 {pct(batches, 99) * 1000:.0f} ms, longest {max(batches) * 1000:.0f} ms"
    )
    print(f"  {args.cases / seconds:,.0f} cases/s; removed per category: {done}")

    purged = PurgedCase.objects.count()
    leftovers = sum(
        model._default_manager.filter(case_id__in=expired[:5000]).count()
        for model in (Person, Location, Note, CaseSearchToken, EntityHash)
    )
    same = [row for row in statistics() if row["status"] == CaseStatus.CLOSED] == [
        row for row in before if row["status"] == CaseStatus.CLOSED
    ]
    print(f"  purged cases: {purged:,}; rows left of the first 5,000: {leftovers}; ", end="")
    print(f"statistics of the closed cases unchanged: {same}")


if __name__ == "__main__":
    main()
