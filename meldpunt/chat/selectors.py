"""Reads for the chat: is it open, the queue, a reporter's own chat, transcripts.

A reporter reaches their chat with the token in their session (``access_chat_for_token``),
staff with ``access_chat`` or ``access_chat_by_public_id`` (meldpunt/lib/access.py).
"""

import time
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, TypedDict

from asgiref.sync import async_to_sync
from django.db.models import Count, Q, QuerySet
from django_stubs_ext import WithAnnotations

from meldpunt.accounts.models import User
from meldpunt.cases.selectors import case_handlers, granted
from meldpunt.chat import limits
from meldpunt.chat.models import (
    CannedResponse,
    ChatAgent,
    ChatMessage,
    ChatSender,
    ChatSession,
    ChatState,
)
from meldpunt.lib import clock, health
from meldpunt.lib.access import AccessDenied
from meldpunt.lib.crypto import keyed_digest
from meldpunt.lib.languages import language_name
from meldpunt.public.selectors import (
    ChatAvailability,
    ClosedReason,
    availability_by_hours,
    chat_opening,
)

# An advisor's console sends a heartbeat; one that has not been heard from is away.
AGENT_PRESENCE_SECONDS = 90
# Expected wait per person ahead in the queue when there is no recent history.
DEFAULT_WAIT_SECONDS = 120
# Even when advisors took the last chats at once, each person ahead takes a while.
MIN_WAIT_SECONDS = 60
WAIT_HISTORY = 20


def token_hash(token: str) -> str:
    """The stored form of a reporter's resume token: a keyed hash, never the token."""
    return keyed_digest("chat-resume-token", token.encode()).hex()


def present_since(now: datetime) -> datetime:
    """An advisor's console heard from after this moment counts as present."""
    return now - timedelta(seconds=AGENT_PRESENCE_SECONDS)


class _ActiveChats(TypedDict):
    active: int


def present_agents(
    *, now: datetime, user: User | None = None
) -> list["WithAnnotations[ChatAgent, _ActiveChats]"]:
    """Advisors who are available, connected, and how many chats each has now (only
    ``user``, when given)."""
    present = ChatAgent.objects.filter(available=True, last_seen_at__gte=present_since(now))
    if user is not None:
        present = present.filter(user=user)
    return list(
        present.annotate(
            active=Count("user__chats", filter=Q(user__chats__status=ChatState.ACTIVE))
        )
    )


def advisor_present(*, now: datetime | None = None) -> bool:
    """Is any advisor available with an open console? Busy ones count: they will come."""
    moment = now or clock.now()
    return ChatAgent.objects.filter(
        available=True, last_seen_at__gte=present_since(moment)
    ).exists()


def waiting_chats() -> QuerySet[ChatSession]:
    """Waiting chats in the order they are taken: first come, first served (ties by id)."""
    return ChatSession.objects.filter(status=ChatState.WAITING).order_by("created_at", "pk")


# How long one process trusts its last look at the channel layer: a chat page costs no
# Redis round trip, and chat opens again within this long after Redis is back.
LAYER_CHECK_SECONDS = 5.0
_layer_seen: dict[str, float | bool] = {}


def channel_layer_works() -> bool:
    """Whether chat messages can pass between workers now (the channel layer, Redis)."""
    now = time.monotonic()
    if now - float(_layer_seen.get("at", -LAYER_CHECK_SECONDS)) >= LAYER_CHECK_SECONDS:
        _layer_seen["ok"] = async_to_sync(health.channel_layer_problem)() is None
        _layer_seen["at"] = now
    return bool(_layer_seen["ok"])


def chat_availability(*, at: datetime | None = None) -> ChatAvailability:
    """Open within opening hours while an advisor is there and the queue has room.

    Registered with the public app (ChatConfig.ready), so the contact block on every
    page gives this same answer. A waiting chat takes no advisor's capacity: the queue has
    its own limit, and a visitor who joins it sees their place and expected wait."""
    now = at or clock.now()
    by_hours = availability_by_hours(chat_opening(at=now))
    if not by_hours.is_open:
        return by_hours
    reason = None
    if not advisor_present(now=now):
        reason = ClosedReason.NO_ADVISOR
    elif waiting_chats().count() >= limits.queue_limit():
        reason = ClosedReason.QUEUE_FULL
    elif not channel_layer_works():
        reason = ClosedReason.UNAVAILABLE
    return replace(by_hours, is_open=reason is None, reason=reason)


def queue_metrics() -> list[tuple[dict[str, str], float]]:
    """The chat queue for /metrics: its length, the longest wait now, and the mean wait of
    the chats taken in the last hour, in seconds."""
    now = clock.now()
    waiting = list(waiting_chats().values_list("created_at", flat=True))
    longest = max(((now - at).total_seconds() for at in waiting), default=0.0)
    taken = ChatSession.objects.filter(
        accepted_at__gte=now - timedelta(hours=1), accepted_at__isnull=False
    ).values_list("created_at", "accepted_at")
    waits = [(accepted - created).total_seconds() for created, accepted in taken if accepted]
    mean = sum(waits) / len(waits) if waits else 0.0
    return [
        ({"what": "length"}, float(len(waiting))),
        ({"what": "longest_wait_seconds"}, longest),
        ({"what": "mean_wait_last_hour_seconds"}, mean),
    ]


def access_chat_for_token(token: str | None, *, public_id: str | None = None) -> ChatSession:
    """The reporter's own chat, while it can still be resumed; not audited.

    AccessDenied without a token, for a token of no chat, for an ended chat, for one left
    longer than ``limits.resume_seconds()`` ago, and (with ``public_id``) for any other chat.
    """
    chat = ChatSession.objects.filter(token_hash=token_hash(token)).first() if token else None
    if (
        chat is None
        or chat.status == ChatState.ENDED
        or (public_id is not None and chat.public_id.hex != public_id)
        or (
            chat.reporter_left_at is not None
            and chat.reporter_left_at < clock.now() - timedelta(seconds=limits.resume_seconds())
        )
    ):
        raise AccessDenied
    return chat


def reporters_left(chat_ids: list[int]) -> dict[str, bool]:
    """Of these chats still going, whether each one's reporter has left (public id, hex)."""
    found = ChatSession.objects.filter(pk__in=chat_ids).exclude(status=ChatState.ENDED)
    return {
        public_id.hex: left_at is not None
        for public_id, left_at in found.values_list("public_id", "reporter_left_at")
    }


def queue(*, now: datetime | None = None) -> list[dict[str, Any]]:
    """Waiting chats, longest waiting first, with how long each has waited, its place and
    expected wait: the same place and wait the reporter sees (``waiting_state``)."""
    moment = now or clock.now()
    average = _average_wait()
    return [
        {
            "id": chat.public_id.hex,
            "nickname": chat.nickname,
            "language": chat.language,
            "language_name": language_name(chat.language),
            "waiting_seconds": int((moment - chat.created_at).total_seconds()),
            **_place(position, average),
        }
        for position, chat in enumerate(waiting_chats(), start=1)
    ]


def queue_position(chat: ChatSession) -> int:
    """1 for the first in line, in the order of ``waiting_chats``; 0 once no longer waiting."""
    if chat.status != ChatState.WAITING:
        return 0
    return (
        waiting_chats()
        .filter(Q(created_at__lt=chat.created_at) | Q(created_at=chat.created_at, pk__lte=chat.pk))
        .count()
    )


def waiting_state(chat: ChatSession) -> dict[str, Any]:
    """What a waiting reporter is told: their place, the expected wait, and whether any
    advisor is there at all (if not, the page offers the phone and the web form)."""
    return {**_place(queue_position(chat), _average_wait()), "advisor_present": advisor_present()}


def _average_wait() -> float:
    """The average wait of recently accepted chats, or a default without history."""
    recent = list(
        ChatSession.objects.filter(accepted_at__isnull=False)
        .order_by("-accepted_at")
        .values_list("created_at", "accepted_at")[:WAIT_HISTORY]
    )
    if not recent:
        return DEFAULT_WAIT_SECONDS
    waits = [(acc - created).total_seconds() for created, acc in recent if acc is not None]
    return sum(waits) / len(recent)


def _place(position: int, average: float) -> dict[str, int]:
    """A place in the queue as both sides show it: the number, and the expected wait
    (position times the average wait of recently accepted chats) in seconds and in
    whole minutes, at least one."""
    seconds = int(max(position, 1) * max(average, MIN_WAIT_SECONDS))
    return {
        "position": position,
        "wait_seconds": seconds,
        "wait_minutes": max(1, round(seconds / 60)),
    }


def agent_settings(user: User) -> ChatAgent:
    """The advisor's chat settings; away with capacity 2 until they change them."""
    return ChatAgent.objects.filter(user=user).first() or ChatAgent(user=user)


def reread_chat(chat: ChatSession) -> ChatSession | None:
    """A chat already reached through an ``access_chat...`` function, read again (its
    status changes under way); None once it is gone."""
    return ChatSession.objects.filter(pk=chat.pk).first()


def _chat_for_staff(user: User, chat: ChatSession | None, *, audit: str | None) -> ChatSession:
    """Advisors reach a chat they have (or had); coordinators any chat. The caller has
    checked the two factors: ``staff_required`` for a page, the staff session for the
    console."""
    if chat is not None and not (
        user.handles_cases and (chat.agent_id == user.pk or user.is_coordinator)
    ):
        chat = None
    return granted(user, chat, audit=audit, case=None)


def access_chat(user: User, chat_id: int, *, audit: str | None) -> ChatSession:
    """A chat by id, for the advisor who has (had) it or a coordinator; AccessDenied else."""
    return _chat_for_staff(user, ChatSession.objects.filter(pk=chat_id).first(), audit=audit)


def access_chat_by_public_id(user: User, public_id: str, *, audit: str | None) -> ChatSession:
    """As ``access_chat``, by the public id the console and its events use."""
    chat = ChatSession.objects.filter(public_id=public_id).first()
    return _chat_for_staff(user, chat, audit=audit)


def active_chats_for(user: Any) -> list[ChatSession]:
    return list(ChatSession.objects.filter(agent=user, status=ChatState.ACTIVE))


def messages_after(chat: ChatSession, after: int, *, for_reporter: bool) -> list[ChatMessage]:
    found = (
        ChatMessage.objects.filter(session=chat, seq__gt=after)
        .select_related("author")
        .order_by("seq")
    )
    if for_reporter:
        found = found.exclude(sender=ChatSender.NOTE)
    return list(found)


def canned_responses() -> list[CannedResponse]:
    """Every canned response, by language; the console puts a chat's own language first."""
    return list(CannedResponse.objects.all())


def transcripts_for_case(case: Any) -> list[tuple[ChatSession, list[ChatMessage]]]:
    """Chats attached to a case's contacts, each with its messages in order.

    The caller has already been let in to the case through ``access_case``.
    """
    chats = list(
        ChatSession.objects.filter(contact__case=case)
        .prefetch_related("messages", "messages__author")
        .order_by("created_at")
    )
    return [(chat, list(chat.messages.all())) for chat in chats]


def colleagues(*, of: User) -> list[User]:
    """Advisors and coordinators a chat can be handed to (the server checks room on transfer)."""
    return list(case_handlers().exclude(pk=of.pk))


def colleague(user_id: Any) -> User | None:
    try:
        pk = int(user_id)
    except (TypeError, ValueError):
        return None
    return case_handlers().filter(pk=pk).first()


def case_id_for_number(number: str) -> int | None:
    """The id behind a case number; the case itself is opened through ``access_case``."""
    from meldpunt.cases.models import Case

    return Case.objects.filter(number=number).values_list("pk", flat=True).first()
