"""Logging out: POST only, ends the session, written to the audit log."""

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from tests.accounts.conftest import verified

pytestmark = pytest.mark.django_db


def test_logout_ends_the_session_and_is_audited(client: Client, advisor: User) -> None:
    """After logging out the staff pages ask for a login again."""
    verified(client, advisor)
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="auth.logout")
    assert (event.actor, event.detail) == (advisor, {"reason": "user"})
    assert client.get(reverse("accounts:home"))["Location"].startswith(reverse("accounts:login"))


def test_logout_by_get_is_refused(client: Client, advisor: User) -> None:
    """A link or image cannot log someone out: GET is not allowed."""
    verified(client, advisor)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session
