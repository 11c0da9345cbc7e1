"""The chat status for the host organisation's website (docs/EMBEDDING.md): anyone, from
any origin, gets the same answer as the site's own contact block, without a cookie, with
CORS and a short cache time."""

from datetime import datetime

import pytest
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.chat import services
from meldpunt.public.embed import STATUS_MAX_AGE
from tests.chat.conftest import AMSTERDAM, TUESDAY_10

pytestmark = pytest.mark.django_db
JSON = "/status/chat.json"
SVG = "/status/chat.svg"
HOST_SITE = "https://www.veiligthuisflevoland.nl"


@pytest.fixture
def browser() -> Client:
    """A visitor of the host site: its page asks from another origin."""
    return Client(headers={"origin": HOST_SITE})


def test_open_with_an_advisor_on_duty(browser: Client, freeze, office_hours, advisor: User):
    freeze(TUESDAY_10)
    services.agent_set_available(user=advisor, available=True)
    document = browser.get(JSON).json()
    assert document["chat"] == "open"
    assert document["opens_at"] is None
    assert document["phone"] == "088 2220500"
    assert document["chat_url"] == "http://testserver/chat/"
    assert document["report_url"] == "http://testserver/melden/"
    image = browser.get(SVG).content.decode()
    assert image.startswith("<svg")
    assert "Chat is open" in image


def test_closed_without_an_advisor(browser: Client, freeze, office_hours, advisor: User):
    """Within the hours but nobody on duty: closed, as the contact block says."""
    freeze(TUESDAY_10)
    services.agent_set_available(user=advisor, available=False)
    assert browser.get(JSON).json()["chat"] == "closed"
    assert "Chat is gesloten" in browser.get(SVG).content.decode()


def test_closed_outside_hours_says_when_it_opens(browser: Client, freeze, office_hours):
    freeze(datetime(2026, 12, 1, 19, 0, tzinfo=AMSTERDAM))
    document = browser.get(JSON).json()
    assert document["chat"] == "closed"
    assert document["opens_at"] == "2026-12-02T09:00:00+01:00"


@pytest.mark.parametrize("path", [JSON, SVG])
def test_no_cookie_cors_and_a_short_cache(browser: Client, path: str) -> None:
    """Any origin may read it, nothing is stored in the visitor's browser, and a closed
    chat shows within half a minute."""
    response = browser.get(path)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert response["Cache-Control"] == f"public, max-age={STATUS_MAX_AGE}"
    assert STATUS_MAX_AGE <= 60
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.parametrize("path", [JSON, SVG])
def test_a_visitor_with_our_cookies_gets_none_set_either(client: Client, path: str) -> None:
    """A reporter who has a session with us (the home page) still gets no cookie here."""
    client.get("/melden/")
    response = client.get(path)
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("path", [JSON, SVG])
def test_only_get(browser: Client, path: str) -> None:
    assert browser.post(path).status_code == 405


def test_the_image_is_small_and_has_no_script(browser: Client) -> None:
    image = browser.get(SVG)
    assert image["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert len(image.content) < 1024
    assert "<script" not in image.content.decode()
