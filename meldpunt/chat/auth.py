"""Who is on the other end of a websocket: a verified advisor, or a reporter with a token.

django-otp's middleware does not run for websockets, so the second factor is checked
here from the session, the same way the middleware does it for HTTP.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user
from django.http import HttpRequest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from meldpunt.accounts.permissions import CASE_ROLES
from meldpunt.lib.ratelimit import client_address, client_key

SESSION_TOKEN_KEY = "chat_token"  # noqa: S105 (a session key name, not a secret)


def staff_user_for_session(session: Any) -> Any | None:
    """The advisor or coordinator logged in on ``session`` with two factors, else None."""
    request = HttpRequest()
    request.session = session
    user = get_user(request)
    if not user.is_authenticated or not user.is_active or user.role not in CASE_ROLES:
        return None
    persistent_id = session.get(DEVICE_ID_SESSION_KEY)
    if not persistent_id:
        return None
    device = Device.from_persistent_id(persistent_id, for_verify=False)
    if device is None or device.user_id != user.pk or not getattr(device, "confirmed", True):
        return None
    return user


def scope_client_key(scope: dict[str, Any]) -> str:
    """The rate-limit key of a websocket client: a keyed hash of its address, never the address."""
    meta: dict[str, Any] = {"REMOTE_ADDR": (scope.get("client") or [""])[0]}
    if settings.MELDPUNT_TRUSTED_PROXY_HOPS > 0:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                meta["HTTP_X_FORWARDED_FOR"] = value.decode("latin-1")
    return client_key(client_address(meta))
