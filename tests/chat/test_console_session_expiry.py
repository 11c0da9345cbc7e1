"""A staff session that ends by itself (30 minutes idle, 12 hours old) closes the console.

The console's heartbeat looks at the session again; the heartbeat itself is no activity,
what the advisor does in the console is.
"""

from datetime import datetime, timedelta

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from meldpunt.accounts.models import User
from meldpunt.accounts.staff_session import SEEN_KEY, STARTED_KEY
from meldpunt.chat.consumers import CLOSE_FORBIDDEN, CLOSE_LOGGED_OUT
from meldpunt.chat.models import ChatAgent, ChatState
from meldpunt.chat.services import agent_set_available
from meldpunt.lib.sessions import SessionStore
from tests.chat.conftest import (
    TUESDAY_10,
    advisor_ws,
    assert_out_of_chat,
    closed_with,
    open_console,
    receive_until,
    reporter_ws,
    staff_session,
    start_chat,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("own_channel_layer", "close_db_threads"),
]


def _session(user: User, *, started: datetime, seen: datetime) -> str:
    """A verified session of ``user`` that began at ``started``, last active at ``seen``."""
    key = staff_session(user)
    _set_times(key, started=started, seen=seen)
    return key


def _set_times(key: str, *, started: datetime, seen: datetime) -> None:
    session = SessionStore(key)
    session[STARTED_KEY] = started.timestamp()
    session[SEEN_KEY] = seen.timestamp()
    session.save()


def _seen(key: str) -> float:
    return SessionStore(key)[SEEN_KEY]


async def _ping_closes(ws: WebsocketCommunicator) -> int:
    """Ping, and return the close code that follows."""
    await ws.send_json_to({"type": "ping"})
    return await closed_with(ws)


async def _ping_answers(ws: WebsocketCommunicator) -> None:
    await ws.send_json_to({"type": "ping"})
    await receive_until(ws, "queue")


async def test_idle_session_closes_the_console_and_puts_the_advisor_away(on_duty):
    """Anna's session was last used 31 minutes ago: the next heartbeat closes her console
    with the logged-out code, she is away, and it cannot reconnect with that session."""
    key = await database_sync_to_async(_session)(on_duty, started=TUESDAY_10, seen=TUESDAY_10)
    console = await open_console(key)
    await database_sync_to_async(_set_times)(
        key, started=TUESDAY_10 - timedelta(hours=1), seen=TUESDAY_10 - timedelta(minutes=31)
    )
    assert await _ping_closes(console) == CLOSE_LOGGED_OUT
    await assert_out_of_chat(on_duty, key)


async def test_twelve_hour_old_session_closes_the_console_even_when_active(on_duty):
    """Anna was active a minute ago, but logged in more than 12 hours ago: closed."""
    key = await database_sync_to_async(_session)(on_duty, started=TUESDAY_10, seen=TUESDAY_10)
    console = await open_console(key)
    await database_sync_to_async(_set_times)(
        key,
        started=TUESDAY_10 - timedelta(hours=12, minutes=1),
        seen=TUESDAY_10 - timedelta(minutes=1),
    )
    assert await _ping_closes(console) == CLOSE_LOGGED_OUT
    assert (await ChatAgent.objects.aget(user=on_duty)).available is False


async def test_live_session_keeps_the_console_open(on_duty):
    """Anna's session was used 10 minutes ago: the heartbeat answers with the queue and
    she stays available."""
    key = await database_sync_to_async(_session)(
        on_duty, started=TUESDAY_10 - timedelta(hours=2), seen=TUESDAY_10 - timedelta(minutes=10)
    )
    console = await open_console(key)
    await _ping_answers(console)
    assert (await ChatAgent.objects.aget(user=on_duty)).available is True
    await console.disconnect()


async def test_heartbeats_alone_do_not_keep_the_session_alive(on_duty, freeze):
    """Anna leaves the console open and walks away: pings at 20 and 31 minutes; the first
    leaves the session as it was, the second closes the console."""
    key = await database_sync_to_async(_session)(on_duty, started=TUESDAY_10, seen=TUESDAY_10)
    console = await open_console(key)
    freeze(TUESDAY_10 + timedelta(minutes=20))
    await _ping_answers(console)
    assert await database_sync_to_async(_seen)(key) == TUESDAY_10.timestamp()
    freeze(TUESDAY_10 + timedelta(minutes=31))
    assert await _ping_closes(console) == CLOSE_LOGGED_OUT


async def test_chatting_keeps_the_session_alive(on_duty, freeze):
    """Anna takes a chat and, 20 minutes later and without any page request, writes in it:
    that counts as activity, so at 40 minutes her console still works."""
    chat, reporter_key = await database_sync_to_async(start_chat)()
    sam = reporter_ws(chat, reporter_key)
    await sam.connect()
    await receive_until(sam, "state", status=ChatState.WAITING)
    key = await database_sync_to_async(_session)(on_duty, started=TUESDAY_10, seen=TUESDAY_10)
    console = await open_console(key)
    await console.send_json_to({"type": "accept"})
    await receive_until(console, "chat.opened", chat=chat.public_id.hex)
    await receive_until(console, "queue", queue=[])
    freeze(TUESDAY_10 + timedelta(minutes=20))
    await console.send_json_to(
        {"type": "message", "chat": chat.public_id.hex, "ref": "a1", "body": "Hoe gaat het?"}
    )
    await receive_until(console, "ack", ref="a1")
    await _ping_answers(console)
    moved_on = (TUESDAY_10 + timedelta(minutes=20)).timestamp()
    assert await database_sync_to_async(_seen)(key) == moved_on
    freeze(TUESDAY_10 + timedelta(minutes=40))
    await _ping_answers(console)
    await console.disconnect()
    await sam.disconnect()


async def test_only_the_expired_advisor_is_logged_out(on_duty, colleague):
    """Bram's session ran out; Anna's did not. Bram's console closes, Anna's answers and
    she stays available."""
    await database_sync_to_async(agent_set_available)(user=colleague, available=True)
    anna_key = await database_sync_to_async(_session)(on_duty, started=TUESDAY_10, seen=TUESDAY_10)
    bram_key = await database_sync_to_async(_session)(
        colleague, started=TUESDAY_10, seen=TUESDAY_10
    )
    anna, bram = await open_console(anna_key), await open_console(bram_key)
    await database_sync_to_async(_set_times)(
        bram_key, started=TUESDAY_10, seen=TUESDAY_10 - timedelta(minutes=31)
    )
    assert await _ping_closes(bram) == CLOSE_LOGGED_OUT
    await _ping_answers(anna)
    assert (await ChatAgent.objects.aget(user=on_duty)).available is True
    assert (await ChatAgent.objects.aget(user=colleague)).available is False
    await anna.disconnect()


async def test_waiting_reporter_is_told_when_the_last_advisor_runs_out(on_duty):
    """Sam waits; Anna, the only advisor, has been idle too long: her heartbeat closes the
    console and Sam hears that nobody is there."""
    key = await database_sync_to_async(_session)(on_duty, started=TUESDAY_10, seen=TUESDAY_10)
    console = await open_console(key)
    chat, reporter_key = await database_sync_to_async(start_chat)()
    sam = reporter_ws(chat, reporter_key)
    await sam.connect()
    await receive_until(sam, "state", advisor_present=True)
    await database_sync_to_async(_set_times)(
        key, started=TUESDAY_10, seen=TUESDAY_10 - timedelta(minutes=31)
    )
    assert await _ping_closes(console) == CLOSE_LOGGED_OUT
    told = await receive_until(sam, "state", advisor_present=False)
    assert told["status"] == ChatState.WAITING
    await sam.disconnect()


async def test_session_gone_without_a_word_closes_at_the_next_heartbeat(on_duty):
    """Anna's session was removed (a logout whose event never arrived, or the admin
    cleared it): the next heartbeat closes the console."""
    key = await database_sync_to_async(_session)(on_duty, started=TUESDAY_10, seen=TUESDAY_10)
    console = await open_console(key)
    await database_sync_to_async(SessionStore(key).delete)()
    assert await _ping_closes(console) == CLOSE_LOGGED_OUT


async def test_idle_session_cannot_open_a_console(on_duty):
    """A session idle for 31 minutes is refused at connect, like no session at all."""
    key = await database_sync_to_async(_session)(
        on_duty, started=TUESDAY_10, seen=TUESDAY_10 - timedelta(minutes=31)
    )
    connected, code = await advisor_ws(key).connect()
    assert not connected
    assert code == CLOSE_FORBIDDEN
