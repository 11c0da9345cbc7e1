"""Step 2 of the staff login: a TOTP code or a recovery code."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts import services
from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.lib import clock
from tests.accounts.conftest import password_step, totp_code

pytestmark = pytest.mark.django_db
VERIFY = "/medewerkers/inloggen/code/"


def recovery_codes(user: User, *codes: str) -> None:
    services.recovery_codes_replace(user=user, codes=list(codes))


def test_right_totp_code_logs_in_with_second_factor(client: Client, advisor: User) -> None:
    """Anouk's code from her app logs her in, verified, and takes her to the next page."""
    password_step(client, advisor, next_url="/medewerkers/zaken/")
    device = TOTPDevice.objects.get(user=advisor)
    response = client.post(VERIFY, {"code": totp_code(device)})
    assert response["Location"] == "/medewerkers/zaken/"
    assert client.session["_auth_user_id"] == str(advisor.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    event = AuditEvent.objects.get(action="auth.login")
    assert (event.actor, event.detail) == (advisor, {"method": "totp"})


def test_without_next_staff_land_on_their_start_page(client: Client, advisor: User) -> None:
    """Without a next address, the login ends on the staff start page."""
    password_step(client, advisor)
    response = client.post(VERIFY, {"code": totp_code(TOTPDevice.objects.get(user=advisor))})
    assert response["Location"] == reverse("accounts:home")


def test_wrong_code_shows_an_error_next_to_the_field(client: Client, advisor: User) -> None:
    """A wrong code is refused with a message at the field; the user stays at step 2."""
    password_step(client, advisor)
    response = client.post(VERIFY, {"code": "000000"})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_code_error"' in page
    assert "Deze code klopt niet" in page
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.detail == {"reason": "second_factor"}


def test_recovery_code_works_once(client: Client, advisor: User) -> None:
    """A recovery code replaces the app code once; the second time it is refused."""
    recovery_codes(advisor, "abcd2345", "efgh6723")
    password_step(client, advisor)
    response = client.post(VERIFY, {"code": "ABCD 2345"})
    assert response["Location"] == reverse("accounts:home")
    event = AuditEvent.objects.get(action="auth.recovery_code_used")
    assert (event.actor, event.detail) == (advisor, {"remaining": 1})

    client.post(reverse("accounts:logout"))
    password_step(client, advisor)
    response = client.post(VERIFY, {"code": "abcd2345"})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_without_password_step_the_code_page_sends_back_to_login(client: Client, db: None) -> None:
    """Nobody reaches the code step without first passing the password step."""
    response = client.get(VERIFY)
    assert response["Location"] == reverse("accounts:login")


def test_password_step_expires_after_ten_minutes(
    client: Client, advisor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A password step left alone for more than ten minutes has to be done again."""
    password_step(client, advisor)
    later = clock.now() + timedelta(minutes=11)
    monkeypatch.setattr(clock, "now", lambda: later)
    response = client.get(VERIFY)
    assert response["Location"] == reverse("accounts:login")


def test_user_without_app_is_sent_to_enrolment(client: Client, make_user) -> None:  # type: ignore[no-untyped-def]
    """A new user without a confirmed app goes to setting one up."""
    newcomer = make_user("fleur", totp=False)
    password_step(client, newcomer)
    assert client.get(VERIFY)["Location"] == reverse("accounts:enrol")
