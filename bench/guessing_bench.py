"""Benchmark: receipt-code guessing from many clients against the production server.

Run:  .venv/bin/python bench/guessing_bench.py [--seconds 20] [--attackers 300]
      [--connections 100] [--spread] [--workers 2]

Needs local PostgreSQL and Redis. Each run drops and creates the database
``meldpunt_guessing_bench`` (``--database-url`` to change), migrates it and starts
``uvicorn config.asgi:application`` with 2 workers on 127.0.0.1 with production settings
and limits (``bench/report_bench_settings.py``, which only adds the report bench's
route and raises the report limits) behind one trusted proxy, so that each simulated
client can send its own address in X-Forwarded-For. One web report is sent
through the server first; its receipt code is the correct code.

Two phases of ``--seconds`` each, in the same run, with the same probes:
- baseline: no attack;
- attack: ``--connections`` connections send wrong codes as fast as the server answers,
  rotating over ``--attackers`` client addresses (10 tries each per 15 minutes before
  their own limit refuses them), packed into few /24 networks, or with ``--spread`` each
  in a /24 of its own (a botnet).
The probes, each one request at a time: GET /healthz and GET of the report form's first
step (one kept-open connection each, every 50 ms); the correct code from a new address
every second (a reporter who has not guessed wrong); and every 3 s a reporter who first
mistypes, then sends the correct code from the same address.
Printed: p50/p99/max of each probe, how many correct codes opened the mailbox (302) and
how long that took, the attackers' answers, the workers' CPU, and the ratio of attack to
baseline.
"""

import argparse
import asyncio
import os
import platform
import re
import secrets
import time
from collections import Counter
from itertools import count
from typing import Any
from urllib.parse import urlencode

import httpx
from _common import child_pids, cpu_seconds, pct
from _rawhttp import HTTPError, RawHTTP
from report_bench import (
    ROOT,
    fill_steps,
    jpeg_with_gps,
    prepare_database,
    production_env,
    start_uvicorn,
    wait_until_up,
)

MAILBOX = "/melden/postbus/"
FORM = "/melden/stap/wie/"
CSRF = secrets.token_hex(16)
CODE = re.compile(rb'data-testid="receipt-code">([0-9 ]+)<')
PROBE_INTERVAL = 0.05


def send_report(base: str) -> str:
    """One web report through the server; its receipt code."""

    async def report() -> str:
        async with httpx.AsyncClient(base_url=base, follow_redirects=True, timeout=60) as client:
            token = await fill_steps(client, jpeg_with_gps())
            page = await client.post(
                "/melden/controleren/", data={"homepage": "", "csrfmiddlewaretoken": token}
            )
            found = CODE.search(page.content)
            if found is None:
                raise SystemExit(f"no receipt code ({page.status_code})")
            return found.group(1).decode().replace(" ", "")

    return asyncio.run(report())


def code_request(address: str, code: str) -> tuple[dict[str, str], bytes]:
    headers = {
        "Cookie": f"csrftoken={CSRF}",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": address,
    }
    return headers, urlencode({"csrfmiddlewaretoken": CSRF, "code": code}).encode()


class Probes:
    """The probes of one phase against one server, and what they measured; a benchmark's
    phase names its probes in ``PROBES``."""

    PROBES: tuple[str, ...] = ()

    def __init__(self, host: str, port: int, seconds: float) -> None:
        self.host, self.port, self.seconds = host, port, seconds
        self.latency: dict[str, list[float]] = {probe: [] for probe in self.PROBES}
        self.errors: Counter[str] = Counter()
        self.deadline = 0.0

    async def loop_get(self, name: str, path: str) -> None:
        """GET ``path`` one request at a time on one connection until the deadline."""
        client = RawHTTP(self.host, self.port)
        while time.perf_counter() < self.deadline:
            began = time.perf_counter()
            try:
                status, _body = await client.request("GET", path)
            except (HTTPError, OSError):
                status = 0
            if status == 200:
                self.latency[name].append((time.perf_counter() - began) * 1000)
            else:
                self.errors[f"{name} {status}"] += 1
            await asyncio.sleep(PROBE_INTERVAL)
        await client.close()

    async def every(self, seconds: float, visit: Any) -> None:
        """Start ``visit()`` every ``seconds`` until the deadline, without waiting for the
        earlier ones; then wait for all of them (every answer counts)."""
        started = []
        while time.perf_counter() < self.deadline:
            started.append(asyncio.create_task(visit()))
            await asyncio.sleep(seconds)
        await asyncio.gather(*started)

    async def hammer(
        self, path: str, request_for: Any, addresses: Any, answers: Counter[int]
    ) -> None:
        """POST ``request_for(address)`` to ``path`` as fast as the server answers, until the
        deadline, counting the answers by status."""
        client = RawHTTP(self.host, self.port)
        while time.perf_counter() < self.deadline:
            headers, body = request_for(next(addresses))
            try:
                status, _page = await client.request("POST", path, headers, body)
            except (HTTPError, OSError):
                status = 0
                await client.close()
            answers[status] += 1
        await client.close()

    def show_latency(self, name: str) -> None:
        print(f"### {name}")
        print("| probe | n | p50 ms | p99 ms | max ms |")
        print("|---|---:|---:|---:|---:|")
        for probe, values in self.latency.items():
            if len(values) >= 2:
                print(
                    f"| {probe} | {len(values)} | {pct(values, 50):.1f} | "
                    f"{pct(values, 99):.1f} | {max(values):.1f} |"
                )


class Phase(Probes):
    """The guessing bench's probes: the correct code from reporters besides the pages."""

    PROBES = ("healthz", "form", "code", "mistyped")

    def __init__(self, host: str, port: int, code: str, seconds: float) -> None:
        super().__init__(host, port, seconds)
        self.code = code
        self.opened: Counter[str] = Counter()
        self.attack: Counter[int] = Counter()
        self.client_cpu = 0.0

    async def try_code(self, name: str, address: str, code: str) -> int:
        headers, body = code_request(address, code)
        client = RawHTTP(self.host, self.port, keep_alive=False)
        began = time.perf_counter()
        try:
            status, _page = await client.request("POST", MAILBOX, headers, body)
        except (HTTPError, OSError):
            status = 0
        if code == self.code:
            self.opened[f"{name} {status}"] += 1
            if status == 302:
                self.latency[name].append((time.perf_counter() - began) * 1000)
        return status

    async def reporter(self, addresses: Any) -> None:
        """A reporter with the correct code, from an address that has not guessed."""
        await self.try_code("code", next(addresses), self.code)

    async def mistyping(self, addresses: Any) -> None:
        """A reporter who mistypes once, then sends the correct code from the same address."""
        address = next(addresses)
        await self.try_code("mistyped", address, "1111222233334444")
        await self.try_code("mistyped", address, self.code)

    async def attacker(self, addresses: Any) -> None:
        def guess(address: str) -> tuple[dict[str, str], bytes]:
            return code_request(address, f"{secrets.randbelow(10**16):016d}")

        await self.hammer(MAILBOX, guess, addresses, self.attack)

    async def run(self, *, connections: int, attackers: int, spread: bool, run_id: int) -> None:
        self.deadline = time.perf_counter() + self.seconds
        # Addresses are only strings in a header: no traffic goes to them.
        # Each reporter in a /24 of its own; the attackers packed into few /24s, or with
        # ``spread`` each in its own (a botnet).
        fresh = (f"10.{run_id * 10 + n // 250}.{n % 250}.1" for n in count())
        if spread:
            pool = [f"10.{100 + n // 250}.{n % 250}.1" for n in range(attackers)]
        else:
            pool = [f"10.100.{n // 250}.{n % 250 + 1}" for n in range(attackers)]
        rotating = (pool[n % len(pool)] for n in count())
        tasks = [
            self.loop_get("healthz", "/healthz"),
            self.loop_get("form", FORM),
            self.every(1, lambda: self.reporter(fresh)),
            self.every(3, lambda: self.mistyping(fresh)),
            *(self.attacker(rotating) for _ in range(connections)),
        ]
        await asyncio.gather(*tasks)


def show(name: str, phase: Phase, cpu: float) -> None:
    phase.show_latency(name)
    print(f"correct codes: {dict(phase.opened)}")
    print(f"attack answers (status: count): {dict(phase.attack)}")
    print(f"probe errors: {dict(phase.errors)}")
    print(
        f"CPU in {phase.seconds:.0f} s: server workers {cpu:.1f} s, "
        f"this load generator {phase.client_cpu:.1f} s"
    )
    print()


def server_env(*, database_url: str, redis_url: str, name: str) -> dict[str, str]:
    """The report bench's production settings and limits, behind one trusted proxy, so
    that each simulated client can send its own address in X-Forwarded-For."""
    env = production_env(code=ROOT, database_url=database_url, redis_url=redis_url, name=name)
    return {**env, "MELDPUNT_TRUSTED_PROXY_HOPS": "1"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--attackers", type=int, default=300)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--spread", action="store_true", help="each attacker in its own /24")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/meldpunt_guessing_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    args = parser.parse_args()

    env = server_env(
        database_url=args.database_url, redis_url=args.redis_url, name="guessing-bench"
    )
    prepare_database(env, code=ROOT, database_url=args.database_url)
    server, port = start_uvicorn(env, code=ROOT, workers=args.workers)
    host, base = "127.0.0.1", f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server)
        code = send_report(base)
        phases = {}
        for run_id, (name, connections) in enumerate(
            (("baseline, no attack", 0), ("attack", args.connections)), start=1
        ):
            phase = Phase(host, port, code, args.seconds)
            before = cpu_seconds(child_pids(server.pid))
            own = os.times()
            asyncio.run(
                phase.run(
                    connections=connections,
                    attackers=args.attackers,
                    spread=args.spread,
                    run_id=run_id,
                )
            )
            spent = os.times()
            phase.client_cpu = spent.user + spent.system - own.user - own.system
            phases[name] = (phase, cpu_seconds(child_pids(server.pid)) - before)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, uvicorn workers: {args.workers}; "
        f"{args.seconds:.0f} s per phase; attack: {args.connections} connections over "
        f"{args.attackers} addresses" + (", each in its own /24" if args.spread else "")
    )
    print()
    for name, (phase, cpu) in phases.items():
        show(name, phase, cpu)
    (calm, _), (attack, _) = phases.values()
    for probe in ("healthz", "form", "code", "mistyped"):
        if len(calm.latency[probe]) >= 2 and len(attack.latency[probe]) >= 2:
            ratio = pct(attack.latency[probe], 99) / pct(calm.latency[probe], 99)
            print(f"ratio p99 attack / baseline, {probe}: {ratio:.1f}")
    refused = sum(n for key, n in attack.opened.items() if not key.endswith(" 302"))
    print(f"correct codes not accepted during the attack: {refused}")


if __name__ == "__main__":
    main()
