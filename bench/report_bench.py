"""Benchmark: complete web reports from 50 concurrent clients through the real ASGI server.

Run:  .venv/bin/python bench/report_bench.py [--clients 50] [--reports 1000] [--workers 2]

Needs local PostgreSQL and Redis. Each run drops and creates the database
``meldpunt_h6_bench`` (``--database-url`` to change), migrates it, collects static files
into a temporary directory and starts ``uvicorn config.asgi:application`` with 2 workers
on 127.0.0.1, using ``bench/report_bench_settings.py``: production settings (DEBUG off,
PostgreSQL, Redis cache and sessions in the database) plus one extra route, the baseline,
and with the per-client throttles raised, because all 50 clients come from one address.

A client is an HTTP client (httpx) with its own cookies that does what a browser without
JavaScript does: open /melden/ and the first step, post each of the 7 steps and follow
each redirect to the next page (one step uploads a small JPEG with GPS data), then send
from the check page.
That is 17 requests per report. Errors are any unexpected status or a final page without
a receipt code. Afterwards the rows are counted: every report must be a case with one
web-report contact, one mailbox and one attachment, and no draft may be left.

A second run times only the Send button: the clients first fill their drafts (not
timed), then all press Send, 50 at a time. That is the atomic submit (case, contact,
people, places, file, mailbox, search index, receipt-code hash) in one request. The
Sends go through a minimal HTTP client (bench/_rawhttp.py), each on a new connection, so
the load generator takes little of the two cores it shares with the server.

Baseline in the same run, same server, same minimal client, 50 at once: GET of a minimal
Django view that does one INSERT. The ratios printed are (time per report or Send) /
(time per baseline request), at the same concurrency. For every phase the CPU time per
request of the server's workers, of PostgreSQL and of the client itself is printed.
"""

import argparse
import asyncio
import base64
import io
import json
import os
import platform
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
import psycopg
from _common import child_pids, cpu_seconds, free_port, pids_named
from _rawhttp import HTTPError, RawHTTP
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
UVICORN = ROOT / ".venv" / "bin" / "uvicorn"

SEND_PATH = "/melden/controleren/"
RECEIPT_MARK = b'data-testid="receipt-code"'
RECEIPT_CODE = re.compile(r'data-testid="receipt-code">([^<]+)<')

STEPS = [
    ("wie", {"reporter_role": "bystander"}),
    (
        "wat",
        {
            "description": (
                "In het bedrijfspand aan de rand van de stad wonen en werken zeker tien "
                "mannen. Ze worden elke ochtend om vijf uur met een busje opgehaald en "
                "komen pas laat terug. Een van hen zei dat hij zijn paspoort niet heeft."
            ),
            "exploitation": "labour",
            "wish": "report",
        },
    ),
    (
        "waar",
        {
            "municipality": "GM0303",
            "place": "Dronten",
            "address": "De Ketting 12",
            "workplace": "Uitzendbureau Snel",
            "when": "ongoing",
        },
    ),
    (
        "personen",
        {
            "victim_count": "6+",
            "minors": "unknown",
            "victim_age": "20 tot 40",
            "victim_origin": "Pools, Roemeens",
            "perpetrators": "Een man met een witte bestelbus die de mannen ophaalt.",
        },
    ),
    (
        "kenmerken",
        {
            "phone_numbers": "06 12345678",
            "licence_plates": "VX-123-B",
            "addresses": "",
            "company_names": "Snel Uitzend BV",
            "websites": "",
        },
    ),
    ("bijlagen", {}),
    ("contact", {"how_heard": "social_media", "contact_preference": "anonymous"}),
]


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (120, 160, 90))
    exif = Image.Exif()
    exif[0x010F] = "Camera"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 31.0, 5.0), "E", (5.0, 43.0, 2.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def reset_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def count_rows(url: str) -> dict[str, int]:
    queries = {
        "cases": "SELECT count(*) FROM cases_case",
        "web_contacts": "SELECT count(*) FROM cases_contact WHERE channel = 'web_report'",
        "mailboxes": "SELECT count(*) FROM reports_mailbox",
        "attachments": "SELECT count(*) FROM reports_attachment WHERE case_id IS NOT NULL",
        "drafts_left": "SELECT count(*) FROM reports_reportdraft",
        "baseline_rows": "SELECT count(*) FROM bench_baseline",
    }
    with psycopg.connect(url) as conn:
        return {key: conn.execute(sql).fetchone()[0] for key, sql in queries.items()}


class Failure(Exception):
    pass


async def fill_steps(client: httpx.AsyncClient, photo: bytes) -> str:
    """Everything a reporter does before pressing Send; returns the CSRF token."""
    response = await client.get("/melden/")
    if response.status_code != 200:
        raise Failure(f"start {response.status_code}")
    # A browser follows "Begin" to the first step, whose form sets the CSRF cookie.
    response = await client.get(f"/melden/stap/{STEPS[0][0]}/")
    if response.status_code != 200:
        raise Failure(f"first step {response.status_code}")
    token = client.cookies.get("csrftoken")
    for slug, data in STEPS:
        form = {**data, "action": "next", "csrfmiddlewaretoken": token}
        files = {"files": ("foto.jpg", photo, "image/jpeg")} if slug == "bijlagen" else None
        response = await client.post(f"/melden/stap/{slug}/", data=form, files=files)
        if response.status_code != 200 or len(response.history) != 1:
            raise Failure(f"{slug} {response.status_code}")
    return token


async def send(client: httpx.AsyncClient, token: str) -> str:
    """Press Send on the check page: the atomic submit that shows the receipt code,
    which is returned as shown."""
    response = await client.post(SEND_PATH, data={"homepage": "", "csrfmiddlewaretoken": token})
    found = RECEIPT_CODE.search(response.text)
    if response.status_code != 200 or found is None:
        raise Failure(f"submit {response.status_code}")
    return found.group(1)


async def one_report(client: httpx.AsyncClient, photo: bytes) -> str:
    """A whole report as a browser without JavaScript sends it; returns its receipt code."""
    return await send(client, await fill_steps(client, photo))


async def run_sends(base: str, clients: int, total: int, server_pid: int) -> dict[str, Any]:
    """Fill ``total`` drafts (not timed), then press Send on all of them, ``clients`` at once.

    The Sends go through the minimal client, each on a new connection (as a reporter who
    took a while on the check page would come back). The CPU figures count the Sends only.
    """
    photo = jpeg_with_gps()
    ready: list[tuple[str, str]] = []
    gate = asyncio.Semaphore(clients)

    async def prepare() -> None:
        async with (
            gate,
            httpx.AsyncClient(
                base_url=base,
                follow_redirects=True,
                timeout=300,
                verify=False,  # noqa: S501 (plain HTTP to localhost)
            ) as client,
        ):
            token = await fill_steps(client, photo)
            cookies = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
            ready.append((cookies, token))

    await asyncio.gather(*(prepare() for _ in range(total)))
    address = urlsplit(base)
    latencies: list[float] = []
    errors: list[str] = []

    async def press(cookies: str, token: str) -> None:
        body = urlencode({"homepage": "", "csrfmiddlewaretoken": token}).encode()
        headers = {"Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"}
        async with gate:
            began = time.perf_counter()
            try:
                client = RawHTTP(address.hostname or "", address.port or 80, keep_alive=False)
                status, page = await client.request("POST", SEND_PATH, headers, body)
                if status != 200 or RECEIPT_MARK not in page:
                    raise Failure(f"submit {status}")
            except (Failure, HTTPError, OSError) as exc:
                errors.append(repr(exc))
            else:
                latencies.append(time.perf_counter() - began)

    before = cpu_now(server_pid)
    began = time.perf_counter()
    await asyncio.gather(*(press(cookies, token) for cookies, token in ready))
    result = summarise(latencies, errors, time.perf_counter() - began)
    result["cpu_ms"] = cpu_per_item(before, cpu_now(server_pid), result["done"])
    return result


async def run_baseline(base: str, clients: int, total: int) -> dict[str, Any]:
    """``total`` GETs of the baseline view, ``clients`` at once, each client on one kept-open
    connection (as httpx did before)."""
    address = urlsplit(base)
    remaining = iter(range(total))
    latencies: list[float] = []
    errors: list[str] = []

    async def worker() -> None:
        client = RawHTTP(address.hostname or "", address.port or 80)
        for _ in remaining:
            began = time.perf_counter()
            try:
                status, _page = await client.request("GET", "/bench/baseline/")
                if status != 200:
                    raise Failure(f"baseline {status}")
            except (Failure, HTTPError, OSError) as exc:
                errors.append(repr(exc))
                continue
            latencies.append(time.perf_counter() - began)
        await client.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return summarise(latencies, errors, time.perf_counter() - began)


def summarise(latencies: list[float], errors: list[str], elapsed: float) -> dict[str, Any]:
    ordered = sorted(latencies) or [0.0]
    return {
        "done": len(latencies),
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
        "elapsed": elapsed,
        "per_second": len(latencies) / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
    }


async def run_reports(base: str, clients: int, total: int) -> dict[str, Any]:
    """``total`` complete reports, every request through httpx, ``clients`` at once."""
    photo = jpeg_with_gps()
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(n)
    latencies: list[float] = []
    errors: list[str] = []

    async def worker() -> None:
        # Plain HTTP: no certificate store to load for each client.
        async with httpx.AsyncClient(
            base_url=base,
            follow_redirects=True,
            timeout=300,
            verify=False,  # noqa: S501
        ) as client:
            while True:
                try:
                    queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                # An empty cookie jar per report: every report is a new visitor.
                client.cookies.clear()
                began = time.perf_counter()
                try:
                    await one_report(client, photo)
                except (Failure, httpx.HTTPError) as exc:
                    errors.append(repr(exc))
                    continue
                latencies.append(time.perf_counter() - began)

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return summarise(latencies, errors, time.perf_counter() - began)


def cpu_now(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the server's workers, PostgreSQL and this client."""
    own = os.times()
    return {
        "workers": cpu_seconds(child_pids(server_pid)),
        "postgres": cpu_seconds(pids_named("postgres")),
        "client": own.user + own.system,
    }


def cpu_per_item(before: dict[str, float], after: dict[str, float], done: int) -> dict[str, float]:
    """CPU milliseconds each side spent per completed item between two ``cpu_now``."""
    return {side: (after[side] - before[side]) * 1000 / max(done, 1) for side in after}


def with_cpu(server_pid: int, phase: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run one phase and add the CPU each side spent per completed item."""
    before = cpu_now(server_pid)
    result = phase()
    result["cpu_ms"] = cpu_per_item(before, cpu_now(server_pid), result["done"])
    return result


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped while starting")
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not start within 60 s")


def production_env(*, code: Path, database_url: str, redis_url: str, name: str) -> dict[str, str]:
    """Production settings (bench/report_bench_settings.py) with fresh secrets and key ring,
    a temporary var directory and the given database and Redis; ``code`` is the checkout
    the server runs."""
    keyring = json.dumps(
        {
            "current": "1",
            "keys": {"1": base64.b64encode(os.urandom(32)).decode()},
            "index_key": base64.b64encode(os.urandom(32)).decode(),
        }
    )
    return {
        **os.environ,
        "PYTHONPATH": f"{code}{os.pathsep}{ROOT / 'bench'}",
        "DJANGO_SETTINGS_MODULE": "report_bench_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "MELDPUNT_KEYRING": keyring,
        "MELDPUNT_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "MELDPUNT_VAR_DIR": tempfile.mkdtemp(prefix=f"meldpunt-{name}-"),
        "MELDPUNT_REDIS_PREFIX": f"meldpunt-{name}",
        "MELDPUNT_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
    }


def prepare_database(env: dict[str, str], *, code: Path, database_url: str) -> None:
    """A new, migrated database and the static files collected."""
    reset_database(database_url)
    for command in (["migrate", "--noinput", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=code, env=env, check=True)  # noqa: S603


def start_uvicorn(env: dict[str, str], *, code: Path, workers: int) -> tuple[subprocess.Popen, int]:
    """uvicorn serving config.asgi with ``workers`` workers on a free port of 127.0.0.1."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 (fixed command line)
        [
            UVICORN,
            "config.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=code,
        env=env,
    )
    return server, port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--sends", type=int, default=300)
    parser.add_argument("--baseline", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/meldpunt_h6_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    args = parser.parse_args()

    env = production_env(
        code=ROOT, database_url=args.database_url, redis_url=args.redis_url, name="report-bench"
    )
    prepare_database(env, code=ROOT, database_url=args.database_url)
    with psycopg.connect(args.database_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, at timestamptz)")

    server, port = start_uvicorn(env, code=ROOT, workers=args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server)
        warm = asyncio.run(run_reports(base, min(args.clients, 10), 20))
        asyncio.run(run_baseline(base, args.clients, 200))  # warm-up
        baseline = with_cpu(
            server.pid, lambda: asyncio.run(run_baseline(base, args.clients, args.baseline))
        )
        reports = with_cpu(
            server.pid, lambda: asyncio.run(run_reports(base, args.clients, args.reports))
        )
        sends = asyncio.run(run_sends(base, args.clients, args.sends, server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)
    rows = count_rows(args.database_url)
    expected = reports["done"] + warm["done"] + sends["done"]

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, uvicorn workers: {args.workers}"
    )
    print(
        f"clients: {args.clients}; reports: {args.reports} (17 requests each); "
        f"baseline requests: {args.baseline}"
    )
    print()
    print(
        "| run | done | errors | per second | p50 ms | p99 ms "
        "| CPU ms each: workers / PostgreSQL / client |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, result in (
        ("baseline (1 insert)", baseline),
        ("complete web report, all 17 requests", reports),
        ("Send only (the atomic submit)", sends),
    ):
        print(
            f"| {name} | {result['done']} | {result['errors']} | {result['per_second']:.1f} | "
            f"{result['p50_ms']:.0f} | {result['p99_ms']:.0f} | "
            + " / ".join(f"{ms:.1f}" for ms in result["cpu_ms"].values())
            + " |"
        )
    ratio = baseline["per_second"] / reports["per_second"] if reports["per_second"] else 0
    send_ratio = baseline["per_second"] / sends["per_second"] if sends["per_second"] else 0
    print()
    print(f"ratio: one Send costs {send_ratio:.1f} baseline requests")
    print(
        f"ratio: one complete report costs {ratio:.1f} baseline requests "
        f"({reports['per_second'] * 17:.0f} report requests/s vs "
        f"{baseline['per_second']:.0f} baseline requests/s)"
    )
    print(f"rows after the run (20 warm-up reports included): {rows}")
    lost = expected - rows["cases"]
    consistent = (
        rows["cases"] == rows["web_contacts"] == rows["mailboxes"] == rows["attachments"]
        and rows["drafts_left"] == 0
    )
    print(f"lost reports: {lost}; every case has its contact, mailbox and file: {consistent}")
    if reports["errors"] or baseline["errors"] or sends["errors"]:
        print(
            "first error: "
            f"{reports['first_error'] or sends['first_error'] or baseline['first_error']}"
        )
    if reports["errors"] or sends["errors"] or lost or not consistent:
        sys.exit(1)


if __name__ == "__main__":
    main()
