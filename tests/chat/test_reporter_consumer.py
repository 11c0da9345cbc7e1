"""The reporter's websocket: only their own chat, stored before acknowledged, resumable."""

import pytest
from channels.db import database_sync_to_async
from django.db import connection

from meldpunt.chat.consumers import CLOSE_FORBIDDEN
from meldpunt.chat.limits import MAX_FRAME_BYTES
from meldpunt.chat.models import ChatMessage, ChatSender, ChatSession, ChatState
from meldpunt.chat.services import MAX_MESSAGE_CHARS, message_store
from tests.chat.conftest import receive_until, reporter_ws, start_chat

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("close_db_threads")]


async def test_reporter_reaches_own_chat_and_sees_queue_place(on_duty):
    """With the token of this chat in the session: connected, told their place in the queue."""
    chat, session_key = await database_sync_to_async(start_chat)(nickname="Sam")
    ws = reporter_ws(chat, session_key)
    connected, _code = await ws.connect()
    assert connected
    state = await receive_until(ws, "state")
    assert state["status"] == ChatState.WAITING
    assert state["position"] == 1
    assert state["wait_seconds"] > 0
    await ws.disconnect()


async def test_reporter_cannot_join_another_chat(on_duty):
    """A reporter whose session holds one chat's token is refused on any other chat."""
    _own, own_key = await database_sync_to_async(start_chat)()
    other, _other_key = await database_sync_to_async(start_chat)()
    ws = reporter_ws(other, own_key)
    connected, code = await ws.connect()
    assert not connected
    assert code == CLOSE_FORBIDDEN


async def test_visitor_without_a_chat_is_refused(on_duty):
    """No session, no chat."""
    chat, _key = await database_sync_to_async(start_chat)()
    connected, code = await reporter_ws(chat, None).connect()
    assert not connected
    assert code == CLOSE_FORBIDDEN


async def test_ended_chat_cannot_be_resumed(on_duty):
    """Once ended, the token opens nothing."""
    chat, key = await database_sync_to_async(start_chat)()
    await ChatSession.objects.filter(pk=chat.pk).aupdate(status=ChatState.ENDED)
    connected, _code = await reporter_ws(chat, key).connect()
    assert not connected


async def test_message_is_stored_encrypted_before_the_ack(on_duty):
    """The ack carries a sequence number of a message that is already in the database, encrypted."""
    chat, key = await database_sync_to_async(start_chat)()
    ws = reporter_ws(chat, key)
    await ws.connect()
    await receive_until(ws, "state")
    await ws.send_json_to({"type": "message", "ref": "r1", "body": "Mijn buurvrouw werkt 7 dagen"})
    ack = await receive_until(ws, "ack", ref="r1")
    assert ack["message"]["seq"] == 1
    stored = await ChatMessage.objects.aget(session=chat, seq=1)
    assert stored.body == "Mijn buurvrouw werkt 7 dagen"

    def raw() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT body FROM chat_chatmessage WHERE id = %s", [stored.pk])
            return cursor.fetchone()[0]

    raw_body = await database_sync_to_async(raw)()
    assert "buurvrouw" not in raw_body
    assert raw_body.startswith("m1:")
    await ws.disconnect()


async def test_resent_message_is_stored_once(on_duty):
    """A message resent after a lost connection (same ref) gets the same number, not a second."""
    chat, key = await database_sync_to_async(start_chat)()
    ws = reporter_ws(chat, key)
    await ws.connect()
    await receive_until(ws, "state")
    for _ in range(2):
        await ws.send_json_to({"type": "message", "ref": "same", "body": "hallo"})
        ack = await receive_until(ws, "ack", ref="same")
        assert ack["message"]["seq"] == 1
    assert await ChatMessage.objects.filter(session=chat).acount() == 1
    await ws.disconnect()


async def test_reconnect_replays_everything_after_the_last_seen_number(on_duty, advisor):
    """Hello with the last number seen: every later message, in order, none twice, no notes."""
    chat, key = await database_sync_to_async(start_chat)()

    def conversation() -> None:
        for i in range(1, 6):
            message_store(chat=chat, sender=ChatSender.STAFF, body=f"bericht {i}", author=advisor)
        message_store(chat=chat, sender=ChatSender.NOTE, body="alleen voor collega", author=advisor)
        message_store(chat=chat, sender=ChatSender.STAFF, body="bericht 7", author=advisor)

    await database_sync_to_async(conversation)()
    ws = reporter_ws(chat, key)
    await ws.connect()
    await receive_until(ws, "state")
    await ws.send_json_to({"type": "hello", "after": 2})
    seen = [await receive_until(ws, "message") for _ in range(4)]
    assert [m["seq"] for m in seen] == [3, 4, 5, 7]
    assert [m["body"] for m in seen] == ["bericht 3", "bericht 4", "bericht 5", "bericht 7"]
    assert all(m["author"] == "" for m in seen)
    assert await ws.receive_nothing(timeout=0.2)
    await ws.disconnect()


async def test_too_long_message_is_refused_and_not_stored(on_duty):
    """Over the size limit: a clear error, nothing stored."""
    chat, key = await database_sync_to_async(start_chat)()
    ws = reporter_ws(chat, key)
    await ws.connect()
    await receive_until(ws, "state")
    await ws.send_json_to({"type": "message", "ref": "x", "body": "a" * (MAX_MESSAGE_CHARS + 1)})
    error = await receive_until(ws, "error")
    assert error["ref"] == "x"
    await ws.send_to(text_data="b" * (MAX_FRAME_BYTES + 1))
    await receive_until(ws, "error")
    assert await ChatMessage.objects.filter(session=chat).acount() == 0
    await ws.disconnect()


async def test_messages_are_rate_limited_per_client(on_duty, settings):
    """Past the limit the reporter is asked to wait; the extra message is not stored."""
    settings.MELDPUNT_CHAT_MESSAGES_PER_MINUTE = 3
    chat, key = await database_sync_to_async(start_chat)()
    ws = reporter_ws(chat, key)
    await ws.connect()
    await receive_until(ws, "state")
    for i in range(3):
        await ws.send_json_to({"type": "message", "ref": f"r{i}", "body": "hoi"})
        await receive_until(ws, "ack", ref=f"r{i}")
    await ws.send_json_to({"type": "message", "ref": "r3", "body": "hoi"})
    error = await receive_until(ws, "error", ref="r3")
    assert "Wacht even" in error["message"]
    assert await ChatMessage.objects.filter(session=chat).acount() == 3
    await ws.disconnect()


async def test_end_ends_the_chat_and_forgets_the_token(on_duty):
    """End from the reporter: the chat is ended, the session no longer holds the token."""
    chat, key = await database_sync_to_async(start_chat)()
    ws = reporter_ws(chat, key)
    await ws.connect()
    await receive_until(ws, "state")
    await ws.send_json_to({"type": "end"})
    state = await receive_until(ws, "state", status=ChatState.ENDED)
    assert state["status"] == ChatState.ENDED
    await ws.wait()
    await chat.arefresh_from_db()
    assert chat.status == ChatState.ENDED
    connected, _code = await reporter_ws(chat, key).connect()
    assert not connected
