"""Soak: web reports and chats for 10 minutes on two uvicorn workers, minute by minute.

Run:  .venv/bin/python bench/soak.py [--seconds 600] [--clients 50] [--chats 200]

Needs local PostgreSQL and Redis. Drops and creates the database ``meldpunt_soak``
(``--database-url``), migrates it, and starts ``uvicorn config.asgi:application`` with 2
workers on one port, with ``bench/soak_settings.py``: production settings, the report
throttles and chat limits raised because every client comes from one address.

For ``--seconds`` the server gets, at once:

- ``--clients`` web reporters. Each sends whole reports one after the other, as a browser
  without JavaScript does (bench/report_bench.py: 17 requests, a photo, Send, the receipt
  code), and waits ``--think`` seconds before each request, as a person reading the page.
- ``--chats`` chats, taken by advisors (ten each, bench/_chat.py). Every reporter page
  and advisor console is a websocket to the server; the reporter writes every
  ``--chat-interval`` seconds (random start), the advisor answers each message at once,
  and both do what their pages do by themselves: the reporter's hello every 20 s, the
  console's ping and hellos every 30 s. The server's keepalive pings (uvicorn's, every
  20 s) are answered by the client library.
- a probe: GET /healthz once a second on a new connection. Its first ``--baseline``
  seconds run before everything else; that is the baseline of the same run.

Printed per minute: requests, errors, p50 and p95 latency of the web requests and of chat
delivery (send to receipt on the other side), the probe's p95, each worker's resident
memory (VmRSS from /proc/<pid>/status) and the load average. Afterwards the clients stop
(a web reporter finishes the report it is in, a chat waits up to 30 s for what is on its
way) and everything is checked in the database: every receipt code shown opens exactly
one mailbox, there are as many cases, contacts and mailboxes as codes, no draft is left;
every chat message that was sent is stored once. Exits non-zero on any error or loss.
"""

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from _chat import open_ws, prepare, until_state
from _common import child_pids, pct
from _rawhttp import HTTPError, RawHTTP
from report_bench import (
    ROOT,
    Failure,
    jpeg_with_gps,
    one_report,
    prepare_database,
    production_env,
    start_uvicorn,
    wait_until_up,
)
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

sys.path.insert(0, str(ROOT))

REPORTER_HELLO_SECONDS = 20  # static/js/chat.js
CONSOLE_HEARTBEAT_SECONDS = 30  # static/js/chat-console.js
DRAIN_SECONDS = 30


class Soak:
    """What every client saw, by minute of the soak (the minute a request or message
    started in)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.stop = asyncio.Event()
        self.drained = asyncio.Event()
        self.web: defaultdict[int, list[float]] = defaultdict(list)
        self.chat: defaultdict[int, list[float]] = defaultdict(list)
        self.probe: defaultdict[int, list[float]] = defaultdict(list)
        self.errors: defaultdict[int, Counter[str]] = defaultdict(Counter)
        self.rss: defaultdict[int, dict[int, int]] = defaultdict(dict)
        self.load: dict[int, float] = {}
        self.reports: Counter[int] = Counter()
        self.codes: list[str] = []
        # (chat, client ref) of every message sent, acknowledged, and seen by the other side
        self.sent: set[tuple[str, str]] = set()
        self.acked: set[tuple[str, str]] = set()
        self.delivered: set[tuple[str, str]] = set()
        # /healthz alone before the load, the workers' RSS (KiB) then and after the soak
        self.baseline: list[float] = []
        self.at_rest: dict[int, int] = {}
        self.after: dict[int, int] = {}
        self.drain_seconds = 0.0

    def minute(self, moment: float) -> int:
        return int((moment - self.started) // 60)

    def error(self, kind: str, moment: float | None = None) -> None:
        self.errors[self.minute(moment or time.perf_counter())][kind] += 1


class TimedTransport(httpx.AsyncHTTPTransport):
    """Waits ``think`` seconds before each request (not timed), then times the request
    with its whole body; a request that fails counts as an error."""

    def __init__(self, soak: Soak, think: float) -> None:
        super().__init__(verify=False)
        self.soak = soak
        self.think = think

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(random.uniform(0.5, 1.5) * self.think)
        began = time.perf_counter()
        try:
            response = await super().handle_async_request(request)
            await response.aread()
        except httpx.HTTPError:
            self.soak.error("web request", began)
            raise
        if response.status_code >= 400:
            self.soak.error(f"web {response.status_code}", began)
        self.soak.web[self.soak.minute(began)].append((time.perf_counter() - began) * 1000)
        return response


async def web_reporter(soak: Soak, base: str, photo: bytes, think: float) -> None:
    async with httpx.AsyncClient(
        base_url=base, follow_redirects=True, timeout=300, transport=TimedTransport(soak, think)
    ) as client:
        while not soak.stop.is_set():
            client.cookies.clear()  # every report is a new visitor
            try:
                soak.codes.append(await one_report(client, photo))
            except Failure as exc:
                soak.error(f"report {exc}")
            except httpx.HTTPError:
                soak.error("report (request failed)")
            else:
                soak.reports[soak.minute(time.perf_counter())] += 1


async def probe(soak: Soak, base: str, until: asyncio.Event) -> None:
    """GET /healthz once a second, each on a new connection, until ``until`` is set."""
    address = urlsplit(base)
    while not until.is_set():
        began = time.perf_counter()
        client = RawHTTP(address.hostname or "", address.port or 80, keep_alive=False)
        try:
            status, _body = await client.request("GET", "/healthz")
        except (HTTPError, OSError):
            soak.error("probe", began)
        else:
            if status != 200:
                soak.error(f"probe {status}", began)
            soak.probe[soak.minute(began)].append((time.perf_counter() - began) * 1000)
        await asyncio.sleep(max(0.0, 1 - (time.perf_counter() - began)))


def rss_kib(pid: int) -> int:
    """A process's resident memory in KiB (VmRSS), 0 if it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def workers(server_pid: int) -> list[int]:
    """uvicorn's worker processes (its children but the multiprocessing helpers)."""
    found = []
    for pid in child_pids(server_pid):
        with contextlib.suppress(FileNotFoundError):
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
    return found


async def sample_memory(soak: Soak, server_pid: int) -> None:
    """Each worker's RSS and the load average every 10 s; the minute keeps its last."""
    while True:
        minute = soak.minute(time.perf_counter())
        soak.rss[minute] = {pid: rss_kib(pid) for pid in workers(server_pid)}
        soak.load[minute] = os.getloadavg()[0]
        await asyncio.sleep(10)


def body(ref: str) -> str:
    """A message's text: when it was sent (this process's clock) and its ref."""
    return f"{time.perf_counter()!r} {ref}"


def delivered(soak: Soak, chat: str, text: str) -> None:
    """The other side received a message: its delivery time and ref are noted."""
    began, ref = text.split(" ", 1)
    soak.chat[soak.minute(float(began))].append((time.perf_counter() - float(began)) * 1000)
    soak.delivered.add((chat, ref))


async def advisor(soak: Soak, ws: ClientConnection, opened: Counter[str]) -> None:
    """An advisor's console: answers every reporter message at once; ping and hellos
    every 30 s as the page does."""
    last_seq: dict[str, int] = {}
    seen: set[tuple[str, int]] = set()

    async def heartbeat() -> None:
        with contextlib.suppress(ConnectionClosed):
            while True:
                await asyncio.sleep(CONSOLE_HEARTBEAT_SECONDS)
                await ws.send(json.dumps({"type": "ping"}))
                for chat, seq in list(last_seq.items()):
                    await ws.send(json.dumps({"type": "hello", "chat": chat, "after": seq}))

    beating = asyncio.create_task(heartbeat())
    try:
        async for raw in ws:
            data = json.loads(raw)
            kind = data.get("type")
            if kind == "chat.opened":
                opened[data["chat"]] += 1
                last_seq.setdefault(data["chat"], 0)
            elif kind == "message" and (data["chat"], data["seq"]) not in seen:
                chat, seq = data["chat"], data["seq"]
                seen.add((chat, seq))
                last_seq[chat] = max(last_seq.get(chat, 0), seq)
                if data["sender"] != "reporter":
                    continue
                delivered(soak, chat, data["body"])
                ref = f"s{seq}"
                soak.sent.add((chat, ref))
                await ws.send(
                    json.dumps({"type": "message", "chat": chat, "ref": ref, "body": body(ref)})
                )
            elif kind == "ack":
                soak.acked.add((data["chat"], data["ref"]))
            elif kind == "error":
                soak.error("console error")
    except ConnectionClosed as exc:
        if not soak.stop.is_set():
            soak.error(f"console closed {exc.rcvd.code if exc.rcvd else ''} {exc}")
    finally:
        beating.cancel()


async def reporter(soak: Soak, chat: str, ws: ClientConnection, interval: float) -> None:
    """A reporter's chat page: a message every ``interval`` s, a hello every 20 s."""
    last_seq = 0
    seen: set[int] = set()

    async def listen() -> None:
        nonlocal last_seq
        async for raw in ws:
            data = json.loads(raw)
            kind = data.get("type")
            if kind == "ack":
                soak.acked.add((chat, data["ref"]))
            elif kind == "message" and data["seq"] not in seen:
                seen.add(data["seq"])
                last_seq = max(last_seq, data["seq"])
                if data["sender"] == "staff":
                    delivered(soak, chat, data["body"])
            elif kind == "error":
                soak.error("reporter error")

    async def hellos() -> None:
        with contextlib.suppress(ConnectionClosed):
            while True:
                await asyncio.sleep(REPORTER_HELLO_SECONDS)
                await ws.send(json.dumps({"type": "hello", "after": last_seq}))

    listener = asyncio.create_task(listen())
    helloing = asyncio.create_task(hellos())
    try:
        await asyncio.sleep(random.uniform(0, interval))
        number = 0
        while not soak.stop.is_set():
            ref = f"{chat}-{number}"
            soak.sent.add((chat, ref))
            await ws.send(json.dumps({"type": "message", "ref": ref, "body": body(ref)}))
            number += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(soak.stop.wait(), interval)
        await soak.drained.wait()
    except ConnectionClosed as exc:
        soak.error(f"reporter closed {exc}")
    finally:
        helloing.cancel()
        listener.cancel()
        if listener.done() and not listener.cancelled() and listener.exception():
            soak.error(f"reporter closed {listener.exception()}")


async def run(args: argparse.Namespace, base: str, server_pid: int, chats: Any) -> Soak:
    reporters, advisor_sessions = chats
    port = urlsplit(base).port or 80
    soak = Soak()
    sampler = asyncio.create_task(sample_memory(soak, server_pid))
    probing_ends = asyncio.Event()
    prober = asyncio.create_task(probe(soak, base, probing_ends))
    await asyncio.sleep(args.baseline)
    baseline = list(soak.probe.pop(0, []))
    soak.errors.pop(0, None)
    at_rest = {pid: rss_kib(pid) for pid in workers(server_pid)}

    opened: Counter[str] = Counter()
    consoles = await asyncio.gather(
        *(open_ws(port, "/ws/medewerkers/chat/", key) for key in advisor_sessions)
    )
    console_tasks = [asyncio.create_task(advisor(soak, ws, opened)) for ws in consoles]
    while len(opened) < len(reporters):
        await asyncio.sleep(0.1)
    pages = await asyncio.gather(
        *(open_ws(port, f"/ws/chat/{chat}/", key) for chat, key in reporters)
    )
    await asyncio.gather(*(until_state(ws) for ws in pages))

    # The soak's own clock starts here: minute 0 is the first minute of full load.
    soak.started = time.perf_counter()
    soak.probe.clear()
    soak.errors.clear()
    soak.rss.clear()
    photo = jpeg_with_gps()
    web = [
        asyncio.create_task(web_reporter(soak, base, photo, args.think))
        for _ in range(args.clients)
    ]
    chatting = [
        asyncio.create_task(reporter(soak, chat, ws, args.chat_interval))
        for (chat, _key), ws in zip(reporters, pages, strict=True)
    ]
    await asyncio.sleep(args.seconds)
    soak.stop.set()
    ended = time.perf_counter()
    await asyncio.gather(*web)
    deadline = time.perf_counter() + DRAIN_SECONDS
    while (soak.sent - soak.acked or soak.sent - soak.delivered) and time.perf_counter() < deadline:
        await asyncio.sleep(0.5)
    soak.drained.set()
    await asyncio.gather(*chatting)
    for ws in [*pages, *consoles]:
        await ws.close()
    for task in console_tasks:
        task.cancel()
    probing_ends.set()
    await prober
    sampler.cancel()
    await asyncio.sleep(10)  # the workers settle
    soak.baseline = baseline
    soak.at_rest = at_rest
    soak.after = {pid: rss_kib(pid) for pid in workers(server_pid)}
    soak.drain_seconds = time.perf_counter() - ended
    return soak


def check_database(soak: Soak) -> dict[str, int]:
    """Counts that must all be zero: reports and chat messages lost or doubled."""
    from meldpunt.cases.models import Case, Contact
    from meldpunt.chat.models import ChatMessage
    from meldpunt.reports.models import Mailbox, ReportDraft
    from meldpunt.reports.receipts import hash_code, normalise_code

    hashes = [hash_code(normalise_code(code) or "") for code in soak.codes]
    found = Counter(
        Mailbox.objects.filter(code_hash__in=hashes).values_list("code_hash", flat=True)
    )
    stored = Counter(
        (session.hex, ref)
        for session, ref in ChatMessage.objects.exclude(client_ref="").values_list(
            "session__public_id", "client_ref"
        )
    )
    cases = Case.objects.count()
    return {
        "receipt codes shown twice": len(soak.codes) - len(set(soak.codes)),
        "receipt codes without a mailbox": sum(1 for h in hashes if not found[h]),
        "mailboxes more than codes": Mailbox.objects.count() - len(soak.codes),
        "cases more than codes": cases - len(soak.codes),
        "web contacts other than cases": Contact.objects.filter(channel="web_report").count()
        - cases,
        "drafts left": ReportDraft.objects.count(),
        "chat messages sent, not stored": len(soak.sent - set(stored)),
        "chat messages stored twice": sum(count - 1 for count in stored.values()),
        "chat messages stored, not sent": len(set(stored) - soak.sent),
        "chat messages sent, not acknowledged": len(soak.sent - soak.acked),
        "chat messages sent, not received by the other side": len(soak.sent - soak.delivered),
    }


def mb(kib: int) -> str:
    return f"{kib / 1024:.0f}"


def p(values: list[float], q: int) -> str:
    return f"{pct(values, q):.0f}" if len(values) >= 2 else "–"


def report(soak: Soak, args: argparse.Namespace, problems: dict[str, int]) -> bool:
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; uvicorn workers: {args.workers}; "
        f"{args.clients} web reporters (think {args.think:g} s), {args.chats} chats "
        f"(a message every {args.chat_interval:g} s each way); {args.seconds} s"
    )
    baseline = soak.baseline
    print(
        f"baseline, /healthz alone for {args.baseline} s: p50 {p(baseline, 50)} ms, "
        f"p95 {p(baseline, 95)} ms"
    )
    rest = soak.at_rest
    pids = sorted(rest)
    print("workers' RSS at rest (MB): " + ", ".join(mb(rest[pid]) for pid in pids))
    print()
    print(
        "| minute | web requests | reports | errors | web p50 ms | web p95 ms "
        "| chat messages | chat p50 ms | chat p95 ms | /healthz p95 ms | "
        + " | ".join(f"worker {n + 1} RSS MB" for n in range(len(pids)))
        + " | load |"
    )
    print("|" + "---:|" * (10 + len(pids) + 1))
    # The minutes after the last are the stop: reporters finish the report they are in.
    minutes = range(max(1, -(-args.seconds // 60), *(m + 1 for m in soak.web)))
    for minute in minutes:
        web, chat = soak.web[minute], soak.chat[minute]
        rss = soak.rss.get(minute, {})
        print(
            f"| {minute + 1}{' (stop)' if minute * 60 >= args.seconds else ''} "
            f"| {len(web)} | {soak.reports[minute]} "
            f"| {sum(soak.errors[minute].values())} | {p(web, 50)} | {p(web, 95)} "
            f"| {len(chat)} | {p(chat, 50)} | {p(chat, 95)} | {p(soak.probe[minute], 95)} | "
            + " | ".join(mb(rss.get(pid, 0)) for pid in pids)
            + f" | {soak.load.get(minute, 0):.1f} |"
        )
    web_all = [ms for minute in minutes for ms in soak.web[minute]]
    chat_all = [ms for minute in minutes for ms in soak.chat[minute]]
    probe_all = [ms for minute in minutes for ms in soak.probe[minute]]
    errors = sum((soak.errors[m] for m in list(soak.errors)), Counter())
    after = soak.after
    print()
    print(
        f"totals: {len(web_all)} web requests, {len(soak.codes)} reports, "
        f"{len(chat_all)} chat messages delivered, {sum(errors.values())} errors"
        + (f" ({dict(errors)})" if errors else "")
    )
    print(
        f"web p50 {p(web_all, 50)} ms, p95 {p(web_all, 95)} ms; chat p50 {p(chat_all, 50)} ms,"
        f" p95 {p(chat_all, 95)} ms; /healthz under load p95 {p(probe_all, 95)} ms"
    )
    first, last = 0, max(0, -(-args.seconds // 60) - 1)
    if len(baseline) >= 2 and len(probe_all) >= 2:
        print(
            f"ratio /healthz p95 under load / alone: {pct(probe_all, 95) / pct(baseline, 95):.1f}"
        )
    for name, series in (("web", soak.web), ("chat", soak.chat)):
        if len(series[first]) >= 2 and len(series[last]) >= 2:
            print(
                f"ratio {name} p95 last minute / first minute: "
                f"{pct(series[last], 95) / pct(series[first], 95):.2f}"
            )
    print(
        "workers' RSS after the soak (MB): "
        + ", ".join(mb(after.get(pid, 0)) for pid in pids)
        + f" (drained in {soak.drain_seconds:.0f} s)"
    )
    for name, count in problems.items():
        print(f"{name}: {count}")
    return not errors and not any(problems.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--chat-interval", type=float, default=20.0)
    parser.add_argument("--baseline", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/meldpunt_soak"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    args = parser.parse_args()

    env = production_env(
        code=ROOT, database_url=args.database_url, redis_url=args.redis_url, name="soak"
    )
    env["DJANGO_SETTINGS_MODULE"] = "soak_settings"
    prepare_database(env, code=ROOT, database_url=args.database_url)
    # This process writes the advisors' and reporters' sessions and checks the rows
    # afterwards: with the server's settings, secrets and key ring.
    os.environ.update(env)
    chats = prepare(args.chats)

    server, port = start_uvicorn(env, code=ROOT, workers=args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server)
        soak = asyncio.run(run(args, base, server.pid, chats))
    finally:
        server.terminate()
        server.wait(timeout=30)
    if not report(soak, args, check_database(soak)):
        sys.exit(1)


if __name__ == "__main__":
    main()
