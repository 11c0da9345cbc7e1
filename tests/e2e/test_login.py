"""A new staff member logs in with password and TOTP in a real browser (Debian's Chromium)."""

import base64
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from meldpunt.accounts.models import Role, User
from tests.e2e.conftest import ForeignRequests, axe_violations, shot

pytestmark = pytest.mark.e2e
PASSWORD = "een lang en geheim wachtwoord"


def code_from_secret(secret: str, not_before: int = -1) -> str:
    """What an authenticator app shows for ``secret`` (a code not used before, if needed)."""
    otp = TOTP(base64.b32decode(secret.replace(" ", "")))
    otp.time = time.time()
    if otp.t() <= not_before:
        otp.drift = not_before + 1 - otp.t()
    return f"{otp.token():06d}"


def password_step(page: Page, base: str, username: str) -> None:
    page.goto(base + "/medewerkers/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Verder").click()


def test_new_advisor_enrols_totp_then_logs_in_again(
    page: Page, live_server, transactional_db: None, foreign_requests: ForeignRequests
) -> None:  # type: ignore[no-untyped-def]
    """Password, app set-up with the QR page, recovery codes, then a login with a code."""
    User.objects.create_user(username="fleur", password=PASSWORD, role=Role.ADVISOR)
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    base = live_server.url

    page.goto(base + "/medewerkers/inloggen/")
    assert axe_violations(page) == []
    shot(page, "login-1-password")
    password_step(page, base, "fleur")

    expect(page).to_have_url(base + "/medewerkers/inloggen/app-instellen/")
    expect(page.locator("svg.enrol__qr")).to_be_visible()
    assert axe_violations(page) == []
    shot(page, "login-2-enrol")
    secret = page.get_by_test_id("totp-secret").inner_text()
    page.get_by_label("Code").fill(code_from_secret(secret))
    page.get_by_role("button", name="App koppelen").click()

    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    expect(page.locator(".recovery-codes__code")).to_have_count(10)
    assert axe_violations(page) == []
    shot(page, "login-3-recovery-codes")
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    shot(page, "login-4-logged-in")

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()

    password_step(page, base, "fleur")
    expect(page).to_have_url(base + "/medewerkers/inloggen/code/")
    assert axe_violations(page) == []
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Deze code klopt niet")).to_be_visible()
    expect(page.get_by_label("Code")).to_have_attribute("aria-invalid", "true")
    assert axe_violations(page) == []
    shot(page, "login-5-wrong-code")

    # django-otp makes a device wait a second after one wrong code.
    page.wait_for_timeout(1100)
    last_t = TOTPDevice.objects.get(user__username="fleur").last_t
    page.get_by_label("Code").fill(code_from_secret(secret, not_before=last_t))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

    assert csp_errors == []
    assert foreign_requests == []
