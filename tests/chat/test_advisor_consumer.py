"""The advisor console's websocket: two factors required, accept, talk, transfer, end."""

import pytest
from channels.db import database_sync_to_async
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from meldpunt.accounts.models import User
from meldpunt.chat import services
from meldpunt.chat.consumers import CLOSE_FORBIDDEN
from meldpunt.chat.models import ChatMessage, ChatSender, ChatSession, ChatState
from tests.chat.conftest import advisor_ws, receive_until, reporter_ws, staff_session, start_chat

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("close_db_threads")]


def _password_only_session(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def _session_with_someone_elses_device(user: User, other: User) -> str:
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = other.totpdevice_set.get().persistent_id
    session.save()
    return client.cookies["sessionid"].value


async def test_verified_advisor_connects_and_sees_the_queue(on_duty):
    """Anna, logged in with two factors, gets the queue with waiting times."""
    await database_sync_to_async(start_chat)(nickname="Sam")
    ws = advisor_ws(await database_sync_to_async(staff_session)(on_duty))
    connected, _code = await ws.connect()
    assert connected
    queue = await receive_until(ws, "queue")
    assert [entry["nickname"] for entry in queue["queue"]] == ["Sam"]
    assert queue["queue"][0]["waiting_seconds"] >= 0
    await ws.disconnect()


async def test_password_only_session_is_refused(on_duty):
    """Logged in with a password but without the second factor: refused."""
    key = await database_sync_to_async(_password_only_session)(on_duty)
    connected, code = await advisor_ws(key).connect()
    assert not connected
    assert code == CLOSE_FORBIDDEN


async def test_device_of_another_user_is_refused(on_duty, colleague):
    """A session pointing at a colleague's device does not count as a second factor."""
    key = await database_sync_to_async(_session_with_someone_elses_device)(on_duty, colleague)
    connected, _code = await advisor_ws(key).connect()
    assert not connected


@pytest.mark.parametrize("role_fixture", ["analyst", "municipality_viewer", "administrator"])
async def test_roles_without_case_access_are_refused(on_duty, role_fixture, request):
    """Analysts, municipality viewers and administrators never reach a chat."""
    user = await database_sync_to_async(request.getfixturevalue)(role_fixture)
    key = await database_sync_to_async(staff_session)(user)
    connected, _code = await advisor_ws(key).connect()
    assert not connected


async def test_anonymous_is_refused(on_duty):
    """No session at all: refused."""
    connected, _code = await advisor_ws(None).connect()
    assert not connected


async def test_a_whole_conversation(on_duty):
    """Accept, messages both ways with typing, then the advisor ends it; both sides hear it."""
    chat, reporter_key = await database_sync_to_async(start_chat)()
    reporter = reporter_ws(chat, reporter_key)
    await reporter.connect()
    await receive_until(reporter, "state", status=ChatState.WAITING)
    advisor = advisor_ws(await database_sync_to_async(staff_session)(on_duty))
    await advisor.connect()
    await receive_until(advisor, "queue")

    await advisor.send_json_to({"type": "accept"})
    opened = await receive_until(advisor, "chat.opened")
    assert opened["chat"] == chat.public_id.hex
    await advisor.send_json_to({"type": "hello", "chat": chat.public_id.hex, "after": 0})
    await receive_until(advisor, "message", chat=chat.public_id.hex, body="joined")
    joined = await receive_until(reporter, "message")
    assert (joined["sender"], joined["body"]) == (ChatSender.SYSTEM, "joined")
    await receive_until(reporter, "state", status=ChatState.ACTIVE)

    await reporter.send_json_to({"type": "typing"})
    await receive_until(advisor, "typing", chat=chat.public_id.hex)
    await reporter.send_json_to({"type": "message", "ref": "a", "body": "Hallo?"})
    await receive_until(reporter, "ack", ref="a")
    got = await receive_until(advisor, "message", body="Hallo?")
    assert got["sender"] == ChatSender.REPORTER

    await advisor.send_json_to(
        {"type": "message", "chat": chat.public_id.hex, "ref": "b", "body": "Goedemorgen"}
    )
    await receive_until(advisor, "ack", ref="b")
    answer = await receive_until(reporter, "message", body="Goedemorgen")
    assert answer["sender"] == ChatSender.STAFF
    assert answer["author"] == ""

    await advisor.send_json_to({"type": "end", "chat": chat.public_id.hex})
    await receive_until(reporter, "state", status=ChatState.ENDED)
    await receive_until(advisor, "state", status=ChatState.ENDED)
    await chat.arefresh_from_db()
    assert chat.status == ChatState.ENDED
    assert chat.ended_by == "staff"
    await advisor.disconnect()


async def test_advisor_cannot_write_in_a_chat_that_is_not_theirs(on_duty, colleague):
    """A chat accepted by a colleague is not reachable from Anna's console."""
    chat, _key = await database_sync_to_async(start_chat)()

    def colleague_takes_it() -> None:
        services.agent_set_available(user=colleague, available=True)
        services.chat_accept_next(user=colleague)

    await database_sync_to_async(colleague_takes_it)()
    advisor = advisor_ws(await database_sync_to_async(staff_session)(on_duty))
    await advisor.connect()
    await advisor.send_json_to(
        {"type": "message", "chat": chat.public_id.hex, "ref": "x", "body": "hoi"}
    )
    await receive_until(advisor, "error")
    assert not await ChatMessage.objects.filter(session=chat, sender=ChatSender.STAFF).aexists()
    await advisor.disconnect()


async def test_transfer_hands_the_chat_over_with_a_note(on_duty, colleague):
    """Transfer: the colleague's console opens the chat and sees the note; the reporter does not."""
    chat, reporter_key = await database_sync_to_async(start_chat)()
    await database_sync_to_async(services.agent_set_available)(user=colleague, available=True)
    anna = advisor_ws(await database_sync_to_async(staff_session)(on_duty))
    bram = advisor_ws(await database_sync_to_async(staff_session)(colleague))
    reporter = reporter_ws(chat, reporter_key)
    for ws in (anna, bram, reporter):
        await ws.connect()
    await anna.send_json_to({"type": "accept"})
    await receive_until(anna, "chat.opened")
    await anna.send_json_to(
        {
            "type": "transfer",
            "chat": chat.public_id.hex,
            "to": colleague.pk,
            "note": "Spreekt Pools",
        }
    )
    await receive_until(anna, "chat.released", chat=chat.public_id.hex)
    await receive_until(bram, "chat.opened", chat=chat.public_id.hex)
    await bram.send_json_to({"type": "hello", "chat": chat.public_id.hex, "after": 0})
    note = await receive_until(bram, "message", sender=ChatSender.NOTE)
    assert note["body"] == "Spreekt Pools"
    await receive_until(reporter, "message", body="transferred")
    await chat.arefresh_from_db()
    assert chat.agent_id == colleague.pk
    await reporter.send_json_to({"type": "hello", "after": 0})
    replay = []
    while not await reporter.receive_nothing(timeout=0.3):
        replay.append(await reporter.receive_json_from())
    assert all(m.get("sender") != ChatSender.NOTE for m in replay)
    for ws in (anna, bram, reporter):
        await ws.disconnect()


async def test_accept_beyond_capacity_is_refused(on_duty):
    """With capacity one and one chat running, accepting another gives a clear error."""
    await database_sync_to_async(services.agent_set_available)(
        user=on_duty, available=True, capacity=1
    )
    for _ in range(2):
        await database_sync_to_async(start_chat)()
    advisor = advisor_ws(await database_sync_to_async(staff_session)(on_duty))
    await advisor.connect()
    await advisor.send_json_to({"type": "accept"})
    await receive_until(advisor, "chat.opened")
    await advisor.send_json_to({"type": "accept"})
    await receive_until(advisor, "error")
    assert await ChatSession.objects.filter(status=ChatState.ACTIVE).acount() == 1
    await advisor.disconnect()


async def test_typing_signals_are_thinned_out(on_duty):
    """Two typing signals in quick succession reach the advisor once."""
    chat, reporter_key = await database_sync_to_async(start_chat)()
    advisor = advisor_ws(await database_sync_to_async(staff_session)(on_duty))
    await advisor.connect()
    await advisor.send_json_to({"type": "accept"})
    await receive_until(advisor, "chat.opened")
    reporter = reporter_ws(chat, reporter_key)
    await reporter.connect()
    await reporter.send_json_to({"type": "typing"})
    await reporter.send_json_to({"type": "typing"})
    await receive_until(advisor, "typing")
    while not await advisor.receive_nothing(timeout=0.3):
        assert (await advisor.receive_json_from())["type"] != "typing"
    await reporter.disconnect()
    await advisor.disconnect()
