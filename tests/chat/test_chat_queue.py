"""The chat queue: a waiting chat does not close the chat for others, the queue has its
own limit, one client can only have a few chats waiting, and the reporter's place and
the advisor's queue come from one source."""

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.chat import selectors, services
from meldpunt.chat.models import ChatSession, ChatState

pytestmark = pytest.mark.django_db


def _start(client: Client) -> int:
    return client.post(reverse("chat_public:start"), {"nickname": ""}).status_code


def test_one_waiting_chat_does_not_close_the_chat_for_the_next_visitor(on_duty):
    """One advisor, capacity 2, one chat in conversation and one waiting: the next visitor
    can still start, and is number 2 in the queue with an expected wait."""
    services.chat_start(nickname="in gesprek")
    services.chat_accept_next(user=on_duty)
    waiting, _token = services.chat_start(nickname="wacht")

    visitor = Client(REMOTE_ADDR="192.0.2.30")
    page = visitor.get(reverse("chat_public:chat")).content.decode()
    assert 'data-testid="chat-closed"' not in page
    assert 'data-testid="chat-start"' in page
    assert _start(visitor) == 302

    mine = ChatSession.objects.exclude(pk=waiting.pk).get(status=ChatState.WAITING)
    state = selectors.waiting_state(mine)
    assert state["position"] == 2
    assert state["wait_seconds"] > selectors.waiting_state(waiting)["wait_seconds"] > 0


def test_a_full_queue_gives_the_phone_number_and_the_form(on_duty, settings):
    """Past the queue's own limit the visitor is told so, with the phone number and the form."""
    settings.MELDPUNT_CHAT_QUEUE_MAX = 2
    for _ in range(2):
        services.chat_start()
    visitor = Client(REMOTE_ADDR="192.0.2.31")
    page = visitor.get(reverse("chat_public:chat")).content.decode()
    assert 'data-testid="chat-queue-full"' in page
    assert "Er wachten nu al veel mensen op een chat" in page
    assert "088 2220500" in page
    assert reverse("reports_public:start") in page
    assert _start(visitor) == 200
    assert ChatSession.objects.count() == 2


def test_one_client_can_have_only_a_few_chats_waiting(on_duty, settings):
    """Two waiting chats from one address (each from a fresh browser) is the most; a third
    is refused with a message, another address is not affected, and a chat that an
    advisor took no longer counts."""
    settings.MELDPUNT_CHAT_WAITING_PER_CLIENT = 2
    for _ in range(2):
        assert _start(Client(REMOTE_ADDR="192.0.2.40")) == 302
    refused = Client(REMOTE_ADDR="192.0.2.40").post(reverse("chat_public:start"), {})
    assert refused.status_code == 429
    assert "U wacht al in de rij" in refused.content.decode()
    assert ChatSession.objects.count() == 2

    assert _start(Client(REMOTE_ADDR="192.0.2.41")) == 302
    services.chat_accept_next(user=on_duty)
    assert _start(Client(REMOTE_ADDR="192.0.2.40")) == 302


def test_the_reporters_place_and_the_advisors_queue_agree(on_duty):
    """Chats started in the same instant still get places 1, 2, 3; each reporter's place
    and expected wait are the ones the advisor's queue shows, and the advisor takes
    number 1 first."""
    chats = [services.chat_start(nickname=f"chat {n}")[0] for n in range(3)]
    queue = selectors.queue()
    assert [entry["position"] for entry in queue] == [1, 2, 3]
    for chat in chats:
        entry = next(e for e in queue if e["id"] == chat.public_id.hex)
        state = selectors.waiting_state(chat)
        assert (state["position"], state["wait_seconds"]) == (
            entry["position"],
            entry["wait_seconds"],
        )
    taken = services.chat_accept_next(user=on_duty)
    assert taken is not None
    assert taken.public_id.hex == queue[0]["id"]
