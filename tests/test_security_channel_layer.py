"""Chat messages never sit in Redis as plain text."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from channels.layers import get_channel_layer
from django.conf import settings


def _in_own_loop(coroutine_function, *args) -> None:  # type: ignore[no-untyped-def]
    """Browser tests in the same worker leave an event loop running in this thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(coroutine_function(*args))).result()


@pytest.mark.skipif(not settings.REDIS_URL, reason="only with the Redis channel layer")
def test_a_message_waiting_in_redis_is_encrypted() -> None:
    """A message sent through the layer is stored in Redis without its text readable."""
    layer = get_channel_layer()
    _in_own_loop(layer.send, "probe.encrypted", {"type": "chat.message", "body": "GEHEIM-42"})
    address = settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]["address"]
    client = redis.Redis.from_url(address)
    stored = b"".join(
        value for key in client.keys("*probe.encrypted*") for value in client.zrange(key, 0, -1)
    )
    assert stored, "the message was not found in Redis at all"
    assert b"GEHEIM-42" not in stored
    _in_own_loop(layer.flush)
