"""Settings for bench/chat_bench.py only: the test key ring, rate limits out of the way.

500 chats from one address (the benchmark) would otherwise be throttled as a flood from
one client; everything else (Redis channel layer, PostgreSQL, sessions) is as in production.
"""

import os

from config.test_settings import *  # noqa: F403

MELDPUNT_CHAT_STARTS_PER_HOUR = 10**9
MELDPUNT_CHAT_MESSAGES_PER_MINUTE = 10**9

# CHAT_BENCH_LAYER=pubsub tries channels-redis's pub/sub layer instead of the default one.
if os.environ.get("CHAT_BENCH_LAYER") == "pubsub":
    CHANNEL_LAYERS["default"]["BACKEND"] = "channels_redis.pubsub.RedisPubSubChannelLayer"  # noqa: F405
