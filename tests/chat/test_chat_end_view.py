"""Ending a chat over HTTP (the button's fallback and the quick exit's beacon)."""

import pytest
from django.urls import reverse

from meldpunt.chat.auth import SESSION_TOKEN_KEY
from meldpunt.chat.models import ChatSession, ChatState, EndedBy

pytestmark = pytest.mark.django_db


def test_beacon_ends_the_chat_and_clears_the_session(client, on_duty):
    """The reporter's beacon: chat ended, token gone from the session, 204."""
    client.post(reverse("chat_public:start"), {})
    response = client.post(reverse("chat_public:end"), {"beacon": "1"})
    assert response.status_code == 204
    chat = ChatSession.objects.get()
    assert chat.status == ChatState.ENDED
    assert chat.ended_by == EndedBy.REPORTER
    assert SESSION_TOKEN_KEY not in client.session


def test_end_without_a_chat_is_harmless(client, on_duty):
    """Nothing to end: back to the chat page."""
    response = client.post(reverse("chat_public:end"), {})
    assert response.status_code == 302


def test_end_needs_csrf(on_duty):
    """Another site cannot end someone's chat: the CSRF check applies."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse("chat_public:end"), {})
    assert response.status_code == 403
