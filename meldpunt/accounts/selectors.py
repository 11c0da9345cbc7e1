"""Reads of the accounts app: who is logged in on a staff session outside a page request."""

from collections.abc import Collection
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from meldpunt.accounts import staff_session
from meldpunt.accounts.models import User


def session_for_key(session_key: str | None) -> SessionBase:
    """The session stored under ``session_key``, read through the configured engine."""
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key)


def staff_user_for_session(session: SessionBase, *, roles: Collection[str]) -> User | None:
    """The staff member logged in on ``session`` with two factors and one of ``roles``, else None.

    The one check for a connection that outlives its page request (the chat console): the
    session has not run out (30 minutes idle, 12 hours old), its user is still active and
    still holds one of ``roles``, and the second factor it was verified with still exists
    (an administrator's reset deletes it). A changed password ends the session too, as
    Django's ``get_user`` compares the session's password hash.
    """
    if staff_session.lapsed(session):
        return None
    request = HttpRequest()
    request.session = session
    user = get_user(request)
    if not isinstance(user, User) or not user.is_active or user.role not in roles:
        return None
    persistent_id = session.get(DEVICE_ID_SESSION_KEY)
    if not persistent_id:
        return None
    device = Device.from_persistent_id(persistent_id, for_verify=False)
    if device is None or device.user_id != user.pk or not getattr(device, "confirmed", True):
        return None
    return user
