"""The phone intake's fields for phone numbers, plates, addresses and companies: stored
encrypted with the contact and linked and searched exactly like the web report's."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.cases.models import Case, Contact
from meldpunt.reports.services import draft_start, report_submit
from tests.cases.intake.test_new_view import SAVE_URL, call
from tests.reports.conftest import ANSWERS

pytestmark = pytest.mark.django_db

REPORT_TEXT = "Bij de Kamperstraat worden elke ochtend arbeiders opgehaald met een busje."
CALL_TEXT = "Beller ziet arbeiders in een busje stappen bij de Kamperstraat."


def web_report(**answers: str) -> Case:
    """A web report with the given answers in its structured fields, through the service."""
    merged = {key: value for step in ANSWERS.values() for key, value in step.items()}
    merged.update(description=REPORT_TEXT, phone_numbers="", licence_plates="", company_names="")
    merged.update(answers)
    return report_submit(draft=draft_start(), answers=merged).case


@pytest.fixture
def anna(advisor: User, verified_client: Callable[[User], Client]) -> Client:
    return verified_client(advisor)


def test_the_kamperstraat_call_links_to_the_web_report_by_its_fields(anna: Client) -> None:
    """Plate and phone typed in the call's own fields (not in the summary) link the call to
    the earlier web report written differently: one related row, "kenteken,
    telefoonnummer", and search finds the call by every spelling."""
    report = web_report(licence_plates="vt123b", phone_numbers="+31 6 1234 5678")
    response = anna.post(
        SAVE_URL,
        call(summary=CALL_TEXT, licence_plates="VT-123-B", phone_numbers="06 12345678"),
    )
    assert response.status_code == 302
    contact = Contact.objects.get(channel="phone")
    assert contact.details["licence_plates"] == "VT-123-B"
    assert contact.details["phone_numbers"] == "06 12345678"
    call_case = contact.case
    assert call_case is not None

    html = anna.get(reverse("cases:detail", args=[call_case.pk])).content.decode()
    related = html[html.index("Gerelateerde zaken") :]
    assert related.count('class="linking-relation"') == 1
    assert report.number in related
    assert "kenteken, telefoonnummer" in related
    for spelling in ("vt123b", "VT-123-B", "vt 123 b", "0612345678", "06 12345678", "+31612345678"):
        found = anna.post(reverse("search:cases"), {"q": spelling}).content.decode()
        assert call_case.number in found and report.number in found, spelling


def test_several_values_one_per_line_each_link(anna: Client) -> None:
    """Each line is a value of its own: the second plate and an address with postcode and
    house number link as well; the values show on the contact, with their labels."""
    first = web_report(licence_plates="GZ-441-X")
    second = web_report(addresses="Kamperstraat 12, 8261 AB Kampen")
    anna.post(
        SAVE_URL,
        call(
            summary=CALL_TEXT,
            licence_plates="VT-123-B\n\n  gz441x  ",
            addresses="Kamperstraat 12\n8261 AB 12",
            company_names="Uitzendbureau Snel\nKas Groen BV",
        ),
    )
    contact = Contact.objects.get(channel="phone")
    assert contact.details["licence_plates"] == "VT-123-B\ngz441x"
    html = anna.get(reverse("cases:detail", args=[contact.case_id])).content.decode()
    related = html[html.index("Gerelateerde zaken") :]
    assert first.number in related and second.number in related
    assert "Bedrijven of werkgevers" in html and "Uitzendbureau Snel, Kas Groen BV" in html
    assert "Kentekens" in html and "VT-123-B, gz441x" in html


def test_the_values_are_encrypted(anna: Client) -> None:
    """The typed plate and company are nowhere in plain text in the contacts table."""
    anna.post(SAVE_URL, call(licence_plates="VT-123-B", company_names="Uitzendbureau Zeldzaam"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM cases_contact")
        text = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert "VT-123-B" not in text and "Zeldzaam" not in text


def test_the_fields_are_optional_and_shown_on_the_screen(anna: Client) -> None:
    """The screen has the four fields; a call without them saves with no such details."""
    html = anna.get(reverse("intake:new")).content.decode()
    for name in ("phone_numbers", "licence_plates", "addresses", "company_names"):
        assert f'name="{name}"' in html
    anna.post(SAVE_URL, call())
    assert set(Contact.objects.get().details) == {"urgency"}
