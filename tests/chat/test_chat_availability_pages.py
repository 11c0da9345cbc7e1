"""The contact block on every page and the chat page answer from one selector: whatever
the hours, the advisors and the queue, they never disagree about whether a chat can start."""

from datetime import datetime

import pytest
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.chat import services
from tests.chat.conftest import AMSTERDAM, TUESDAY_10

pytestmark = pytest.mark.django_db


def block_text(html: str) -> str:
    start = html.index('data-testid="chat-status"')
    return " ".join(html[start : html.index("</dd>", start)].split())


def both_pages(client: Client) -> tuple[str, str, str]:
    """The contact block on the home page, the chat page, and the block on the chat page."""
    home = client.get("/").content.decode()
    chat = client.get("/chat/").content.decode()
    return block_text(home), chat, block_text(chat)


def test_no_advisor_both_say_no_advisor(client, freeze, office_hours, advisor: User):
    """Within hours but nobody on duty: the block offers no chat, as the chat page says."""
    freeze(TUESDAY_10)
    services.agent_set_available(user=advisor, available=False)
    home_block, chat_page, chat_block = both_pages(client)
    assert "geen adviseur vrij" in chat_page
    assert 'data-testid="chat-start"' not in chat_page
    for block in (home_block, chat_block):
        assert "Start een chat" not in block
        assert "De chat is nu open" not in block
        assert "Er is nu geen adviseur vrij om te chatten." in block


def test_advisor_on_duty_both_offer_the_chat(client, freeze, office_hours, advisor: User):
    """An advisor on duty: the block says open with a link, and the chat page has the form."""
    freeze(TUESDAY_10)
    services.agent_set_available(user=advisor, available=True)
    home_block, chat_page, chat_block = both_pages(client)
    assert 'data-testid="chat-start"' in chat_page
    for block in (home_block, chat_block):
        assert "De chat is nu open, tot 17:00 uur." in block
        assert "Start een chat" in block


def test_queue_full_both_say_busy(client, freeze, office_hours, advisor: User, settings):
    """The queue is full: the chat page refuses kindly and the block offers no chat either."""
    settings.MELDPUNT_CHAT_QUEUE_MAX = 1
    freeze(TUESDAY_10)
    services.agent_set_available(user=advisor, available=True)
    services.chat_start()
    home_block, chat_page, chat_block = both_pages(client)
    assert 'data-testid="chat-queue-full"' in chat_page
    for block in (home_block, chat_block):
        assert "Start een chat" not in block
        assert "Er wachten nu al veel mensen op een chat." in block


def test_outside_hours_both_closed_even_with_an_advisor(
    client, freeze, office_hours, advisor: User
):
    """Tuesday evening with an advisor still available: both say closed until tomorrow."""
    freeze(datetime(2026, 12, 1, 19, 0, tzinfo=AMSTERDAM))
    services.agent_set_available(user=advisor, available=True)
    home_block, chat_page, chat_block = both_pages(client)
    assert 'data-testid="chat-closed"' in chat_page
    for block in (home_block, chat_block):
        assert "De chat gaat morgen om 9:00 uur open." in block
        assert "Start een chat" not in block
