"""Settings for bench/chat_bench.py only: the test key ring, rate limits out of the way.

500 chats from one address (the benchmark) would otherwise be throttled as a flood from
one client; everything else (Redis channel layer, PostgreSQL, sessions) is as in production.
"""

import os

from config.test_settings import *  # noqa: F403

MELDPUNT_CHAT_STARTS_PER_HOUR = 10**9
MELDPUNT_CHAT_MESSAGES_PER_MINUTE = 10**9

# Pub/sub channels are shared by every Redis database: the benchmark's own prefix.
CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = "meldpunt-bench"  # noqa: F405

# CHAT_BENCH_LAYER=core measures channels-redis's list-based layer (the default before
# docs/decisions/0006) instead of the pub/sub layer.
if os.environ.get("CHAT_BENCH_LAYER") == "core":
    CHANNEL_LAYERS["default"]["BACKEND"] = "channels_redis.core.RedisChannelLayer"  # noqa: F405
