"""The language switch: a plain link (no JavaScript, no cookie) to the same page translated."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def switch_href(html: str) -> str:
    start = html.index('class="utrecht-link language-switch__link" href="') + len(
        'class="utrecht-link language-switch__link" href="'
    )
    return html[start : html.index('"', start)]


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("/", "/en/"),
        ("/wat-is-mensenhandel/", "/en/wat-is-mensenhandel/"),
        ("/voor-professionals/", "/en/voor-professionals/"),
        ("/anoniem-melden/", "/en/anoniem-melden/"),
        ("/geen-sporen/", "/en/geen-sporen/"),
        ("/privacy/", "/en/privacy/"),
        ("/toegankelijkheid/", "/en/toegankelijkheid/"),
    ],
)
def test_switch_keeps_the_page_in_both_directions(client: Client, dutch: str, english: str) -> None:
    """Dutch pages link to the same page under /en/, English pages back without a prefix."""
    assert switch_href(client.get(dutch).content.decode()) == english
    assert switch_href(client.get(english).content.decode()) == dutch


def test_switch_link_names_the_target_language_in_that_language(client: Client) -> None:
    """'English' is marked lang=en and 'Nederlands' lang=nl, so screen readers say it right."""
    assert 'hreflang="en" lang="en">English</a>' in client.get("/").content.decode()
    assert 'hreflang="nl" lang="nl">Nederlands</a>' in client.get("/en/").content.decode()


def test_switch_keeps_the_query_string(client: Client) -> None:
    """Anything after ? survives the switch."""
    html = client.get("/privacy/?deel=rechten").content.decode()
    assert switch_href(html) == "/en/privacy/?deel=rechten"


def test_the_url_decides_the_language(client: Client) -> None:
    """An English browser still gets Dutch on an unprefixed URL, and English under /en/."""
    assert client.get("/privacy/", HTTP_ACCEPT_LANGUAGE="en").headers["Content-Language"] == "nl"
    assert client.get("/en/privacy/").headers["Content-Language"] == "en"
