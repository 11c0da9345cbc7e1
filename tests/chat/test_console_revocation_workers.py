"""Two real ASGI workers sharing Redis: a staff session ended elsewhere closes the console.

Anna's console is on worker 2. Her access ends somewhere else (an administrator on worker
1, another process, a deleted session): the console closes within a few seconds.

Needs PostgreSQL and Redis (the CI run); skipped on the embedded default, where a single
process with the in-memory layer cannot reach another worker at all.
"""

import asyncio
import contextlib
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from channels.db import database_sync_to_async
from django.db import connection
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from meldpunt.accounts.models import Role, User
from meldpunt.accounts.selectors import session_for_key
from meldpunt.chat.consumers import CLOSE_LOGGED_OUT
from meldpunt.chat.models import ChatAgent
from meldpunt.chat.services import agent_set_available
from tests.chat.conftest import staff_session
from tests.chat.servers import QUIET_SECONDS, Server, free_port, server_env
from tests.conftest import make_staff
from tests.skips import requires_redis, skip_missing_service

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("own_channel_layer", "close_db_threads"),
    requires_redis("workers talk through Redis"),
]


def _start_two(check_seconds: str) -> Iterator[tuple[Server, Server]]:
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        skip_missing_service("PostgreSQL", "a database that other processes can open")
    # A small pool each: the database server is shared, and a few sockets need little.
    env = server_env(MELDPUNT_STAFF_SOCKET_CHECK_SECONDS=check_seconds, MELDPUNT_DB_POOL_SIZE="3")
    first = Server(free_port(), env).start()
    second = Server(free_port(), env).start()
    yield first, second
    first.stop()
    second.stop()


@pytest.fixture(scope="module")
def workers(django_db_setup: None) -> Iterator[tuple[Server, Server]]:
    """Two workers whose own look comes only once a minute: what closes a console within
    seconds here is the news through Redis. Started once for the module's tests (each test
    still begins with an empty database): starting a worker is most of such a test's time."""
    yield from _start_two("60")


@pytest.fixture
def watching_workers(transactional_db: None) -> Iterator[tuple[Server, Server]]:
    """Two workers that look at every staff session each second."""
    yield from _start_two("1")


async def _console(server: Server, session_key: str) -> ClientConnection:
    ws = await connect(
        server.ws_url + "/ws/medewerkers/chat/",
        origin=server.url,  # type: ignore[arg-type]
        additional_headers={"Cookie": f"sessionid={session_key}"},
    )
    while (
        json.loads(await asyncio.wait_for(ws.recv(), timeout=QUIET_SECONDS)).get("type") != "queue"
    ):
        pass
    return ws


async def _close_code(ws: ClientConnection) -> int | None:
    """The code the server closes with (the page sends nothing meanwhile)."""
    with contextlib.suppress(ConnectionClosed):
        while True:
            await asyncio.wait_for(ws.recv(), timeout=QUIET_SECONDS)
    return ws.close_code


def _on_duty(user: User) -> str:
    agent_set_available(user=user, available=True)
    return staff_session(user)


def _deactivate(user: User) -> None:
    user.is_active = False
    user.save()


async def _reset_in_admin(server: Server, user: User) -> None:
    """Ad, administrator, uses "reset second factor" in the admin served by ``server``."""
    admin = await database_sync_to_async(make_staff)(
        "ad", Role.ADMINISTRATOR, is_staff=True, is_superuser=True
    )
    key = await database_sync_to_async(staff_session)(admin)
    async with httpx.AsyncClient(base_url=server.url, cookies={"sessionid": key}) as client:
        page = await client.get("/beheer/accounts/user/")
        assert page.status_code == 200
        response = await client.post(
            "/beheer/accounts/user/",
            data={"action": "reset_second_factor", "_selected_action": str(user.pk)},
            headers={"X-CSRFToken": client.cookies["csrftoken"], "Referer": server.url},
        )
        assert response.status_code == 302


async def test_account_switched_off_in_another_process_closes_the_console(workers, advisor):
    """The account is saved inactive in another process: the news crosses Redis and
    Anna's console on worker 2 closes with the logged-out code; she is away."""
    _first, second = workers
    console = await _console(second, await database_sync_to_async(_on_duty)(advisor))
    await database_sync_to_async(_deactivate)(advisor)
    assert await _close_code(console) == CLOSE_LOGGED_OUT
    assert (await ChatAgent.objects.aget(user=advisor)).available is False


async def test_second_factor_reset_on_worker_1_closes_the_console_on_worker_2(workers, advisor):
    """The administrator resets Anna's second factor in the admin on worker 1: her console
    on worker 2 closes with the logged-out code."""
    first, second = workers
    console = await _console(second, await database_sync_to_async(_on_duty)(advisor))
    await _reset_in_admin(first, advisor)
    assert await _close_code(console) == CLOSE_LOGGED_OUT


async def test_deleted_session_closes_a_silent_console_by_the_servers_own_look(
    watching_workers, advisor
):
    """Anna's session is deleted without a word to anyone, and her page sends nothing:
    the worker's own regular look closes the console within a few seconds."""
    _first, second = watching_workers
    key = await database_sync_to_async(_on_duty)(advisor)
    console = await _console(second, key)
    await database_sync_to_async(session_for_key(key).delete)()
    assert await _close_code(console) == CLOSE_LOGGED_OUT


async def test_colleague_switched_off_leaves_annas_console_open(workers, advisor, colleague):
    """Bram is switched off; Anna's console on the same worker still answers her ping."""
    _first, second = workers
    anna = await _console(second, await database_sync_to_async(_on_duty)(advisor))
    bram = await _console(second, await database_sync_to_async(_on_duty)(colleague))
    await database_sync_to_async(_deactivate)(colleague)
    assert await _close_code(bram) == CLOSE_LOGGED_OUT
    await anna.send(json.dumps({"type": "ping"}))
    data: dict[str, Any] = {}
    while data.get("type") != "queue":
        data = json.loads(await asyncio.wait_for(anna.recv(), timeout=QUIET_SECONDS))
    await anna.close()
