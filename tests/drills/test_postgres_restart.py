"""Failure drill: PostgreSQL drops every connection while 20 web reports are being sent.

``pg_terminate_backend`` ends every connection of the test database (what a restart does
to the application) again and again while 20 reporters press Send at once. Each either
gets a receipt code or a page (503) that says the report was not sent yet and the answers
are kept; sending again then works. In the end there are 20 whole reports (case, contact,
mailbox; no draft left), each receipt code opens its own mailbox, and nothing is half
stored. PostgreSQL only; the data is committed, so this runs outside a wrapping
transaction (``transactional_db``).
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client

from meldpunt.cases.models import Case, Channel, Contact
from meldpunt.reports.models import Mailbox, ReportDraft
from meldpunt.reports.selectors import access_mailbox_for_receipt
from tests.reports.conftest import fill_report
from tests.skips import requires_postgresql

pytestmark = requires_postgresql("pg_terminate_backend")

REPORTERS = 20
RESEND_SECONDS = 60
CODE_MARK = 'data-testid="receipt-code">'
NOT_STORED = 'data-testid="report-not-stored"'
OUTAGE = "Er is even een storing bij ons"


def _send(client: Client) -> tuple[str, str]:
    """Press Send: ("code", the code) or ("kept", "") when the page says it was not sent."""
    try:
        response = client.post("/melden/controleren/", {"homepage": ""})
    finally:
        connections.close_all()
    html = response.content.decode()
    if response.status_code == 200 and CODE_MARK in html:
        start = html.index(CODE_MARK) + len(CODE_MARK)
        return "code", html[start : html.index("<", start)].replace(" ", "").strip()
    assert response.status_code == 503, (response.status_code, html[:500])
    assert NOT_STORED in html or OUTAGE in html, html[:2000]
    return "kept", ""


def _killer(dbname: str, spare: int, stop: threading.Event) -> int:
    """End every other connection to ``dbname`` every 20 ms until told to stop."""
    params = connection.settings_dict
    kills = 0
    with psycopg.connect(
        dbname="postgres",
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        autocommit=True,
    ) as admin:
        while not stop.is_set():
            rows = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> %s AND pid <> pg_backend_pid()",
                [dbname, spare],
            ).fetchall()
            kills += len(rows)
            time.sleep(0.02)
    return kills


def test_every_report_is_whole_or_kept(transactional_db: None, settings: Any) -> None:
    """20 concurrent Sends under dropped connections: a code or a kept draft, never half."""
    # All reporters come from one test address; the drill is not about the rate limits.
    settings.MELDPUNT_REPORT_SUBMITS_PER_HOUR = 1000
    settings.MELDPUNT_REPORT_DRAFTS_PER_HOUR = 1000
    cache.clear()
    reporters = [Client(raise_request_exception=False) for _ in range(REPORTERS)]

    def prepare(client: Client) -> None:
        try:
            fill_report(client)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(prepare, reporters))
    assert ReportDraft.objects.count() == REPORTERS

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        spare = cursor.fetchone()[0]
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=REPORTERS + 1) as pool:
        killing = pool.submit(_killer, connection.settings_dict["NAME"], spare, stop)
        time.sleep(0.05)
        try:
            outcomes = list(pool.map(_send, reporters))
        finally:
            stop.set()
        kills = killing.result()
    assert kills > 0, "connections were ended while the reports were sent"

    codes = [code for outcome, code in outcomes if outcome == "code"]
    kept = [
        client
        for client, (outcome, _) in zip(reporters, outcomes, strict=True)
        if outcome == "kept"
    ]
    assert Case.objects.count() == len(codes), "a stored report for every code, no other"
    assert ReportDraft.objects.count() == len(kept), "every report without a code kept its draft"
    # The pools of the (here: one) process reconnect with a back-off of their own; sending
    # again works once they have, which is what the page asks the reporter to do.
    deadline = time.monotonic() + RESEND_SECONDS
    for client in kept:
        outcome, code = _send(client)
        while outcome == "kept" and time.monotonic() < deadline:
            time.sleep(1)
            outcome, code = _send(client)
        assert outcome == "code", f"no receipt code within {RESEND_SECONDS} s of the outage"
        codes.append(code)

    assert len(set(codes)) == REPORTERS
    assert ReportDraft.objects.count() == 0
    assert Case.objects.count() == REPORTERS
    for case in Case.objects.all():
        assert Contact.objects.filter(case=case, channel=Channel.WEB_REPORT).count() == 1
        assert Mailbox.objects.filter(case=case).count() == 1
        assert case.number
    opened = {access_mailbox_for_receipt(code).pk for code in codes}
    assert opened == set(Mailbox.objects.values_list("pk", flat=True))
