"""Who is on the other end of a websocket: a verified advisor, or a reporter with a token.

django-otp's middleware and the staff session middleware do not run for websockets, so
the second factor, the account and the session's lifetime are checked through the
accounts app's one check, at connect and again on every action of the console.
"""

from collections.abc import Mapping
from typing import Any

from django.contrib.sessions.backends.base import SessionBase, UpdateError

from meldpunt.accounts import selectors, staff_session
from meldpunt.accounts.models import User
from meldpunt.accounts.permissions import CASE_ROLES
from meldpunt.lib.ratelimit import scope_client

SESSION_TOKEN_KEY = "chat_token"  # noqa: S105 (a session key name, not a secret)


def staff_user_for_session(session: SessionBase) -> User | None:
    """The advisor or coordinator logged in on ``session`` with two factors, else None.

    A staff session that has run out (30 minutes idle, 12 hours old) counts as logged out.
    """
    return selectors.staff_user_for_session(session, roles=CASE_ROLES)


def staff_user_still_there(session_key: str | None, *, active: bool) -> User | None:
    """Look again: the advisor or coordinator still logged in on this session, else None.

    A websocket reads its session once, at connect, so the session is read afresh from the
    store, and the user, role and second factor from the database. ``active`` says the
    advisor did something in the console (wrote, typed, took, handed over or ended a
    chat): that keeps the session alive as a page request does. The console's own
    heartbeat and the server's regular look do not, or an open console would keep the
    session alive for ever.
    """
    if not session_key:
        return None
    session = selectors.session_for_key(session_key)
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


def scope_client_key(scope: Mapping[str, Any]) -> str:
    """The rate-limit key of a websocket client: a keyed hash of its address, never the address."""
    return scope_client(scope)
