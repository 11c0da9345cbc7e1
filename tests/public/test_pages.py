"""Public information pages: anyone may read them, in Dutch and English, with the safety parts."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

PAGES = [
    "home",
    "what_is",
    "professionals",
    "anonymous",
    "no_trace",
    "privacy",
    "accessibility",
]

pytestmark = pytest.mark.django_db


def url(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(f"public:{name}")


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_page_answers_for_anonymous_visitor_in_both_languages(
    client: Client, name: str, language: str
) -> None:
    """Every page answers 200 without login, in the language of its URL, with one h1."""
    response = client.get(url(name, language))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("name", PAGES)
def test_page_has_quick_exit_contact_block_and_112(client: Client, name: str) -> None:
    """Quick exit link, the phone number as tel: link and 'call 112' are on every page."""
    html = client.get(url(name, "nl")).content.decode()
    assert "data-quick-exit" in html
    assert 'href="/snel-weg/"' in html
    assert 'data-exit-url="https://www.google.nl/search?q=weerbericht"' in html
    assert 'href="tel:+31882220500"' in html
    assert "088 2220500" in html
    assert "Bel 112" in html
    assert 'data-testid="contact-block"' in html
    assert 'href="/melden/"' in html


def test_english_pages_are_translated(client: Client) -> None:
    """The English page shows English text, not the Dutch source."""
    html = client.get("/en/wat-is-mensenhandel/").content.decode()
    assert "What is human trafficking?" in html
    assert "Leave this site" in html
    assert "In immediate danger? Call 112." in html
    assert "Seksuele uitbuiting" not in html


def test_what_is_page_names_the_three_forms(client: Client) -> None:
    """Sexual (including online), labour and criminal exploitation each have their signals."""
    html = client.get("/wat-is-mensenhandel/").content.decode()
    for heading in ("Seksuele uitbuiting", "Arbeidsuitbuiting", "Criminele uitbuiting"):
        assert heading in html
    assert "webcam" in html
    assert "sextortion" in html


def test_professionals_page_explains_advice_report_and_five_working_days(client: Client) -> None:
    """Professionals read the difference between advice and report and the 5-day assessment."""
    html = client.get("/voor-professionals/").content.decode()
    assert "Advies of melding?" in html
    assert "Binnen 5 werkdagen" in html
    assert "veiligheidsbeoordeling" in html


def test_current_page_is_marked_in_the_menu(client: Client) -> None:
    """The menu marks the page the visitor is on, for screen readers too."""
    html = client.get("/anoniem-melden/").content.decode()
    assert f'href="{"/anoniem-melden/"}" aria-current="page"' in html


def test_public_pages_set_no_cookie(client: Client) -> None:
    """Reading the information pages leaves no cookie behind, not even for the language."""
    for name in PAGES:
        for language in ("nl", "en"):
            assert not client.get(url(name, language)).cookies
