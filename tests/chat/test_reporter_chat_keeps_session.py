"""An open chat keeps the reporter's session alive: the page makes no HTTP request while
the chat runs, so the websocket's frames count as activity (at most once a minute)."""

import asyncio
from importlib import import_module

import pytest
from channels.db import database_sync_to_async
from django.conf import settings

from meldpunt.chat.auth import SESSION_TOKEN_KEY
from meldpunt.chat.services import chat_start
from meldpunt.lib import clock, reporter_session
from tests.chat.conftest import receive_until, reporter_ws

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("close_db_threads")]

TEN_MINUTES = 600
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def chat_session_seen_ten_minutes_ago():  # type: ignore[no-untyped-def]
    chat, token = chat_start(nickname="Sam")
    session = SessionStore()
    session[SESSION_TOKEN_KEY] = token
    session[reporter_session.SEEN_KEY] = clock.now().timestamp() - TEN_MINUTES
    session.create()
    return chat, session.session_key


async def test_a_chat_frame_counts_as_activity(on_duty):  # type: ignore[no-untyped-def]
    """After a hello the session's last activity is now, not ten minutes ago."""
    chat, key = await database_sync_to_async(chat_session_seen_ten_minutes_ago)()
    ws = reporter_ws(chat, key)
    await ws.connect()
    await receive_until(ws, "state")
    await ws.send_json_to({"type": "hello", "after": 0})
    # The frame is handled while the test waits; look until it has been (5 s at most).
    for _ in range(100):
        seen = (await database_sync_to_async(SessionStore(key).load)())[reporter_session.SEEN_KEY]
        if clock.now().timestamp() - seen < 60:
            break
        await asyncio.sleep(0.05)
    assert clock.now().timestamp() - seen < 60
    await ws.disconnect()
