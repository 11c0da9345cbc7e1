"""Passkeys (django-otp-webauthn) as a second factor, fitted to our two-step login.

The library's JSON views are reused with two changes: during login the user is the one
who passed the password step in this session (never a passwordless login), and a
successful check finishes our login, so the session lifetime and the audit log apply.
Its script is served from our own origin and needs no inline code (strict CSP).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware import csrf
from django.urls import reverse
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from meldpunt.accounts import staff_session
from meldpunt.accounts.models import User
from meldpunt.accounts.permissions import is_fully_authenticated, staff_user
from meldpunt.accounts.services import CLIENT_LIMIT, login_failures_forget
from meldpunt.audit.services import audit_record
from meldpunt.lib import ratelimit


def has_passkey(user: User) -> bool:
    return bool(WebAuthnCredential.objects.filter(user=user, confirmed=True).exists())


def passkey_config(request: HttpRequest) -> dict[str, Any]:
    """What the library's script reads from the page (rendered with json_script)."""
    return {
        "autocompleteLoginFieldSelector": None,
        "nextFieldSelector": "input[name='next']",
        "csrfToken": csrf.get_token(request),
        "beginAuthenticationUrl": reverse("accounts:passkey_auth_begin"),
        "completeAuthenticationUrl": reverse("accounts:passkey_auth_complete"),
        "beginRegistrationUrl": reverse("accounts:passkey_register_begin"),
        "completeRegistrationUrl": reverse("accounts:passkey_register_complete"),
    }


class PendingUserMixin:
    """Whoever passed the password step in this session; nobody else may use a passkey."""

    request: HttpRequest

    def get_user(self) -> User | None:
        return staff_session.pending_user(self.request)

    def check_can_authenticate(self) -> None:
        if self.get_user() is None:
            raise exceptions.NotAuthenticated()
        if ratelimit.is_limited(CLIENT_LIMIT, ratelimit.request_client(self.request)):
            raise exceptions.NotAuthenticated()


class PasskeyAuthBeginView(PendingUserMixin, BeginCredentialAuthenticationView):
    """Whoever passed the password step: the challenge for their passkey."""


class PasskeyAuthCompleteView(PendingUserMixin, CompleteCredentialAuthenticationView):
    """Whoever passed the password step: checks the passkey's answer and finishes the login."""

    next_url = ""

    def complete_auth(self, device: WebAuthnCredential) -> None:
        login_failures_forget(user=device.user, client=ratelimit.request_client(self.request))
        self.next_url = staff_session.complete(self.request, user=device.user, device=device)
        audit_record(actor=device.user, action="auth.login", detail={"method": "passkey"})

    def get_success_url(self) -> str:
        return self.next_url

    def handle_exception(self, exc: Exception) -> HttpResponse:
        user = staff_session.pending_user(self.request)
        if user is not None and isinstance(exc, exceptions.OTPWebAuthnApiError):
            ratelimit.hit(CLIENT_LIMIT, ratelimit.request_client(self.request))
            audit_record(actor=user, action="auth.login_failed", detail={"reason": "passkey"})
        response: HttpResponse = super().handle_exception(exc)
        return response


class FullyAuthenticatedMixin:
    """Only staff logged in with both factors may add a passkey."""

    request: HttpRequest

    def check_can_register(self) -> None:
        if not is_fully_authenticated(self.request.user):
            raise exceptions.NotAuthenticated()


class PasskeyRegisterBeginView(FullyAuthenticatedMixin, BeginCredentialRegistrationView):
    """Any staff member with both factors: the options for a new passkey."""


class PasskeyRegisterCompleteView(FullyAuthenticatedMixin, CompleteCredentialRegistrationView):
    """Any staff member with both factors: stores the new passkey and logs that it was added."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().post(*args, **kwargs)
        if response.status_code == 200:
            audit_record(actor=staff_user(self.request), action="auth.passkey_added")
        return response
