"""The reporter's session: none before the first save, gone with the browser and after
30 minutes without a request; the CSRF cookie lives only as long as the browser.

Staff sessions keep their own rules (tests/accounts); here only that they are left alone.
"""

from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client

from meldpunt.lib import clock, reporter_session
from meldpunt.reports.models import ReportDraft
from tests.reports.conftest import ANSWERS, fill_report, submit

pytestmark = pytest.mark.django_db

FIRST = "/melden/stap/wie/"
SECOND = "/melden/stap/wat/"
TYPED = ANSWERS["wat"]["description"]


def later(monkeypatch: pytest.MonkeyPatch, minutes: int) -> None:
    """Move the clock on by ``minutes`` from where it is now."""
    moment = clock.now() + timedelta(minutes=minutes)
    monkeypatch.setattr(clock, "now", lambda: moment)


def save_second_step(client: Client) -> None:
    client.post(FIRST, {**ANSWERS["wie"], "action": "next"})
    client.post(SECOND, {"description": TYPED, "action": "next"})


def test_reading_pages_with_a_form_starts_no_session() -> None:
    """A GET of a form step, the mailbox or the chat saves no session and sets no session
    cookie; the CSRF cookie it needs has no expiry date, so it goes with the browser."""
    client = Client()
    for path in (FIRST, "/melden/postbus/", "/melden/controleren/", "/chat/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert settings.SESSION_COOKIE_NAME not in response.cookies, path
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["max-age"] == ""
    assert csrf["expires"] == ""


def test_first_save_starts_a_session_that_ends_with_the_browser() -> None:
    """The first saved step starts the session; its cookie has no expiry date and the
    store forgets it after 30 minutes."""
    client = Client()
    response = client.post(FIRST, {**ANSWERS["wie"], "action": "next"})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 30 * 60


def test_thirty_minutes_idle_ends_the_session_and_the_unfinished_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Left alone for over 30 minutes: the draft is gone and the next page shows nothing."""
    client = Client()
    save_second_step(client)
    assert TYPED in client.get(SECOND).content.decode()
    later(monkeypatch, 31)
    response = client.get(SECOND)
    assert TYPED not in response.content.decode()
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert not ReportDraft.objects.exists()


def test_a_request_within_thirty_minutes_keeps_the_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The unfinished report stays while the browser is open and in use."""
    client = Client()
    save_second_step(client)
    later(monkeypatch, 25)
    assert TYPED in client.get(SECOND).content.decode()
    later(monkeypatch, 25)
    assert TYPED in client.get(SECOND).content.decode()


def test_sending_the_report_ends_the_session() -> None:
    """Nothing is left in the session once the report is sent: the cookie is removed."""
    client = Client()
    fill_report(client)
    submit(client)
    assert settings.SESSION_COOKIE_NAME not in client.cookies or not (
        client.cookies[settings.SESSION_COOKIE_NAME].value
    )


def test_staff_sessions_are_not_reporter_sessions(
    advisor, verified_client, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A staff member's session gets none of the reporter's rules."""
    client = verified_client(advisor)
    assert client.get("/medewerkers/zaken/").status_code == 200
    assert not reporter_session.is_reporter(client.session)


def test_activity_outside_a_request_is_noted_but_never_brings_a_session_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A running chat keeps the session alive; a session that has ended stays ended."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    session = store()
    session[reporter_session.SEEN_KEY] = clock.now().timestamp()
    session.create()
    key = session.session_key
    later(monkeypatch, 5)
    reporter_session.activity_for_key(key)
    assert store(key)[reporter_session.SEEN_KEY] == clock.now().timestamp()

    store(key).delete()
    reporter_session.activity_for_key(key)
    assert not store().exists(key)


@pytest.mark.parametrize(
    "path",
    [
        "/melden/",
        *[f"/melden/stap/{step}/" for step in ANSWERS],
        "/melden/stap/bijlagen/",
        "/melden/controleren/",
        "/melden/postbus/",
        "/melden/postbus/gesloten/",
        "/chat/",
        "/en/melden/postbus/",
    ],
)
def test_every_reporter_page_is_no_store(path: str) -> None:
    """Back after the session ended fetches the page again, and it is empty then."""
    response = Client().get(path)
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


def test_pages_about_a_lost_report_name_the_thirty_minutes() -> None:
    """The page for a check without a draft says how long what was typed is kept."""
    html = Client().get("/melden/controleren/").content.decode()
    assert "niet langer dan 30 minuten nadat u iets deed" in html
    assert "bewaren wij 24 uur" not in html
