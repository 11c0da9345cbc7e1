"""Benchmark: a flood of anonymous chat starts against the production server.

Run:  .venv/bin/python bench/chat_queue_bench.py [--seconds 20] [--attackers 300]
      [--connections 50] [--workers 2]

Needs local PostgreSQL and Redis. Each run drops and creates the database
``meldpunt_chat_queue_bench``, migrates it and starts ``uvicorn config.asgi:application``
with production settings and limits behind one trusted proxy (as bench/guessing_bench.py
does), then opens the chat: an opening exception for today and one advisor present with
the default capacity, who takes no chat, so every started chat waits.

Two phases of ``--seconds`` each, in the same run, with the same probes:
- baseline: no flood;
- flood: ``--connections`` connections start chats as fast as the server answers,
  rotating over ``--attackers`` client addresses (each may have a few chats waiting, and
  the queue has its own limit).
The probes, each one request at a time: GET /healthz and GET of the report form's first
step (every 50 ms); and every second a new visitor from a fresh address who opens the
chat page and presses start. Printed: p50/p99/max of each probe, what the visitors were
answered (302: waiting in the queue; 200: the page that says the queue is full, with the
phone number and the form; 429: too many chats from one client), the flood's answers,
the workers' CPU and the ratio of flood to baseline.
"""

import argparse
import asyncio
import os
import platform
import secrets
import subprocess
import time
from collections import Counter
from itertools import count
from typing import Any
from urllib.parse import urlencode

from _common import child_pids, cpu_seconds, pct
from _rawhttp import HTTPError, RawHTTP
from guessing_bench import Probes, server_env
from report_bench import PYTHON, ROOT, prepare_database, start_uvicorn, wait_until_up

START = "/chat/starten/"
CHAT = "/chat/"
FORM = "/melden/stap/wie/"
CSRF = secrets.token_hex(16)
OPEN_THE_CHAT = """
from datetime import time, timedelta
from django.utils import timezone
from meldpunt.accounts.models import Role, User
from meldpunt.chat import services
from meldpunt.chat.models import ChatAgent
from meldpunt.lib import clock
from meldpunt.public.models import OpeningException
OpeningException.objects.create(
    date=timezone.localdate(), kind="open", opens=time(0), closes=time(23, 59)
)
user = User.objects.create_user(username="bench-advisor", role=Role.ADVISOR)
services.agent_set_available(user=user, available=True)
# Present for the whole run without a console sending heartbeats.
ChatAgent.objects.filter(user=user).update(last_seen_at=clock.now() + timedelta(hours=1))
"""


def start_request(address: str) -> tuple[dict[str, str], bytes]:
    headers = {
        "Cookie": f"csrftoken={CSRF}",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": address,
    }
    return headers, urlencode({"csrfmiddlewaretoken": CSRF, "nickname": ""}).encode()


class Phase(Probes):
    """The probes of one phase: the pages, and a new visitor who starts a chat."""

    PROBES = ("healthz", "form", "visitor")

    def __init__(self, host: str, port: int, seconds: float) -> None:
        super().__init__(host, port, seconds)
        self.visitors: Counter[int] = Counter()
        self.flood: Counter[int] = Counter()

    async def visitor(self, addresses: Any) -> None:
        """A new visitor: the chat page, then start; the time of both together."""
        address = next(addresses)
        client = RawHTTP(self.host, self.port, keep_alive=False)
        began = time.perf_counter()
        try:
            await client.request("GET", CHAT, {"X-Forwarded-For": address})
            headers, body = start_request(address)
            client = RawHTTP(self.host, self.port, keep_alive=False)
            status, _page = await client.request("POST", START, headers, body)
        except (HTTPError, OSError):
            status = 0
        self.visitors[status] += 1
        if status in (200, 302, 429):
            self.latency["visitor"].append((time.perf_counter() - began) * 1000)

    async def flooder(self, addresses: Any) -> None:
        await self.hammer(START, start_request, addresses, self.flood)

    async def run(self, *, connections: int, attackers: int, run_id: int) -> None:
        self.deadline = time.perf_counter() + self.seconds
        # Addresses are only strings in a header: no traffic goes to them.
        fresh = (f"10.{run_id * 10 + n // 250}.{n % 250}.1" for n in count())
        pool = [f"10.{100 + n // 250}.{n % 250}.1" for n in range(attackers)]
        rotating = (pool[n % len(pool)] for n in count())
        await asyncio.gather(
            self.loop_get("healthz", "/healthz"),
            self.loop_get("form", FORM),
            self.every(1, lambda: self.visitor(fresh)),
            *(self.flooder(rotating) for _ in range(connections)),
        )


def show(name: str, phase: Phase, cpu: float) -> None:
    phase.show_latency(name)
    print(f"visitors answered (status: count): {dict(phase.visitors)}")
    print(f"flood answers (status: count): {dict(phase.flood)}")
    print(f"probe errors: {dict(phase.errors)}")
    print(f"server workers' CPU in {phase.seconds:.0f} s: {cpu:.1f} s")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--attackers", type=int, default=300)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/meldpunt_chat_queue_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()

    env = server_env(
        database_url=args.database_url, redis_url=args.redis_url, name="chat-queue-bench"
    )
    prepare_database(env, code=ROOT, database_url=args.database_url)
    opening = [PYTHON, "manage.py", "shell", "-c", OPEN_THE_CHAT]
    subprocess.run(opening, cwd=ROOT, env=env, check=True)  # noqa: S603 (fixed command line)
    server, port = start_uvicorn(env, code=ROOT, workers=args.workers)
    try:
        wait_until_up(f"http://127.0.0.1:{port}", server)
        phases = {}
        for run_id, (name, connections) in enumerate(
            (("baseline, no flood", 0), ("flood", args.connections)), start=1
        ):
            phase = Phase("127.0.0.1", port, args.seconds)
            before = cpu_seconds(child_pids(server.pid))
            asyncio.run(phase.run(connections=connections, attackers=args.attackers, run_id=run_id))
            phases[name] = (phase, cpu_seconds(child_pids(server.pid)) - before)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, uvicorn workers: {args.workers}; "
        f"{args.seconds:.0f} s per phase; flood: {args.connections} connections over "
        f"{args.attackers} addresses"
    )
    print()
    for name, (phase, cpu) in phases.items():
        show(name, phase, cpu)
    (calm, _), (flood, _) = phases.values()
    for probe in ("healthz", "form", "visitor"):
        if len(calm.latency[probe]) >= 2 and len(flood.latency[probe]) >= 2:
            ratio = pct(flood.latency[probe], 99) / pct(calm.latency[probe], 99)
            print(f"ratio p99 flood / baseline, {probe}: {ratio:.1f}")
    unanswered = sum(n for status, n in flood.visitors.items() if status not in (200, 302, 429))
    print(f"visitors without a clear answer during the flood: {unanswered}")


if __name__ == "__main__":
    main()
