"""Reads of the accounts app."""

from datetime import datetime, timedelta

from meldpunt.accounts.models import User
from meldpunt.accounts.services import LOCKOUT_SECONDS
from meldpunt.cases.models import AuditEvent
from meldpunt.lib import clock


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
