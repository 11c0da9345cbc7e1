"""The security page: passkeys and new recovery codes, for staff with both factors."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from meldpunt.accounts.models import User
from tests.accounts.conftest import verified

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


def test_new_recovery_codes_replace_the_old_ones(client: Client, advisor: User) -> None:
    """New codes are shown once; the old ones stop working at the same moment."""
    old = StaticDevice.objects.create(user=advisor, name="Herstelcodes", confirmed=True)
    StaticToken.objects.create(device=old, token="oudecode")
    verified(client, advisor)
    response = client.post(SECURITY)
    assert response["Location"] == reverse("accounts:recovery_codes")
    assert not StaticToken.objects.filter(token="oudecode").exists()
    page = client.get(reverse("accounts:recovery_codes")).content.decode()
    for token in StaticToken.objects.filter(device__user=advisor):
        assert token.token in page
    assert f'href="{SECURITY}"' in page
