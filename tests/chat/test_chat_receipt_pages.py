"""A chat whose reporter took a receipt code: the case page shows the chat as a transcript
(not as the answers of a web form) and the reporter's mailbox speaks of a chat."""

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.chat import services
from meldpunt.chat.models import ChatSender, ChatSession, EndedBy

pytestmark = pytest.mark.django_db


@pytest.fixture
def chat_with_code(client: Client, on_duty) -> tuple[ChatSession, str]:
    """Sam chats with Anna, takes a receipt code and leaves; the chat and the code."""
    client.post(reverse("chat_public:start"), {"nickname": "Sam"})
    services.chat_accept_next(user=on_duty)
    chat = ChatSession.objects.get()
    services.message_store(chat=chat, sender=ChatSender.REPORTER, body="Ik werk elke dag in de kas")
    services.message_store(
        chat=chat, sender=ChatSender.STAFF, body="Krijgt u betaald?", author=on_duty
    )
    code = services.chat_receipt_code(chat=chat)
    services.chat_end(chat=chat, ended_by=EndedBy.REPORTER)
    chat.refresh_from_db()
    return chat, code


def test_case_page_shows_the_chat_as_a_transcript(verified_client, on_duty, chat_with_code):
    """The advisor sees who said what and when, and the mailbox without web form answers."""
    chat, _code = chat_with_code
    assert chat.contact is not None
    html = verified_client(on_duty).get(reverse("cases:detail", args=[chat.contact.case_id]))
    page = html.content.decode()
    assert "Antwoorden in het webformulier" not in page
    assert 'data-testid="mailbox-from-chat"' in page
    transcript = page[page.index('data-testid="case-chat-transcripts"') :]
    assert "Ik werk elke dag in de kas" in transcript
    assert "Chatter" in transcript
    assert "Krijgt u betaald?" in transcript
    assert "De melder heeft de chat verlaten." in transcript


def test_case_page_is_refused_to_an_analyst(verified_client, analyst, chat_with_code):
    """An analyst sees no case content, the chat's neither."""
    chat, _code = chat_with_code
    assert chat.contact is not None
    response = verified_client(analyst).get(reverse("cases:detail", args=[chat.contact.case_id]))
    assert response.status_code == 403
    assert "Ik werk elke dag in de kas" not in response.content.decode()


def test_mailbox_opened_with_a_chat_code_speaks_of_the_chat(chat_with_code):
    """The code from a chat opens a mailbox that says the reporter chatted, not that a
    report was sent."""
    _chat, code = chat_with_code
    reporter = Client()
    reporter.post(reverse("reports_public:mailbox"), {"code": code})
    page = reporter.get(reverse("reports_public:mailbox")).content.decode()
    assert 'data-testid="mailbox-status"' in page
    assert "Uw melding is verstuurd" not in page
    assert "met ons gechat" in page
