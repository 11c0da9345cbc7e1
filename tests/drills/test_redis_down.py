"""Failure drill: Redis goes down and comes back (issue 18).

A private redis-server on a port of its own is the cache and the channel layer; it is
stopped in the middle of the test. Web reports, the mailbox, phone intake and the staff
pages keep working; the chat page and the contact block say plainly that the chat does not
work and to call or use the form. When Redis is back, the chat starts again without a
restart. Runs wherever redis-server is installed (it needs no REDIS_URL).
"""

import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
import redis
from django.test import Client, override_settings
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.cases.models import Contact
from meldpunt.chat import selectors as chat_selectors
from meldpunt.chat.models import ChatSession
from meldpunt.lib import cache as resilient_cache
from meldpunt.reports.models import MailboxMessage
from tests.cases.intake.test_new_view import SAVE_URL, call
from tests.reports.conftest import fill_report, submit
from tests.skips import skip_missing_service

pytestmark = pytest.mark.django_db


class PrivateRedis:
    def __init__(self, binary: str) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.binary = binary
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        pytest.fail("the private redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def private_redis(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateRedis]:
    binary = shutil.which("redis-server")
    if binary is None:
        skip_missing_service("redis-server", "a Redis of its own to stop and start")
    server = PrivateRedis(binary)
    server.start()
    # Look at Redis on every request, so the test need not wait out the intervals.
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.0)
    monkeypatch.setattr(chat_selectors, "LAYER_CHECK_SECONDS", 0.0)
    layers = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [{"address": server.url}], "prefix": "drill"},
        }
    }
    caches = {
        "default": {"BACKEND": "meldpunt.lib.cache.ResilientRedisCache", "LOCATION": server.url}
    }
    with override_settings(CACHES=caches, CHANNEL_LAYERS=layers, MELDPUNT_HEALTH_TIMEOUT=1):
        yield server
    server.stop()


def _chat_page(client: Client) -> str:
    return client.get(reverse("chat_public:chat")).content.decode()


def test_redis_down_and_back(
    private_redis: PrivateRedis,
    on_duty: User,
    open_now: datetime,
    verified_client: Callable[[User], Client],
) -> None:
    """Everything but the chat works without Redis; the chat says so and comes back."""
    visitor = Client()
    assert 'data-testid="chat-start"' in _chat_page(visitor)

    private_redis.stop()
    page = _chat_page(visitor)
    assert 'data-testid="chat-unavailable"' in page
    assert "De chat werkt nu niet door een storing." in page
    assert 'href="tel:' in page and reverse("reports_public:start") in page
    assert "Bel ons of doe een melding." in visitor.get("/").content.decode()
    response = visitor.post(reverse("chat_public:start"), {"nickname": "Sam"})
    assert 'data-testid="chat-unavailable"' in response.content.decode()
    assert not ChatSession.objects.exists()

    # A web report, with its receipt code, then a message in its mailbox.
    reporter = Client()
    fill_report(reporter)
    code = submit(reporter)
    assert len(code.replace(" ", "")) == 16
    assert reporter.post("/melden/postbus/", {"code": code}).status_code == 302
    response = reporter.post("/melden/postbus/bericht/", {"text": "Ze zijn verhuisd."})
    assert response.status_code == 302
    assert MailboxMessage.objects.count() == 1

    # The staff side: a phone call logged, the case list and the case itself.
    anna = verified_client(on_duty)
    assert anna.post(SAVE_URL, call()).status_code == 302
    phone = Contact.objects.get(channel="phone")
    assert phone.case is not None
    assert anna.get(reverse("cases:detail", args=[phone.case.pk])).status_code == 200
    assert anna.get(reverse("accounts:home"), follow=True).status_code == 200
    password = "correct horse battery staple"
    login = Client().post(reverse("accounts:login"), {"username": "anna", "password": password})
    assert login.status_code == 302, "the login throttle counts in process memory meanwhile"

    private_redis.start()
    assert 'data-testid="chat-start"' in _chat_page(visitor)
    response = visitor.post(reverse("chat_public:start"), {"nickname": "Sam"})
    assert response.status_code == 302
    assert ChatSession.objects.count() == 1
    assert 'data-testid="chat-unavailable"' not in _chat_page(visitor)
