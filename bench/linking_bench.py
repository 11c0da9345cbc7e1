"""Benchmark: related-case lookup with 1 million stored entity hashes on PostgreSQL.

Run (PostgreSQL on 127.0.0.1, creates and fills the dedicated database once):

    .venv/bin/python bench/linking_bench.py [--rows 1000000] [--lookups 2000]

``DATABASE_URL`` may point elsewhere, but its database name must be ``meldpunt_bench``:
the script writes a million rows there. Cases, contacts and entity hashes are loaded
with COPY (two contacts per case, five entities per contact). Most digests are unique;
one in twenty is drawn from a pool of shared values, so about one case in five has
related cases, as when addresses and numbers recur across reports.

Measured: ``related_cases(user=..., case=...)`` (the selector the case page uses) for
random cases, and separately for cases that do have relations. Baseline in the same
run: a primary-key lookup of one EntityHash row. Prints p50 and p99 in milliseconds,
the ratio to the baseline and the query plan. Because wall-clock percentiles on a busy
shared machine mostly measure waiting for a core, the server-side execution time of
the same SQL (``EXPLAIN ANALYZE``) is reported as well.
"""

import argparse
import io
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import django
import psycopg
from _common import pct

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
DB_URL = os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/meldpunt_bench")
if not DB_URL.rstrip("/").endswith("/meldpunt_bench"):
    sys.exit("DATABASE_URL must name the database meldpunt_bench.")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
os.environ.pop("REDIS_URL", None)

PER_CASE_CONTACTS = 2
PER_CONTACT_ENTITIES = 5
SHARED_SHARE = 0.05
KINDS = ["phone", "plate", "address", "email", "iban", "kvk", "domain", "handle"]
CHANNELS = ["phone", "chat", "web_report", "mailbox"]


def ensure_database() -> None:
    admin_url = DB_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = 'meldpunt_bench'"
        ).fetchone()
        if not exists:
            conn.execute("CREATE DATABASE meldpunt_bench")


def copy_rows(cursor, table: str, columns: list[str], rows) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    buffer.seek(0)
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        while chunk := buffer.read(1 << 20):
            copy.write(chunk)


def row_values(model, explicit: dict) -> tuple[list[str], Callable[[dict], list]]:
    """Column names of ``model`` and a function giving a row: explicit, null or default."""
    from django.db.models import JSONField

    from meldpunt.lib.fields import EncryptedMixin

    columns, makers = [], []
    for field in model._meta.concrete_fields:
        columns.append(field.column)
        if field.name in explicit or field.attname in explicit:
            key = field.name if field.name in explicit else field.attname
            makers.append(lambda values, key=key: values[key])
        elif isinstance(field, EncryptedMixin):
            makers.append(lambda values: "")
        elif field.null:
            makers.append(lambda values: None)
        elif isinstance(field, JSONField):
            makers.append(lambda values: "[]")
        else:
            default = field.get_default()
            text = ("t" if default else "f") if isinstance(default, bool) else default
            makers.append(lambda values, text=text: text)
    return columns, lambda values: [make(values) for make in makers]


def fill(rows: int) -> None:
    from django.db import connection

    from meldpunt.cases.models import Case, Contact
    from meldpunt.linking.models import EntityHash

    contacts = rows // PER_CONTACT_ENTITIES
    cases = contacts // PER_CASE_CONTACTS
    rng = random.Random(42)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    pool = [f"{rng.getrandbits(160):040x}" for _ in range(max(1, int(rows * SHARED_SHARE / 2.5)))]
    t0 = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        case_cols, case_row = row_values(
            Case, {"id": 0, "number": 0, "created_at": 0, "updated_at": 0}
        )
        copy_rows(
            raw,
            Case._meta.db_table,
            case_cols,
            (
                case_row(
                    {
                        "id": i,
                        "number": f"B-{i:07d}",
                        "created_at": start + timedelta(minutes=i),
                        "updated_at": start + timedelta(minutes=i),
                    }
                )
                for i in range(1, cases + 1)
            ),
        )
        contact_cols, contact_row = row_values(
            Contact, {"id": 0, "case": 0, "channel": 0, "started_at": 0}
        )
        copy_rows(
            raw,
            Contact._meta.db_table,
            contact_cols,
            (
                contact_row(
                    {
                        "id": i,
                        "case": (i - 1) // PER_CASE_CONTACTS + 1,
                        "channel": CHANNELS[i % 4],
                        "started_at": start + timedelta(minutes=i),
                    }
                )
                for i in range(1, contacts + 1)
            ),
        )

        def entity_rows():
            n = 0
            for contact in range(1, contacts + 1):
                case = (contact - 1) // PER_CASE_CONTACTS + 1
                seen = start + timedelta(minutes=contact)
                for _ in range(PER_CONTACT_ENTITIES):
                    n += 1
                    shared = rng.random() < SHARED_SHARE
                    digest = rng.choice(pool) if shared else f"{rng.getrandbits(160):040x}"
                    kind = KINDS[int(digest[:2], 16) % len(KINDS)]
                    yield [n, case, contact, kind, digest, CHANNELS[contact % 4], seen, seen]

        copy_rows(
            raw,
            EntityHash._meta.db_table,
            ["id", "case_id", "contact_id", "kind", "digest", "channel", "seen_at", "created_at"],
            entity_rows(),
        )
        for model in (Case, Contact, EntityHash):
            table = model._meta.db_table
            serial = f"pg_get_serial_sequence('{table}', 'id')"
            cursor.execute(f"SELECT setval({serial}, (SELECT max(id) FROM {table}))")  # noqa: S608 - model table names
        cursor.execute("ANALYZE")
    print(
        f"loaded {cases} cases, {contacts} contacts, {rows} entity hashes "
        f"in {time.perf_counter() - t0:.0f} s"
    )


CLIENT_CPU: dict[str, list[float]] = {}


def timed(func: Callable[[int], object], repeat: list[int], name: str = "") -> list[float]:
    """Wall-clock milliseconds per call; the Python side's CPU time goes to CLIENT_CPU."""
    result, cpu = [], []
    for item in repeat:
        start, start_cpu = time.perf_counter(), time.thread_time()
        func(item)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        result.append((time.perf_counter() - start) * 1000)
    if name:
        CLIENT_CPU[name] = cpu
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=2000)
    args = parser.parse_args()
    ensure_database()
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from meldpunt.accounts.models import Role, User
    from meldpunt.cases.models import Case
    from meldpunt.linking.models import EntityHash
    from meldpunt.linking.selectors import related_cases, signals

    call_command("migrate", verbosity=0)
    stored = EntityHash.objects.count()
    if stored < args.rows:
        EntityHash.objects.all().delete()
        Case.objects.all().delete()
        fill(args.rows)
        stored = EntityHash.objects.count()

    user = User(username="bench", role=Role.COORDINATOR, is_active=True)
    user.is_verified = lambda: True
    rng = random.Random(1)
    max_case = Case.objects.order_by("-id").values_list("id", flat=True).first()
    max_row = EntityHash.objects.order_by("-id").values_list("id", flat=True).first()
    shared_cases = list(
        EntityHash.objects.filter(
            digest__in=EntityHash.objects.values("digest")
            .order_by()
            .annotate(n=django.db.models.Count("case_id", distinct=True))
            .filter(n__gte=2)
            .values("digest")[:5000]
        ).values_list("case_id", flat=True)[: args.lookups]
    )
    random_cases = [rng.randint(1, max_case) for _ in range(args.lookups)]
    random_rows = [rng.randint(1, max_row) for _ in range(args.lookups)]

    def lookup(case_id: int) -> list:
        return related_cases(user=user, case=Case(pk=case_id))

    for warm in random_cases[:200]:
        lookup(warm)
        EntityHash.objects.get(pk=warm)

    baseline = timed(lambda pk: EntityHash.objects.get(pk=pk), random_rows)
    runs = {
        "related_cases, random case": timed(lookup, random_cases, "related_cases, random case"),
        "related_cases, case with relations": timed(
            lookup, shared_cases, "related_cases, case with relations"
        ),
    }
    hits = sum(1 for c in shared_cases[:200] if lookup(c))
    signal_page = timed(lambda _: signals(user=user), list(range(30)))

    def sql_of(case_id: int) -> tuple[str, tuple]:
        own = EntityHash.objects.filter(case_id=case_id).values("digest")
        query = (
            EntityHash.objects.filter(digest__in=own)
            .exclude(case_id=case_id)
            .values_list("case_id", "case__number", "kind", "channel", "seen_at")
            .distinct()
            .order_by("-seen_at", "case_id", "kind", "channel")
        )
        return query.query.sql_with_params()

    def server_ms(sql: str, params: tuple) -> float:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            return float(cursor.fetchone()[0][0]["Execution Time"])

    pk_sql, _ = EntityHash.objects.filter(pk=1).query.sql_with_params()
    server = {
        "baseline: EntityHash by primary key": [
            server_ms(pk_sql, (pk,)) for pk in random_rows[:500]
        ],
        "related_cases, random case": [server_ms(*sql_of(c)) for c in random_cases[:500]],
        "related_cases, case with relations": [server_ms(*sql_of(c)) for c in shared_cases[:500]],
    }
    with connection.cursor() as cursor:
        own = EntityHash.objects.filter(case_id=shared_cases[0]).values("digest")
        query = (
            EntityHash.objects.filter(digest__in=own)
            .exclude(case_id=shared_cases[0])
            .values_list("case_id", "case__number", "kind", "channel", "seen_at")
            .distinct()
            .order_by("-seen_at", "case_id", "kind", "channel")
        )
        sql, params = query.query.sql_with_params()
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}; {version}; {stored} EntityHash rows"
    )
    print(f"{args.lookups} lookups each; {hits} of 200 'with relations' cases returned relations")
    base50, base99 = pct(baseline, 50), pct(baseline, 99)
    print(f"{'':38} {'p50 ms':>8} {'p99 ms':>8} {'p50 x':>6} {'p99 x':>6}")
    print(
        f"{'baseline: EntityHash by primary key':38} {base50:8.2f} {base99:8.2f} {1:6.1f} {1:6.1f}"
    )
    for name, values in runs.items():
        p50, p99 = pct(values, 50), pct(values, 99)
        print(f"{name:38} {p50:8.2f} {p99:8.2f} {p50 / base50:6.1f} {p99 / base99:6.1f}")
    print(
        f"{'signals page (100 newest), 30 runs':38} {pct(signal_page, 50):8.2f} "
        f"{pct(signal_page, 99):8.2f}"
    )
    print("\nserver-side execution time (EXPLAIN ANALYZE, 500 each):")
    sbase50, sbase99 = (
        pct(server["baseline: EntityHash by primary key"], 50),
        pct(server["baseline: EntityHash by primary key"], 99),
    )
    for name, values in server.items():
        p50, p99 = pct(values, 50), pct(values, 99)
        print(f"{name:38} {p50:8.3f} {p99:8.3f} {p50 / sbase50:6.1f} {p99 / sbase99:6.1f}")
    print("\nPython side, thread CPU time (ORM, driver, building the result):")
    for name, values in CLIENT_CPU.items():
        print(f"{name:38} {pct(values, 50):8.3f} {pct(values, 99):8.3f}")
    print("\nquery plan for one case with relations:\n" + plan)


if __name__ == "__main__":
    main()
