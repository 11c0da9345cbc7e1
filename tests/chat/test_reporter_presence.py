"""A reporter who leaves: the advisor's console hears of it at once, hears when they come
back, and the chat ends by itself once the resume window has passed."""

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from config.routing import build_application
from meldpunt.accounts.models import User
from meldpunt.chat.models import ChatMessage, ChatSender, ChatSession, ChatState, EndedBy
from meldpunt.lib import clock
from tests.chat.conftest import (
    ORIGIN,
    TUESDAY_10,
    Communicator,
    open_console,
    receive_until,
    reporter_ws,
    staff_session,
    start_chat,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("close_db_threads", "own_channel_layer"),
]


async def _chatting(
    advisor: User, *, nickname: str = "Sam"
) -> tuple[ChatSession, str, WebsocketCommunicator, WebsocketCommunicator]:
    """Sam's chat, taken by Anna: the chat, Sam's session key, Sam's socket, her console."""
    chat, reporter_key = await database_sync_to_async(start_chat)(nickname=nickname)
    sam = reporter_ws(chat, reporter_key)
    assert (await sam.connect())[0]
    await receive_until(sam, "state", status=ChatState.WAITING)
    console = await open_console(await database_sync_to_async(staff_session)(advisor))
    await console.send_json_to({"type": "accept"})
    await receive_until(console, "chat.opened", chat=chat.public_id.hex)
    await receive_until(sam, "state", status=ChatState.ACTIVE)
    return chat, reporter_key, sam, console


async def test_console_hears_the_reporter_leave_and_come_back(on_duty):
    """Sam's page closes: the console is told at once; Sam reloads: told again."""
    chat, reporter_key, sam, console = await _chatting(on_duty)
    await sam.disconnect()
    gone = await receive_until(console, "presence", chat=chat.public_id.hex)
    assert gone["left"] is True
    refreshed = await ChatSession.objects.aget(pk=chat.pk)
    assert refreshed.reporter_left_at is not None
    assert refreshed.status == ChatState.ACTIVE

    again = reporter_ws(chat, reporter_key)
    assert (await again.connect())[0]
    back = await receive_until(console, "presence", chat=chat.public_id.hex)
    assert back["left"] is False
    assert (await ChatSession.objects.aget(pk=chat.pk)).reporter_left_at is None
    await again.disconnect()
    await console.disconnect()


class _ToThePage(asyncio.Queue[dict[str, Any]]):
    """What the server sends to the page. Once the page has closed, a send fails with an
    OSError, as the ASGI spec asks of servers (uvicorn's ClientDisconnected)."""

    closed = False

    async def put(self, item: dict[str, Any]) -> None:
        if self.closed:
            raise OSError("the page has closed")
        await super().put(item)


class _ClosingPage(Communicator):
    """A reporter's page whose connection the server sees close, as a real server does."""

    def __init__(self, chat: ChatSession, session_key: str) -> None:
        cookie = (b"cookie", f"sessionid={session_key}".encode())
        super().__init__(
            build_application(None), f"/ws/chat/{chat.public_id.hex}/", headers=[ORIGIN, cookie]
        )
        self.to_page = _ToThePage()
        self._output_queue = self.to_page

    async def send_and_close(self, payload: dict[str, Any]) -> None:
        """Send ``payload`` and close the page at once, before the server answers it."""
        await self.send_json_to(payload)
        self.to_page.closed = True
        await self.send_input({"type": "websocket.disconnect", "code": 1001})


async def test_a_page_that_closes_before_the_server_answers_still_leaves(on_duty):
    """Sam sends a message and closes the page before its acknowledgement goes out, so the
    server's send to the page fails: Sam has still left, and the console is told."""
    chat, reporter_key = await database_sync_to_async(start_chat)(nickname="Sam")
    sam = _ClosingPage(chat, reporter_key)
    assert (await sam.connect())[0]
    console = await open_console(await database_sync_to_async(staff_session)(on_duty))
    await console.send_json_to({"type": "accept"})
    await receive_until(console, "chat.opened", chat=chat.public_id.hex)
    await receive_until(sam, "state", status=ChatState.ACTIVE)

    await sam.send_and_close({"type": "message", "ref": "r1", "body": "Tot zo"})
    await receive_until(console, "message", body="Tot zo")
    gone = await receive_until(console, "presence", chat=chat.public_id.hex)
    assert gone["left"] is True
    assert (await ChatSession.objects.aget(pk=chat.pk)).reporter_left_at is not None
    await sam.wait(timeout=5)
    await console.disconnect()


async def test_a_console_that_opens_later_knows_the_reporter_is_gone(on_duty):
    """The advisor reloads the console after Sam left: the chat opens marked as left."""
    chat, _key, sam, console = await _chatting(on_duty)
    await sam.disconnect()
    await receive_until(console, "presence", chat=chat.public_id.hex)
    await console.disconnect()
    console = await open_console(await database_sync_to_async(staff_session)(on_duty))
    opened = await receive_until(console, "chat.opened", chat=chat.public_id.hex)
    assert opened["left"] is True
    await console.disconnect()


async def test_a_second_page_of_the_reporter_keeps_the_chat(on_duty):
    """Sam has the chat open in two tabs and closes one: Sam is still there, the chat
    does not count as left (it would otherwise end while Sam chats on)."""
    chat, reporter_key, sam, console = await _chatting(on_duty)
    second = reporter_ws(chat, reporter_key)
    assert (await second.connect())[0]
    await sam.disconnect()
    assert (await receive_until(console, "presence", chat=chat.public_id.hex))["left"] is True
    assert (await receive_until(console, "presence", chat=chat.public_id.hex))["left"] is False
    assert (await ChatSession.objects.aget(pk=chat.pk)).reporter_left_at is None
    await second.disconnect()
    await console.disconnect()


async def test_a_leave_whose_event_was_lost_reaches_the_console_from_the_database(
    on_duty, settings
):
    """Sam's page closed on another worker, whose event never arrived (the pub/sub layer
    drops what it cannot hand over): the console's own regular look finds it, once."""
    settings.MELDPUNT_STAFF_SOCKET_CHECK_SECONDS = 0.1
    chat, _key, sam, console = await _chatting(on_duty)
    await ChatSession.objects.filter(pk=chat.pk).aupdate(reporter_left_at=clock.now())
    gone = await receive_until(console, "presence", chat=chat.public_id.hex)
    assert gone["left"] is True
    await console.send_json_to({"type": "ping"})
    await receive_until(console, "queue")
    assert await console.receive_nothing(timeout=0.5)
    await sam.disconnect()
    await console.disconnect()


async def test_the_chat_ends_by_itself_after_the_resume_window(
    on_duty, settings, freeze: Callable[[datetime], None]
):
    """Sam does not come back: after the resume window the open console ends the chat as
    any end does. The transcript stays, the console is told, the token opens nothing."""
    settings.MELDPUNT_STAFF_SOCKET_CHECK_SECONDS = 0.1
    chat, reporter_key, sam, console = await _chatting(on_duty)
    await sam.send_json_to({"type": "message", "ref": "r1", "body": "Mijn buurvrouw"})
    await receive_until(console, "message", body="Mijn buurvrouw")
    await sam.disconnect()
    await receive_until(console, "presence", chat=chat.public_id.hex)

    freeze(TUESDAY_10 + timedelta(seconds=settings.MELDPUNT_CHAT_RESUME_SECONDS + 1))
    ended = await receive_until(console, "message", chat=chat.public_id.hex, sender="system")
    assert ended["body"] == f"ended_{EndedBy.TIMEOUT}"
    await receive_until(console, "state", chat=chat.public_id.hex, status=ChatState.ENDED)
    stored = await ChatSession.objects.aget(pk=chat.pk)
    assert stored.status == ChatState.ENDED
    assert stored.ended_by == EndedBy.TIMEOUT
    bodies = [m.body async for m in ChatMessage.objects.filter(session=chat).order_by("seq")]
    assert "Mijn buurvrouw" in bodies
    assert await ChatMessage.objects.filter(session=chat, sender=ChatSender.SYSTEM).acount() == 2
    again = reporter_ws(chat, reporter_key)
    assert not (await again.connect())[0]
    await console.disconnect()


async def test_a_chat_that_ended_is_not_reported_as_left(on_duty):
    """Sam ends the chat (the end button or the quick exit): the console gets the end, no
    "connection lost" after it."""
    chat, _key, sam, console = await _chatting(on_duty)
    await sam.send_json_to({"type": "end"})
    ended = await receive_until(console, "message", chat=chat.public_id.hex, sender="system")
    assert ended["body"] == f"ended_{EndedBy.REPORTER}"
    await sam.disconnect()
    await console.send_json_to({"type": "ping"})
    await receive_until(console, "queue")
    assert (await ChatSession.objects.aget(pk=chat.pk)).reporter_left_at is None
    await console.disconnect()
