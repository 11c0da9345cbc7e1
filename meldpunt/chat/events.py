"""Live events for the chat, sent through the channel layer once the data is committed.

Groups: one per chat (both sides), one for all advisor consoles (queue changes), one for
reporters who are waiting (their place in the queue), and one per advisor (chats that are
handed to or taken from them).
"""

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

STAFF_GROUP = "chat.staff"
WAITING_GROUP = "chat.waiting"


def agent_group(user_id: int) -> str:
    return f"chat.agent.{user_id}"


def publish(group: str, event: dict[str, Any]) -> None:
    """Send ``event`` to ``group`` after the current transaction commits (at once outside one)."""

    def send() -> None:
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(group, event)

    transaction.on_commit(send)
