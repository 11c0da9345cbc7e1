"""Chat helpers the server benchmarks share (bench/chat_bench.py, bench/soak.py).

``prepare`` needs Django set up with the settings the server runs, so that the sessions
it writes are the server's; ``open_ws`` connects as a browser's page does.
"""

import asyncio
import json
from datetime import time as dtime
from datetime import timedelta

import django
from websockets.asyncio.client import ClientConnection, connect

ADVISOR_CAPACITY = 10


def prepare(chats: int) -> tuple[list[tuple[str, str]], list[str]]:
    """Empty the chat tables, then create advisors on duty and ``chats`` running chats."""
    django.setup()
    from django.core.cache import cache
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from meldpunt.accounts.models import Role, User
    from meldpunt.chat.auth import SESSION_TOKEN_KEY
    from meldpunt.chat.models import ChatAgent, ChatMessage, ChatSession, ChatState
    from meldpunt.chat.services import chat_start
    from meldpunt.lib import clock
    from meldpunt.lib.sessions import SessionStore
    from meldpunt.public.models import OpeningException

    cache.clear()
    ChatMessage.objects.all().delete()
    ChatSession.objects.all().delete()
    ChatAgent.objects.all().delete()
    today = clock.now().astimezone().date()
    OpeningException.objects.filter(date__gte=today - timedelta(days=1)).delete()
    for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
        OpeningException.objects.create(
            date=day, kind=OpeningException.Kind.OPEN, opens=dtime(0), closes=dtime(23, 59, 59)
        )
    advisors = []
    advisor_sessions = []
    for i in range(-(-chats // ADVISOR_CAPACITY)):
        user, _ = User.objects.get_or_create(
            username=f"bench-advisor-{i}", defaults={"role": Role.ADVISOR, "first_name": "Bench"}
        )
        device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
            user=user, name="bench", confirmed=True
        )
        ChatAgent.objects.create(
            user=user, available=True, capacity=ADVISOR_CAPACITY, last_seen_at=clock.now()
        )
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.create()
        advisors.append(user)
        advisor_sessions.append(session.session_key or "")
    reporters = []
    for i in range(chats):
        chat, token = chat_start(nickname=f"r{i}")
        ChatSession.objects.filter(pk=chat.pk).update(
            status=ChatState.ACTIVE,
            agent=advisors[i // ADVISOR_CAPACITY],
            accepted_at=clock.now(),
        )
        session = SessionStore()
        session[SESSION_TOKEN_KEY] = token
        session.create()
        reporters.append((chat.public_id.hex, session.session_key or ""))
    return reporters, advisor_sessions


CONNECTING = asyncio.Semaphore(25)


async def open_ws(port: int, path: str, session_key: str | None = None) -> ClientConnection:
    """Connect like a browser would; at most 25 handshakes at a time, as people trickle in."""
    headers = {"Cookie": f"sessionid={session_key}"} if session_key else {}
    async with CONNECTING:
        return await connect(
            f"ws://127.0.0.1:{port}{path}",
            origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
            additional_headers=headers,
            max_queue=None,
            ping_interval=None,
            open_timeout=120,
            compression=None,
        )


async def until_state(ws: ClientConnection) -> None:
    while json.loads(await ws.recv()).get("type") != "state":
        pass
