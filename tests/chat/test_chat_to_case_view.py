"""Recording a chat as a contact on a new or existing case, transcript attached and encrypted."""

import pytest
from django.db import connection
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Case, Channel, Contact
from meldpunt.cases.services import case_create
from meldpunt.chat import services
from meldpunt.chat.models import ChatSender, ChatSession

pytestmark = pytest.mark.django_db

FIELDS = {
    "reporter_role": "bystander",
    "municipality": "GM0034",
    "exploitation": "labour",
    "how_heard": "flyer",
    "summary": "Buurvrouw werkt elke dag in een kas",
    "advice_given": "Bel de arbeidsinspectie",
    "kind": "advies",
    "urgency": "normal",
}
RECORD = {
    "contact": {
        "reporter_role": "bystander",
        "municipality": "GM0034",
        "exploitation": "labour",
        "how_heard": "flyer",
        "summary": FIELDS["summary"],
        "advice_given": FIELDS["advice_given"],
    },
    "new_case": {
        "kind": "advies",
        "urgency": "normal",
        "exploitation": "labour",
        "municipality": "GM0034",
    },
}


@pytest.fixture
def chat(on_duty) -> ChatSession:
    chat, _token = services.chat_start(nickname="Sam")
    services.chat_accept_next(user=on_duty)
    services.message_store(
        chat=chat, sender=ChatSender.REPORTER, body="Mijn buurvrouw werkt 7 dagen"
    )
    services.message_store(chat=chat, sender=ChatSender.STAFF, body="Dank u", author=on_duty)
    chat.refresh_from_db()
    return chat


def test_advisor_records_chat_on_a_new_case(verified_client, on_duty, chat):
    """A new case with a chat contact, the phone-intake fields, and the transcript on the case."""
    client = verified_client(on_duty)
    url = reverse("chat:to_case", args=[chat.pk])
    page = client.get(url)
    assert "Mijn buurvrouw werkt 7 dagen" in page.content.decode()
    response = client.post(url, FIELDS)
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.channel == Channel.CHAT
    assert (contact.reporter_role, contact.municipality, contact.how_heard) == (
        "bystander",
        "GM0034",
        "flyer",
    )
    assert contact.summary == FIELDS["summary"]
    assert contact.case.exploitation == "labour"
    chat.refresh_from_db()
    assert chat.contact == contact
    assert AuditEvent.objects.filter(action="chat.attach", case=contact.case).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM chat_chatmessage")
        assert all("buurvrouw" not in row[0] for row in cursor.fetchall())


def test_advisor_records_chat_on_an_existing_case(verified_client, on_duty, chat):
    """With a case number: the contact joins that case, through the audited way in."""
    case = case_create(by=on_duty)
    client = verified_client(on_duty)
    client.post(reverse("chat:to_case", args=[chat.pk]), {**FIELDS, "case_number": case.number})
    assert Contact.objects.get().case == case
    assert Case.objects.count() == 1
    assert AuditEvent.objects.filter(action="case.chat_attach", case=case).exists()


def test_unknown_case_number_keeps_everything_typed(verified_client, on_duty, chat):
    """A wrong case number: a message next to the field, the summary kept, nothing saved."""
    client = verified_client(on_duty)
    response = client.post(
        reverse("chat:to_case", args=[chat.pk]), {**FIELDS, "case_number": "2026-99999"}
    )
    html = response.content.decode()
    assert "Er is geen zaak met dit nummer." in html
    assert FIELDS["summary"] in html
    assert not Contact.objects.exists()


def test_colleague_who_did_not_have_the_chat_gets_404(verified_client, colleague, chat):
    """Bram did not have this chat: 404, as for a chat that does not exist."""
    response = verified_client(colleague).get(reverse("chat:to_case", args=[chat.pk]))
    assert response.status_code == 404


def test_coordinator_may_record_any_chat(verified_client, coordinator, chat):
    """Cor, a coordinator, may record a chat that another advisor had."""
    response = verified_client(coordinator).get(reverse("chat:to_case", args=[chat.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("role_fixture", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_get_403(verified_client, request, role_fixture, chat):
    """Analysts, municipality viewers and administrators get 403."""
    user = request.getfixturevalue(role_fixture)
    response = verified_client(user).get(reverse("chat:to_case", args=[chat.pk]))
    assert response.status_code == 403


def test_anonymous_goes_to_login(client, chat):
    """Not logged in: to the login page."""
    response = client.get(reverse("chat:to_case", args=[chat.pk]))
    assert response.status_code == 302


def test_case_page_panel_shows_the_transcript(verified_client, on_duty, chat):
    """The case page's chat panel shows the recorded chat's messages."""
    from django.template.loader import render_to_string

    services.chat_to_contact(chat=chat, by=on_duty, case=None, **RECORD)
    case = Case.objects.get()
    on_duty.is_verified = lambda: True  # as OTPMiddleware marks a two-factor session
    html = render_to_string("chat/_case_transcript.html", {"case": case, "user": on_duty})
    assert "Mijn buurvrouw werkt 7 dagen" in html
    assert "Dank u" in html


def test_case_page_panel_is_empty_for_other_roles(analyst, on_duty, chat):
    """Someone without case access gets no transcript, even if the template is reached."""
    from django.template.loader import render_to_string

    services.chat_to_contact(chat=chat, by=on_duty, case=None, **RECORD)
    analyst.is_verified = lambda: True
    html = render_to_string(
        "chat/_case_transcript.html", {"case": Case.objects.get(), "user": analyst}
    )
    assert "buurvrouw" not in html


def test_the_page_suggests_signals_from_what_the_chatter_wrote(verified_client, on_duty):
    """Issue 14's labour case typed by the chatter gives labour exploitation with its words;
    what the advisor wrote is not read."""
    chat, _token = services.chat_start(nickname="Sam")
    services.chat_accept_next(user=on_duty)
    for body in (
        "Naast mij wonen veel Poolse mannen, om 5:00 opgehaald met een busje.",
        "Ze moesten hun paspoorten afgeven aan de baas. He says he was not paid.",
    ):
        services.message_store(chat=chat, sender=ChatSender.REPORTER, body=body)
    services.message_store(
        chat=chat,
        sender=ChatSender.STAFF,
        body="Werkt u zelf ook in de prostitutie?",
        author=on_duty,
    )
    html = verified_client(on_duty).get(reverse("chat:to_case", args=[chat.pk])).content.decode()
    assert 'data-testid="chat-suggestions"' in html
    assert 'data-form="labour"' in html
    assert 'data-indicator="gen.documents_retained"' in html
    assert 'data-indicator="gen.wages_withheld"' in html
    assert 'data-indicator="sex.' not in html
