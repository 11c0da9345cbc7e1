"""Chat test helpers: frozen time, opening hours, an advisor on duty, websocket clients."""

from collections.abc import AsyncIterator, Callable
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.layers import DEFAULT_CHANNEL_LAYER, channel_layers
from channels.testing import WebsocketCommunicator
from django.db import connections
from django.test import Client

from config.routing import build_application
from meldpunt.accounts.models import User
from meldpunt.chat import selectors, services
from meldpunt.chat.auth import SESSION_TOKEN_KEY
from meldpunt.chat.consumers import CLOSE_FORBIDDEN
from meldpunt.chat.models import ChatAgent, ChatSession
from meldpunt.lib import clock
from meldpunt.lib.sessions import SessionStore
from meldpunt.public.models import WeeklyOpening
from tests.conftest import verify_session

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Tuesday 1 December 2026, 10:00 in Amsterdam: an ordinary working morning.
TUESDAY_10 = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
ORIGIN = (b"origin", b"http://testserver")


@pytest.fixture
def freeze(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """Freeze meldpunt.lib.clock.now at the given moment."""

    def at(moment: datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: moment)

    return at


@pytest.fixture
async def close_db_threads() -> AsyncIterator[None]:
    """Close the connections async tests opened in the ORM's worker thread, so the test
    database can be dropped at the end of the run."""
    yield
    await sync_to_async(connections.close_all)()


@pytest.fixture
async def own_channel_layer() -> AsyncIterator[None]:
    """A channel layer for this test alone. The Redis layer keeps asyncio locks that stay
    bound to the event loop of the test that made them, so a layer shared between tests
    fails at random once one of them leaves a lock behind."""
    channel_layers.backends.pop(DEFAULT_CHANNEL_LAYER, None)
    yield
    layer = channel_layers.backends.pop(DEFAULT_CHANNEL_LAYER, None)
    if hasattr(layer, "close_pools"):
        await layer.close_pools()


@pytest.fixture
def office_hours(db: None) -> None:
    """Monday to Friday 9:00 to 17:00 (transactional tests lose the migration's rows)."""
    for day in range(5):
        WeeklyOpening.objects.get_or_create(weekday=day, opens=time(9), closes=time(17))


@pytest.fixture
def open_now(freeze: Callable[[datetime], None], office_hours: None) -> datetime:
    freeze(TUESDAY_10)
    return TUESDAY_10


@pytest.fixture
def on_duty(advisor: User, open_now: datetime) -> User:
    """Anna is available for chats with the default capacity of two."""
    services.agent_set_available(user=advisor, available=True)
    return advisor


def reporter_session(token: str) -> str:
    """A session like the one the start view leaves behind; returns its key."""
    session = SessionStore()
    session[SESSION_TOKEN_KEY] = token
    session.create()
    return session.session_key or ""


def start_chat(**kwargs: Any) -> tuple[ChatSession, str]:
    """A waiting chat and the session key of its reporter."""
    chat, token = services.chat_start(**kwargs)
    return chat, reporter_session(token)


def staff_session(user: User) -> str:
    client = Client()
    verify_session(client, user)
    return client.cookies["sessionid"].value


class Communicator(WebsocketCommunicator):
    """Channels' test client, whose connect waits up to 10 s instead of 1: in CI, with the
    PostgreSQL and SQLite suites side by side on two cores, a console's connect once took
    longer than a second."""

    async def connect(self, timeout: float = 10) -> tuple[bool, int | str | None]:
        return await super().connect(timeout)


def communicator(path: str, session_key: str | None) -> WebsocketCommunicator:
    headers = [ORIGIN]
    if session_key:
        headers.append((b"cookie", f"sessionid={session_key}".encode()))
    return Communicator(build_application(None), path, headers=headers)


def reporter_ws(chat: ChatSession, session_key: str | None) -> WebsocketCommunicator:
    return communicator(f"/ws/chat/{chat.public_id.hex}/", session_key)


def advisor_ws(session_key: str | None) -> WebsocketCommunicator:
    return communicator("/ws/medewerkers/chat/", session_key)


async def receive_until(ws: WebsocketCommunicator, kind: str, **match: Any) -> dict[str, Any]:
    """The next message of ``kind`` (and matching fields), skipping others."""
    for _ in range(50):
        data = await ws.receive_json_from(timeout=5)
        if data.get("type") == kind and all(data.get(k) == v for k, v in match.items()):
            return data
    raise AssertionError(f"no {kind} message")


async def open_console(session_key: str) -> WebsocketCommunicator:
    """An advisor console on ``session_key`` that has received its first queue."""
    ws = advisor_ws(session_key)
    connected, _code = await ws.connect()
    assert connected
    await receive_until(ws, "queue")
    return ws


async def closed_with(ws: WebsocketCommunicator) -> int:
    """The close code the server sends, skipping the JSON messages before it.

    The browser then drops the connection; so does the test, or the consumer would stay
    waiting on the channel layer after the test's event loop has gone.
    """
    for _ in range(20):
        output = await ws.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            await ws.disconnect()
            return output["code"]
    raise AssertionError("the console was not closed")


async def assert_out_of_chat(user: User, session_key: str) -> None:
    """``user`` is away, no advisor counts as present, and ``session_key`` opens no console."""
    agent = await ChatAgent.objects.aget(user=user)
    assert agent.available is False
    assert not await database_sync_to_async(selectors.advisor_present)()
    again = advisor_ws(session_key)
    connected, code = await again.connect()
    assert not connected
    assert code == CLOSE_FORBIDDEN
    await again.disconnect()
