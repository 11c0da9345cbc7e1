"""A staff session that ends, however it ends, ends the advisor's open console too.

Logout, deactivation (the account saved inactive, or every session deleted), 30 minutes
idle, the 12-hour limit, a role other than advisor or coordinator, and a second factor
reset by an administrator: the console refuses the next action, closes by itself within
a few seconds (the server looks, not only when the page pings), and hears no more.
"""

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp_webauthn.models import WebAuthnCredential

from meldpunt.accounts.models import Role, User
from meldpunt.accounts.selectors import session_for_key
from meldpunt.accounts.staff_session import SEEN_KEY, STARTED_KEY
from meldpunt.chat.consumers import CLOSE_LOGGED_OUT
from meldpunt.chat.models import ChatAgent, ChatMessage, ChatSender, ChatSession, ChatState
from meldpunt.chat.services import agent_set_available
from tests.chat.conftest import (
    TUESDAY_10,
    assert_out_of_chat,
    open_console,
    receive_until,
    reporter_ws,
    staff_session,
    start_chat,
)
from tests.conftest import make_staff, verify_session

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("own_channel_layer", "close_db_threads"),
]

Revocation = Callable[[User, str], None]


def _log_out(user: User, key: str) -> None:
    client = Client()
    client.cookies["sessionid"] = key
    assert client.post("/medewerkers/uitloggen/").status_code == 302


def _deactivate(user: User, key: str) -> None:
    """As the administrator's change form does: the user row saved with is_active off."""
    user.is_active = False
    user.save()


def _deactivate_quietly(user: User, key: str) -> None:
    """As a script or SQL would: no model save, so nobody is told."""
    User.objects.filter(pk=user.pk).update(is_active=False)


def _delete_sessions(user: User, key: str) -> None:
    """Every session of the user is deleted (through the session engine), nothing else."""
    session_for_key(key).delete()


def _make_analyst(user: User, key: str) -> None:
    user.role = Role.ANALYST
    user.save()


def _reset_second_factor(user: User, key: str) -> None:
    """The administrator uses the admin action "reset second factor" on the user."""
    client = Client()
    verify_session(client, make_staff("ad", Role.ADMINISTRATOR, is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [user.pk]},
    )
    assert response.status_code == 302


def _twelve_hours_old(user: User, key: str) -> None:
    """Logged in 12 hours and a minute ago (and active a moment ago)."""
    session = session_for_key(key)
    session[STARTED_KEY] = (TUESDAY_10 - timedelta(hours=12, minutes=1)).timestamp()
    session.save()


REVOCATIONS: dict[str, Revocation] = {
    "logout": _log_out,
    "deactivated": _deactivate,
    "deactivated_quietly": _deactivate_quietly,
    "sessions_deleted": _delete_sessions,
    "role_analyst": _make_analyst,
    "second_factor_reset": _reset_second_factor,
    "twelve_hours": _twelve_hours_old,
}


@pytest.fixture
def check_every(settings: Any) -> Callable[[float], None]:
    """Set how often an open console looks at its staff session, in seconds."""

    def every(seconds: float) -> None:
        settings.MELDPUNT_STAFF_SOCKET_CHECK_SECONDS = seconds

    return every


async def _revoke(name: str, user: User, key: str, freeze: Callable[[datetime], None]) -> None:
    if name == "idle":
        freeze(TUESDAY_10 + timedelta(minutes=31))
        return
    await database_sync_to_async(REVOCATIONS[name])(user, key)


async def _chatting(
    user: User,
) -> tuple[str, ChatSession, WebsocketCommunicator, WebsocketCommunicator]:
    """Anna's session key, Sam's chat (taken by her), Sam's socket and her console."""
    key = await database_sync_to_async(staff_session)(user)
    await database_sync_to_async(_started_now)(key)
    chat, reporter_key = await database_sync_to_async(start_chat)(nickname="Sam")
    sam = reporter_ws(chat, reporter_key)
    await sam.connect()
    await receive_until(sam, "state", status=ChatState.WAITING)
    console = await open_console(key)
    await console.send_json_to({"type": "accept"})
    await receive_until(console, "chat.opened", chat=chat.public_id.hex)
    await receive_until(sam, "state", status=ChatState.ACTIVE)
    await receive_until(console, "queue", queue=[])
    return key, chat, sam, console


def _started_now(key: str) -> None:
    """The session as a real login leaves it: started and last seen now."""
    session = session_for_key(key)
    session[STARTED_KEY] = session[SEEN_KEY] = TUESDAY_10.timestamp()
    session.save()


async def _until_closed(ws: WebsocketCommunicator) -> tuple[int, list[dict[str, Any]]]:
    """The close code, and every JSON message that came before it (within a few seconds)."""
    before: list[dict[str, Any]] = []
    for _ in range(50):
        output = await ws.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            return output["code"], before
        before.append(json.loads(output["text"]))
    raise AssertionError("the console was not closed")


ALL = [*REVOCATIONS, "idle"]


@pytest.mark.parametrize("how", ALL)
async def test_console_closes_by_itself_and_hears_nothing_more(how, on_duty, freeze, check_every):
    """Anna chats with Sam; her staff session ends and she does nothing: within a few
    seconds the server closes her console with the logged-out code, she is away, and
    neither Sam typing nor a new chat in the queue reaches the closed console."""
    check_every(0.1)
    key, _chat, sam, console = await _chatting(on_duty)
    await _revoke(how, on_duty, key, freeze)
    code, _before = await _until_closed(console)
    assert code == CLOSE_LOGGED_OUT
    await sam.send_json_to({"type": "typing"})
    await database_sync_to_async(start_chat)(nickname="Kim")
    assert await console.receive_nothing(timeout=0.5)
    await console.disconnect()
    await sam.disconnect()
    assert (await ChatAgent.objects.aget(user=on_duty)).available is False


ACTIONS: dict[str, Callable[[str], dict[str, Any]]] = {
    "message": lambda chat: {"type": "message", "chat": chat, "ref": "s1", "body": "Hallo Sam"},
    "accept": lambda chat: {"type": "accept"},
    "transfer": lambda chat: {"type": "transfer", "chat": chat, "to": "", "note": "over"},
    "end": lambda chat: {"type": "end", "chat": chat},
    "hello": lambda chat: {"type": "hello", "chat": chat, "after": 0},
    "typing": lambda chat: {"type": "typing", "chat": chat},
}


@pytest.mark.parametrize("how", ALL)
async def test_first_message_after_the_end_is_refused(how, on_duty, freeze, check_every):
    """The server's own look is far away (a minute); Anna's session ends and she answers
    Sam at once: the answer is not stored and Sam never gets it, and the console closes."""
    check_every(60)
    key, chat, sam, console = await _chatting(on_duty)
    await _revoke(how, on_duty, key, freeze)
    await console.send_json_to(ACTIONS["message"](chat.public_id.hex))
    code, before = await _until_closed(console)
    assert code == CLOSE_LOGGED_OUT
    assert [m for m in before if m["type"] == "ack"] == []
    await console.disconnect()
    assert await _heard_nothing_from_staff(sam)
    assert not await ChatMessage.objects.filter(session=chat, sender=ChatSender.STAFF).aexists()
    await sam.disconnect()


async def _heard_nothing_from_staff(ws: WebsocketCommunicator) -> bool:
    """Sam got no advisor's message and no typing signal (other news is skipped)."""
    while not await ws.receive_nothing(timeout=0.3):
        message = await ws.receive_json_from()
        if message.get("type") == "typing" or message.get("sender") == "staff":
            return False
    return True


@pytest.mark.parametrize("action", ACTIONS)
async def test_every_action_is_refused_once_the_account_is_off(action, on_duty, colleague):
    """Anna's account was switched off without a word to the server (a script): whatever
    her console asks next (write, take a chat, hand over, end, read back, type) is not
    done, and the console closes."""
    await database_sync_to_async(agent_set_available)(user=colleague, available=True)
    key, chat, sam, console = await _chatting(on_duty)
    waiting, _reporter_key = await database_sync_to_async(start_chat)(nickname="Kim")
    await receive_until(console, "queue")
    await database_sync_to_async(_deactivate_quietly)(on_duty, key)
    frame = ACTIONS[action](chat.public_id.hex)
    if action == "transfer":
        frame["to"] = colleague.pk
    await console.send_json_to(frame)
    code, before = await _until_closed(console)
    assert code == CLOSE_LOGGED_OUT
    assert {m["type"] for m in before} <= {"queue"}
    await console.disconnect()
    assert await _heard_nothing_from_staff(sam)
    await sam.disconnect()
    chat = await ChatSession.objects.aget(pk=chat.pk)
    assert (chat.status, chat.agent_id) == (ChatState.ACTIVE, on_duty.pk)
    assert (await ChatSession.objects.aget(pk=waiting.pk)).status == ChatState.WAITING
    assert not await ChatMessage.objects.filter(session=chat, sender=ChatSender.STAFF).aexists()


def _passkey_session(user: User) -> str:
    """A session of ``user`` verified with a passkey instead of the authenticator app."""
    passkey = WebAuthnCredential.objects.create(
        user=user,
        name="Laptop",
        confirmed=True,
        credential_id=b"laptop-credential",
        public_key=b"laptop-public-key",
        credential_id_sha256="0" * 64,
    )
    key = staff_session(user)
    session = session_for_key(key)
    session[DEVICE_ID_SESSION_KEY] = passkey.persistent_id
    session.save()
    _started_now(key)
    return key


def _app_session(user: User) -> str:
    key = staff_session(user)
    _started_now(key)
    return key


@pytest.mark.parametrize("login", [_app_session, _passkey_session], ids=["app", "passkey"])
async def test_a_second_factor_reset_keeps_the_console_out(login, on_duty, check_every):
    """Anna logged in with her authenticator app, or with a passkey; the administrator
    resets her second factor (passkeys included): her console closes, her old session
    opens no console again, and she is away."""
    check_every(0.1)
    key = await database_sync_to_async(login)(on_duty)
    console = await open_console(key)
    await database_sync_to_async(_reset_second_factor)(on_duty, key)
    await _closes_logged_out(console)
    await assert_out_of_chat(on_duty, key)


async def _closes_logged_out(ws: WebsocketCommunicator) -> None:
    code, _before = await _until_closed(ws)
    assert code == CLOSE_LOGGED_OUT
    await ws.disconnect()


async def test_a_colleague_losing_access_leaves_anna_alone(on_duty, colleague, check_every):
    """Bram is switched off; Anna's console keeps working and she stays available."""
    check_every(0.1)
    await database_sync_to_async(agent_set_available)(user=colleague, available=True)
    anna = await open_console(await database_sync_to_async(staff_session)(on_duty))
    bram_key = await database_sync_to_async(staff_session)(colleague)
    bram = await open_console(bram_key)
    await database_sync_to_async(_deactivate)(colleague, bram_key)
    await _closes_logged_out(bram)
    await anna.send_json_to({"type": "ping"})
    await receive_until(anna, "queue")
    assert (await ChatAgent.objects.aget(user=on_duty)).available is True
    await anna.disconnect()
