"""Links in e-mails to staff start with MELDPUNT_SITE_URL, by default the first passkey
origin."""

import runpy
from pathlib import Path

import pytest
from django.core import mail

from meldpunt.accounts.models import User
from meldpunt.reports.services import mailbox_post
from tests.reports.staff_helpers import make_report

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "config" / "settings.py"


@pytest.fixture
def cor(coordinator: User) -> User:
    """Cor, a coordinator with an e-mail address: told of messages in cases without advisor."""
    coordinator.email = "cor@example.org"
    coordinator.save()
    return coordinator


@pytest.mark.django_db
def test_coordinator_notice_links_to_the_case_at_the_site_url(
    cor, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    """The site lives at https://meldpunt.example.nl while passkeys also allow another
    origin: Cor's link to the case uses the site's address, not the passkey origin."""
    settings.MELDPUNT_SITE_URL = "https://meldpunt.example.nl"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = ["https://inlog.example.nl"]
    case, _mailbox, _code = make_report(with_file=False)
    with django_capture_on_commit_callbacks(execute=True):
        mailbox_post(mailbox=case.mailboxes.get(), text="Een nieuw bericht.", files=[])
    [sent] = mail.outbox
    assert sent.to == ["cor@example.org"]
    assert f"https://meldpunt.example.nl/medewerkers/zaken/{case.pk}/" in sent.body
    assert "inlog.example.nl" not in sent.body


def _site_url(monkeypatch: pytest.MonkeyPatch, **env: str) -> str:
    """MELDPUNT_SITE_URL as config/settings.py reads it from ``env``."""
    for name in ("MELDPUNT_SITE_URL", "MELDPUNT_WEBAUTHN_ORIGINS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))["MELDPUNT_SITE_URL"]


def test_site_url_comes_from_the_environment_without_a_trailing_slash(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Set: used as given, a trailing slash dropped so links never get a double one."""
    assert (
        _site_url(monkeypatch, MELDPUNT_SITE_URL="https://meldpunt.example.nl/")
        == "https://meldpunt.example.nl"
    )


def test_site_url_defaults_to_the_first_passkey_origin(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Not set (or empty): the first passkey origin, as the e-mail links used before."""
    origins = "https://meldpunt.example.nl,https://oud.example.nl"
    assert _site_url(monkeypatch, MELDPUNT_WEBAUTHN_ORIGINS=origins) == (
        "https://meldpunt.example.nl"
    )
    assert _site_url(monkeypatch, MELDPUNT_SITE_URL="", MELDPUNT_WEBAUTHN_ORIGINS=origins) == (
        "https://meldpunt.example.nl"
    )
