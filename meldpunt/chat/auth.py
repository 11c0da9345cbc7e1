"""Who is on the other end of a websocket: a verified advisor, or a reporter with a token.

django-otp's middleware and the staff session middleware do not run for websockets, so
the second factor and the session's lifetime are checked here from the session, the same
way the middlewares do it for HTTP.
"""

from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user
from django.contrib.sessions.backends.base import UpdateError
from django.http import HttpRequest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from meldpunt.accounts import staff_session
from meldpunt.lib.ratelimit import scope_client

SESSION_TOKEN_KEY = "chat_token"  # noqa: S105 (a session key name, not a secret)


def staff_user_for_session(session: Any) -> Any | None:
    """The advisor or coordinator logged in on ``session`` with two factors, else None.

    A staff session that has run out (30 minutes idle, 12 hours old) counts as logged out.
    """
    if staff_session.lapsed(session):
        return None
    request = HttpRequest()
    request.session = session
    user = get_user(request)
    if not user.is_authenticated or not user.is_active or not user.handles_cases:
        return None
    persistent_id = session.get(DEVICE_ID_SESSION_KEY)
    if not persistent_id:
        return None
    device = Device.from_persistent_id(persistent_id, for_verify=False)
    if device is None or device.user_id != user.pk or not getattr(device, "confirmed", True):
        return None
    return user


def staff_user_still_there(session_key: str | None, *, active: bool) -> Any | None:
    """Look again: the advisor or coordinator still logged in on this session, else None.

    A websocket reads its session once, at connect, so the session is read afresh from the
    store. ``active`` says the advisor did something in the console since the last look
    (wrote, typed, took, handed over or ended a chat): that keeps the session alive as a
    page request does. The console's own heartbeat does not, or an open console would keep
    the session alive for ever.
    """
    if not session_key:
        return None
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    user = staff_user_for_session(session)
    if user is not None and active:
        staff_session.activity(session)
        if session.modified:
            try:
                session.save()
            except UpdateError:
                # Logged out between reading and writing: the session is not brought back.
                return None
    return user


def scope_client_key(scope: dict[str, Any]) -> str:
    """The rate-limit key of a websocket client: a keyed hash of its address, never the address."""
    return scope_client(scope)
