"""The staff session: a pending login between the two factors, and the session's lifetime.

Between password and second factor the session holds only the user's id, the time and
where to go next; Django's login happens after the second factor, so nothing that checks
``is_authenticated`` ever sees a half-logged-in user.
"""

from typing import Any

import django_otp
from django.contrib import auth
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.accounts.signals import staff_logged_out
from meldpunt.audit.services import audit_record
from meldpunt.lib import clock

PENDING_KEY = "accounts_pending"
STARTED_KEY = "staff_started"
SEEN_KEY = "staff_seen"
RECOVERY_CODES_KEY = "accounts_recovery_codes"
# The time allowed between password and second factor (enrolment included).
PENDING_SECONDS = 10 * 60
IDLE_SECONDS = 30 * 60
MAX_SECONDS = 12 * 60 * 60
# Activity is written back at most this often, so not every request saves the session.
SEEN_RESOLUTION_SECONDS = 60


def pending_start(
    request: HttpRequest,
    *,
    user: User,
    next_url: str,
    password_ok: bool = True,
    blind: bool = False,
) -> None:
    """Remember who is halfway. ``blind``: the account is under attack, and the code step
    must look the same whether the password was right (``password_ok``) or not."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "at": clock.now().timestamp(),
        "next": next_url,
        "password_ok": password_ok,
        "blind": blind,
    }


def _pending(request: HttpRequest) -> dict[str, Any] | None:
    pending: dict[str, Any] | None = request.session.get(PENDING_KEY)
    if not pending:
        return None
    if clock.now().timestamp() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    return pending


def pending_user(request: HttpRequest, *, blind_ok: bool = False) -> User | None:
    """The user who passed the password step in this session, if that was recent.

    Blind, only the code step (``blind_ok``) gets the user: the other steps (setting up an
    app, passkeys) refuse everyone alike, so none of them tells whether the password was right.
    """
    pending = _pending(request)
    if not pending or not pending.get("password_ok", True):
        return None
    if pending.get("blind") and not blind_ok:
        return None
    return User.objects.filter(pk=pending["user"], is_active=True).first()


def pending_blind(request: HttpRequest) -> bool:
    """True when this session's code step must not show whether the password was right."""
    pending = _pending(request)
    return bool(pending and pending.get("blind"))


def pending_next(request: HttpRequest) -> str:
    pending = request.session.get(PENDING_KEY) or {}
    return pending.get("next") or home_url()


def home_url() -> str:
    return reverse("accounts:home")


def complete(request: HttpRequest, *, user: User, device: Any) -> str:
    """Log the user in after both factors; returns where to go next."""
    next_url = pending_next(request)
    request.session.pop(PENDING_KEY, None)
    auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    django_otp.login(request, device)
    now = clock.now().timestamp()
    request.session[STARTED_KEY] = now
    request.session[SEEN_KEY] = now
    request.session.set_expiry(IDLE_SECONDS)
    return next_url


def end(request: HttpRequest, *, reason: str) -> None:
    """Log out and write why: the user asked, or the session ran out.

    Then the apps above are told (the chat closes the user's consoles), once the session
    is gone, so that nothing can reconnect with it.
    """
    user = request.user
    if user.is_authenticated:
        audit_record(actor=user, action="auth.logout", detail={"reason": reason})
    auth.logout(request)
    if isinstance(user, User):
        staff_logged_out.send(sender=User, user=user)


def expiry_reason(request: HttpRequest) -> str:
    """Why the logged-in staff session has ended ("idle", "max_age"), or "" while it lives.

    A request counts as activity: a live session's idle time starts again.
    """
    session = request.session
    if session.get(STARTED_KEY) is None or session.get(SEEN_KEY) is None:
        session[STARTED_KEY] = session[SEEN_KEY] = clock.now().timestamp()
        session.set_expiry(IDLE_SECONDS)
        return ""
    reason = lapsed(session)
    if not reason:
        activity(session)
    return reason


def lapsed(session: SessionBase) -> str:
    """Why the staff session has run out ("idle", "max_age"), or "" while it lives.

    Only reads: the chat console asks this on every heartbeat, which is no activity.
    A session that has not been counted yet (no start time) has not run out.
    """
    now = clock.now().timestamp()
    started = session.get(STARTED_KEY)
    seen = session.get(SEEN_KEY)
    if started is None or seen is None:
        return ""
    if now - started > MAX_SECONDS:
        return "max_age"
    if now - seen > IDLE_SECONDS:
        return "idle"
    return ""


def activity(session: SessionBase) -> None:
    """The staff member did something: the idle time starts again (noted once a minute)."""
    now = clock.now().timestamp()
    if now - session.get(SEEN_KEY, 0) >= SEEN_RESOLUTION_SECONDS:
        session[SEEN_KEY] = now
        session.set_expiry(IDLE_SECONDS)
