"""Lockout after wrong passwords is per account and client: a stranger locks only themselves.

Anouk (advisor) works from her own address; a stranger types wrong passwords for her
username from another. Cor (coordinator) may lift a lockout; Bart (advisor) may not.
"""

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.accounts import services
from meldpunt.accounts.models import Role, User
from meldpunt.audit.models import AuditEvent
from meldpunt.lib import ratelimit
from tests.accounts.conftest import PASSWORD, full_login, verified

pytestmark = pytest.mark.django_db
LOGIN = "/medewerkers/inloggen/"
UNLOCK = "/medewerkers/ontgrendelen/"
STRANGER = "203.0.113.9"
OFFICE = "198.51.100.20"


def attempt(client: Client, username: str, password: str) -> str:
    response = client.post(LOGIN, {"username": username, "password": password})
    return response.content.decode()


@pytest.fixture
def coordinator(make_user: Callable[..., User]) -> User:
    return make_user("cor", Role.COORDINATOR)


@pytest.fixture
def other_advisor(make_user: Callable[..., User]) -> User:
    return make_user("bart", Role.ADVISOR)


def lock_out_from(address: str, user: User) -> Client:
    stranger = Client(REMOTE_ADDR=address)
    for _ in range(services.LOCKOUT_FAILURES):
        attempt(stranger, user.username, "geraden wachtwoord")
    return stranger


def test_a_strangers_wrong_passwords_do_not_lock_the_advisor_out(advisor: User) -> None:
    """Five wrong passwords from the stranger's address leave Anouk's own login working."""
    stranger = lock_out_from(STRANGER, advisor)
    assert "15 minuten geblokkeerd" in attempt(stranger, advisor.username, PASSWORD)

    anouk = Client(REMOTE_ADDR=OFFICE)
    response = full_login(anouk, advisor)
    assert response["Location"] == reverse("accounts:home")
    assert anouk.session["_auth_user_id"] == str(advisor.pk)


def test_a_stranger_who_keeps_guessing_stays_locked(advisor: User) -> None:
    """Locked out, the stranger is refused even the right password, from that address."""
    stranger = lock_out_from(STRANGER, advisor)
    assert "15 minuten geblokkeerd" in attempt(stranger, advisor.username, PASSWORD)
    assert AuditEvent.objects.filter(action="auth.locked", actor=advisor).count() == 1


def test_the_coordinator_may_lift_a_lockout(
    client: Client, advisor: User, coordinator: User
) -> None:
    """Cor sees Anouk among the locked accounts, lifts it, and that goes to the audit log."""
    locked = lock_out_from(OFFICE, advisor)
    verified(client, coordinator)
    page = client.get(UNLOCK)
    assert page.status_code == 200
    assert advisor.username in page.content.decode()
    response = client.post(UNLOCK, {"user": advisor.pk})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="auth.unlocked")
    assert (event.actor, event.object_id) == (coordinator, str(advisor.pk))
    assert "klopt niet" in attempt(locked, advisor.username, "nog een keer fout")
    assert advisor.username not in client.get(UNLOCK).content.decode()


def test_an_advisor_may_not_lift_a_lockout(
    client: Client, advisor: User, other_advisor: User
) -> None:
    """Bart, an advisor, gets no unlock page and cannot unlock Anouk."""
    locked = lock_out_from(OFFICE, advisor)
    verified(client, other_advisor)
    assert client.get(UNLOCK).status_code == 403
    assert client.post(UNLOCK, {"user": advisor.pk}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.user_unlock(user=advisor, by=other_advisor)
    assert "15 minuten geblokkeerd" in attempt(locked, advisor.username, PASSWORD)
    assert not AuditEvent.objects.filter(action="auth.unlocked").exists()


def code_step(client: Client, password: str, code: str) -> tuple[int, str]:
    """Password step for Anouk, then a code; what the code step answered."""
    client.post(LOGIN, {"username": "anouk", "password": password})
    response = client.post(reverse("accounts:verify"), {"code": code})
    return response.status_code, response.content.decode()


def test_under_attack_from_many_addresses_the_advisor_still_logs_in(advisor: User) -> None:
    """Strangers on many addresses pass the account's ceiling of wrong passwords, each staying
    under their own lockout. From then on the password step tells no one whether the
    password was right, and Anouk, with password and app code, still logs in."""
    per_stranger = services.LOCKOUT_FAILURES - 1
    for n in range(services.ACCOUNT_CEILING.count // per_stranger + 1):
        stranger = Client(REMOTE_ADDR=f"203.0.113.{n + 10}")
        for _ in range(per_stranger):
            attempt(stranger, advisor.username, "geraden wachtwoord")

    anouk = Client(REMOTE_ADDR=OFFICE)
    assert full_login(anouk, advisor)["Location"] == reverse("accounts:home")
    assert anouk.session["_auth_user_id"] == str(advisor.pk)
    # Logging in again and again from her own address never locks her out either.
    for code in services.recovery_codes_create(user=advisor)[: services.LOCKOUT_FAILURES + 1]:
        anouk.post("/medewerkers/uitloggen/")
        status, _page = code_step(anouk, PASSWORD, code)
        assert status == 302
        assert anouk.session["_auth_user_id"] == str(advisor.pk)

    wrong = code_step(Client(REMOTE_ADDR="192.0.2.1"), "nog een gok", "123456")
    right = code_step(Client(REMOTE_ADDR="192.0.2.2"), PASSWORD, "123456")
    for status, page in (wrong, right):
        assert status == 400
        assert "Deze code klopt niet" in page
        assert "otp_webauthn" not in page


def test_under_attack_passkeys_and_app_set_up_tell_nothing(advisor: User) -> None:
    """Blind, the passkey challenge and the app set-up refuse the right password as the wrong."""
    for _ in range(services.ACCOUNT_CEILING.count):
        ratelimit.hit(services.ACCOUNT_CEILING, f"{advisor.pk}:{advisor.login_generation}")
    for password in ("nog een gok", PASSWORD):
        client = Client(REMOTE_ADDR="192.0.2.3")
        attempt(client, advisor.username, password)
        begin = client.post(
            reverse("accounts:passkey_auth_begin"), "{}", content_type="application/json"
        )
        assert begin.status_code == 403
        assert client.get(reverse("accounts:enrol"))["Location"] == reverse("accounts:login")


def test_the_unlock_page_reads_a_fixed_number_of_queries(
    client: Client, coordinator: User, make_user: Callable[..., User]
) -> None:
    """The list costs the same number of queries for one locked account as for three."""
    verified(client, coordinator)
    lock_out_from(STRANGER, make_user("een"))
    client.get(UNLOCK)
    with CaptureQueriesContext(connection) as one:
        client.get(UNLOCK)
    for name in ("twee", "drie"):
        lock_out_from(STRANGER, make_user(name))
    with CaptureQueriesContext(connection) as three:
        page = client.get(UNLOCK).content.decode()
    assert all(name in page for name in ("een", "twee", "drie"))
    assert len(three.captured_queries) == len(one.captured_queries)
