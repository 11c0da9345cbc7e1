"""The language menu: plain links (no JavaScript, no cookie) to the same page in every
language, each named in itself; the URL alone decides the language."""

import re

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/wat-is-mensenhandel/",
    "/voor-professionals/",
    "/anoniem-melden/",
    "/geen-sporen/",
    "/privacy/",
    "/toegankelijkheid/",
    "/melden/",
    "/melden/postbus/",
    "/chat/",
]
CODES = [code for code, _name in settings.LANGUAGES]
OTHER_CODES = [code for code in CODES if code != "nl"]


def menu(html: str) -> str:
    return html[html.index('<nav class="language-switch"') : html.index("</nav>")]


def switch_href(html: str, code: str) -> str:
    found = re.search(rf'href="([^"]*)" hreflang="{code}"', menu(html))
    assert found, f"no link to {code}"
    return found.group(1)


def prefixed(code: str, dutch: str) -> str:
    return dutch if code == "nl" else f"/{code}{dutch}"


@pytest.mark.parametrize("code", OTHER_CODES)
@pytest.mark.parametrize("dutch", PAGES)
def test_menu_keeps_the_page_in_both_directions(client: Client, dutch: str, code: str) -> None:
    """Dutch pages link to the same page under /<code>/, and those pages back to Dutch."""
    assert switch_href(client.get(dutch).content.decode(), code) == prefixed(code, dutch)
    assert switch_href(client.get(prefixed(code, dutch)).content.decode(), "nl") == dutch


def test_menu_names_each_language_in_itself(client: Client) -> None:
    """Every language is there, named in itself and marked with its own lang (and dir)."""
    html = menu(client.get("/pl/").content.decode())
    for code, name in settings.LANGUAGES:
        direction = "rtl" if code == "ar" else "ltr"
        assert f'hreflang="{code}" lang="{code}" dir="{direction}"' in html
        assert f">{name}</a>" in html
    assert 'hreflang="pl" lang="pl" dir="ltr" aria-current="true">Polski</a>' in html


def test_switch_keeps_the_query_string(client: Client) -> None:
    """Anything after ? survives the switch."""
    html = client.get("/privacy/?deel=rechten").content.decode()
    assert switch_href(html, "en") == "/en/privacy/?deel=rechten"
    assert switch_href(html, "uk") == "/uk/privacy/?deel=rechten"


@pytest.mark.parametrize("code", OTHER_CODES)
def test_the_url_decides_the_language(client: Client, code: str) -> None:
    """A browser asking for another language still gets Dutch on an unprefixed URL, and
    the URL's language under its prefix, whatever it asks for."""
    assert client.get("/privacy/", HTTP_ACCEPT_LANGUAGE=code).headers["Content-Language"] == "nl"
    response = client.get(f"/{code}/privacy/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.headers["Content-Language"] == code
    assert f'<html lang="{code}"' in response.content.decode()


def test_no_language_cookie_and_no_setlang(client: Client) -> None:
    """The choice is never stored in the browser: no cookie is set, and Django's
    set_language view (which would set one) is not there."""
    for path in ["/", "/pl/", "/ar/melden/", "/ro/chat/"]:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="pl")
        assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert client.post("/i18n/setlang/", {"language": "pl", "next": "/"}).status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies


def test_a_language_cookie_left_from_before_changes_nothing(client: Client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    assert client.get("/privacy/").headers["Content-Language"] == "nl"
    assert client.get("/en/privacy/").headers["Content-Language"] == "en"


@pytest.mark.parametrize(
    ("path", "direction"), [("/", "ltr"), ("/ar/", "rtl"), ("/ar/melden/", "rtl"), ("/bg/", "ltr")]
)
def test_arabic_pages_are_right_to_left(client: Client, path: str, direction: str) -> None:
    assert f'dir="{direction}" class="voorbeeld-theme"' in client.get(path).content.decode()


@pytest.mark.parametrize("dutch", PAGES)
def test_each_page_names_its_translations_for_search_engines(client: Client, dutch: str) -> None:
    """hreflang alternates (absolute) for every language and x-default for Dutch, plus a
    meta description in the page's language."""
    html = client.get(prefixed("ro", dutch)).content.decode()
    for code in CODES:
        url = f"http://testserver{prefixed(code, dutch)}"
        assert f'<link rel="alternate" hreflang="{code}" href="{url}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{dutch}">' in html
    description = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert description and len(description.group(1)) > 30


def test_descriptions_differ_per_page_and_language(client: Client) -> None:
    def description(path: str) -> str:
        found = re.search(
            r'<meta name="description" content="([^"]+)">', client.get(path).content.decode()
        )
        assert found
        return found.group(1)

    assert description("/") != description("/wat-is-mensenhandel/")
    assert description("/en/") != description("/")
    assert description("/en/").startswith("Reporting centre for human trafficking")


def test_home_suggests_the_browser_language_without_redirecting(client: Client) -> None:
    """A Polish browser on the Dutch home page gets a link to /pl/ in Polish, not a redirect."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="pl-PL,pl;q=0.9,en;q=0.5")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "nl"
    assert "Accept-Language" in response.headers["Vary"]
    html = response.content.decode()
    assert (
        '<p class="utrecht-paragraph language-suggestion" lang="pl" dir="ltr">'
        '<a class="utrecht-link" href="/pl/" hreflang="pl">Polski: ' in html
    )


def test_home_suggests_nothing_when_the_page_is_in_the_browser_language(client: Client) -> None:
    assert "language-suggestion" not in client.get("/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert (
        "language-suggestion" not in client.get("/pl/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    )
    assert "language-suggestion" not in client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()


def test_suggestion_is_only_on_the_home_page(client: Client) -> None:
    html = client.get("/privacy/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "language-suggestion" not in html


def test_arabic_suggestion_is_right_to_left(client: Client) -> None:
    html = client.get("/en/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.8").content.decode()
    assert 'lang="ar" dir="rtl"><a class="utrecht-link" href="/ar/" hreflang="ar">العربية: ' in html
