"""Two real ASGI workers sharing Redis: reporter on one, advisor on the other.

Needs PostgreSQL and Redis (the CI run); skipped on the embedded default, where a single
process with the in-memory layer cannot reach another worker at all.
"""

import asyncio
import json
from collections.abc import Iterator
from datetime import time, timedelta
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.db import connection
from websockets.asyncio.client import ClientConnection, connect

from meldpunt.chat import services
from meldpunt.chat.models import ChatMessage, ChatSender, ChatState
from meldpunt.lib import clock
from meldpunt.public.models import OpeningException
from tests.chat.conftest import staff_session, start_chat
from tests.chat.servers import QUIET_SECONDS, Server, free_port, server_env
from tests.skips import requires_redis, skip_missing_service

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("close_db_threads"),
    requires_redis("workers talk through Redis"),
]


@pytest.fixture
def workers(transactional_db: None) -> Iterator[tuple[Server, Server]]:
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        skip_missing_service("PostgreSQL", "a database that other processes can open")
    env = server_env()
    first = Server(free_port(), env).start()
    second = Server(free_port(), env).start()
    yield first, second
    first.stop()
    second.stop()


def _open_today_on_duty(advisor: Any) -> None:
    """Open all day today (whatever the real date), with Anna available."""
    today = clock.today()
    for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
        OpeningException.objects.create(
            date=day, kind=OpeningException.Kind.OPEN, opens=time(0), closes=time(23, 59, 59)
        )
    services.agent_set_available(user=advisor, available=True)


async def _ws(server: Server, path: str, session_key: str) -> ClientConnection:
    return await connect(
        server.ws_url + path,
        origin=server.url,  # type: ignore[arg-type]
        additional_headers={"Cookie": f"sessionid={session_key}"},
    )


async def _next(ws: ClientConnection, kind: str, **match: Any) -> dict[str, Any]:
    while True:
        data = json.loads(await asyncio.wait_for(ws.recv(), timeout=QUIET_SECONDS))
        if data.get("type") == kind and all(data.get(k) == v for k, v in match.items()):
            return data


async def test_messages_cross_workers_and_survive_a_worker_restart(workers, advisor):
    """Reporter on worker 1, advisor on worker 2; worker 1 dies, comes back, nothing is lost."""
    first, second = workers
    await database_sync_to_async(_open_today_on_duty)(advisor)
    chat, reporter_key = await database_sync_to_async(start_chat)(nickname="Sam")
    chat_id = chat.public_id.hex
    advisor_key = await database_sync_to_async(staff_session)(advisor)

    reporter = await _ws(first, f"/ws/chat/{chat_id}/", reporter_key)
    staff = await _ws(second, "/ws/medewerkers/chat/", advisor_key)
    await _next(reporter, "state", status=ChatState.WAITING)
    await staff.send(json.dumps({"type": "accept"}))
    await _next(staff, "chat.opened", chat=chat_id)
    await _next(reporter, "state", status=ChatState.ACTIVE)

    await reporter.send(json.dumps({"type": "message", "ref": "r1", "body": "Hallo?"}))
    acked = await _next(reporter, "ack", ref="r1")
    assert (await _next(staff, "message", body="Hallo?"))["seq"] == acked["message"]["seq"]
    await staff.send(json.dumps({"type": "message", "chat": chat_id, "ref": "s1", "body": "Dag"}))
    last_seen = (await _next(reporter, "message", body="Dag"))["seq"]

    first.kill()
    await reporter.wait_closed()
    for i in range(3):
        await staff.send(
            json.dumps({"type": "message", "chat": chat_id, "ref": f"gap{i}", "body": f"m{i}"})
        )
        await _next(staff, "ack", ref=f"gap{i}")
    await asyncio.to_thread(first.start)

    reporter = await _ws(first, f"/ws/chat/{chat_id}/", reporter_key)
    await reporter.send(json.dumps({"type": "hello", "after": last_seen}))
    replayed = [await _next(reporter, "message") for _ in range(3)]
    assert [m["body"] for m in replayed] == ["m0", "m1", "m2"]
    assert [m["seq"] for m in replayed] == [last_seen + 1, last_seen + 2, last_seen + 3]

    # The reporter resends a message it had already sent: it is stored once.
    await reporter.send(json.dumps({"type": "message", "ref": "r1", "body": "Hallo?"}))
    assert (await _next(reporter, "ack", ref="r1"))["message"]["seq"] == acked["message"]["seq"]
    await reporter.send(json.dumps({"type": "message", "ref": "r2", "body": "Nog daar?"}))
    await _next(staff, "message", body="Nog daar?")
    count = await ChatMessage.objects.filter(session=chat, sender=ChatSender.REPORTER).acount()
    assert count == 2
    await reporter.close()
    await staff.close()


@pytest.fixture
def quick_resume_workers(transactional_db: None) -> Iterator[tuple[Server, Server]]:
    """Two workers whose chats may be resumed for 3 s, and whose consoles look every second."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        skip_missing_service("PostgreSQL", "a database that other processes can open")
    env = server_env(MELDPUNT_CHAT_RESUME_SECONDS="3", MELDPUNT_STAFF_SOCKET_CHECK_SECONDS="1")
    first = Server(free_port(), env).start()
    second = Server(free_port(), env).start()
    yield first, second
    first.stop()
    second.stop()


async def test_reporter_leaving_reaches_the_console_on_the_other_worker(
    quick_resume_workers, advisor
):
    """Reporter on worker 1 closes the page: the console on worker 2 hears it at once,
    and when the resume window has passed the chat ends there as any chat ends."""
    first, second = quick_resume_workers
    await database_sync_to_async(_open_today_on_duty)(advisor)
    chat, reporter_key = await database_sync_to_async(start_chat)(nickname="Sam")
    chat_id = chat.public_id.hex
    advisor_key = await database_sync_to_async(staff_session)(advisor)

    reporter = await _ws(first, f"/ws/chat/{chat_id}/", reporter_key)
    staff = await _ws(second, "/ws/medewerkers/chat/", advisor_key)
    await _next(reporter, "state", status=ChatState.WAITING)
    await staff.send(json.dumps({"type": "accept"}))
    await _next(staff, "chat.opened", chat=chat_id)
    await reporter.send(json.dumps({"type": "message", "ref": "r1", "body": "Hallo?"}))
    await _next(staff, "message", body="Hallo?")

    await reporter.close()
    assert (await _next(staff, "presence", chat=chat_id))["left"] is True
    ended = await _next(staff, "message", chat=chat_id, sender="system", body="ended_timeout")
    assert ended["seq"] == 3
    await _next(staff, "state", chat=chat_id, status=ChatState.ENDED)
    stored = await database_sync_to_async(
        lambda: list(ChatMessage.objects.filter(session=chat).values_list("body", flat=True))
    )()
    assert "Hallo?" in stored
    await staff.close()
