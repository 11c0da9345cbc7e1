"""The demo accounts for `make run`: each can log in with a printed TOTP secret or code."""

import base64
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts import services
from meldpunt.accounts.models import User
from meldpunt.accounts.services import Outcome

pytestmark = pytest.mark.django_db


def run(tmp_path: Path) -> str:
    out = StringIO()
    with override_settings(DEBUG=True, VAR_DIR=tmp_path):
        call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_accounts_get_a_printed_totp_secret_and_recovery_codes(tmp_path: Path) -> None:
    """The printed base32 secret matches the device, and printed codes are valid codes."""
    output = run(tmp_path)
    device = TOTPDevice.objects.get(user__username="demo-adviseur", confirmed=True)
    assert base64.b32encode(device.bin_key).decode() in output
    assert device.verify_token(str(totp(device.bin_key)).zfill(6))
    user = device.user
    printed = output.split(f"{user.username:<17}", 1)[1].split("recovery codes: ", 1)[1]
    codes = printed.split("\n", 1)[0].split()
    assert len(codes) == StaticToken.objects.filter(device__user=user).count() == 5
    result = services.second_factor_verify(user=user, code=codes[0], client="demo")
    assert result.outcome == Outcome.OK
    assert (tmp_path / "demo-password.txt").read_text() in output


def test_load_demo_is_idempotent(tmp_path: Path) -> None:
    """Running it twice gives the same accounts, secrets and codes, not duplicates."""
    first = run(tmp_path)
    second = run(tmp_path)
    assert first == second
    assert User.objects.filter(username__startswith="demo-").count() == 5
    assert TOTPDevice.objects.filter(user__username="demo-adviseur").count() == 1


def test_load_demo_refuses_without_debug() -> None:
    """Demo accounts with public secrets never reach a production database."""
    with pytest.raises(CommandError):
        call_command("load_demo")
