"""Starting a chat: only while someone can answer, rate limited, token only in the session."""

import pytest
from django.urls import reverse

from meldpunt.chat.auth import SESSION_TOKEN_KEY
from meldpunt.chat.models import ChatSession, ChatState
from meldpunt.chat.selectors import token_hash

pytestmark = pytest.mark.django_db


def test_start_puts_the_chat_in_the_queue(client, on_duty):
    """Anyone may start; the chat waits, the token lives only in the session, hashed in the DB."""
    response = client.post(reverse("chat_public:start"), {"nickname": "Sam", "language": "pl"})
    assert response.status_code == 302
    chat = ChatSession.objects.get()
    assert chat.status == ChatState.WAITING
    assert (chat.nickname, chat.language) == ("Sam", "pl")
    token = client.session[SESSION_TOKEN_KEY]
    assert chat.token_hash == token_hash(token)
    assert token not in chat.token_hash
    assert client.session.get_expire_at_browser_close()


def test_start_is_refused_when_closed(client, open_now, advisor):
    """No advisor available: no chat is created, the closed page is shown."""
    response = client.post(reverse("chat_public:start"), {"nickname": ""})
    assert 'data-testid="chat-closed"' in response.content.decode()
    assert not ChatSession.objects.exists()


def test_too_long_nickname_keeps_input_and_says_why(client, on_duty):
    """Bad input: a message next to the field, the typed text kept, nothing stored."""
    response = client.post(reverse("chat_public:start"), {"nickname": "x" * 41})
    assert response.status_code == 400
    html = response.content.decode()
    assert "x" * 41 in html
    assert "utrecht-form-field-error-message" in html
    assert not ChatSession.objects.exists()


def test_new_chats_are_rate_limited(client, on_duty, settings):
    """Past the limit of new chats per address: a kind refusal, no chat created."""
    settings.MELDPUNT_CHAT_STARTS_PER_HOUR = 1
    client.post(reverse("chat_public:start"), {})
    client.post(reverse("chat_public:end"), {})
    response = client.post(reverse("chat_public:start"), {})
    assert response.status_code == 429
    assert ChatSession.objects.count() == 1
