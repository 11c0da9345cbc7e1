"""The web report and the mailbox keep the language of the URL through every step and POST,
and the report, its contact and each mailbox message store it for staff."""

import pytest
from django.test import Client

from meldpunt.cases.models import Channel, Contact
from meldpunt.reports.models import MailboxMessage, MailboxSender
from meldpunt.reports.steps import STEPS
from tests.reports.conftest import ANSWERS, fill_report, submit

pytestmark = pytest.mark.django_db


def test_a_polish_report_stays_polish_and_is_stored_as_polish(reporter: Client) -> None:
    """Every redirect stays under /pl/, the check and receipt pages are Polish, and the
    web-report contact says pl."""
    response = reporter.get("/pl/melden/")
    assert response.headers["Content-Language"] == "pl"
    first = reporter.post(
        f"/pl/melden/stap/{STEPS[0].slug}/", {**ANSWERS[STEPS[0].slug], "action": "next"}
    )
    assert first.status_code == 302
    assert first.headers["Location"].startswith("/pl/melden/")
    fill_report(reporter, prefix="/pl")
    check = reporter.get("/pl/melden/controleren/")
    assert '<html lang="pl"' in check.content.decode()
    done = reporter.post("/pl/melden/controleren/", {"homepage": ""})
    assert done.headers["Content-Language"] == "pl"
    assert 'data-testid="receipt-code"' in done.content.decode()
    contact = Contact.objects.get(channel=Channel.WEB_REPORT)
    assert contact.language == "pl"


def test_errors_come_back_in_the_url_language(reporter: Client) -> None:
    """A step with a mistake answers in the language of its URL, right to left for ar."""
    reporter.post(f"/ar/melden/stap/{STEPS[0].slug}/", {**ANSWERS[STEPS[0].slug], "action": "next"})
    response = reporter.post(f"/ar/melden/stap/{STEPS[1].slug}/", {"action": "next"})
    html = response.content.decode()
    assert "utrecht-form-field-error-message" in html
    assert '<html lang="ar" dir="rtl"' in html


def test_a_dutch_report_is_stored_as_dutch(reporter: Client) -> None:
    fill_report(reporter)
    submit(reporter)
    assert Contact.objects.get(channel=Channel.WEB_REPORT).language == "nl"


def test_mailbox_message_keeps_the_language_it_was_written_in(reporter: Client) -> None:
    """A report made in Dutch, a message later from the Romanian mailbox page: the message
    and its mailbox contact say ro; the redirect stays under /ro/."""
    fill_report(reporter)
    code = submit(reporter)
    visitor = Client()
    opened = visitor.post("/ro/melden/postbus/", {"code": code})
    assert opened.headers["Location"] == "/ro/melden/postbus/"
    sent = visitor.post("/ro/melden/postbus/bericht/", {"text": "Au plecat la Almere."})
    assert sent.headers["Location"] == "/ro/melden/postbus/"
    message = MailboxMessage.objects.get(sender=MailboxSender.REPORTER)
    assert message.language == "ro"
    assert Contact.objects.get(channel=Channel.MAILBOX).language == "ro"
