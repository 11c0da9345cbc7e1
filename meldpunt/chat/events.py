"""Live events for the chat, sent through the channel layer once the data is committed.

Groups: one per chat (both sides), one for all advisor consoles (queue changes), one for
reporters who are waiting (their place in the queue), and one per advisor (chats that are
handed to or taken from them).
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

STAFF_GROUP = "chat.staff"
WAITING_GROUP = "chat.waiting"


def agent_group(user_id: int) -> str:
    return f"chat.agent.{user_id}"


_outbox = threading.local()


@contextmanager
def deferred() -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """Collect committed events instead of sending them: a consumer sends them itself.

    Sending from the ORM's worker thread would need a round trip to the event loop for
    every event; the consumer awaits the sends on its own loop instead.
    """
    collected: list[tuple[str, dict[str, Any]]] = []
    _outbox.events = collected
    try:
        yield collected
    finally:
        _outbox.events = None


def publish(group: str, event: dict[str, Any]) -> None:
    """Send ``event`` to ``group`` after the current transaction commits (at once outside one)."""

    def send() -> None:
        collected = getattr(_outbox, "events", None)
        if collected is not None:
            collected.append((group, event))
            return
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(group, event)

    transaction.on_commit(send)
