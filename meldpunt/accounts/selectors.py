"""Reads of the accounts app: locked-out staff, and who is logged in on a staff session outside
a page request."""

from collections.abc import Collection
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from meldpunt.accounts import staff_session
from meldpunt.accounts.models import User
from meldpunt.accounts.services import LOCKOUT_SECONDS
from meldpunt.audit.models import AuditEvent
from meldpunt.lib import clock


def session_for_key(session_key: str | None) -> SessionBase:
    """The session stored under ``session_key``, read through the configured engine."""
    session: SessionBase = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    return session


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


def recently_locked_users() -> list[User]:
    """Staff locked out of their account from some client within the lockout time.

    Read from the audit log (``auth.locked``), leaving out accounts unlocked since. The
    lock itself is per client; the list shows that someone, somewhere, is locked out.
    """
    since = clock.now() - timedelta(seconds=LOCKOUT_SECONDS)
    last_locked: dict[int, datetime] = {}
    for actor_id, at in AuditEvent.objects.filter(
        action="auth.locked", at__gte=since, actor__isnull=False
    ).values_list("actor_id", "at"):
        last_locked[actor_id] = max(at, last_locked.get(actor_id, at))
    unlocked = dict(
        AuditEvent.objects.filter(action="auth.unlocked", at__gte=since, object_type="user")
        .order_by("at")
        .values_list("object_id", "at")
    )
    still = [pk for pk, at in last_locked.items() if unlocked.get(str(pk), at) <= at]
    return list(User.objects.filter(pk__in=still, is_active=True).order_by("username"))


def get_unlockable_user(user_id: str) -> User | None:
    """An active staff member by id, for the unlock form."""
    if not user_id.isdigit():
        return None
    return User.objects.filter(pk=int(user_id), is_active=True).first()
