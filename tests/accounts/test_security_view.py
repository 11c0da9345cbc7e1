"""The security page: passkeys and new recovery codes, for staff with both factors."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts import services
from meldpunt.accounts.models import User
from meldpunt.accounts.services import Outcome
from meldpunt.audit.models import AuditEvent
from tests.accounts.conftest import PASSWORD, verified

pytestmark = pytest.mark.django_db
SECURITY = "/medewerkers/beveiliging/"


@pytest.mark.parametrize("who", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_every_staff_member_with_both_factors_sees_it(
    client: Client, who: str, request: pytest.FixtureRequest
) -> None:
    """Each role manages its own login; the page loads the passkey script from our origin."""
    response = verified(client, request.getfixturevalue(who)).get(SECURITY)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="otp_webauthn_config" type="application/json"' in page
    assert "/static/django_otp_webauthn/otp_webauthn_register.js" in page
    assert "style=" not in page


def test_anonymous_visitor_is_sent_to_login(client: Client, db: None) -> None:
    """Someone not logged in goes to the login page."""
    response = client.get(SECURITY)
    assert response["Location"].startswith(reverse("accounts:login"))


def test_new_recovery_codes_need_the_password_again(client: Client, advisor: User) -> None:
    """Someone at Anouk's unlocked screen gets no new codes without her password."""
    old = services.recovery_codes_create(user=advisor)
    verified(client, advisor)
    assert client.post(SECURITY).status_code == 400
    response = client.post(SECURITY, {"password": "niet haar wachtwoord"})
    assert response.status_code == 400
    assert "Het wachtwoord klopt niet." in response.content.decode()
    assert AuditEvent.objects.get(action="auth.login_failed").detail == {
        "reason": "password_confirm"
    }
    assert client.get(reverse("accounts:recovery_codes"))["Location"] == reverse("accounts:home")
    assert AuditEvent.objects.filter(action="auth.recovery_codes_created").count() == 1
    result = services.second_factor_verify(user=advisor, code=old[0], client="kantoor")
    assert result.outcome == Outcome.OK


def test_new_recovery_codes_replace_the_old_ones(client: Client, advisor: User) -> None:
    """With her password, new codes are shown once; the old ones stop working at that moment."""
    old = services.recovery_codes_create(user=advisor)
    verified(client, advisor)
    response = client.post(SECURITY, {"password": PASSWORD})
    assert response["Location"] == reverse("accounts:recovery_codes")
    page = client.get(reverse("accounts:recovery_codes")).content.decode()
    assert f'href="{SECURITY}"' in page
    shown = re.findall(r"<code[^>]*>([^<]+)</code>", page)
    assert len(shown) == services.RECOVERY_CODE_COUNT
    result = services.second_factor_verify(user=advisor, code=shown[0], client="kantoor")
    assert result.outcome == Outcome.OK
    result = services.second_factor_verify(user=advisor, code=old[0], client="kantoor")
    assert result.outcome == Outcome.INVALID
