"""The reporter's mailbox: opened with the code by POST only, throttled, leaves no trace."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.test import Client, override_settings

from meldpunt.cases.models import Case, Channel, Contact, Note
from meldpunt.lib import clock, ratelimit
from meldpunt.reports import guessing
from meldpunt.reports.models import Attachment, MailboxMessage, MailboxSender
from meldpunt.reports.services import mailbox_reply
from tests.reports.conftest import fill_report, png_bytes, submit, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def code(reporter: Client) -> str:
    """A report sent by ``reporter``; its receipt code."""
    fill_report(reporter)
    return submit(reporter)


def _open(client: Client, typed: str):  # type: ignore[no-untyped-def]
    return client.post("/melden/postbus/", {"code": typed})


def test_correct_code_opens_mailbox_with_status_in_plain_words(reporter: Client, code: str) -> None:
    """The right code (typed with spaces) opens the mailbox; the status reads as plain text."""
    visitor = Client()
    response = _open(visitor, " ".join(code[i : i + 4] for i in range(0, 16, 4)))
    assert response.status_code == 302
    assert response.headers["Location"] == "/melden/postbus/"
    page = visitor.get("/melden/postbus/")
    html = page.content.decode()
    assert "Ontvangen. Wij gaan uw melding bekijken." in html
    assert code not in html
    assert "no-store" in page.headers["Cache-Control"]


def test_code_is_never_accepted_in_url(reporter: Client, code: str) -> None:
    """A code in the query string opens nothing."""
    html = Client().get(f"/melden/postbus/?code={code}").content.decode()
    assert 'name="code"' in html
    assert "Stand van zaken" not in html


def test_wrong_code_says_so_at_the_field(code: str) -> None:
    html = _open(Client(), "0000 0000 0000 0000").content.decode()
    assert 'id="id_code_error"' in html
    assert "Wij kennen deze code niet" in html


def test_code_field_has_no_autocomplete(reporter: Client) -> None:
    html = reporter.get("/melden/postbus/").content.decode()
    assert 'name="code"' in html
    assert 'autocomplete="off"' in html


@override_settings(MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT=3)
def test_guessing_is_throttled_per_client_without_blocking_others(code: str) -> None:
    """After 3 tries one client must wait, even with the right code; another client is fine."""
    guesser = Client(REMOTE_ADDR="10.0.0.66")
    for _ in range(3):
        assert _open(guesser, "1234123412341234").status_code == 200
    blocked = _open(guesser, code)
    assert blocked.status_code == 429
    assert "Er is te vaak een code geprobeerd" in blocked.content.decode()
    assert _open(Client(REMOTE_ADDR="10.0.0.7"), code).status_code == 302


@override_settings(MELDPUNT_MAILBOX_FAILURES_GLOBAL=30)
def test_right_code_from_a_fresh_client_opens_the_mailbox_while_many_guess(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrong codes from 31 addresses use up the global count; the right code from a new
    client still opens its mailbox (before: refused for the rest of the minute)."""
    # One moment for the counters, so that the guesses never straddle two windows.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    for n in range(31):
        guesser = Client(REMOTE_ADDR=f"10.1.0.{n}")
        for _ in range(2):
            assert _open(guesser, "1234123412341234").status_code == 200
    neighbour = "10.1.0.200"
    assert guessing.arrive(
        ratelimit.client_key(neighbour), ratelimit.client_key(neighbour, wide=True)
    ).slowed
    response = _open(Client(REMOTE_ADDR="10.1.0.231"), code)
    assert response.status_code == 302
    assert response.headers["Location"] == "/melden/postbus/"


@override_settings(MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT=3)
def test_one_ipv6_client_cannot_hop_addresses_within_its_64(code: str) -> None:
    """Tries from any address of one /64 count together; another /64 is another client."""
    for n in range(1, 4):
        guesser = Client(REMOTE_ADDR=f"2001:db8:5:6::{n}")
        assert _open(guesser, "1234123412341234").status_code == 200
    assert _open(Client(REMOTE_ADDR="2001:db8:5:6::ff"), code).status_code == 429
    assert _open(Client(REMOTE_ADDR="2001:db8:5:7::1"), code).status_code == 302


def test_staff_reply_is_visible_and_internal_note_never(
    reporter: Client, code: str, advisor
) -> None:  # type: ignore[no-untyped-def]
    """A reply written for the reporter shows in the mailbox; an internal note does not."""
    case = Case.objects.get()
    Note.objects.create(case=case, author=advisor, created_at=clock.now(), text="GEHEIM-INTERN")
    mailbox_reply(
        case=case, mailbox=case.mailboxes.get(), by=advisor, text="Dank, wij bellen de inspectie."
    )
    visitor = Client()
    _open(visitor, code)
    html = visitor.get("/melden/postbus/").content.decode()
    assert "Dank, wij bellen de inspectie." in html
    assert "GEHEIM-INTERN" not in html
    assert "Anna" not in html


def test_reporter_message_marks_case_creates_contact_and_mails_advisor_without_content(
    reporter: Client, code: str, advisor, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    """A new message marks the case, becomes a mailbox contact and e-mails the assigned
    advisor a notice that contains nothing of the message and no link."""
    advisor.email = "anna@example.org"
    advisor.save()
    case = Case.objects.get()
    case.assigned_to = advisor
    case.needs_attention = False
    case.save()
    visitor = Client()
    _open(visitor, code)
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(
            "/melden/postbus/bericht/",
            {
                "text": "Ze zijn vannacht verhuisd naar Almere.",
                "files": [upload("x.png", png_bytes())],
            },
        )
    assert response.status_code == 302
    assert "Uw bericht is verstuurd." in visitor.get("/melden/postbus/").content.decode()
    case.refresh_from_db()
    assert case.needs_attention is True
    assert Contact.objects.filter(case=case, channel=Channel.MAILBOX).count() == 1
    message = MailboxMessage.objects.get(sender=MailboxSender.REPORTER)
    assert Attachment.objects.filter(message=message, case=case).count() == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["anna@example.org"]
    assert sent.body.strip() == "Er staat een nieuw bericht klaar in Meldpunt."
    assert "Almere" not in sent.subject + sent.body
    assert case.number not in sent.subject + sent.body
    assert "http" not in sent.body


def test_empty_message_is_refused_at_the_field(reporter: Client, code: str) -> None:
    visitor = Client()
    _open(visitor, code)
    html = visitor.post("/melden/postbus/bericht/", {"text": "  "}).content.decode()
    assert 'id="id_text_error"' in html
    assert not MailboxMessage.objects.exists()


def test_message_without_open_mailbox_goes_to_code_form(code: str) -> None:
    response = Client().post("/melden/postbus/bericht/", {"text": "hallo"})
    assert response.status_code == 302
    assert not MailboxMessage.objects.exists()


def test_leaving_clears_the_session_so_mailbox_is_gone(reporter: Client, code: str) -> None:
    """After 'close mailbox' the same browser sees only the code form again."""
    visitor = Client()
    _open(visitor, code)
    response = visitor.post("/melden/postbus/sluiten/")
    assert response.headers["Location"] == "/melden/postbus/gesloten/"
    html = visitor.get("/melden/postbus/").content.decode()
    assert "Stand van zaken" not in html
    assert 'name="code"' in html


def test_mailbox_closes_itself_after_idle_time(
    reporter: Client, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Left alone for longer than the idle time, the mailbox needs the code again."""
    visitor = Client()
    _open(visitor, code)
    later = clock.now() + timedelta(minutes=16)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert "Stand van zaken" not in visitor.get("/melden/postbus/").content.decode()
