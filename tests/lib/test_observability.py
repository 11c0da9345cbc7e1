"""JSON log lines with a request id, and /metrics: one request of each kind (public page,
report steps and Send, mailbox code and message, staff page, search, 404, 500, health,
metrics); no line and no metric holds content, an address, a receipt code or a path."""

import io
import json
import logging
import re
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.public import views
from tests.lib.test_security_logging import console_output  # noqa: F401 (fixture)
from tests.reports.conftest import ANSWERS, fill_report, submit

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
MESSAGE = "Ze zijn vannacht met de bestelbus naar Almere gebracht"
SEARCHED = "nagelstudio"
TOKEN = "scrape-token-for-the-test-0123456789"


async def broken() -> list[str]:
    raise RuntimeError("fails on purpose with Marieke Zwanenburg in its message")


def test_every_kind_of_request_logs_json_without_personal_data(
    console_output: io.StringIO,  # noqa: F811 (fixture)
    advisor: User,
    verified_client: Callable[[User], Client],
    monkeypatch: pytest.MonkeyPatch,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    """Each request gives one JSON line with its id, view name, method, status and
    duration; nothing typed, no address, no code, no path with an id is in any line."""
    settings.MELDPUNT_METRICS_TOKEN = TOKEN
    cache.clear()
    logging.getLogger("meldpunt.request").setLevel(logging.INFO)
    reporter = Client(REMOTE_ADDR=ADDRESS, raise_request_exception=False)
    reporter.get("/")
    fill_report(reporter)
    code = submit(reporter)
    reporter.post("/melden/postbus/", {"code": code})
    reporter.post("/melden/postbus/bericht/", {"text": MESSAGE})
    anna = verified_client(advisor)
    anna.defaults["REMOTE_ADDR"] = ADDRESS
    anna.post(reverse("search:cases"), {"q": SEARCHED})
    case_url = anna.get(reverse("cases:inbox")).content.decode()
    assert anna.get("/medewerkers/zaken/999999/").status_code == 404
    reporter.get("/healthz")
    reporter.get("/readyz")
    monkeypatch.setattr(views, "readiness_problems", broken)
    assert reporter.get("/readyz").status_code == 500
    scrape = Client(REMOTE_ADDR=ADDRESS, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    exposition = scrape.get("/metrics").content.decode()

    # The console handler's lines (pytest's own capture handler writes plain text beside them).
    raw = [line for line in console_output.getvalue().splitlines() if line.startswith("{")]
    lines = [json.loads(line) for line in raw]
    requests = [line for line in lines if line.get("event") == "request"]
    assert len(requests) >= 15
    assert all(re.fullmatch(r"[0-9a-f]{16}", line["request_id"]) for line in requests)
    assert len({line["request_id"] for line in requests}) == len(requests)
    views_seen = {line["view"] for line in requests}
    assert {"public:home", "reports_public:check", "reports_public:mailbox"} <= views_seen
    assert {"search:cases", "cases:inbox", "readyz", "healthz"} <= views_seen
    assert any(line["status"] == 500 for line in requests)
    assert any(line.get("exc_type") == "RuntimeError" for line in lines)

    text = "\n".join(raw) + exposition
    forbidden = [
        ADDRESS,
        code,
        code.replace(" ", ""),
        MESSAGE,
        SEARCHED,
        "Marieke",
        ANSWERS["wat"]["description"],
        "/medewerkers/",
        "/melden/",
    ]
    for value in forbidden:
        assert str(value) not in text, f"{value!r} is in the logs or metrics"
    # The case id of the refused page, as a number of its own: not the digits inside a
    # measured duration ("0.0672922749999997").
    assert re.search(r"(?<![\d.])999999(?![\d.])", text) is None
    assert case_url


def test_metrics_need_the_token_and_hold_names_only(
    advisor: User,
    verified_client: Callable[[User], Client],
    settings,  # type: ignore[no-untyped-def]
) -> None:
    """Without a token configured /metrics is 404, with a wrong one too; the right one gets
    request counts per view name, latency buckets, errors, the chat queue and reports."""
    client = Client()
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer x").status_code == 404
    settings.MELDPUNT_METRICS_TOKEN = TOKEN
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    reporter = Client()
    fill_report(reporter)
    submit(reporter)
    verified_client(advisor).get(reverse("cases:inbox"))
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    body = response.content.decode()
    assert (
        'meldpunt_http_requests_total{method="POST",status="2xx",view="reports_public:check"}'
        in body
    )
    assert 'meldpunt_http_request_seconds_bucket{le="+Inf",view="cases:inbox"}' in body
    assert "# TYPE meldpunt_http_errors_total counter" in body
    assert 'meldpunt_chat_queue{what="length"} 0' in body
    assert 'meldpunt_reports_last_hour{channel="web_report"} 1' in body
    assert "# TYPE meldpunt_websockets_open gauge" in body
    for line in body.splitlines():
        if not line.startswith("#"):
            assert re.fullmatch(
                r'[a-z_]+(\{[a-z_]+="[^"/]*"(,[a-z_]+="[^"/]*")*\})? [0-9.e+-]+', line
            ), line
