"""Passkey endpoints: only after the password step (login) or with both factors (adding)."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from tests.accounts.conftest import password_step, verified

pytestmark = pytest.mark.django_db


def post_json(client: Client, name: str, data: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(reverse(name), json.dumps(data or {}), content_type="application/json")


def test_passkey_login_needs_the_password_step_first(client: Client, db: None) -> None:
    """Without a password step there is no passkey challenge: passkeys never replace it."""
    response = post_json(client, "accounts:passkey_auth_begin")
    assert response.status_code == 403
    assert response.json()["code"] == "not_authenticated"


def test_passkey_challenge_after_the_password_step(client: Client, advisor: User) -> None:
    """After the password step Anouk gets a challenge for her own passkeys."""
    password_step(client, advisor)
    response = post_json(client, "accounts:passkey_auth_begin")
    assert response.status_code == 200
    assert "challenge" in response.json()


def test_failed_passkey_answer_is_audited(client: Client, advisor: User) -> None:
    """A passkey answer that does not check out is refused and logged as a failed login."""
    password_step(client, advisor)
    post_json(client, "accounts:passkey_auth_begin")
    response = post_json(client, "accounts:passkey_auth_complete", {"id": "onzin"})
    assert response.status_code >= 400
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert (event.actor, event.detail) == (advisor, {"reason": "passkey"})


def test_adding_a_passkey_needs_both_factors(client: Client, advisor: User) -> None:
    """Logged in with only a password, Anouk cannot add a passkey; with both factors she can."""
    client.force_login(advisor)
    assert post_json(client, "accounts:passkey_register_begin").status_code == 403
    verified(client, advisor)
    response = post_json(client, "accounts:passkey_register_begin")
    assert response.status_code == 200
    assert response.json()["rp"]["name"]


def test_code_page_offers_a_passkey_only_to_users_who_have_one(
    client: Client, advisor: User
) -> None:
    """Without a passkey the code page loads no passkey script at all."""
    password_step(client, advisor)
    page = client.get(reverse("accounts:verify")).content.decode()
    assert "otp_webauthn" not in page
