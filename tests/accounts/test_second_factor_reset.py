"""Resetting a staff member's second factor removes every factor: app, codes and passkeys."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from meldpunt.accounts import services
from meldpunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_reset_removes_passkeys_too(administrator: User, advisor: User) -> None:
    """After Daan resets Anouk's lost phone, her passkey no longer counts as a second factor."""
    WebAuthnCredential.objects.create(
        user=advisor, name="Telefoon", credential_id=b"id", public_key=b"key"
    )
    services.recovery_codes_create(user=advisor)
    services.second_factor_reset(user=advisor, by=administrator)
    assert not TOTPDevice.objects.filter(user=advisor).exists()
    assert not StaticDevice.objects.filter(user=advisor).exists()
    assert not WebAuthnCredential.objects.filter(user=advisor).exists()
