"""Chat messages never sit in Redis as plain text."""

import pytest
import redis
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings


@pytest.mark.skipif(not settings.REDIS_URL, reason="only with the Redis channel layer")
def test_a_message_waiting_in_redis_is_encrypted() -> None:
    """A message sent through the layer is stored in Redis without its text readable."""
    layer = get_channel_layer()
    async_to_sync(layer.send)("probe.encrypted", {"type": "chat.message", "body": "GEHEIM-42"})
    client = redis.Redis.from_url(
        settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]["address"]
    )
    stored = b"".join(
        value for key in client.keys("*probe.encrypted*") for value in client.zrange(key, 0, -1)
    )
    assert stored, "the message was not found in Redis at all"
    assert b"GEHEIM-42" not in stored
    async_to_sync(layer.flush)()
