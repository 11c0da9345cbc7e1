"""A chatting reporter asks for a receipt code to go on in the anonymous mailbox."""

import re

import pytest
from django.urls import reverse

from meldpunt.cases.contact_days import contact_days_differing
from meldpunt.cases.models import Case, Channel, Contact, ContactDay, ContactFigure
from meldpunt.cases.services import case_create
from meldpunt.chat import services
from meldpunt.chat.models import ChatSender, ChatSession
from meldpunt.reports.models import Mailbox
from meldpunt.reports.selectors import access_mailbox_for_receipt
from meldpunt.reports.services import mailbox_reply

pytestmark = pytest.mark.django_db

FIELDS = {
    "reporter_role": "self",
    "municipality": "GM0995",
    "exploitation": "labour",
    "how_heard": "social_media",
    "summary": "Werkt in een kas zonder vrije dagen",
    "advice_given": "Uitgelegd wat de postbus is",
    "kind": "advies",
    "urgency": "normal",
}


def _code(html: str) -> str:
    match = re.search(r'data-testid="receipt-code">([\d ]+)<', html)
    assert match, "no receipt code on the page"
    return match.group(1)


@pytest.fixture
def chatting(client, on_duty) -> ChatSession:
    """A reporter (the test client) in a chat an advisor has accepted."""
    client.post(reverse("chat_public:start"), {"nickname": "Sam"})
    services.chat_accept_next(user=on_duty)
    chat = ChatSession.objects.get()
    services.message_store(chat=chat, sender=ChatSender.REPORTER, body="Ik werk elke dag in de kas")
    return chat


def test_reporter_gets_a_code_that_opens_a_mailbox_on_the_chat_case(client, on_duty, chatting):
    """The code is shown once, never stored, and opens a mailbox where staff replies arrive."""
    response = client.post(reverse("chat_public:receipt"))
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    code = _code(response.content.decode())
    assert len(code.replace(" ", "")) == 16
    chatting.refresh_from_db()
    contact = chatting.contact
    assert contact is not None and contact.channel == Channel.CHAT
    mailbox = access_mailbox_for_receipt(code)
    assert mailbox.case_id == contact.case_id
    assert code.replace(" ", "") not in str(list(Mailbox.objects.values()))
    mailbox_reply(case=contact.case, mailbox=mailbox, by=on_duty, text="Wij lezen mee")
    assert [m.text for m in mailbox.messages.all()] == ["Wij lezen mee"]


def test_a_second_code_is_refused(client, chatting):
    """A code is shown only once; asking again explains that the first one is the code."""
    client.post(reverse("chat_public:receipt"))
    response = client.post(reverse("chat_public:receipt"))
    assert response.status_code == 409
    assert "al een ontvangstcode" in response.content.decode()
    assert Mailbox.objects.count() == 1


def test_without_a_chat_there_is_no_code(client, on_duty):
    """Someone without a chat in their session is sent to the chat page; nothing is made."""
    response = client.post(reverse("chat_public:receipt"))
    assert response.status_code == 302
    assert not Mailbox.objects.exists() and not Case.objects.exists()


def test_advisor_completes_the_record_on_the_same_case(client, verified_client, on_duty, chatting):
    """After a code the advisor fills in the chat's contact on its case; no second contact."""
    client.post(reverse("chat_public:receipt"))
    advisor = verified_client(on_duty)
    response = advisor.post(reverse("chat:to_case", args=[chatting.pk]), FIELDS)
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.summary, contact.staff, contact.municipality) == (
        FIELDS["summary"],
        on_duty,
        "GM0995",
    )
    assert contact.case.exploitation == "labour"


def test_completing_the_record_counts_the_chat_by_what_the_advisor_filled_in(
    client, verified_client, on_duty, chatting
):
    """The statistics count the completed chat under its municipality and answers."""
    client.post(reverse("chat_public:receipt"))
    verified_client(on_duty).post(reverse("chat:to_case", args=[chatting.pk]), FIELDS)
    assert not contact_days_differing()
    heard = ContactDay.objects.get(figure=ContactFigure.HOW_HEARD)
    assert (heard.municipality, heard.value, heard.count) == ("GM0995", "social_media", 1)


def test_recording_a_coded_chat_on_another_case_is_refused(
    client, verified_client, on_duty, chatting
):
    """The mailbox hangs on the chat's own case, so the advisor cannot move it elsewhere."""
    client.post(reverse("chat_public:receipt"))
    other = case_create(by=on_duty)
    advisor = verified_client(on_duty)
    response = advisor.post(
        reverse("chat:to_case", args=[chatting.pk]), {**FIELDS, "case_number": other.number}
    )
    assert response.status_code == 200
    assert "ontvangstcode gekregen" in response.content.decode()
    assert Contact.objects.get().summary == ""
