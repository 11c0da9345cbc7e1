"""Websocket consumers: one for the reporter's own chat, one for an advisor's console.

Protocol (JSON both ways): the client says ``hello`` with the last sequence number it
has; the server sends every later message in order. A message from a client carries a
``ref`` of its own choosing; the server stores it, answers ``ack`` with the ``ref`` and
its sequence number, and only then do others receive it. A resent ``ref`` is stored once.
Message content and client addresses are never logged.
"""

import asyncio
import json
import logging
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from asgiref.typing import (
    ASGIReceiveCallable,
    ASGISendCallable,
    ASGISendEvent,
    WebSocketDisconnectEvent,
)
from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.contrib.sessions.backends.base import UpdateError
from django.db import connections
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.chat import events, selectors, services
from meldpunt.chat.auth import (
    SESSION_TOKEN_KEY,
    scope_client_key,
    staff_user_for_session,
    staff_user_still_there,
)
from meldpunt.chat.limits import MAX_FRAME_BYTES, message_limit
from meldpunt.chat.models import ChatSender, ChatSession, ChatState, EndedBy
from meldpunt.lib import metrics, ratelimit, reporter_session
from meldpunt.lib.access import AccessDenied
from meldpunt.lib.languages import language_name

CLOSE_LOGGED_OUT = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_ENDED = 4410
CLOSE_SERVER_ERROR = 1011
TYPING_INTERVAL = 1.5
# What an advisor does by hand in the console: these keep the staff session alive. The
# heartbeat and the hellos the page sends by itself do not.
ADVISOR_ACTIONS = frozenset({"accept", "message", "typing", "end", "transfer"})

logger = logging.getLogger(__name__)


async def in_pool[T](func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``func`` in the shared thread pool, its database connections closed at its end.

    A connection opened in a pool thread was found still open after the call: the
    thread's next call reused it, and the thread ended with its event loop (every test's
    loop, a worker's at shutdown) without handing it back, so a process's pool of ten
    ran dry and the next console waited ten seconds for a connection. Closing them in the
    call itself hands each back to the pool at once.

    SQLite (development, the SQLite test run) keeps every call on the one ORM thread: its
    in-memory test database refuses a read while another connection writes the table
    ("database table is locked") instead of waiting for it.
    """

    def closing() -> T:
        try:
            return func(*args, **kwargs)
        finally:
            connections.close_all()

    pooled = connections["default"].vendor != "sqlite"
    return await database_sync_to_async(closing, thread_sensitive=not pooled)()


def _parse(text_data: str | None) -> dict[str, Any] | None:
    if not text_data or len(text_data.encode()) > MAX_FRAME_BYTES:
        return None
    try:
        data = json.loads(text_data)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


class ChatBaseConsumer(AsyncWebsocketConsumer):
    metrics_kind = "chat"

    async def __call__(
        self, scope: Any, receive: ASGIReceiveCallable, send: ASGISendCallable
    ) -> None:
        """Run the consumer with a send that drops what goes to a page that has closed.

        A page may close at any moment, for instance while its message is stored and before
        the acknowledgement goes out; the server then raises an OSError for the send (the
        ASGI spec; uvicorn's ClientDisconnected). Raised into the consumer, it would end the
        consumer before the disconnect event the server has already queued, and
        ``disconnect`` would never run: the reporter would never count as left, the advisor
        would never be told and the chat would never expire. Dropped, the send is followed
        by that disconnect event, handled as for any close.
        """

        async def send_while_open(message: ASGISendEvent) -> None:
            with suppress(OSError):
                await send(message)

        await super().__call__(scope, receive, send_while_open)

    async def accept(
        self, subprotocol: str | None = None, headers: list[tuple[str, str]] | None = None
    ) -> None:
        await super().accept(subprotocol, headers)
        if not self.__dict__.get("counted"):
            self.counted = True
            metrics.websocket_opened(self.metrics_kind)

    async def websocket_disconnect(self, message: WebSocketDisconnectEvent) -> None:
        if self.__dict__.pop("counted", False):
            metrics.websocket_closed(self.metrics_kind)
        await super().websocket_disconnect(message)

    async def dispatch(self, message: dict[str, Any]) -> None:
        """Hand each event to its handler without Channels' per-event connection clean-up.

        Channels runs ``close_old_connections`` in the process's one ORM thread before
        every event, so under load every websocket frame and layer event queues behind
        the others there. These consumers never touch the ORM outside
        ``database_sync_to_async``, which cleans up in its own thread before and after.
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    def typing_allowed(self, chat: ChatSession) -> bool:
        """At most one typing signal per chat per 1.5 s; the page sends one per 3 s."""
        last_typing: dict[int, float] = self.__dict__.setdefault("last_typing", {})
        now = time.monotonic()
        if now - last_typing.get(chat.pk, 0.0) < TYPING_INTERVAL:
            return False
        last_typing[chat.pk] = now
        return True

    async def run(self, func: Any, *, pooled: bool = False, **kwargs: Any) -> Any:
        """Run a service in an ORM thread, then send the events it committed.

        ``pooled`` runs it in the shared thread pool (each thread with its own database
        connection; ``in_pool``) instead of the one ORM thread, so that message writes,
        which wait for the disk on commit, and a console's regular looks do not queue
        behind each other.
        """

        def call() -> tuple[Any, list[tuple[str, dict[str, Any]]]]:
            with events.deferred() as collected:
                result = func(**kwargs)
            return result, collected

        if pooled:
            result, collected = await in_pool(call)
        else:
            result, collected = await database_sync_to_async(call)()
        for group, event in collected:
            await self.channel_layer.group_send(group, event)
        return result

    async def send_json(self, payload: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(payload, ensure_ascii=False))

    async def send_error(self, message: str, ref: Any = None, chat: str | None = None) -> None:
        await self.send_json({"type": "error", "message": message, "ref": ref, "chat": chat})

    async def store_message(
        self, *, chat: ChatSession, sender: str, data: dict[str, Any], author: User | None, who: str
    ) -> None:
        """Check, rate-limit, store, then acknowledge. Others hear of it through the layer."""
        ref = str(data.get("ref", ""))[:36]
        try:
            text = services.check_body(data.get("body"))
            message = await self.run(
                _store,
                pooled=True,
                chat=chat,
                sender=sender,
                body=text,
                author=author,
                ref=ref,
                who=who,
            )
        except services.ChatError as exc:
            await self.send_error(str(exc), ref=ref, chat=chat.public_id.hex)
            return
        await self.send_json(
            {"type": "ack", "chat": chat.public_id.hex, "ref": ref, "message": message}
        )

    async def replay(self, chat: ChatSession, after: Any, *, for_reporter: bool) -> None:
        try:
            after_seq = max(int(after), 0)
        except (TypeError, ValueError):
            after_seq = 0
        found = await in_pool(selectors.messages_after, chat, after_seq, for_reporter=for_reporter)
        for message in found:
            payload = services.serialize_message(message)
            if for_reporter:
                payload["author"] = ""
            await self.send_json({"type": "message", "chat": chat.public_id.hex, **payload})


class ReporterConsumer(ChatBaseConsumer):
    """Who: the anonymous reporter whose session holds the token of this very chat."""

    metrics_kind = "reporter"

    chat: ChatSession | None = None
    advisor_present: bool | None = None
    activity_at = 0.0

    async def connect(self) -> None:
        session = self.scope.get("session")
        token = await database_sync_to_async(session.get)(SESSION_TOKEN_KEY) if session else None
        wanted = self.scope["url_route"]["kwargs"]["chat_id"]
        try:
            chat = await database_sync_to_async(selectors.access_chat_for_token)(
                token, public_id=wanted
            )
        except AccessDenied:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.chat = chat
        self.who = scope_client_key(self.scope)
        await self.channel_layer.group_add(chat.group_name, self.channel_name)
        await self.channel_layer.group_add(events.WAITING_GROUP, self.channel_name)
        await self.run(services.reporter_back, chat=chat)
        await self.accept()
        await self.send_state()

    async def disconnect(self, code: int) -> None:
        if self.chat is None:
            return
        await self.channel_layer.group_discard(self.chat.group_name, self.channel_name)
        await self.channel_layer.group_discard(events.WAITING_GROUP, self.channel_name)
        await self.run(services.reporter_left, chat=self.chat)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        data = _parse(text_data)
        if self.chat is None:
            return
        if data is None:
            await self.send_error(_("Dit bericht is te lang of onleesbaar."))
            return
        await self.note_activity()
        kind = data.get("type")
        if kind == "hello":
            await self.replay(self.chat, data.get("after", 0), for_reporter=True)
            await self.check_advisors()
        elif kind == "message":
            await self.store_message(
                chat=self.chat, sender=ChatSender.REPORTER, data=data, author=None, who=self.who
            )
        elif kind == "typing" and self.typing_allowed(self.chat):
            await self.channel_layer.group_send(
                self.chat.group_name,
                {"type": "chat.typing", "chat": self.chat.public_id.hex, "sender": "reporter"},
            )
        elif kind == "end":
            await self.end_chat()

    async def note_activity(self) -> None:
        """An open chat page keeps the reporter's session alive (it would end after 30
        minutes without an HTTP request), noted at most once a minute."""
        now = time.monotonic()
        if now - self.activity_at < reporter_session.SEEN_RESOLUTION_SECONDS:
            return
        self.activity_at = now
        session = self.scope.get("session")
        key = session.session_key if session is not None else None
        await database_sync_to_async(reporter_session.activity_for_key)(key)

    async def end_chat(self) -> None:
        if self.chat is None:
            return
        await self.run(services.chat_end, chat=self.chat, ended_by=EndedBy.REPORTER)
        session = self.scope.get("session")
        if session is not None:
            await database_sync_to_async(_forget_token)(session)

    async def send_state(self) -> None:
        if self.chat is None:
            return
        chat = await database_sync_to_async(selectors.reread_chat)(self.chat)
        if chat is None:
            return
        self.chat = chat
        payload: dict[str, Any] = {"type": "state", "status": chat.status}
        if chat.status == ChatState.WAITING:
            payload.update(await database_sync_to_async(selectors.waiting_state)(chat))
            self.advisor_present = payload["advisor_present"]
        await self.send_json(payload)
        if chat.status != ChatState.WAITING:
            await self.channel_layer.group_discard(events.WAITING_GROUP, self.channel_name)
        if chat.status == ChatState.ENDED:
            await self.close(code=CLOSE_ENDED)

    async def check_advisors(self) -> None:
        """A console that vanished without closing (a worker that died, a laptop shut)
        stops counting after AGENT_PRESENCE_SECONDS without any event; the page's regular
        hello brings that news, or an advisor's return, to a waiting reporter."""
        if self.chat is None or self.chat.status != ChatState.WAITING:
            return
        if await database_sync_to_async(selectors.advisor_present)() != self.advisor_present:
            await self.send_state()

    async def chat_message(self, event: dict[str, Any]) -> None:
        message = dict(event["message"])
        if message["sender"] == ChatSender.NOTE:
            return
        message["author"] = ""
        await self.send_json({"type": "message", "chat": event["chat"], **message})

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event["sender"] != "reporter":
            await self.send_json({"type": "typing", "chat": event["chat"]})

    async def chat_state(self, event: dict[str, Any]) -> None:
        await self.send_state()

    async def queue_changed(self, event: dict[str, Any]) -> None:
        if self.chat is not None and self.chat.status == ChatState.WAITING:
            await self.send_state()

    async def chat_presence(self, event: dict[str, Any]) -> None:
        """Another page of this reporter closed (a second tab, or the page before a reload
        that closed after this one connected): this page is still here."""
        if event["left"] and self.chat is not None:
            await self.run(services.reporter_back, chat=self.chat)


def _store(
    *, chat: ChatSession, sender: str, body: str, author: User | None, ref: str, who: str
) -> dict[str, Any]:
    """Rate-limit, then store; one trip to a worker thread for both."""
    if not ratelimit.hit(message_limit(), who):
        raise services.ChatError(_("U stuurt veel berichten snel achter elkaar. Wacht even."))
    return services.serialize_message(
        services.message_store(chat=chat, sender=sender, body=body, author=author, client_ref=ref)
    )


def _forget_token(session: Any) -> None:
    session.pop(SESSION_TOKEN_KEY, None)
    # Quick exit may have thrown the whole session away already; it stays away.
    with suppress(UpdateError):
        session.save()


class AdvisorConsumer(ChatBaseConsumer):
    """Who: an advisor or coordinator logged in with two factors. Others are refused.

    The staff session is looked at again before every action, every few seconds by the
    server itself, and at once when the accounts app says access may have changed. Once it
    has ended (logout, deactivation, a changed role, a reset second factor, 30 minutes
    idle, 12 hours) the console closes and handles nothing more.
    """

    metrics_kind = "advisor"

    user: User | None = None
    session_key: str | None = None
    logged_out = False
    watcher: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        session = self.scope.get("session")
        user = await database_sync_to_async(staff_user_for_session)(session) if session else None
        if user is None or session is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.user = user
        self.session_key = session.session_key
        self.who = f"staff-{user.pk}"
        self.chats: dict[str, ChatSession] = {}
        # Whether each open chat's reporter has left, as this console last told the page.
        self.left: dict[str, bool] = {}
        await self.channel_layer.group_add(events.STAFF_GROUP, self.channel_name)
        await self.channel_layer.group_add(events.agent_group(user.pk), self.channel_name)
        await self.run(services.agent_heartbeat, user=user)
        await self.run(services.chats_expire)
        for chat in await database_sync_to_async(selectors.active_chats_for)(user):
            await self.join(chat)
        await self.accept()
        self.watcher = asyncio.create_task(self.watch())
        await self.send_queue()
        for chat in self.chats.values():
            await self.send_chat_opened(chat)

    async def disconnect(self, code: int) -> None:
        if self.user is None:
            return
        if self.watcher is not None:
            self.watcher.cancel()
        await self.leave_groups()
        await self.run(services.agent_console_closed, user=self.user)

    async def dispatch(self, message: dict[str, Any]) -> None:
        """Once closed for a logout, only the disconnect itself is handled: no queue, no
        chat message, no frame from the page reaches or leaves this console any more."""
        if self.logged_out and message["type"] != "websocket.disconnect":
            return
        await super().dispatch(message)

    async def leave_groups(self) -> None:
        await self.channel_layer.group_discard(events.STAFF_GROUP, self.channel_name)
        if self.user is not None:
            await self.channel_layer.group_discard(
                events.agent_group(self.user.pk), self.channel_name
            )
        for chat in self.chats.values():
            await self.channel_layer.group_discard(chat.group_name, self.channel_name)

    async def send_json(self, payload: dict[str, Any]) -> None:
        """Nothing more once the console is closed for a logout: the server refuses it."""
        if not self.logged_out:
            await super().send_json(payload)

    async def close_logged_out(self, *, away: bool = False) -> None:
        """Close the console for good: the page asks the advisor to log in again.

        ``away`` ends the advisor's chat work as a logout does (away, every other console
        of theirs closes, waiting reporters are told); that comes before the close, so a
        page that leaves at once cannot cut it short.
        """
        self.logged_out = True
        if away:
            await self.run(services.agent_logged_out, user=self.user)
        await self.leave_groups()
        await self.close(code=CLOSE_LOGGED_OUT)

    async def still_logged_in(self, *, active: bool) -> bool:
        """Read the staff session afresh; if it has ended, close the console (logged out).

        ``active``: the advisor did something by hand, which keeps the session alive.
        """
        user = await in_pool(staff_user_still_there, self.session_key, active=active)
        if self.logged_out:
            return False
        if user is None:
            await self.close_logged_out(away=True)
            return False
        self.user = user
        return True

    async def watch(self) -> None:
        """The server's own look every few seconds: a console left open on a page that
        no longer pings (a laptop shut, a script) closes when the session ends too; and
        chats whose reporter has not come back within the resume window end (any open
        console does it, so they end on time without a cron job)."""
        try:
            while True:
                await asyncio.sleep(settings.MELDPUNT_STAFF_SOCKET_CHECK_SECONDS)
                if not await self.still_logged_in(active=False):
                    return
                # In the thread pool, so this regular look never holds up the one ORM thread.
                await self.run(services.chats_expire, pooled=True)
                await self.presence_catch_up()
        except Exception:
            # A console whose session cannot be checked does not stay open; the page
            # reconnects, and connecting checks again.
            logger.exception("staff console check failed")
            await self.close(code=CLOSE_SERVER_ERROR)

    async def presence_catch_up(self) -> None:
        """The layer delivers what it can (pub/sub drops an event it cannot hand over); the
        database has what happened. A reporter who left or came back without this console
        hearing of it is reported now, unless an event told the page meanwhile."""
        if not self.chats:
            return
        told = dict(self.left)
        found = await in_pool(selectors.reporters_left, [chat.pk for chat in self.chats.values()])
        for chat_id, left in found.items():
            if chat_id in told and told[chat_id] != left and self.left[chat_id] == told[chat_id]:
                await self.send_presence(chat_id, left)

    async def send_presence(self, chat_id: str, left: bool) -> None:
        self.left[chat_id] = left
        await self.send_json({"type": "presence", "chat": chat_id, "left": left})

    async def join(self, chat: ChatSession) -> None:
        self.chats[chat.public_id.hex] = chat
        await self.channel_layer.group_add(chat.group_name, self.channel_name)

    async def send_chat_opened(self, chat: ChatSession) -> None:
        self.left[chat.public_id.hex] = chat.reporter_left_at is not None
        await self.send_json(
            {
                "type": "chat.opened",
                "chat": chat.public_id.hex,
                "pk": chat.pk,
                "nickname": chat.nickname,
                "language": chat.language,
                "language_name": language_name(chat.language),
                "status": chat.status,
                "left": chat.reporter_left_at is not None,
            }
        )

    async def send_queue(self) -> None:
        waiting = await in_pool(selectors.queue)
        await self.send_json({"type": "queue", "queue": waiting})

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.user is None or self.logged_out:
            return
        data = _parse(text_data)
        if data is None:
            await self.send_error(_("Dit bericht is te lang of onleesbaar."))
            return
        kind = data.get("type")
        if kind == "ping":
            await self.heartbeat()
            return
        if not await self.still_logged_in(active=kind in ADVISOR_ACTIONS):
            return
        if kind == "accept":
            await self.call(services.chat_accept_next, user=self.user)
            return
        chat = self.chats.get(str(data.get("chat", "")))
        if chat is None:
            await self.send_error(_("Deze chat is niet (meer) van u."), chat=data.get("chat"))
            return
        if kind == "hello":
            await self.replay(chat, data.get("after", 0), for_reporter=False)
        elif kind == "message":
            await self.store_message(
                chat=chat, sender=ChatSender.STAFF, data=data, author=self.user, who=self.who
            )
        elif kind == "typing" and self.typing_allowed(chat):
            await self.channel_layer.group_send(
                chat.group_name,
                {"type": "chat.typing", "chat": chat.public_id.hex, "sender": "staff"},
            )
        elif kind == "end":
            await self.call(services.chat_end, chat=chat, ended_by=EndedBy.STAFF, by=self.user)
        elif kind == "transfer":
            await self.transfer(chat, data)

    async def heartbeat(self) -> None:
        """The page's regular ping: if the staff session still holds, the advisor counts as
        present and gets the queue; if it ran out, they are logged out, as by the button."""
        if not await self.still_logged_in(active=False):
            return
        await self.run(services.agent_heartbeat, pooled=True, user=self.user)
        await self.send_queue()

    async def call(self, service: Any, **kwargs: Any) -> Any:
        try:
            return await self.run(service, **kwargs)
        except services.ChatError as exc:
            await self.send_error(
                str(exc), chat=kwargs.get("chat") and kwargs["chat"].public_id.hex
            )
            return None

    async def transfer(self, chat: ChatSession, data: dict[str, Any]) -> None:
        colleague = await database_sync_to_async(selectors.colleague)(data.get("to"))
        if colleague is None:
            await self.send_error(_("Kies een collega."), chat=chat.public_id.hex)
            return
        await self.call(
            services.chat_transfer,
            chat=chat,
            by=self.user,
            to=colleague,
            note=str(data.get("note", "")),
        )

    async def agent_assigned(self, event: dict[str, Any]) -> None:
        if self.user is None:
            return
        try:
            chat = await database_sync_to_async(selectors.access_chat_by_public_id)(
                self.user, event["chat"], audit=None
            )
        except AccessDenied:
            return
        await self.join(chat)
        await self.send_chat_opened(chat)

    async def agent_released(self, event: dict[str, Any]) -> None:
        chat = self.chats.pop(event["chat"], None)
        if chat is not None:
            await self.channel_layer.group_discard(chat.group_name, self.channel_name)
        await self.send_json({"type": "chat.released", "chat": event["chat"]})

    async def agent_ended(self, event: dict[str, Any]) -> None:
        chat = self.chats.pop(event["chat"], None)
        if chat is not None:
            await self.channel_layer.group_discard(chat.group_name, self.channel_name)

    async def agent_presence(self, event: dict[str, Any]) -> None:
        """Another console of this advisor closed: this one is still here."""
        await self.run(services.agent_heartbeat, user=self.user)

    async def agent_logout(self, event: dict[str, Any]) -> None:
        """The advisor logged out (in any tab): the console closes and does not come back."""
        await self.close_logged_out()

    async def staff_revoke(self, event: dict[str, Any]) -> None:
        """The accounts app says the advisor's access may have changed: look at once."""
        await self.still_logged_in(active=False)

    async def chat_message(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "message", "chat": event["chat"], **event["message"]})

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event["sender"] != "staff":
            await self.send_json({"type": "typing", "chat": event["chat"]})

    async def chat_state(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "state", "chat": event["chat"], "status": event["status"]})

    async def queue_changed(self, event: dict[str, Any]) -> None:
        await self.send_queue()

    async def chat_presence(self, event: dict[str, Any]) -> None:
        """The reporter's page went away (may come back) or came back."""
        await self.send_presence(event["chat"], event["left"])
