"""Limits on the chat, each adjustable in settings (the benchmark raises them)."""

from django.conf import settings

from meldpunt.lib.ratelimit import Limit

# A websocket frame larger than this is refused before it is even parsed.
MAX_FRAME_BYTES = 16_384


def start_limit() -> Limit:
    """New chats per client address per hour."""
    return Limit("chat-start", getattr(settings, "MELDPUNT_CHAT_STARTS_PER_HOUR", 6), 3600)


def message_limit() -> Limit:
    """Messages per client address per minute."""
    return Limit("chat-message", getattr(settings, "MELDPUNT_CHAT_MESSAGES_PER_MINUTE", 40), 60)
