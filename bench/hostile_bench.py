"""Benchmark: /healthz and the report form while hostile clients send slow bodies and images.

Run:  .venv/bin/python bench/hostile_bench.py [--seconds 30] [--slow 16] [--bombs 3] [--large 1]

Needs local PostgreSQL and Redis. Each run drops and creates the database
``meldpunt_hostile_bench`` (``--database-url`` to change), migrates it and starts
``uvicorn config.asgi:application`` with 2 workers on 127.0.0.1, with production
settings (``bench/report_bench_settings.py``: DEBUG off, PostgreSQL, Redis, and the
per-client draft throttle raised, as if the attack came from many addresses).
``--code DIR`` serves another checkout of the project instead (for a before/after
comparison; the same virtualenv).

Two probes run throughout, each one request at a time on a new connection, as a load
balancer does: GET /healthz, and GET of the report form's first step (which stores a
new session). Their latencies are measured twice in the same run, each phase
``--seconds`` long:

1. baseline: the probes alone;
2. hostile: the probes while
   - ``--slow`` connections each announce a 100 KB body to the report form and send one
     byte a second (a new one replaces each the server closes);
   - ``--bombs`` clients each post five PNGs of 7,700 x 7,700 pixels (about 230 KB each,
     59 million pixels) to the attachments step, over and over, with a new session (a
     new draft) every two posts;
   - ``--large`` clients each post one PNG of 4,900 x 4,900 pixels (24 million pixels,
     just under the limit, so it is decoded and stored), the same way.

The hostile clients run in a process of their own, so that their work on the client
side does not delay the probes. Printed: p50/p99/max of each probe in each phase and the
hostile/baseline ratio, probes that failed or took longer than 5 s, how many hostile
requests were answered with which status, and the workers' resident memory (largest
worker) before, at the peak of and after the hostile phase.
"""

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import struct
import sys
import time
import zlib
from collections import Counter
from multiprocessing import Process, Queue
from pathlib import Path
from typing import Any

import httpx
from _common import child_pids, pct
from _rawhttp import HTTPError, RawHTTP
from report_bench import prepare_database, production_env, start_uvicorn, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
UVICORN = ROOT / ".venv" / "bin" / "uvicorn"

FORM = "/melden/stap/wie/"
FILES = "/melden/stap/bijlagen/"
PROBE_TIMEOUT = 5.0
PROBE_PAUSE = 0.05
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def png_of_zeros(width: int, height: int) -> bytes:
    """An RGB PNG of black pixels, written row by row: small on disk, large decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    packer = zlib.compressobj(9)
    row = b"\x00" * (3 * width + 1)
    compressed = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )


def rss_mb(pid: int) -> float:
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except FileNotFoundError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class Run:
    """Shared state of one phase: when to stop, and what the hostile clients got."""

    def __init__(self, seconds: float) -> None:
        self.until = time.monotonic() + seconds
        self.statuses: Counter[str] = Counter()

    @property
    def going(self) -> bool:
        return time.monotonic() < self.until


async def probe(host: str, port: int, path: str, run: Run) -> tuple[list[float], int]:
    """Latencies (ms) of one request at a time to ``path``; and how many failed or hung."""
    latencies: list[float] = []
    failed = 0
    while run.going:
        client = RawHTTP(host, port, keep_alive=False)
        began = time.perf_counter()
        try:
            status, _body = await asyncio.wait_for(client.request("GET", path), PROBE_TIMEOUT)
            ok = status == 200
        except (TimeoutError, HTTPError, OSError):
            ok = False
            await client.close()
        latencies.append((time.perf_counter() - began) * 1000)
        failed += not ok
        await asyncio.sleep(PROBE_PAUSE)
    return latencies, failed


async def slow_body(host: str, port: int, run: Run) -> None:
    """Announce a 100 KB body and send one byte a second; start again when cut off."""
    while run.going:
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(
                (
                    f"POST {FORM} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\n"
                    "Content-Length: 100000\r\n\r\n"
                ).encode()
            )
            while run.going and not reader.at_eof():
                writer.write(b"x")
                await writer.drain()
                try:
                    answer = await asyncio.wait_for(reader.read(64), 1.0)
                except TimeoutError:
                    continue
                if answer:
                    run.statuses[f"slow body: {answer[9:12].decode()}"] += 1
                break
            writer.close()
        except OSError:
            run.statuses["slow body: connection error"] += 1
            await asyncio.sleep(0.2)


async def image_poster(base: str, files: list[tuple[str, bytes]], kind: str, run: Run) -> None:
    """Post ``files`` to the attachments step again and again, a new draft every two."""
    while run.going:
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            try:
                page = await client.get(FILES)
                match = TOKEN.search(page.content)
                if match is None:
                    run.statuses[f"{kind}: no form ({page.status_code})"] += 1
                    await asyncio.sleep(0.5)
                    continue
                for _ in range(2):
                    if not run.going:
                        break
                    response = await client.post(
                        FILES,
                        data={"action": "next", "csrfmiddlewaretoken": match.group(1).decode()},
                        files=[("files", (name, data, "image/png")) for name, data in files],
                    )
                    run.statuses[f"{kind}: {response.status_code}"] += 1
            except httpx.HTTPError as exc:
                run.statuses[f"{kind}: {type(exc).__name__}"] += 1


BOMB = png_of_zeros(7700, 7700)
LARGE = png_of_zeros(4900, 4900)


async def attack(args: argparse.Namespace, port: int) -> dict[str, int]:
    """The hostile clients for one phase; how many of their requests got which answer."""
    host, base = "127.0.0.1", f"http://127.0.0.1:{port}"
    run = Run(args.seconds)
    bombs = [(f"bom{i}.png", BOMB) for i in range(5)]
    large = [("groot.png", LARGE)]
    await asyncio.gather(
        *(slow_body(host, port, run) for _ in range(args.slow)),
        *(image_poster(base, bombs, "5 bomb PNGs", run) for _ in range(args.bombs)),
        *(image_poster(base, large, "1 large PNG", run) for _ in range(args.large)),
    )
    return dict(run.statuses)


def attack_process(args: argparse.Namespace, port: int, answers: Queue) -> None:
    answers.put(asyncio.run(attack(args, port)))


async def phase(args: argparse.Namespace, port: int, hostile: bool) -> dict[str, Any]:
    """The probes for one phase; with ``hostile``, the attack runs meanwhile in a process
    of its own, so its work on the client side does not delay the probes' event loop."""
    answers: Queue = Queue()
    attacker = Process(target=attack_process, args=(args, port, answers))
    if hostile:
        attacker.start()
    run = Run(args.seconds)
    host = "127.0.0.1"
    healthz, form = await asyncio.gather(
        probe(host, port, "/healthz", run), probe(host, port, FORM, run)
    )
    statuses: dict[str, int] = {}
    if hostile:
        statuses = await asyncio.to_thread(answers.get)
        attacker.join()
    return {"healthz": healthz, "form": form, "statuses": statuses}


async def watch_memory(pids: list[int], peak: dict[int, float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        for pid in pids:
            peak[pid] = max(peak.get(pid, 0.0), rss_mb(pid))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.2)


async def hostile_phase(
    args: argparse.Namespace, port: int, workers: list[int]
) -> tuple[dict[str, Any], dict[int, float]]:
    peak: dict[int, float] = {}
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_memory(workers, peak, stop))
    result = await phase(args, port, hostile=True)
    stop.set()
    await watcher
    return result, peak


def summary(latencies: list[float]) -> str:
    if len(latencies) < 2:
        return f"- | - | {max(latencies, default=0):.0f} | {len(latencies)}"
    return (
        f"{pct(latencies, 50):.1f} | {pct(latencies, 99):.1f} | {max(latencies):.0f} "
        f"| {len(latencies)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--slow", type=int, default=16)
    parser.add_argument("--bombs", type=int, default=3)
    parser.add_argument("--large", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/meldpunt_hostile_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    args = parser.parse_args()
    code = args.code.resolve()

    env = production_env(
        code=code, database_url=args.database_url, redis_url=args.redis_url, name="hostile-bench"
    )
    env["MELDPUNT_LOG_LEVEL"] = "ERROR"  # not a line for each refused body
    prepare_database(env, code=code, database_url=args.database_url)
    server, port = start_uvicorn(env, code=code, workers=args.workers)
    try:
        wait_until_up(f"http://127.0.0.1:{port}", server)
        workers = child_pids(server.pid)
        asyncio.run(phase(argparse.Namespace(**{**vars(args), "seconds": 3}), port, False))
        memory_before = max(rss_mb(pid) for pid in workers)
        baseline = asyncio.run(phase(args, port, hostile=False))
        hostile, peak = asyncio.run(hostile_phase(args, port, workers))
        time.sleep(5)  # the last images finish; the slow bodies are gone
        after = asyncio.run(phase(argparse.Namespace(**{**vars(args), "seconds": 5}), port, False))
        memory_after = max(rss_mb(pid) for pid in workers)
    finally:
        server.terminate()
        server.wait(timeout=60)

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, uvicorn workers: {args.workers}; code: {code}"
    )
    print(
        f"phases of {args.seconds:.0f} s; hostile: {args.slow} slow bodies, {args.bombs} "
        f"clients posting 5 bomb PNGs, {args.large} posting 1 large PNG"
    )
    print()
    print("| probe | phase | p50 ms | p99 ms | max ms | requests | failed or > 5 s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name in ("healthz", "form"):
        for label, result in (("baseline", baseline), ("hostile", hostile), ("after", after)):
            latencies, failed = result[name]
            print(f"| {name} | {label} | {summary(latencies)} | {failed} |")
    print()
    for name in ("healthz", "form"):
        base_p99 = pct(baseline[name][0], 99)
        hostile_p99 = pct(hostile[name][0], 99)
        base_p50 = pct(baseline[name][0], 50)
        hostile_p50 = pct(hostile[name][0], 50)
        print(
            f"ratio hostile/baseline, {name}: p50 {hostile_p50 / base_p50:.1f}, "
            f"p99 {hostile_p99 / base_p99:.1f}"
        )
    print()
    print("hostile requests answered: " + json.dumps(dict(sorted(hostile["statuses"].items()))))
    print(
        f"worker resident memory, largest worker: before {memory_before:.0f} MB, "
        f"peak {max(peak.values()):.0f} MB, after {memory_after:.0f} MB"
    )
    misses = sum(result[name][1] for result in (baseline, hostile) for name in ("healthz", "form"))
    if misses:
        sys.exit(1)


if __name__ == "__main__":
    main()
