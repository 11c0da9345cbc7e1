"""What the accounts app tells the apps above it, which register receivers (accounts
imports none of them).

Both signals carry ``user``. Receivers that send live events do so after the current
transaction commits, so that whoever looks again reads the new state.
"""

from typing import TYPE_CHECKING, Any

from django.dispatch import Signal

if TYPE_CHECKING:
    from meldpunt.accounts.models import User

# A staff member logged out, or was logged out because the session ran out; the session
# is gone by the time this is sent.
staff_logged_out = Signal()
# Something that decides a staff member's access may have changed: the account was saved
# (active flag, role, password) or deleted, or the second factor was reset. Connections
# that outlive a request look at their session again.
staff_access_changed = Signal()


# Saves that only touch these fields change nothing about access: every login records its
# time, and a console need not look again for that.
NO_ACCESS_FIELDS = frozenset({"last_login"})


def user_changed(
    sender: type,
    *,
    instance: "User",
    created: bool = False,
    update_fields: frozenset[str] | None = None,
    **kwargs: Any,
) -> None:
    """Receiver for the user model's saves and deletes (a new account has no connections)."""
    if created or (update_fields is not None and update_fields <= NO_ACCESS_FIELDS):
        return
    staff_access_changed.send(sender=sender, user=instance)
