"""The mailbox panel on the staff case page: answers, files, thread and a reply box that
clearly says the reporter reads it."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from meldpunt.cases.services import case_create
from meldpunt.reports.services import mailbox_post, mailbox_reply
from tests.reports.staff_helpers import make_report

pytestmark = pytest.mark.django_db


def test_case_page_shows_report_answers_thread_and_reporter_reply_box(
    advisor, verified_client
) -> None:  # type: ignore[no-untyped-def]
    """Anna sees the web report's answers, its file, both sides of the thread and a reply
    form marked as read by the reporter, apart from the internal notes."""
    case, mailbox, _code = make_report()
    mailbox_reply(case=case, mailbox=mailbox, by=advisor, text="Kunt u meer vertellen?")
    mailbox_post(mailbox=mailbox, text="Het busje staat er elke ochtend.", files=[])
    html = verified_client(advisor).get(f"/medewerkers/zaken/{case.pk}/").content.decode()
    assert "VX-123-B" in html
    assert "Bij de nagelstudio slapen vrouwen" in html
    assert "Arbeidsuitbuiting" in html
    assert "loonstrook.pdf" in html
    assert "Kunt u meer vertellen?" in html
    assert "Het busje staat er elke ochtend." in html
    assert "Let op: de melder leest dit." in html
    assert f"/medewerkers/meldingen/{case.pk}/postbus/{mailbox.pk}/antwoord/" in html


def test_panel_queries_do_not_grow_with_messages(advisor, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    """The panel needs the same four queries for 2 messages as for 20: mailboxes with their
    contact, messages with authors, message files, report files."""
    case, mailbox, _code = make_report()
    request = RequestFactory().get("/")
    request.user = advisor

    def render() -> str:
        return render_to_string(
            "reports/_case_mailbox.html", {"case": case, "user": advisor}, request=request
        )

    for n in range(2):
        mailbox_post(mailbox=mailbox, text=f"bericht {n}", files=[])
    with django_assert_num_queries(4):
        render()
    for n in range(18):
        mailbox_post(mailbox=mailbox, text=f"bericht {n}", files=[])
    with django_assert_num_queries(4):
        html = render()
    assert html.count("report-message--reporter") == 20


def test_case_without_web_report_shows_no_panel(advisor) -> None:  # type: ignore[no-untyped-def]
    """A case from a phone call has no mailbox: the panel renders nothing."""
    case = case_create(by=advisor)
    html = render_to_string("reports/_case_mailbox.html", {"case": case, "user": advisor})
    assert html.strip() == ""
