"""Chat messages never pass through Redis as plain text."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import redis
from channels.layers import get_channel_layer
from django.conf import settings

from tests.skips import requires_redis


async def _send_and_close() -> None:
    layer = get_channel_layer()
    await layer.group_send("probe.encrypted", {"type": "chat.message", "body": "GEHEIM-42"})
    await layer.flush()


@requires_redis("the Redis channel layer")
def test_a_message_passing_through_redis_is_encrypted() -> None:
    """What the layer publishes in Redis for a chat message does not show its text."""
    address = settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]["address"]
    listener = redis.Redis.from_url(address).pubsub()
    listener.psubscribe("*probe.encrypted*")
    assert listener.get_message(timeout=5)["type"] == "psubscribe"
    # Browser tests in the same worker leave an event loop running in this thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(_send_and_close())).result()
    published = listener.get_message(ignore_subscribe_messages=True, timeout=5)
    listener.close()
    assert published is not None, "nothing was published in Redis at all"
    assert b"GEHEIM-42" not in published["data"]
