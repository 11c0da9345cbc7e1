"""A reporter waiting in the queue is told when no advisor is left, and when one comes back.

The chat stays in the queue meanwhile: nothing is lost, and an advisor who returns takes it.
"""

from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.test import Client

from meldpunt.chat import selectors, services
from meldpunt.chat.models import ChatAgent, ChatState
from tests.chat.conftest import (
    TUESDAY_10,
    advisor_ws,
    receive_until,
    reporter_session,
    reporter_ws,
    staff_session,
    start_chat,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("own_channel_layer", "close_db_threads"),
]


async def _console(user):  # type: ignore[no-untyped-def]
    """An open advisor console for ``user`` that has received its first queue."""
    ws = advisor_ws(await database_sync_to_async(staff_session)(user))
    connected, _code = await ws.connect()
    assert connected
    await receive_until(ws, "queue")
    return ws


async def _waiting_reporter():  # type: ignore[no-untyped-def]
    """Sam, waiting in the queue and told an advisor is there."""
    chat, key = await database_sync_to_async(start_chat)(nickname="Sam")
    ws = reporter_ws(chat, key)
    connected, _code = await ws.connect()
    assert connected
    first = await receive_until(ws, "state", status=ChatState.WAITING)
    assert first["advisor_present"] is True
    return chat, ws


async def test_last_advisor_closing_the_console_is_told_to_the_waiting_reporter(on_duty):
    """Anna closes her console: Sam hears at once that nobody is there; the chat stays waiting
    and Anna is still marked available for when she returns."""
    anna = await _console(on_duty)
    chat, sam = await _waiting_reporter()
    await anna.disconnect()
    told = await receive_until(sam, "state", advisor_present=False)
    assert told["status"] == ChatState.WAITING
    assert told["position"] == 1
    await chat.arefresh_from_db()
    assert chat.status == ChatState.WAITING
    assert (await ChatAgent.objects.aget(user=on_duty)).available is True
    await sam.disconnect()


async def test_last_advisor_going_away_is_told_to_the_waiting_reporter(on_duty):
    """Anna sets herself to away: Sam is told no advisor is there."""
    _chat, sam = await _waiting_reporter()
    await database_sync_to_async(services.agent_set_available)(user=on_duty, available=False)
    await receive_until(sam, "state", advisor_present=False)
    await sam.disconnect()


async def test_one_of_two_advisors_leaving_is_no_news_for_the_reporter(on_duty, colleague):
    """Bram is still there when Anna closes her console: Sam is not told anyone left; when
    Bram goes away too, Sam is told."""
    await database_sync_to_async(services.agent_set_available)(user=colleague, available=True)
    anna = await _console(on_duty)
    _chat, sam = await _waiting_reporter()
    await anna.disconnect()
    while not await sam.receive_nothing(timeout=0.3):
        assert (await sam.receive_json_from()).get("advisor_present") is not False
    await database_sync_to_async(services.agent_set_available)(user=colleague, available=False)
    await receive_until(sam, "state", advisor_present=False)
    await sam.disconnect()


async def test_advisor_back_within_the_resume_window_takes_the_waiting_chat(on_duty):
    """Anna closes her console and opens it again minutes later: Sam is told an advisor is back,
    kept his place, and Anna can take the chat."""
    anna = await _console(on_duty)
    chat, sam = await _waiting_reporter()
    await anna.disconnect()
    await receive_until(sam, "state", advisor_present=False)
    anna = await _console(on_duty)
    back = await receive_until(sam, "state", advisor_present=True)
    assert back["position"] == 1
    await anna.send_json_to({"type": "accept"})
    opened = await receive_until(anna, "chat.opened")
    assert opened["chat"] == chat.public_id.hex
    await receive_until(sam, "state", status=ChatState.ACTIVE)
    for ws in (anna, sam):
        await ws.disconnect()


async def test_closing_one_of_two_consoles_keeps_the_advisor_present(on_duty):
    """Anna has the console open in two tabs and closes one: she still counts as present and
    can accept a chat from the other tab."""
    first = await _console(on_duty)
    second = await _console(on_duty)
    _chat, sam = await _waiting_reporter()
    await first.disconnect()
    await receive_until(sam, "state", advisor_present=True)
    assert await database_sync_to_async(selectors.advisor_present)()
    await second.send_json_to({"type": "accept"})
    await receive_until(second, "chat.opened")
    for ws in (second, sam):
        await ws.disconnect()


async def test_console_that_vanished_is_noticed_at_the_reporters_next_hello(on_duty, freeze):
    """A console that never said goodbye (a worker died) stops counting after the presence
    time; the page's regular hello then tells Sam that no advisor is there."""
    _chat, sam = await _waiting_reporter()
    await sam.send_json_to({"type": "hello", "after": 0})
    assert await sam.receive_nothing(timeout=0.3)
    freeze(TUESDAY_10 + timedelta(seconds=selectors.AGENT_PRESENCE_SECONDS + 1))
    await sam.send_json_to({"type": "hello", "after": 0})
    await receive_until(sam, "state", advisor_present=False)
    await sam.disconnect()


async def test_a_chat_in_conversation_gets_no_queue_news(on_duty):
    """Only reporters who wait are told about advisors coming and going: Kim, already talking
    to Anna, hears nothing when Bram's absence changes."""
    anna = await _console(on_duty)
    chat, key = await database_sync_to_async(start_chat)(nickname="Kim")
    await anna.send_json_to({"type": "accept"})
    await receive_until(anna, "chat.opened")
    kim = reporter_ws(chat, key)
    await kim.connect()
    state = await receive_until(kim, "state")
    assert state == {"type": "state", "status": ChatState.ACTIVE}
    await database_sync_to_async(services.agent_set_available)(user=on_duty, available=False)
    assert await kim.receive_nothing(timeout=0.3)
    for ws in (anna, kim):
        await ws.disconnect()


def test_reporter_page_holds_the_phone_number_and_form_link_for_that_moment(on_duty) -> None:
    """The page carries a hidden notice with the 24/7 number and the report form, which the
    script shows when nobody is there (no code, no chat id in it)."""
    _chat, token = services.chat_start()
    client = Client()
    client.cookies["sessionid"] = reporter_session(token)
    html = client.get("/chat/").content.decode()
    start = html.index('data-testid="chat-no-advisor"')
    notice = html[start : html.index("</div>", start)]
    assert html[start:].startswith('data-testid="chat-no-advisor" hidden>')
    assert 'href="tel:+31882220500"' in notice
    assert "088 2220500" in notice
    assert "24 uur per dag, 7 dagen per week" in notice
    assert 'href="/melden/"' in notice
    assert "Er is nu geen adviseur bij de chat." in html
