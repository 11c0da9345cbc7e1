"""Failure drill: the worker is killed (SIGKILL) while web reports are being sent.

A real uvicorn worker serves four reporters, each walking the whole web report over HTTP
with a photo. One sends before the kill and gets its code. Three are caught in flight by
pauses in the worker (tests/drills/paused_asgi.py): at the start of the Send, inside its
transaction with everything written but not committed, and after the commit with the
answer not yet sent. The worker is killed and started again. Then for every reporter:
either a whole stored report (case, web contact, mailbox, its photo) or no report at all
and the draft with its photo still there; nothing half stored, no file without its report,
no temporary file left on disk. Sending again from the same browser gives every reporter a
receipt code, the one whose answer was lost included, and every code opens its mailbox.
"""

import re
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.db import connection

from meldpunt.cases.models import Case, Contact
from meldpunt.reports.models import Attachment, Mailbox, ReportDraft
from meldpunt.reports.steps import FILES, STEPS
from tests.chat.servers import Server, copy_database, database_url, free_port, server_env
from tests.reports.conftest import ANSWERS, png_bytes

# The reports are committed by another process: no wrapping transaction.
pytestmark = pytest.mark.django_db(transaction=True)

PAUSES = ("before", "inside", "after")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CODE = re.compile(r'data-testid="receipt-code">([^<]+)<')
# A deadline only, for a busy CI machine; a quiet one reaches every pause in a second.
PAUSE_WAIT_SECONDS = 60


@dataclass
class Drill:
    server: Server
    pauses: Path
    temporary: Path
    count: Any  # (sql) -> int, on the server's database


@pytest.fixture
def drill(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Drill]:
    """The paused worker on the test database (PostgreSQL) or on a copy of the migrated
    SQLite file, with a temporary directory of its own."""
    pauses = tmp_path / "pauses"
    temporary = tmp_path / "tmp"
    pauses.mkdir()
    temporary.mkdir()
    port = free_port()
    if connection.vendor == "postgresql":
        url = database_url()

        def count(sql: str) -> int:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return int(cursor.fetchone()[0])
    else:
        database = tmp_path / "drill.sqlite3"
        copy_database(request.getfixturevalue("migrated_sqlite"), database)
        url = f"sqlite:///{database}"

        def count(sql: str) -> int:
            with sqlite3.connect(database) as db:
                return int(db.execute(sql).fetchone()[0])

    env = server_env(
        DATABASE_URL=url,
        TMPDIR=str(temporary),
        MELDPUNT_DRILL_PAUSES=str(pauses),
        # Three Sends wait at their pauses; a fourth thread serves the rest.
        MELDPUNT_HTTP_THREADS="4",
        MELDPUNT_REPORT_SUBMITS_PER_HOUR="1000",
        MELDPUNT_REPORT_DRAFTS_PER_HOUR="1000",
        MELDPUNT_REDIS_PREFIX=f"drill-{port}",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    server = Server(port, env, app="tests.drills.paused_asgi:application").start()
    yield Drill(server, pauses, temporary, count)
    server.stop()


class Reporter:
    """One browser: its own cookies, the whole web report over HTTP."""

    def __init__(self, server: Server, pause: str = "") -> None:
        self.http = httpx.Client(base_url=server.url, timeout=120)
        self.pause = pause
        self.token = ""

    def post(self, path: str, data: dict[str, Any], **extra: Any) -> httpx.Response:
        return self.http.post(path, data={**data, "csrfmiddlewaretoken": self.token}, **extra)

    def fill(self) -> None:
        found = CSRF.search(self.http.get(f"/melden/stap/{STEPS[0].slug}/").text)
        assert found
        self.token = found.group(1)
        for step in STEPS:
            path = f"/melden/stap/{step.slug}/"
            if step.slug == FILES:
                photo = {"files": ("foto.png", png_bytes(), "image/png")}
                response = self.post(path, {"action": "next"}, files=photo)
            else:
                answers = dict(ANSWERS[step.slug])
                if step.slug == "wat" and self.pause:
                    answers["description"] = f"{self.pause}: {answers['description']}"
                response = self.post(path, {**answers, "action": "next"})
            assert response.status_code == 302, (step.slug, response.text[:2000])

    def send(self) -> str:
        """Press Send; the receipt code from the answer."""
        response = self.post("/melden/controleren/", {"homepage": ""})
        found = CODE.search(response.text)
        assert response.status_code == 200 and found, (response.status_code, response.text[:2000])
        return found.group(1).replace(" ", "")

    def send_in_flight(self) -> BaseException | None:
        """Press Send on the paused worker: the connection breaks when it is killed."""
        try:
            self.post("/melden/controleren/", {"homepage": ""})
        except httpx.TransportError as error:
            return error
        return None

    def opens_mailbox(self, code: str) -> bool:
        return self.post("/melden/postbus/", {"code": code}).status_code == 302


def _wait_for(pauses: Path, names: tuple[str, ...]) -> None:
    deadline = time.monotonic() + PAUSE_WAIT_SECONDS
    while not all((pauses / name).exists() for name in names):
        assert time.monotonic() < deadline, f"pauses not reached: {names}"
        time.sleep(0.05)


def _table(model: Any) -> str:
    return str(model._meta.db_table)


def test_a_killed_worker_leaves_every_report_whole_or_still_a_draft(drill: Drill) -> None:
    """SIGKILL with Sends before, inside and after the commit: whole reports or drafts."""
    count = drill.count
    done = Reporter(drill.server)
    caught = {pause: Reporter(drill.server, pause) for pause in PAUSES}
    with ThreadPoolExecutor(max_workers=len(PAUSES) + 1) as pool:
        list(pool.map(Reporter.fill, (done, *caught.values())))
    codes = {"done": done.send()}

    with ThreadPoolExecutor(max_workers=len(PAUSES)) as pool:
        # On SQLite the open transaction holds the only write lock: it goes last.
        sends = {p: pool.submit(caught[p].send_in_flight) for p in ("before", "after")}
        _wait_for(drill.pauses, ("before", "after"))
        sends["inside"] = pool.submit(caught["inside"].send_in_flight)
        _wait_for(drill.pauses, PAUSES)
        drill.server.kill()
        broken = {pause: send.result() for pause, send in sends.items()}
    assert all(broken.values()), f"every Send in flight lost its answer: {broken}"

    drill.server.app = "config.asgi:application"  # the worker as it runs in production
    drill.server.start()
    cases, drafts, mailboxes = _table(Case), _table(ReportDraft), _table(Mailbox)
    contacts, files = _table(Contact), _table(Attachment)
    # Committed before the kill: the report sent first and the one paused after its commit.
    assert count(f"SELECT count(*) FROM {cases}") == 2  # noqa: S608
    assert count(f"SELECT count(*) FROM {drafts}") == 2  # noqa: S608
    half_stored = (
        f"SELECT count(*) FROM {cases} c WHERE coalesce(c.number, '') = '' "  # noqa: S608
        f"OR (SELECT count(*) FROM {contacts} WHERE case_id = c.id) <> 1 "
        f"OR (SELECT count(*) FROM {mailboxes} WHERE case_id = c.id) <> 1 "
        f"OR (SELECT count(*) FROM {files} WHERE case_id = c.id) <> 1"
    )
    assert count(half_stored) == 0
    drafts_without_photo = (
        f"SELECT count(*) FROM {drafts} d "  # noqa: S608
        f"WHERE (SELECT count(*) FROM {files} WHERE draft_id = d.id) <> 1"
    )
    assert count(drafts_without_photo) == 0
    loose = f"SELECT count(*) FROM {files} WHERE case_id IS NULL AND draft_id IS NULL"  # noqa: S608
    assert count(loose) == 0
    assert count(f"SELECT count(*) FROM {mailboxes} WHERE contact_id IS NULL") == 0  # noqa: S608
    assert not list(drill.temporary.iterdir()), "no temporary file left by the killed worker"

    # Each reporter presses Send again in the same browser.
    for pause, reporter in caught.items():
        codes[pause] = reporter.send()
    assert len(set(codes.values())) == len(codes)
    assert count(f"SELECT count(*) FROM {cases}") == len(codes)  # noqa: S608
    assert count(f"SELECT count(*) FROM {drafts}") == 0  # noqa: S608
    assert count(half_stored) == 0
    assert count(f"SELECT count(*) FROM {files}") == len(codes)  # noqa: S608
    assert all(
        reporter.opens_mailbox(codes[name]) for name, reporter in {"done": done, **caught}.items()
    )
