"""The page that records a chat in a case has the phone intake's parts: case kind,
urgency, a minor involved, the signal checklist the suggestions tick, and the fields for
phone numbers, plates, addresses and companies that linking reads."""

import re

import pytest
from django.urls import reverse

from meldpunt.cases.models import Case, CaseKind, Contact, Person, Urgency
from meldpunt.chat import services
from meldpunt.chat.models import ChatSender, ChatSession
from tests.cases.intake.test_save_view_entities import web_report
from tests.chat.test_chat_to_case_view import FIELDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def chat(on_duty) -> ChatSession:
    chat, _token = services.chat_start(nickname="Sam")
    services.chat_accept_next(user=on_duty)
    services.message_store(
        chat=chat,
        sender=ChatSender.REPORTER,
        body="Mijn nichtje van 15 moet voor een vriend met mannen mee. Haar paspoort is afgepakt.",
    )
    chat.refresh_from_db()
    return chat


def _checked(html: str, name: str) -> list[str]:
    return re.findall(rf'<input[^>]*name="{name}"[^>]*value="([^"]+)"[^>]*checked', html)


def _selected(html: str, name: str) -> list[str]:
    start = html.index(f'name="{name}"')
    select = html[start : html.index("</select>", start)]
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select)


def test_the_form_has_the_intake_parts_and_who_defaults_to_unknown(
    verified_client, on_duty, chat
) -> None:
    """Kind, urgency, minor, the checklist and the entity fields are there; "Wie neemt
    contact op?" starts at unknown, never at "het gaat over mijzelf"."""
    html = verified_client(on_duty).get(reverse("chat:to_case", args=[chat.pk])).content.decode()
    assert _selected(html, "reporter_role") == ["unknown"]
    assert _checked(html, "kind") == ["advies"]
    assert _checked(html, "urgency") == ["normal"]
    for name in ("victim_minor", "indicators", "phone_numbers", "licence_plates", "addresses"):
        assert f'name="{name}"' in html, name
    assert 'name="company_names"' in html
    # The suggestions sit inside the form, so "Overnemen" ticks its checklist.
    start = html.index('id="chat-to-case-form"')
    form = html[start : html.index("</form>", start)]
    assert 'data-testid="chat-suggestions"' in form and "triage-accept" in form


def test_a_chat_becomes_an_urgent_report_with_a_minor_and_links_by_its_fields(
    verified_client, on_duty, chat
) -> None:
    """Kind, urgency, minor and signals go to the new case; plate and phone typed in their
    fields link it to an earlier web report written differently."""
    report = web_report(licence_plates="vt123b", phone_numbers="+31 6 1234 5678")
    client = verified_client(on_duty)
    response = client.post(
        reverse("chat:to_case", args=[chat.pk]),
        {
            **FIELDS,
            "kind": CaseKind.REPORT,
            "urgency": Urgency.HIGH,
            "victim_minor": "yes",
            "indicators": ["gen.documents_retained"],
            "licence_plates": "VT-123-B",
            "phone_numbers": "06 12345678",
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get(channel="chat")
    case = contact.case
    assert case is not None and case != report
    assert (case.kind, case.urgency) == (CaseKind.REPORT, Urgency.HIGH)
    assert case.assessment_due is not None
    assert contact.indicators == ["gen.documents_retained"]
    assert contact.details["urgency"] == Urgency.HIGH
    assert Person.objects.get(case=case).is_minor is True

    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    related = html[html.index("Gerelateerde zaken") :]
    assert related.count('class="linking-relation"') == 1
    assert report.number in related and "kenteken, telefoonnummer" in related


def test_a_chat_with_a_receipt_code_is_completed_with_the_same_parts(
    verified_client, on_duty, chat
) -> None:
    """The reporter asked for a code first, so the chat has its own case already; the
    advisor's kind, urgency, minor and fields land on that case."""
    services.chat_receipt_code(chat=chat)
    chat.refresh_from_db()
    own_case = chat.contact.case
    response = verified_client(on_duty).post(
        reverse("chat:to_case", args=[chat.pk]),
        {
            **FIELDS,
            "kind": CaseKind.REPORT,
            "urgency": Urgency.ACUTE,
            "victim_minor": "no",
            "company_names": "Kas Groen BV",
        },
    )
    assert response.status_code == 302
    own_case.refresh_from_db()
    assert (own_case.kind, own_case.urgency) == (CaseKind.REPORT, Urgency.ACUTE)
    assert Person.objects.get(case=own_case).is_minor is False
    contact = Contact.objects.get(pk=chat.contact_id)
    assert contact.details["company_names"] == "Kas Groen BV"
    assert Case.objects.count() == 1
