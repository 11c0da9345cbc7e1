"""The reporter's session: begun at the first save, ended by quick exit or 30 minutes idle.

A member of the public has a session only while it holds something of theirs: an
unfinished report, an open mailbox, a chat. It ends when the browser closes (the cookie
has no expiry date, ``SESSION_EXPIRE_AT_BROWSER_CLOSE``), after ``SESSION_COOKIE_AGE``
(30 minutes) without a request (the store forgets it, and ReporterSessionMiddleware ends
it), and at once on quick exit or when the reporter closes the mailbox.

What a session holds is known to the apps on top (reports, chat); each registers here
what must happen when the session ends, so this module imports none of them.
"""

from collections.abc import Callable
from contextlib import suppress
from importlib import import_module
from typing import Literal, cast

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase, UpdateError
from django.http import HttpRequest, HttpResponse

from meldpunt.lib import clock

# A cookie's SameSite as ``delete_cookie`` takes it; settings hold it as a plain string.
_SameSite = Literal["Lax", "Strict", "None", False]

SEEN_KEY = "reporter_seen"
# The last request is written back at most this often, so not every request saves.
SEEN_RESOLUTION_SECONDS = 60

SessionEnder = Callable[[SessionBase], None]
_enders: list[SessionEnder] = []


def idle_seconds() -> int:
    return int(settings.SESSION_COOKIE_AGE)


def register_session_end(ender: SessionEnder) -> None:
    """``ender(session)`` runs when a reporter's session ends (ends a chat, drops a draft)."""
    if ender not in _enders:
        _enders.append(ender)


def begin(request: HttpRequest) -> None:
    """The reporter saved something: from now on the session exists and counts idle time."""
    request.session.setdefault(SEEN_KEY, clock.now().timestamp())


def forget(request: HttpRequest, key: str) -> None:
    """Drop one thing from the reporter's session; a session left with nothing goes."""
    request.session.pop(key, None)
    if set(request.session.keys()) <= {SEEN_KEY}:
        request.session.flush()


def is_reporter(session: SessionBase) -> bool:
    return session.get(SEEN_KEY) is not None


def end(request: HttpRequest, response: HttpResponse | None = None) -> None:
    """End the reporter's session: what it holds is ended, then the session is thrown away.

    With a response, the CSRF and language cookies go too (the session cookie goes by
    itself once the session is empty), so nothing of the visit is left in the browser.
    """
    for ender in _enders:
        ender(request.session)
    request.session.flush()
    if response is None:
        return
    for name, path, domain, samesite in (
        (
            settings.CSRF_COOKIE_NAME,
            settings.CSRF_COOKIE_PATH,
            settings.CSRF_COOKIE_DOMAIN,
            settings.CSRF_COOKIE_SAMESITE,
        ),
        (
            settings.LANGUAGE_COOKIE_NAME,
            settings.LANGUAGE_COOKIE_PATH,
            settings.LANGUAGE_COOKIE_DOMAIN,
            settings.LANGUAGE_COOKIE_SAMESITE,
        ),
    ):
        if name in request.COOKIES:
            response.delete_cookie(
                name, path=path, domain=domain, samesite=cast(_SameSite, samesite)
            )


def lapsed(session: SessionBase) -> bool:
    """True when the reporter's session has been idle too long (only reads)."""
    seen = session.get(SEEN_KEY)
    return seen is not None and clock.now().timestamp() - seen > idle_seconds()


def activity(session: SessionBase) -> None:
    """The reporter did something: the idle time starts again (noted once a minute)."""
    now = clock.now().timestamp()
    seen = session.get(SEEN_KEY)
    if seen is not None and now - seen >= SEEN_RESOLUTION_SECONDS:
        session[SEEN_KEY] = now


def activity_for_key(session_key: str | None) -> None:
    """Activity outside an HTTP request (a running chat): read the session afresh and note it.

    A session that has ended in the meantime (quick exit, idle) is not brought back.
    """
    if not session_key:
        return
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    if not is_reporter(session) or lapsed(session):
        return
    activity(session)
    if session.modified:
        with suppress(UpdateError):
            session.save()
