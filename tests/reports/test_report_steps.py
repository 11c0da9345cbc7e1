"""The web report's steps: checked server-side, nothing typed is ever lost, nothing cached."""

import pytest
from django.test import Client

from meldpunt.reports.models import ReportDraft
from tests.reports.conftest import ANSWERS, fill_report

pytestmark = pytest.mark.django_db


def test_start_page_names_112_and_phone_number_in_both_languages(reporter: Client) -> None:
    """The start page tells people in danger to call 112 and gives the phone number."""
    dutch = reporter.get("/melden/").content.decode()
    assert "In acuut gevaar? Bel 112." in dutch
    assert "088 2220500" in dutch
    english = reporter.get("/en/melden/")
    assert english.status_code == 200
    assert english.headers["Content-Language"] == "en"


def test_every_reporter_page_is_no_store(reporter: Client) -> None:
    """Back and the browser cache must show nothing: every page says no-store."""
    for url in ("/melden/", "/melden/stap/wie/", "/melden/postbus/", "/melden/controleren/"):
        assert "no-store" in reporter.get(url).headers["Cache-Control"], url


def test_missing_answer_shows_error_next_to_field_and_keeps_other_input(reporter: Client) -> None:
    """A step with an empty required field comes back with the message at that field and
    everything else that was typed still filled in."""
    response = reporter.post(
        "/melden/stap/wat/", {"description": "", "exploitation": "sexual", "action": "next"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_description_error"' in html
    assert "Schrijf in een paar woorden op wat er aan de hand is." in html
    assert 'value="sexual"' in html and "checked" in html
    assert 'aria-invalid="true"' in html


def test_error_messages_are_in_english_on_english_pages(reporter: Client) -> None:
    """The language of the page is the language of the messages (gettext, Dutch source)."""
    response = reporter.post("/en/melden/stap/wie/", {"action": "next"})
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert 'id="id_reporter_role_error"' in response.content.decode()


def test_back_keeps_what_was_typed_even_when_incomplete(reporter: Client) -> None:
    """Going back from a half-filled step and returning shows the same text again."""
    reporter.post("/melden/stap/wie/", {"reporter_role": "professional", "action": "next"})
    response = reporter.post("/melden/stap/wat/", {"description": "Half verhaal", "action": "back"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/melden/stap/wie/"
    assert 'value="professional" class="utrecht-radio-button" id="id_reporter_role_1" checked' in (
        reporter.get("/melden/stap/wie/").content.decode()
    )
    assert "Half verhaal" in reporter.get("/melden/stap/wat/").content.decode()


def test_draft_is_encrypted_on_server_and_known_only_through_session(reporter: Client) -> None:
    """The draft lives in the database (encrypted), its token only in the session; the
    session ends with the browser."""
    reporter.post("/melden/stap/wat/", {**ANSWERS["wat"], "action": "next"})
    draft = ReportDraft.objects.get()
    assert reporter.session["report_draft"] == draft.token
    assert reporter.session.get_expire_at_browser_close() is True
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM reports_reportdraft")
        (stored,) = cursor.fetchone()
    assert "nagelstudio" not in stored
    assert stored.startswith("m1:")


def test_sensitive_fields_have_autocomplete_off(reporter: Client) -> None:
    """Browsers must not remember what was typed into the report."""
    html = reporter.get("/melden/stap/kenmerken/").content.decode()
    assert html.count('autocomplete="off"') >= 6


def test_check_page_shows_every_answer_with_change_links(reporter: Client) -> None:
    """Before sending, the reporter sees all answers, each step with a link to change it."""
    fill_report(reporter)
    html = reporter.get("/melden/controleren/").content.decode()
    assert "VX-123-B" in html
    assert "Lelystad" in html
    assert html.count("Wijzigen") >= 7


def test_contact_by_phone_needs_number_and_consent(reporter: Client) -> None:
    """Choosing to be called asks for a valid number and explicit consent."""
    response = reporter.post(
        "/melden/stap/contact/",
        {"how_heard": "flyer", "contact_preference": "phone", "phone": "12", "action": "next"},
    )
    html = response.content.decode()
    assert 'id="id_phone_error"' in html
    assert 'id="id_consent_error"' in html


def test_unknown_step_is_not_found(reporter: Client) -> None:
    assert reporter.get("/melden/stap/bestaat-niet/").status_code == 404


def test_many_new_drafts_from_one_address_are_slowed(settings) -> None:  # type: ignore[no-untyped-def]
    """One address starting more drafts than allowed per hour waits; another address does not."""
    settings.MELDPUNT_REPORT_DRAFTS_PER_HOUR = 1
    first = Client(REMOTE_ADDR="10.2.0.1")
    assert first.post("/melden/stap/wie/", {**ANSWERS["wie"], "action": "next"}).status_code == 302
    second = Client(REMOTE_ADDR="10.2.0.1")
    response = second.post("/melden/stap/wie/", {**ANSWERS["wie"], "action": "next"})
    assert response.status_code == 429
    assert "Even wachten" in response.content.decode()
    other = Client(REMOTE_ADDR="10.2.0.2")
    assert other.post("/melden/stap/wie/", {**ANSWERS["wie"], "action": "next"}).status_code == 302
    assert ReportDraft.objects.count() == 2
