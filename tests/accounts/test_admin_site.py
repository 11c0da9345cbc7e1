"""The admin site at /beheer/: administrators with both factors only."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Role, User
from meldpunt.audit.models import AuditEvent
from tests.accounts.conftest import verified

pytestmark = pytest.mark.django_db
ADMIN = "/beheer/"


def test_administrator_with_second_factor_manages_users(
    client: Client, administrator: User, advisor: User
) -> None:
    """Daan, administrator with both factors, sees the staff list with roles."""
    response = verified(client, administrator).get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 200
    assert "anouk" in response.content.decode()
    assert str(Role.ADVISOR.label) in response.content.decode()


def test_administrator_without_second_factor_is_sent_to_the_staff_login(
    client: Client, administrator: User
) -> None:
    """The admin has no password-only door: without the second factor it is the staff login."""
    client.force_login(administrator)
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:verify")


def test_anonymous_visitor_is_sent_to_the_staff_login(client: Client, db: None) -> None:
    """The admin's own login form is never shown; the staff login is."""
    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login") + "?next=")
    assert 'name="username"' in response.content.decode()


def test_advisor_with_staff_flag_is_refused(client: Client, make_user) -> None:  # type: ignore[no-untyped-def]
    """Only the administrator role opens the admin, even for a user marked as staff."""
    gijs = make_user("gijs", Role.ADVISOR, is_staff=True, is_superuser=True)
    response = verified(client, gijs).get(ADMIN, follow=True)
    assert response.status_code == 403


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer"])
def test_other_roles_are_refused(client: Client, who: str, request: pytest.FixtureRequest) -> None:
    """Analysts and municipality viewers get a refusal from the admin."""
    response = verified(client, request.getfixturevalue(who)).get(ADMIN, follow=True)
    assert response.status_code == 403


def test_unlock_and_reset_second_factor_are_audited(
    client: Client, administrator: User, advisor: User
) -> None:
    """The administrator lifts a lockout and resets a lost phone; both go to the audit log."""
    StaticDevice.objects.create(user=advisor, name="Herstelcodes")
    url = reverse("admin:accounts_user_changelist")
    verified(client, administrator)
    client.post(url, {"action": "unlock", "_selected_action": [advisor.pk]})
    client.post(url, {"action": "reset_second_factor", "_selected_action": [advisor.pk]})
    advisor.refresh_from_db()
    assert advisor.login_generation == 1
    assert not TOTPDevice.objects.filter(user=advisor).exists()
    assert not StaticDevice.objects.filter(user=advisor).exists()
    actions = set(AuditEvent.objects.filter(actor=administrator).values_list("action", flat=True))
    assert actions == {"auth.unlocked", "auth.second_factor_reset"}


def test_device_secrets_are_not_in_the_admin(client: Client, administrator: User) -> None:
    """TOTP keys and recovery codes cannot be read in the admin, not even by Daan."""
    verified(client, administrator)
    assert client.get("/beheer/otp_totp/totpdevice/").status_code == 404
    assert client.get("/beheer/otp_static/staticdevice/").status_code == 404
