"""What the chat leaves for the statistics (tally): a wait per chat that leaves the queue
(answered or not), and a refusal per client and hour when the chat is closed or full.
Only day, hour, seconds, answered and reason are kept."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.chat import services
from meldpunt.chat.models import EndedBy
from meldpunt.public.selectors import ClosedReason
from meldpunt.tally.models import ChatRefusal, ChatWait, RefusalReason

pytestmark = pytest.mark.django_db


def test_an_answered_chat_leaves_its_wait(on_duty, freeze, open_now):
    chat, _token = services.chat_start(nickname="Sam")
    freeze(open_now + timedelta(seconds=130))
    services.agent_heartbeat(user=on_duty)
    services.chat_accept_next(user=on_duty)
    services.chat_end(chat=chat, ended_by=EndedBy.STAFF, by=on_duty)
    wait = ChatWait.objects.get()
    assert (wait.day, wait.hour, wait.waited_seconds, wait.answered) == (
        open_now.date(),
        open_now.hour,
        130,
        True,
    )


def test_a_chat_ended_while_waiting_is_unanswered(on_duty, freeze, open_now):
    chat, _token = services.chat_start()
    freeze(open_now + timedelta(seconds=40))
    services.chat_end(chat=chat, ended_by=EndedBy.REPORTER)
    services.chat_end(chat=chat, ended_by=EndedBy.REPORTER)  # once only
    assert list(ChatWait.objects.values_list("waited_seconds", "answered")) == [(40, False)]


def test_a_waiting_chat_is_not_counted_yet(on_duty):
    services.chat_start()
    assert not ChatWait.objects.exists()


def test_a_closed_chat_page_counts_one_refusal_per_client_and_hour(client, open_now, advisor):
    """Nobody on duty: the page and the start both say closed; one count for the client."""
    client.get(reverse("chat_public:chat"))
    client.get(reverse("chat_public:chat"))
    client.post(reverse("chat_public:start"), {"nickname": ""})
    Client(REMOTE_ADDR="192.0.2.77").get(reverse("chat_public:chat"))
    refusal = ChatRefusal.objects.get()
    assert (refusal.reason, refusal.count, refusal.day, refusal.hour) == (
        RefusalReason.NO_ADVISOR,
        2,
        open_now.date(),
        open_now.hour,
    )


def test_a_full_queue_counts_as_full(on_duty, settings):
    settings.MELDPUNT_CHAT_QUEUE_MAX = 1
    services.chat_start()
    Client(REMOTE_ADDR="192.0.2.31").get(reverse("chat_public:chat"))
    assert list(ChatRefusal.objects.values_list("reason", "count")) == [("queue_full", 1)]


def test_an_open_chat_page_counts_nothing(client, on_duty):
    client.get(reverse("chat_public:chat"))
    assert not ChatRefusal.objects.exists()


def test_the_refusal_reasons_are_the_chat_pages_reasons():
    reasons = {value for name, value in vars(ClosedReason).items() if name.isupper()}
    assert reasons == set(RefusalReason.values)
