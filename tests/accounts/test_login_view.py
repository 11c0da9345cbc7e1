"""Step 1 of the staff login: username and password, lockout and throttling."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts import services
from meldpunt.accounts.models import User
from meldpunt.accounts.staff_session import PENDING_KEY
from meldpunt.audit.models import AuditEvent
from meldpunt.lib import clock
from tests.accounts.conftest import PASSWORD, password_step, verified

pytestmark = pytest.mark.django_db
LOGIN = "/medewerkers/inloggen/"


def fail(client: Client, username: str) -> str:
    response = client.post(LOGIN, {"username": username, "password": "verkeerd wachtwoord"})
    return response.content.decode()


def test_login_page_is_at_its_dutch_address(client: Client) -> None:
    """Anyone sees the login form at /medewerkers/inloggen/, without the public quick exit."""
    response = client.get(LOGIN)
    assert reverse("accounts:login") == LOGIN
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")


def test_right_password_leads_to_second_step_without_logging_in(
    client: Client, advisor: User
) -> None:
    """The password alone does not log in: the session only remembers who is halfway."""
    response = password_step(client, advisor)
    assert response["Location"] == reverse("accounts:verify")
    assert client.session[PENDING_KEY]["user"] == advisor.pk
    assert "_auth_user_id" not in client.session


def test_wrong_password_keeps_username_and_is_audited_with_the_user(
    client: Client, advisor: User
) -> None:
    """A wrong password shows a clear message, keeps the username, and is logged as a failure."""
    page = fail(client, advisor.username)
    assert "De gebruikersnaam of het wachtwoord klopt niet." in page
    assert 'value="anouk"' in page
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.actor == advisor
    assert event.detail == {"reason": "password"}


def test_unknown_username_is_audited_without_actor_or_name(client: Client, db: None) -> None:
    """An attempt for a name that does not exist is logged, but without that name."""
    fail(client, "niemand")
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.actor is None
    assert event.actor_name == ""
    assert "niemand" not in str(event.detail)


def test_five_failures_lock_the_account_for_fifteen_minutes(
    client: Client, advisor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After five wrong passwords even the right one is refused, until 15 minutes have passed."""
    for _ in range(4):
        assert "klopt niet" in fail(client, advisor.username)
    assert "15 minuten geblokkeerd" in fail(client, advisor.username)
    assert AuditEvent.objects.filter(action="auth.locked", actor=advisor).count() == 1

    response = password_step(client, advisor)
    assert response.status_code == 400
    assert "15 minuten geblokkeerd" in response.content.decode()

    later = clock.now() + timedelta(minutes=15, seconds=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert password_step(client, advisor)["Location"] == reverse("accounts:verify")


def test_unknown_usernames_lock_the_same_way(client: Client, db: None) -> None:
    """A name that does not exist locks like a real one, so the message reveals nothing."""
    for _ in range(5):
        page = fail(client, "bestaat-niet")
    assert "15 minuten geblokkeerd" in page


def test_many_failures_from_one_client_are_throttled(client: Client, make_user) -> None:  # type: ignore[no-untyped-def]
    """Guessing across many usernames from one client stops after the client limit."""
    for i in range(services.CLIENT_LIMIT.count):
        fail(client, f"naam-{i}")
    user = make_user("eva")
    response = password_step(client, user)
    assert response.status_code == 400
    assert "vanaf deze verbinding" in response.content.decode()


def test_no_address_is_stored_in_the_audit_log(client: Client, advisor: User) -> None:
    """Failed and locked logins write neither the client's address nor its browser."""
    for _ in range(5):
        fail(client, advisor.username)
    for event in AuditEvent.objects.all():
        assert "127.0.0.1" not in str(event.detail)
        assert "User-Agent" not in str(event.detail)


def test_fully_logged_in_staff_go_straight_to_next(client: Client, advisor: User) -> None:
    """Someone who already passed both factors is not asked again."""
    response = verified(client, advisor).get(LOGIN + "?next=/medewerkers/zaken/")
    assert response["Location"] == "/medewerkers/zaken/"


def test_foreign_next_is_ignored(client: Client, advisor: User) -> None:
    """A next address on another site is dropped, so the login cannot send staff away."""
    password_step(client, advisor, next_url="https://voorbeeld.example/")
    assert client.session[PENDING_KEY]["next"] == ""
    password_step(client, advisor, next_url="/medewerkers/zaken/")
    assert client.session[PENDING_KEY]["next"] == "/medewerkers/zaken/"


def test_inactive_account_cannot_log_in(client: Client, advisor: User) -> None:
    """A deactivated account is refused with the same message as a wrong password."""
    advisor.is_active = False
    advisor.save()
    response = client.post(LOGIN, {"username": advisor.username, "password": PASSWORD})
    assert "klopt niet" in response.content.decode()
