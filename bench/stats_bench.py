"""Benchmark: the statistics dashboard with 1,000,000 contacts on PostgreSQL.

Run:  createdb -h 127.0.0.1 -U postgres meldpunt_bench_stats   (once)
      .venv/bin/python bench/stats_bench.py [--contacts 1000000] [--runs 20]

The database (``DATABASE_URL``, default the local ``meldpunt_bench_stats``) is migrated and
filled once, in SQL (``generate_series`` over a template row, so the encrypted columns
hold what an empty field holds): ``--contacts`` contacts over the three years before this
one and this year so far, one case per three contacts, random channel, disposition (one
in eight quick), municipality, form, reporter role and how heard; cases with kind,
urgency, closing, assessment and first response; 300,000 chat waits, refusals, twelve
campaigns with links and a visit count per link and day; then the contacts per day and
the cases per month (``contact_days_rebuild``, ``case_months_rebuild``, as for an install
with contacts and cases from before those tables), and ``VACUUM ANALYZE``. Later runs
reuse the data (a database filled before ``ContactDay``, ``ContactMonth`` or ``CaseMonth``
gets them from ``migrate``); for another size drop and create the database
(the audit log's triggers refuse TRUNCATE).

Measured, as whole requests through Django's test client (middleware, session, template):
the analyst's dashboard for last year by month and by week, the municipality viewer's
protected dashboard, the XLSX export, the quarterly report page and PDF, and the public
annual figures page. Baseline in the same run: a primary-key lookup of one contact.
Prints p50 and p99 in milliseconds, the ratio to the baseline and the number of queries.
"""

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/meldpunt_bench_stats")

import django

django.setup()

import random  # noqa: E402
from datetime import date, datetime, timedelta  # noqa: E402

from _common import pct, timings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Model  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from meldpunt.accounts.models import Municipality, Role, User  # noqa: E402
from meldpunt.cases.case_months import case_months_rebuild  # noqa: E402
from meldpunt.cases.contact_days import contact_days_rebuild  # noqa: E402
from meldpunt.cases.models import (  # noqa: E402
    Area,
    Case,
    CaseKind,
    Channel,
    ClosingReason,
    Contact,
    Disposition,
    Exploitation,
    HowHeard,
    ReporterRole,
    Urgency,
)
from meldpunt.tally.models import Campaign, ChatRefusal, ChatWait, LinkVisit  # noqa: E402
from meldpunt.tally.services import link_create  # noqa: E402
from tests.conftest import verify_session  # noqa: E402


def _array(values: list[str]) -> str:
    quoted = ",".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"(ARRAY[{quoted}])[1 + floor(random() * {len(values)})::int]"


def _copy_rows(model: type[Model], template: Model, count: int, overrides: dict[str, str]) -> None:
    """INSERT ``count`` rows: the template's columns, with SQL expressions (over ``g``,
    1..count) for the columns in ``overrides``."""
    table = model._meta.db_table
    columns = [f.column for f in model._meta.concrete_fields if not f.primary_key]
    chosen = [overrides.get(column, f"t.{connection.ops.quote_name(column)}") for column in columns]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({quoted}) SELECT {', '.join(chosen)} "  # noqa: S608
            f"FROM generate_series(1, %s) AS g, {table} AS t WHERE t.id = %s",
            [count, template.pk],
        )


def fill(contacts: int) -> None:
    now = timezone.now()
    start = timezone.make_aware(datetime(now.year - 3, 1, 1))
    span = (now - start).total_seconds()
    cases = contacts // 3
    template_case = Case.objects.create(
        number="TEMPLATE", created_at=start, updated_at=start, title="", closing_note=""
    )
    created = f"(TIMESTAMPTZ '{start.isoformat()}' + (g * {span / cases}) * INTERVAL '1 second')"
    _copy_rows(
        Case,
        template_case,
        cases,
        {
            "number": "'B' || lpad(g::text, 9, '0')",
            "created_at": created,
            "updated_at": created,
            "kind": _array(list(CaseKind.values)),
            "urgency": _array([Urgency.NORMAL] * 8 + [Urgency.HIGH, Urgency.ACUTE]),
            "municipality": _array(list(Area.values)),
            "status": "CASE WHEN random() < 0.8 THEN 'closed' ELSE 'in_progress' END",
            "closed_at": f"{created} + INTERVAL '20 days'",
            "closing_reason": _array(list(ClosingReason.values)),
            "assessed_at": f"{created} + (random() * 12) * INTERVAL '1 day'",
            "responded_at": f"{created} + (random() * 72) * INTERVAL '1 hour'",
        },
    )
    first_case = template_case.pk + 1
    template_contact = Contact.objects.create(
        case=template_case, channel=Channel.PHONE, started_at=start, details={}
    )
    started = f"(TIMESTAMPTZ '{start.isoformat()}' + (g * {span / contacts}) * INTERVAL '1 second')"
    quick = [Disposition.COMPLETED] * 7 + [Disposition.SILENT]
    _copy_rows(
        Contact,
        template_contact,
        contacts,
        {
            "case_id": f"{first_case} + (g %% {cases})",
            "channel": _array(list(Channel.values)),
            "disposition": _array(list(quick)),
            "started_at": started,
            "municipality": _array(list(Area.values)),
            "exploitation": _array(list(Exploitation.values)),
            "reporter_role": _array(list(ReporterRole.values)),
            "how_heard": _array(list(HowHeard.values)),
        },
    )
    Contact.objects.filter(pk=template_contact.pk).delete()
    Case.objects.filter(pk=template_case.pk).delete()
    # Written in SQL, around the services: count the contacts per day and the cases per
    # month as an install would.
    contact_days_rebuild()
    case_months_rebuild()
    rng = random.Random(5)
    days = (now.date() - start.date()).days
    ChatWait.objects.bulk_create(
        ChatWait(
            day=start.date() + timedelta(days=rng.randrange(days)),
            hour=rng.randrange(9, 22),
            waited_seconds=rng.randrange(5, 1200),
            answered=rng.random() < 0.85,
        )
        for _ in range(300_000)
    )
    ChatRefusal.objects.bulk_create(
        ChatRefusal(day=start.date() + timedelta(days=day), hour=hour, reason=reason, count=3)
        for day in range(days)
        for hour in (7, 23)
        for reason in ("hours", "queue_full")
    )
    for n in range(12):
        first = start.date() + timedelta(days=90 * n)
        campaign = Campaign.objects.create(
            name=f"Campagne {n}",
            medium=rng.choice(["flyer", "mupi", "social_media"]),
            municipalities=rng.sample(list(Municipality.values), 2),
            start=first,
            end=first + timedelta(days=30),
        )
        for _link in range(3):
            link = link_create(campaign=campaign)
            LinkVisit.objects.bulk_create(
                LinkVisit(link=link, day=first + timedelta(days=d), count=rng.randrange(1, 40))
                for d in range(60)
            )
    with connection.cursor() as cursor:
        # As autovacuum does after a load: the statistics read the cases from covering
        # indexes alone only where VACUUM has marked the table's pages all-visible.
        cursor.execute("VACUUM ANALYZE")


def counting(log: list[str]) -> Callable[..., object]:
    """An execute wrapper that writes down every query it runs."""

    def wrapper(run: Callable[..., object], sql: str, *rest: object) -> object:
        log.append(sql)
        return run(sql, *rest)

    return wrapper


def verified(user: User) -> Client:
    TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    client = Client()
    verify_session(client, user)
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL (DATABASE_URL=postgres://...).")

    call_command("migrate", verbosity=0)
    found = Contact.objects.count()
    if found and found != args.contacts:
        # The audit log's triggers refuse TRUNCATE: start again from an empty database.
        sys.exit(f"The database holds {found:,} contacts: drop and create it for another size.")
    if not found:
        print(f"Filling the database with {args.contacts:,} contacts ...", flush=True)
        began = time.perf_counter()
        fill(args.contacts)
        print(f"  done in {time.perf_counter() - began:.0f} s", flush=True)

    analyst, _ = User.objects.get_or_create(username="bench-analyst", role=Role.ANALYST)
    viewer, _ = User.objects.get_or_create(
        username="bench-urk", role=Role.MUNICIPALITY, municipality=Municipality.URK
    )
    as_analyst, as_viewer, anyone = verified(analyst), verified(viewer), Client()
    year = date.today().year - 1
    ids = list(Contact.objects.values_list("pk", flat=True)[:10_000])
    rng = random.Random(3)
    checks = [
        ("analyst dashboard, by month", as_analyst, "/medewerkers/cijfers/", {"per": "month"}),
        ("analyst dashboard, by week", as_analyst, "/medewerkers/cijfers/", {"per": "week"}),
        ("viewer dashboard (protected)", as_viewer, "/medewerkers/cijfers/", {}),
        ("analyst XLSX export", as_analyst, "/medewerkers/cijfers/export.xlsx", {}),
        ("quarterly report page", as_analyst, "/medewerkers/cijfers/kwartaal/", {"kwartaal": 2}),
        ("quarterly report PDF (viewer)", as_viewer, "/medewerkers/cijfers/kwartaal.pdf", {}),
        ("public annual figures", anyone, "/cijfers/", {}),
    ]
    rows = [
        (
            "primary-key lookup (baseline)",
            timings(lambda: Contact.objects.get(pk=rng.choice(ids)), args.runs * 10),
            1,
        )
    ]
    for label, client, url, extra in checks:
        query = {"jaar": year, **extra}
        response = client.get(url, query)  # warm, and check it answers
        assert response.status_code == 200, (url, response.status_code)
        queries: list[str] = []
        with connection.execute_wrapper(counting(queries)):
            client.get(url, query)
        rows.append(
            (label, timings(lambda c=client, u=url, q=query: c.get(u, q), args.runs), len(queries))
        )
    counted = Contact.objects.filter(started_at__year=year).count()
    base_p50 = pct(rows[0][1], 50)
    print(
        f"\nPostgreSQL, {Contact.objects.count():,} contacts ({counted:,} in {year}), "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
    )
    print(f"{'request':<34} {'p50 ms':>8} {'p99 ms':>8} {'p50/base':>9} {'queries':>8}")
    for label, times, count in rows:
        print(
            f"{label:<34} {pct(times, 50):8.1f} {pct(times, 99):8.1f} "
            f"{pct(times, 50) / base_p50:9.0f} {count:8d}"
        )


if __name__ == "__main__":
    main()
