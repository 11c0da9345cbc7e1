"""Limits on the chat, each adjustable in settings (the benchmark raises them)."""

from django.conf import settings
from django.core.cache import cache

from meldpunt.chat.models import ChatSession, ChatState
from meldpunt.lib.ratelimit import Limit

# How long the cache remembers which chats a client started: their chats stop counting
# once taken or ended, and the memory goes after this time in any case.
WAITING_MEMORY_SECONDS = 3600

# A websocket frame larger than this is refused before it is even parsed.
MAX_FRAME_BYTES = 16_384


def start_limit() -> Limit:
    """New chats per client address per hour."""
    return Limit("chat-start", getattr(settings, "MELDPUNT_CHAT_STARTS_PER_HOUR", 6), 3600)


def message_limit() -> Limit:
    """Messages per client address per minute."""
    return Limit("chat-message", getattr(settings, "MELDPUNT_CHAT_MESSAGES_PER_MINUTE", 40), 60)


def queue_limit() -> int:
    """Chats that may wait at once; past it, visitors get the phone number and the form."""
    return settings.MELDPUNT_CHAT_QUEUE_MAX


def resume_seconds() -> int:
    """How long a reporter whose page went away (reload, tab closed, connection lost) may
    come back to the same chat; after it the chat ends by itself."""
    return settings.MELDPUNT_CHAT_RESUME_SECONDS


def waiting_per_client() -> int:
    """Chats one client address may have waiting at once."""
    return settings.MELDPUNT_CHAT_WAITING_PER_CLIENT


def _waiting_key(who: str) -> str:
    return f"chat-waiting:{who}"


def waiting_for(who: str) -> int:
    """How many of the chats that client ``who`` started are still waiting."""
    started = cache.get(_waiting_key(who)) or []
    if not started:
        return 0
    return ChatSession.objects.filter(public_id__in=started, status=ChatState.WAITING).count()


def remember_waiting(who: str, chat: ChatSession) -> None:
    """Note in the cache (never the database) that client ``who`` started ``chat``; the
    start limit keeps the list short."""
    started = cache.get(_waiting_key(who)) or []
    cache.set(_waiting_key(who), [*started, chat.public_id.hex], timeout=WAITING_MEMORY_SECONDS)
