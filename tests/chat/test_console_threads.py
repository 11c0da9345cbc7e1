"""An advisor's console keeps answering while the process's one ORM thread is busy, and
gives back every database connection it takes in the shared thread pool.

Under load (bench/soak.py) the one ORM thread of a worker queues for minutes; a console
that waited there for its regular look stopped reading its socket, and the server's
keepalive ping timed out. Its looks now run in the shared thread pool, whose threads end
with their event loop (each test's, a worker's at shutdown): a connection one of them
kept would be lost to the process's pool of ten, and the next console would wait for it.
Both need PostgreSQL: on SQLite the console stays on the one ORM thread.
"""

import asyncio
import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from channels.db import database_sync_to_async
from django.db import connections

from meldpunt.accounts.models import User
from tests.chat.conftest import open_console, receive_until, staff_session
from tests.skips import requires_postgresql

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("own_channel_layer", "close_db_threads"),
]


@pytest.fixture
def busy_orm_thread() -> Iterator[Callable[[], Any]]:
    """Occupies the one ORM thread (as a queue of slow work would) until the test ends."""
    release = threading.Event()
    tasks: list[asyncio.Future[bool]] = []

    def occupy() -> asyncio.Future[bool]:
        task = asyncio.ensure_future(database_sync_to_async(release.wait)())
        tasks.append(task)
        return task

    yield occupy
    release.set()


@requires_postgresql("SQLite keeps every call on the one ORM thread (consumers.in_pool)")
async def test_console_answers_its_ping_while_the_orm_thread_is_busy(
    on_duty: User, busy_orm_thread: Callable[[], Any]
) -> None:
    """Anna's console pings (as the page does every 30 s) while the ORM thread is held:
    the server still checks her session, counts her present and sends the queue."""
    console = await open_console(await database_sync_to_async(staff_session)(on_duty))
    held = busy_orm_thread()
    await console.send_json_to({"type": "ping"})
    await receive_until(console, "queue")
    assert not held.done()
    await console.disconnect()


def _thread_holds_connection(barrier: threading.Barrier) -> bool:
    """Whether this pool thread still has a database connection open; waits until every
    thread of the pool is in here, so each thread answers once."""
    barrier.wait()
    return connections["default"].connection is not None


@requires_postgresql("the connection pool is PostgreSQL's (an in-memory SQLite stays open)")
async def test_console_gives_back_the_connections_it_takes_in_the_thread_pool(
    on_duty: User,
) -> None:
    """Anna's console pings twice and closes: no thread of the shared pool holds a
    connection afterwards."""
    console = await open_console(await database_sync_to_async(staff_session)(on_duty))
    for _ in range(2):
        await console.send_json_to({"type": "ping"})
        await receive_until(console, "queue")
    await console.disconnect()
    loop = asyncio.get_running_loop()
    threads = min(32, (os.cpu_count() or 1) + 4)  # asyncio's default thread pool
    barrier = threading.Barrier(threads)
    held = await asyncio.gather(
        *(loop.run_in_executor(None, _thread_holds_connection, barrier) for _ in range(threads))
    )
    assert not any(held)
