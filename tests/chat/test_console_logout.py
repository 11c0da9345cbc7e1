"""Logging out closes the advisor's chat consoles and puts her on away."""

import pytest
from channels.db import database_sync_to_async
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.chat.consumers import CLOSE_LOGGED_OUT
from meldpunt.chat.models import ChatAgent, ChatState
from tests.chat.conftest import (
    assert_out_of_chat,
    closed_with,
    open_console,
    receive_until,
    reporter_ws,
    start_chat,
)
from tests.conftest import verify_session

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("own_channel_layer", "close_db_threads"),
]


def _logged_in(user: User) -> tuple[Client, str]:
    """A browser in which ``user`` passed both factors, and its session key."""
    client = Client()
    verify_session(client, user)
    return client, client.cookies["sessionid"].value


async def _log_out(client: Client) -> None:
    response = await database_sync_to_async(client.post)("/medewerkers/uitloggen/")
    assert response.status_code == 302


async def test_logout_closes_the_console_and_puts_the_advisor_away(on_duty):
    """Anna logs out: her console closes with the logged-out code, she is away, and the
    console cannot reconnect with the old session."""
    client, key = await database_sync_to_async(_logged_in)(on_duty)
    console = await open_console(key)
    await _log_out(client)
    assert await closed_with(console) == CLOSE_LOGGED_OUT
    await assert_out_of_chat(on_duty, key)


async def test_logout_closes_every_console_of_that_advisor_and_no_colleagues(on_duty, colleague):
    """Anna has the console open in two tabs: both close. Bram's console stays connected."""
    anna_client, anna_key = await database_sync_to_async(_logged_in)(on_duty)
    _bram_client, bram_key = await database_sync_to_async(_logged_in)(colleague)
    first, second = await open_console(anna_key), await open_console(anna_key)
    bram = await open_console(bram_key)
    await _log_out(anna_client)
    assert await closed_with(first) == CLOSE_LOGGED_OUT
    assert await closed_with(second) == CLOSE_LOGGED_OUT
    await bram.send_json_to({"type": "ping"})
    await receive_until(bram, "queue")
    await bram.disconnect()


async def test_colleague_logging_out_leaves_annas_console_open(on_duty, colleague):
    """Bram logs out: Anna's console and her availability are untouched."""
    _anna_client, anna_key = await database_sync_to_async(_logged_in)(on_duty)
    bram_client, _bram_key = await database_sync_to_async(_logged_in)(colleague)
    anna = await open_console(anna_key)
    await _log_out(bram_client)
    await anna.send_json_to({"type": "ping"})
    await receive_until(anna, "queue")
    assert (await ChatAgent.objects.aget(user=on_duty)).available is True
    await anna.disconnect()


async def test_waiting_reporter_is_told_when_the_last_advisor_logs_out(on_duty):
    """Sam waits; Anna, the only advisor, logs out: Sam is told nobody is there."""
    client, key = await database_sync_to_async(_logged_in)(on_duty)
    console = await open_console(key)
    chat, reporter_key = await database_sync_to_async(start_chat)()
    sam = reporter_ws(chat, reporter_key)
    await sam.connect()
    await receive_until(sam, "state", advisor_present=True)
    await _log_out(client)
    assert await closed_with(console) == CLOSE_LOGGED_OUT
    told = await receive_until(sam, "state", advisor_present=False)
    assert told["status"] == ChatState.WAITING
    await sam.disconnect()


async def test_analyst_logout_touches_no_chat(on_duty, analyst):
    """Ali (analyst) has no console; logging out works and changes nobody's chat status."""
    client, _key = await database_sync_to_async(_logged_in)(analyst)
    await _log_out(client)
    assert not await ChatAgent.objects.filter(user=analyst).aexists()
    assert (await ChatAgent.objects.aget(user=on_duty)).available is True
