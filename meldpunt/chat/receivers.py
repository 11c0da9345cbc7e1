"""The chat's receivers for the accounts app's signals: a staff session that ends, or
access that may have changed, reaches the advisor's open consoles."""

from typing import Any

from meldpunt.accounts.models import User
from meldpunt.chat import events, services


def staff_logged_out(sender: type, *, user: User, **kwargs: Any) -> None:
    """An advisor or coordinator logged out: away, and every console of theirs closes."""
    if user.handles_cases:
        services.agent_logged_out(user=user)


def staff_access_changed(sender: type, *, user: User, **kwargs: Any) -> None:
    """Every open console of ``user`` looks at its staff session again, after the commit."""
    events.publish(events.agent_group(user.pk), {"type": "staff.revoke"})
