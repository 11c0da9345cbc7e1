"""Staff sessions end after 30 minutes idle and 12 hours at most; visitors are left alone."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.lib import clock
from tests.accounts.conftest import full_login

pytestmark = pytest.mark.django_db
HOME = "/medewerkers/"


class Clock:
    def __init__(self) -> None:
        self.at = clock.now()

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at += timedelta(**kwargs)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(clock, "now", fake)
    return fake


def is_logged_in(client: Client) -> bool:
    response = client.get(HOME)
    return not response.get("Location", "").startswith(reverse("accounts:login"))


def test_session_ends_after_thirty_minutes_idle(
    client: Client, advisor: User, frozen: Clock
) -> None:
    """Thirty minutes without a request log the advisor out, with a message and an audit entry."""
    full_login(client, advisor)
    frozen.advance(minutes=29)
    assert is_logged_in(client)
    frozen.advance(minutes=31)
    response = client.get(HOME, follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert "30 minuten niets" in response.content.decode()
    event = AuditEvent.objects.get(action="auth.logout")
    assert (event.actor, event.detail) == (advisor, {"reason": "idle"})


def test_session_ends_after_twelve_hours_even_when_active(
    client: Client, advisor: User, frozen: Clock
) -> None:
    """Working steadily keeps the session, but never past 12 hours."""
    full_login(client, advisor)
    for _ in range(35):
        frozen.advance(minutes=20)
        assert is_logged_in(client)
    frozen.advance(minutes=21)
    assert not is_logged_in(client)
    assert AuditEvent.objects.get(action="auth.logout").detail == {"reason": "max_age"}


def test_staff_session_cookie_lasts_only_the_idle_time(client: Client, advisor: User) -> None:
    """The cookie itself expires after 30 idle minutes and cannot be read by scripts."""
    response = full_login(client, advisor)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 30 * 60
    assert cookie["httponly"]
    assert cookie["samesite"] in {"Lax", "Strict"}


def test_public_visitors_get_no_session(client: Client, frozen: Clock) -> None:
    """A visitor of the public pages gets no session cookie from the staff middleware."""
    response = client.get("/")
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_anonymous_sessions_are_not_ended(client: Client, frozen: Clock) -> None:
    """An anonymous visitor's session (for example a report in progress) is left alone."""
    session = client.session
    session["bezoeker"] = "iets"
    session.save()
    frozen.advance(hours=13)
    client.get("/")
    assert client.session["bezoeker"] == "iets"
