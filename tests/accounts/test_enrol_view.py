"""TOTP enrolment on first login, and the recovery codes shown once."""

import base64
import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts import services
from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from tests.accounts.conftest import password_step, totp_code

pytestmark = pytest.mark.django_db
ENROL = "/medewerkers/inloggen/app-instellen/"


@pytest.fixture
def newcomer(make_user) -> User:  # type: ignore[no-untyped-def]
    return make_user("fleur", totp=False)


def test_enrolment_page_shows_qr_as_inline_svg_and_the_secret(
    client: Client, newcomer: User
) -> None:
    """The QR code is SVG made on our server, with no style attribute, next to the secret."""
    password_step(client, newcomer)
    page = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=newcomer)
    assert not device.confirmed
    svg = re.search(r"<svg.*?</svg>", page, re.S)
    assert svg is not None
    assert "style" not in svg.group(0)
    assert "<title>" in svg.group(0)
    secret = base64.b32encode(device.bin_key).decode()
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page


def test_reloading_enrolment_keeps_the_same_secret(client: Client, newcomer: User) -> None:
    """A reload does not make a new secret, so a half-scanned code keeps working."""
    password_step(client, newcomer)
    client.get(ENROL)
    client.get(ENROL)
    assert TOTPDevice.objects.filter(user=newcomer).count() == 1


def test_confirming_with_a_code_logs_in_and_shows_ten_recovery_codes_once(
    client: Client, newcomer: User
) -> None:
    """The first code confirms the app, logs in, and the ten recovery codes appear once."""
    password_step(client, newcomer)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=newcomer)
    response = client.post(ENROL, {"code": totp_code(device)})
    assert response["Location"] == reverse("accounts:recovery_codes")
    device.refresh_from_db()
    assert device.confirmed
    assert client.session["_auth_user_id"] == str(newcomer.pk)

    page = client.get(reverse("accounts:recovery_codes")).content.decode()
    shown = re.findall(r"<code[^>]*>([^<]+)</code>", page)
    stored = set(StaticToken.objects.filter(device__user=newcomer).values_list("token", flat=True))
    assert len(shown) == len(stored) == 10
    assert {services.recovery_code_digest(code) for code in shown} == stored
    again = client.get(reverse("accounts:recovery_codes"))
    assert again["Location"] == reverse("accounts:home")
    assert AuditEvent.objects.filter(action="auth.totp_enrolled", actor=newcomer).exists()


def test_wrong_code_leaves_the_app_unconfirmed(client: Client, newcomer: User) -> None:
    """A wrong first code keeps the user on the page with a message; nothing is confirmed."""
    password_step(client, newcomer)
    client.get(ENROL)
    response = client.post(ENROL, {"code": "123456"})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.get(user=newcomer).confirmed
    assert "_auth_user_id" not in client.session


def test_users_with_an_app_cannot_enrol_another(client: Client, advisor: User) -> None:
    """Someone with a confirmed app is sent to the code step, not to a new enrolment."""
    password_step(client, advisor)
    assert client.get(ENROL)["Location"] == reverse("accounts:verify")
