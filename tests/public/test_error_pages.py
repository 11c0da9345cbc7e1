"""Error pages: quick exit, the phone number and plain words in the visitor's language.

400, 403, 404, 500 and a failed CSRF check each get the same kind of page; the 429s of
the report form and the mailbox already are public pages and keep the same promises.
The 500 page reads nothing from the database.
"""

import pytest
from django.test import Client

from meldpunt.reports.steps import STEPS

pytestmark = pytest.mark.django_db

FAILING = "tests.public.error_urls"


def assert_safe_error_page(response, status: int, language: str = "nl") -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'href="/snel-weg/"' in html
    assert "data-quick-exit" in html
    assert "js/quick-exit.js" in html
    assert 'href="tel:+31882220500"' in html
    assert "088 2220500" in html
    assert "no-store" in response.headers["Cache-Control"]
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    return html


@pytest.mark.parametrize(
    ("path", "language", "words"),
    [
        ("/bestaat-niet/", "nl", "Deze pagina bestaat niet"),
        ("/melden/bestaat-niet/", "nl", "Deze pagina bestaat niet"),
        ("/en/bestaat-niet/", "en", "This page does not exist"),
    ],
)
def test_not_found(client: Client, path: str, language: str, words: str) -> None:
    """A wrong address: a 404 in the address's language, with quick exit and phone."""
    html = assert_safe_error_page(client.get(path), 404, language)
    assert words in html


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/test/400/", 400, "Dit ging niet goed"),
        ("/test/403/", 403, "Geen toegang"),
        ("/en/test/403/", 404, "This page does not exist"),
        ("/test/500/", 500, "Dat ligt niet aan u."),
    ],
)
def test_refused_garbled_and_broken(settings, path: str, status: int, words: str) -> None:  # type: ignore[no-untyped-def]
    """400, 403 and 500 answer with the same kind of page."""
    settings.ROOT_URLCONF = FAILING
    client = Client(raise_request_exception=False)
    html = assert_safe_error_page(client.get(path), status, "en" if "/en/" in path else "nl")
    assert words in html


def test_server_error_page_asks_nothing_of_the_database(
    settings, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    """A 500 may come from a database that is down: the page needs no query at all."""
    settings.ROOT_URLCONF = FAILING
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/test/500/")
    assert response.status_code == 500
    assert "a bug" not in response.content.decode()


@pytest.mark.parametrize(("prefix", "language"), [("", "nl"), ("/en", "en")])
def test_csrf_failure(prefix: str, language: str) -> None:
    """A form sent without a valid token (open too long, cookies off): plain advice."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"{prefix}/melden/postbus/", {"code": "1234"})
    html = assert_safe_error_page(response, 403, language)
    assert (
        "Dit formulier werkt niet meer" if language == "nl" else "This form no longer works"
    ) in html
    assert "CSRF" not in html


def test_too_many_reports(settings, client: Client) -> None:  # type: ignore[no-untyped-def]
    """The report form's 429 keeps quick exit and phone, and is no-store."""
    settings.MELDPUNT_REPORT_DRAFTS_PER_HOUR = 0
    response = client.post(f"/melden/stap/{STEPS[0].slug}/", {"reporter_role": "bystander"})
    html = assert_safe_error_page(response, 429)
    assert "Even wachten" in html
    assert "niet langer dan 30 minuten nadat u iets deed" in html


def test_too_many_mailbox_codes(settings, client: Client) -> None:  # type: ignore[no-untyped-def]
    """The mailbox's 429 keeps quick exit and phone, and is no-store."""
    settings.MELDPUNT_MAILBOX_ATTEMPTS_PER_CLIENT = 0
    response = client.post("/melden/postbus/", {"code": "1234 5678 1234 5678"})
    html = assert_safe_error_page(response, 429)
    assert "Er is te vaak een code geprobeerd." in html
