"""Sending a complete web report: everything stored at once, or nothing."""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client, override_settings

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Case, CaseKind, Channel, Contact, Location, Person, PersonRole
from meldpunt.cases.search.selectors import CaseQuery, case_search
from meldpunt.linking.models import EntityHash
from meldpunt.reports import services
from meldpunt.reports.models import Attachment, Mailbox, ReportDraft
from meldpunt.reports.receipts import hash_code
from meldpunt.reports.review import collect_answers, review_draft
from meldpunt.reports.selectors import access_mailbox_for_receipt
from tests.reports.conftest import ANSWERS, fill_report, jpeg_with_gps, pdf_bytes, submit, upload

pytestmark = pytest.mark.django_db


def test_complete_report_becomes_case_with_contact_people_places_files_and_mailbox(
    reporter: Client,
) -> None:
    """One submit stores the case, its web-report contact with every answer, the people,
    places, files and a mailbox reachable only by the receipt code's hash."""
    fill_report(reporter, files=[upload("foto.jpg", jpeg_with_gps()), upload("a.pdf", pdf_bytes())])
    code = submit(reporter)

    case = Case.objects.get()
    assert case.kind == CaseKind.ADVICE
    assert case.municipality == "GM0995"
    assert case.exploitation == "labour"
    assert case.needs_attention is True
    assert case.response_due == case.created_at + timedelta(days=7)
    assert case.responded_at is None
    contact = Contact.objects.get()
    assert contact.channel == Channel.WEB_REPORT
    assert contact.reporter_role == "bystander"
    assert contact.how_heard == "flyer"
    assert contact.anonymous is True
    assert contact.callback_allowed is False
    assert "nagelstudio" in contact.summary
    assert contact.details["licence_plates"] == "VX-123-B"
    assert contact.details["when"] == "recent"
    assert contact.details["victim_count"] == "2-5"
    roles = set(Person.objects.values_list("role", flat=True))
    assert roles == {PersonRole.VICTIM, PersonRole.PERPETRATOR}
    assert Person.objects.get(role=PersonRole.VICTIM).is_minor is False
    assert {loc.kind for loc in Location.objects.all()} == {"other", "workplace"}
    assert Attachment.objects.filter(case=case, draft=None).count() == 2
    mailbox = Mailbox.objects.get()
    assert mailbox.case == case
    assert mailbox.code_hash == hash_code(code)
    assert not ReportDraft.objects.exists()
    assert AuditEvent.objects.filter(action="case.create", case=case).exists()


@override_settings(MELDPUNT_FIRST_RESPONSE_DAYS=3)
def test_first_response_deadline_follows_setting(reporter: Client) -> None:
    """The first response is due after the configured number of days."""
    fill_report(reporter)
    submit(reporter)
    case = Case.objects.get()
    assert case.response_due == case.created_at + timedelta(days=3)


def test_contact_by_phone_stores_number_encrypted_with_consent(reporter: Client) -> None:
    """A reporter who may be called back has the number stored as callback details."""
    answers = {
        **ANSWERS,
        "contact": {
            "how_heard": "police",
            "contact_preference": "phone",
            "phone": "06 11122233",
            "consent": "on",
        },
    }
    fill_report(reporter, answers=answers)
    submit(reporter)
    contact = Contact.objects.get()
    assert contact.anonymous is False
    assert contact.callback_allowed is True
    assert contact.callback_details == "06 11122233"


def test_failure_while_saving_files_stores_nothing(reporter: Client) -> None:
    """If storing the files fails, no case, contact, person, place or mailbox remains,
    and the draft with its files is still there to try again."""
    fill_report(reporter, files=[upload("foto.jpg", jpeg_with_gps())])
    with (
        mock.patch(
            "meldpunt.reports.services._attach_draft_files", side_effect=RuntimeError("disk")
        ),
        pytest.raises(RuntimeError),
    ):
        reporter.post("/melden/controleren/", {"homepage": ""})
    assert not Case.objects.exists()
    assert not Contact.objects.exists()
    assert not Person.objects.exists()
    assert not Location.objects.exists()
    assert not Mailbox.objects.exists()
    assert ReportDraft.objects.count() == 1
    assert Attachment.objects.filter(draft__isnull=False).count() == 1


def test_honeypot_filled_sends_nothing(reporter: Client) -> None:
    """A filled-in hidden field (a bot) stores no report and says so."""
    fill_report(reporter)
    response = reporter.post("/melden/controleren/", {"homepage": "http://spam.example"})
    assert response.status_code == 200
    assert "Uw melding is niet verstuurd" in response.content.decode()
    assert not Case.objects.exists()


@override_settings(MELDPUNT_REPORT_SUBMITS_PER_HOUR=1)
def test_second_report_from_same_client_within_hour_is_slowed(reporter: Client) -> None:
    """One client past the hourly limit waits; its draft is kept; another client may still send."""
    fill_report(reporter)
    submit(reporter)
    fill_report(reporter)
    response = reporter.post("/melden/controleren/", {"homepage": ""})
    assert response.status_code == 429
    assert Case.objects.count() == 1
    assert ReportDraft.objects.count() == 1

    other = Client(REMOTE_ADDR="10.9.9.9")
    fill_report(other)
    submit(other)
    assert Case.objects.count() == 2


def test_send_without_draft_shows_explanation(reporter: Client) -> None:
    """Sending twice (Back and send again) stores nothing the second time."""
    fill_report(reporter)
    submit(reporter)
    response = reporter.post("/melden/controleren/", {"homepage": ""})
    assert response.status_code == 400
    assert Case.objects.count() == 1


def test_sending_again_after_a_lost_answer_shows_the_code_of_the_stored_report(
    reporter: Client,
) -> None:
    """The report was stored but its answer never reached the browser (the worker died
    after the commit): Send again in that browser shows the receipt code of the stored
    report, which opens its mailbox; nothing is stored twice and the code shows only once
    more. Only Send shows it: opening the check page does not."""
    fill_report(reporter, files=[upload("foto.jpg", jpeg_with_gps())])
    draft = ReportDraft.objects.get()
    # What the view did before the worker died: the whole submit, committed.
    services.report_submit(draft=draft, answers=collect_answers(review_draft(draft)))
    assert "receipt-code" not in reporter.get("/melden/controleren/").content.decode()

    code = submit(reporter)
    assert Case.objects.count() == 1
    assert access_mailbox_for_receipt(code) == Mailbox.objects.get()
    assert Attachment.objects.get().case == Case.objects.get()
    response = reporter.post("/melden/controleren/", {"homepage": ""})
    assert response.status_code == 400


def test_invalid_step_found_at_send_is_shown_with_its_errors(reporter: Client) -> None:
    """A draft with a step that no longer validates goes back to that step with the error."""
    fill_report(reporter)
    draft = ReportDraft.objects.get()
    draft.data["wat"]["description"] = ""
    draft.save()
    response = reporter.post("/melden/controleren/", {"homepage": ""})
    html = response.content.decode()
    assert 'id="id_description_error"' in html
    assert not Case.objects.exists()


def test_database_dump_holds_none_of_the_reports_text(reporter: Client) -> None:
    """Every table, read raw, holds none of the typed text, numbers, plates or file names."""
    from django.db import connection

    fill_report(reporter, files=[upload("geheimefoto.jpg", jpeg_with_gps())])
    submit(reporter)
    needles = [
        "nagelstudio",
        "Stationsplein",
        "Glans",
        "Vietnamees",
        "zwarte bestelbus",
        "12345678",
        "VX-123-B",
        "geheimefoto",
        "ongeveer 20",
    ]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from Django)
            for row in cursor.fetchall():
                text = " ".join(
                    bytes(v).decode("latin-1") if isinstance(v, bytes | memoryview) else str(v)
                    for v in row
                ).lower()
                for needle in needles:
                    assert needle.lower() not in text, (table, needle)


def test_report_is_found_by_staff_search_on_its_words(reporter: Client) -> None:
    """The report's text, people and places are in the case search index."""
    from meldpunt.cases.search.selectors import CaseQuery, case_search

    fill_report(reporter)
    submit(reporter)
    case = Case.objects.get()
    for word in ("nagelstudio", "bestelbus", "Stationsplein", "VX-123-B"):
        assert list(case_search(CaseQuery(text=word))) == [case], word


def test_report_is_searchable_and_linked_when_the_submit_commits(reporter: Client) -> None:
    """The submit indexes the case within its own transaction (no after-commit step): its
    words (perpetrator, workplace) find the case and the licence plate is in the blind
    index for related cases, exactly once."""
    fill_report(reporter)
    submit(reporter)

    case = Case.objects.get()
    assert list(case_search(CaseQuery(text="bestelbus"))) == [case]
    assert list(case_search(CaseQuery(text="nagelstudio"))) == [case]
    assert EntityHash.objects.filter(case=case, kind="plate").count() == 1
