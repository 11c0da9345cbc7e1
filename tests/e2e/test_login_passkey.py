"""A staff member adds a passkey and then uses it as the second step (virtual authenticator)."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import Page, expect

from meldpunt.accounts.models import Role, User
from meldpunt.audit.models import AuditEvent
from tests.e2e.conftest import ForeignRequests, axe_violations

pytestmark = pytest.mark.e2e
PASSWORD = "een lang en geheim wachtwoord"


def password_step(page: Page, base: str) -> None:
    page.goto(base + "/medewerkers/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("gijs")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Verder").click()


def test_passkey_added_after_login_replaces_the_app_code(
    page: Page,
    live_server,  # type: ignore[no-untyped-def]
    transactional_db: None,
    settings,  # type: ignore[no-untyped-def]
    foreign_requests: ForeignRequests,
) -> None:
    """Gijs logs in with a code, adds a passkey, logs out, and logs in with password + passkey."""
    base = live_server.url
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [base]
    user = User.objects.create_user(username="gijs", password=PASSWORD, role=Role.ADVISOR)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    password_step(page, base)
    otp = TOTP(device.bin_key)
    otp.time = time.time()
    page.get_by_label("Code").fill(f"{otp.token():06d}")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

    page.goto(base + "/medewerkers/beveiliging/")
    page.get_by_role("button", name="Passkey toevoegen").click()
    expect(page.get_by_text("Registratie voltooid")).to_be_visible()
    expect(page.locator(".passkey-list li")).to_have_count(1)
    assert WebAuthnCredential.objects.filter(user=user, confirmed=True).count() == 1
    assert axe_violations(page) == []
    page.get_by_role("button", name="Uitloggen").click()

    password_step(page, base)
    expect(page.get_by_role("button", name="Inloggen met passkey")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Inloggen met passkey").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    methods = AuditEvent.objects.filter(action="auth.login", actor=user).values_list(
        "detail", flat=True
    )
    assert {"method": "passkey"} in list(methods)
    assert AuditEvent.objects.filter(action="auth.passkey_added", actor=user).exists()
    assert foreign_requests == []
    assert csp_errors == []
