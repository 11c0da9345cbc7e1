"""Benchmark: 500 concurrent chats over two uvicorn workers sharing Redis and PostgreSQL.

Run (PostgreSQL and Redis on 127.0.0.1; uses its own database and Redis db):

    .venv/bin/python bench/chat_bench.py [--chats 500] [--messages 6] [--interval 5]

``DATABASE_URL`` defaults to ``postgres://postgres@127.0.0.1:5432/meldpunt_chat_bench``
(created and migrated when missing; chat tables are emptied at each run) and
``REDIS_URL`` to ``redis://127.0.0.1:6379/13``.

Every reporter is connected to worker 1 and every advisor console to worker 2 (ten chats
per advisor), so every message crosses workers through Redis. Each reporter sends
``--messages`` messages ``--interval`` seconds apart (random start); each advisor answers
every message at once. Measured: delivery latency from the sender's send to the other
side's receipt, in both directions, and the sender's wait for the acknowledgement
(which comes only after the message is stored). Every message is checked: none lost,
none twice. Baseline in the same run: a plain websocket echo consumer on the same two
workers and middleware, same number of connections and the same message rate; its
figure is the round trip.
"""

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path[:0] = [str(ROOT), str(BENCH)]
DB_URL = os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/meldpunt_chat_bench"
)
REDIS_URL = os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")
os.environ["DJANGO_SETTINGS_MODULE"] = "chat_bench_settings"
os.environ.pop("PYTEST_XDIST_WORKER", None)
if not DB_URL.startswith("postgres"):
    sys.exit("DATABASE_URL must name a PostgreSQL database.")

from _chat import open_ws, prepare, until_state  # noqa: E402
from _common import cpu_seconds, free_port, pct  # noqa: E402
from websockets.asyncio.client import ClientConnection  # noqa: E402


def ensure_database() -> None:
    base, name = DB_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT}:{BENCH}"},
        check=True,
    )


def start_worker(port: int) -> subprocess.Popen[Any]:
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "uvicorn",
            "chat_bench_asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT}:{BENCH}"},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.exit(f"worker on port {port} did not start")


def percentiles(values: list[float]) -> tuple[float, float]:
    return pct(values, 50), pct(values, 99)


async def run_echo(ports: list[int], clients: int, messages: int, interval: float) -> list[float]:
    sockets = await asyncio.gather(
        *(open_ws(ports[i % 2], "/ws/bench/echo/") for i in range(clients))
    )
    rtts: list[float] = []

    async def client(ws: ClientConnection) -> None:
        await asyncio.sleep(random.uniform(0, interval))
        for i in range(messages):
            sent = time.perf_counter()
            await ws.send(json.dumps({"i": i, "pad": "x" * 40}))
            await ws.recv()
            rtts.append((time.perf_counter() - sent) * 1000)
            await asyncio.sleep(interval)

    await asyncio.gather(*(client(ws) for ws in sockets))
    await asyncio.gather(*(ws.close() for ws in sockets))
    return rtts


async def run_chat(
    ports: list[int],
    reporters: list[tuple[str, str]],
    advisor_sessions: list[str],
    messages: int,
    interval: float,
) -> dict[str, Any]:
    to_staff: list[float] = []
    to_reporter: list[float] = []
    acks: list[float] = []
    staff_seen: Counter[tuple[str, int]] = Counter()
    reporter_seen: Counter[tuple[str, int]] = Counter()
    errors: list[str] = []
    # (seconds since the first message could be sent, delivery ms) for the timeline
    timeline: list[tuple[float, float]] = []
    expected = len(reporters) * messages
    everything = asyncio.Event()

    advisor_ws = await asyncio.gather(
        *(open_ws(ports[1], "/ws/medewerkers/chat/", key) for key in advisor_sessions)
    )
    opened = Counter[int]()

    async def advisor(index: int, ws: ClientConnection) -> None:
        async for raw in ws:
            data = json.loads(raw)
            kind = data.get("type")
            if kind == "chat.opened":
                opened[index] += 1
            elif kind == "message" and data["sender"] == "reporter":
                now = time.perf_counter()
                staff_seen[(data["chat"], data["seq"])] += 1
                sent = float(data["body"].split(" ", 1)[0])
                to_staff.append((now - sent) * 1000)
                timeline.append((sent - started, (now - sent) * 1000))
                await ws.send(
                    json.dumps(
                        {
                            "type": "message",
                            "chat": data["chat"],
                            "ref": f"s{data['seq']}",
                            "body": f"{time.perf_counter()!r} antwoord",
                        }
                    )
                )
            elif kind == "error":
                errors.append(data["message"])

    started = time.perf_counter()  # reset when the reporters are connected
    advisor_tasks = [asyncio.create_task(advisor(i, ws)) for i, ws in enumerate(advisor_ws)]
    while sum(opened.values()) < len(reporters):
        await asyncio.sleep(0.1)

    reporter_ws = await asyncio.gather(
        *(open_ws(ports[0], f"/ws/chat/{chat}/", key) for chat, key in reporters)
    )
    # A reporter's connection is complete when the server has sent the chat's state.
    await asyncio.gather(*(until_state(ws) for ws in reporter_ws))

    async def reporter(chat: str, ws: ClientConnection) -> None:
        pending: dict[str, float] = {}

        async def listen() -> None:
            async for raw in ws:
                data = json.loads(raw)
                kind = data.get("type")
                if kind == "ack":
                    acks.append((time.perf_counter() - pending.pop(data["ref"])) * 1000)
                elif kind == "message" and data["sender"] == "staff":
                    now = time.perf_counter()
                    reporter_seen[(chat, data["seq"])] += 1
                    sent = float(data["body"].split(" ", 1)[0])
                    to_reporter.append((now - sent) * 1000)
                    timeline.append((sent - started, (now - sent) * 1000))
                    if len(reporter_seen) >= expected and len(staff_seen) >= expected:
                        everything.set()
                elif kind == "error":
                    errors.append(data["message"])

        listener = asyncio.create_task(listen())
        await asyncio.sleep(random.uniform(0, interval))
        for i in range(messages):
            ref = f"{chat}-{i}"
            sent = time.perf_counter()
            pending[ref] = sent
            await ws.send(
                json.dumps({"type": "message", "ref": ref, "body": f"{sent!r} bericht {i}"})
            )
            await asyncio.sleep(interval)
        await asyncio.wait([listener], timeout=0)

    started = time.perf_counter()
    await asyncio.gather(
        *(reporter(chat, ws) for (chat, _k), ws in zip(reporters, reporter_ws, strict=True))
    )
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(everything.wait(), timeout=30)
    duration = time.perf_counter() - started
    for ws in [*reporter_ws, *advisor_ws]:
        await ws.close()
    for task in advisor_tasks:
        task.cancel()
    return {
        "to_staff": to_staff,
        "to_reporter": to_reporter,
        "acks": acks,
        "expected": expected,
        "staff_unique": len(staff_seen),
        "staff_dupes": sum(c - 1 for c in staff_seen.values()),
        "reporter_unique": len(reporter_seen),
        "reporter_dupes": sum(c - 1 for c in reporter_seen.values()),
        "errors": len(errors),
        "duration": duration,
        "timeline": timeline,
    }


async def measure(
    pids: list[int],
    ports: list[int],
    reporters: list[tuple[str, str]],
    advisor_sessions: list[str],
    clients: int,
    messages: int,
    interval: float,
) -> tuple[list[float], dict[str, Any]]:
    """The baseline first, then the chat, on the same workers; with the workers' CPU time."""
    before = cpu_seconds(pids)
    echo = await run_echo(ports, clients, messages, interval)
    between = cpu_seconds(pids)
    chat = await run_chat(ports, reporters, advisor_sessions, messages, interval)
    chat["cpu_echo"] = between - before
    chat["cpu_chat"] = cpu_seconds(pids) - between
    return echo, chat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--messages", type=int, default=6)
    parser.add_argument("--interval", type=float, default=5.0)
    args = parser.parse_args()

    ensure_database()
    reporters, advisor_sessions = prepare(args.chats)
    ports = [free_port(), free_port()]
    workers = [start_worker(port) for port in ports]
    try:
        echo, chat = asyncio.run(
            measure(
                [worker.pid for worker in workers],
                ports,
                reporters,
                advisor_sessions,
                args.chats,
                args.messages,
                args.interval,
            )
        )
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=15)

    offered = 2 * args.chats / args.interval
    e50, e99 = percentiles(echo)
    s50, s99 = percentiles(chat["to_staff"])
    r50, r99 = percentiles(chat["to_reporter"])
    a50, a99 = percentiles(chat["acks"])
    both = chat["to_staff"] + chat["to_reporter"]
    c50, c99 = percentiles(both)
    print(f"machine: {platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"{args.chats} chats, {args.messages} messages each way per chat, "
        f"{args.interval:g} s apart; {offered:.0f} chat messages/s offered"
    )
    print(f"baseline echo round trip      p50 {e50:6.1f} ms  p99 {e99:6.1f} ms  (n={len(echo)})")
    print(f"reporter -> advisor delivery  p50 {s50:6.1f} ms  p99 {s99:6.1f} ms")
    print(f"advisor -> reporter delivery  p50 {r50:6.1f} ms  p99 {r99:6.1f} ms")
    print(f"chat delivery, both ways      p50 {c50:6.1f} ms  p99 {c99:6.1f} ms  (n={len(both)})")
    print(f"stored-and-acknowledged       p50 {a50:6.1f} ms  p99 {a99:6.1f} ms")
    print(f"ratio chat p99 / echo p99: {c99 / e99:.1f}")
    # CPU of both workers per message, connection set-up included: echo messages are
    # round trips (one in, one out); a chat message is stored, acknowledged and delivered.
    echo_cpu = chat["cpu_echo"] * 1000 / len(echo)
    chat_cpu = chat["cpu_chat"] * 1000 / max(len(both), 1)
    print(
        f"workers' CPU per message: echo {echo_cpu:.2f} ms, chat {chat_cpu:.2f} ms "
        f"(ratio {chat_cpu / echo_cpu:.1f}; chat phase {chat['cpu_chat']:.1f} s CPU "
        f"in {chat['duration']:.0f} s)"
    )
    window = args.interval
    buckets: dict[int, list[float]] = {}
    for sent_at, latency in chat["timeline"]:
        buckets.setdefault(int(sent_at // window), []).append(latency)
    print(f"delivery p99 per {window:g} s of sending time (ms):", end="")
    for index in sorted(buckets):
        if len(buckets[index]) >= 2:
            print(f" {percentiles(buckets[index])[1]:.0f}", end="")
    print()
    print(
        f"lost: {chat['expected'] - chat['staff_unique']} to advisors, "
        f"{chat['expected'] - chat['reporter_unique']} to reporters; "
        f"duplicates: {chat['staff_dupes'] + chat['reporter_dupes']}; errors: {chat['errors']}"
    )


if __name__ == "__main__":
    main()
