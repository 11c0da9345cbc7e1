"""/snel-weg/: the quick exit ends the reporter's session on the server.

The page's script sends a POST beacon and leaves by itself; the link without JavaScript
is a GET that redirects to the neutral site. Either way the chat ends, the unfinished
report is deleted, the mailbox closes and the session and CSRF cookies are removed.
"""

import pytest
from django.conf import settings
from django.test import Client

from meldpunt.chat import services
from meldpunt.chat.auth import SESSION_TOKEN_KEY
from meldpunt.chat.models import ChatSession, ChatState, EndedBy
from meldpunt.lib import reporter_session
from meldpunt.reports.models import ReportDraft
from tests.reports.conftest import ANSWERS

pytestmark = pytest.mark.django_db

EXIT = "/snel-weg/"


def with_chat(client: Client) -> ChatSession:
    """Put a waiting chat into the client's session, as the chat's start view would."""
    chat, token = services.chat_start(nickname="Sam", language="nl")
    session = client.session
    session[SESSION_TOKEN_KEY] = token
    session.save()
    return chat


@pytest.mark.parametrize("method", ["post", "get"])
def test_exit_ends_chat_draft_and_session(method: str) -> None:
    """Beacon (POST) or link (GET): chat ended by the reporter, draft deleted, cookies gone."""
    client = Client()
    client.get("/melden/stap/wie/")
    client.post("/melden/stap/wie/", {**ANSWERS["wie"], "action": "next"})
    chat = with_chat(client)
    assert ReportDraft.objects.count() == 1

    response = getattr(client, method)(EXIT)
    if method == "post":
        assert response.status_code == 204
    else:
        assert response.status_code == 302
        assert response.headers["Location"] == settings.MELDPUNT_EXIT_URL
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response.headers["Cache-Control"]
    chat.refresh_from_db()
    assert chat.status == ChatState.ENDED
    assert chat.ended_by == EndedBy.REPORTER
    assert not ReportDraft.objects.exists()
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        assert response.cookies[name].value == ""
        assert response.cookies[name]["max-age"] == 0
    assert not reporter_session.is_reporter(client.session)


def test_exit_removes_the_language_cookie_too() -> None:
    """The site sets no language cookie (the URL carries the language), but one left from
    an older version of the site is a trace as well: it goes."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(EXIT)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""


def test_exit_without_a_session_sets_no_cookie() -> None:
    """From an information page (no cookie at all) the exit creates nothing."""
    response = Client().get(EXIT)
    assert response.status_code == 302
    assert not response.cookies


def test_exit_needs_no_csrf_token() -> None:
    """The beacon carries no token: a page whose token has gone must still be able to leave."""
    client = Client(enforce_csrf_checks=True)
    client.post("/melden/stap/wie/", {**ANSWERS["wie"], "action": "next"})
    assert client.post(EXIT).status_code == 204


def test_exit_leaves_a_staff_session_alone(advisor, verified_client) -> None:  # type: ignore[no-untyped-def]
    """A staff member who tries the public site's button stays logged in."""
    client = verified_client(advisor)
    client.get(EXIT)
    assert client.get("/medewerkers/zaken/").status_code == 200
