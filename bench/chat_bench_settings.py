"""Settings for bench/chat_bench.py only: the test key ring, rate limits out of the way.

500 chats from one address (the benchmark) would otherwise be throttled as a flood from
one client; everything else (Redis channel layer, PostgreSQL, sessions) is as in production.
"""

from config.test_settings import *  # noqa: F403

MELDPUNT_CHAT_STARTS_PER_HOUR = 10**9
MELDPUNT_CHAT_MESSAGES_PER_MINUTE = 10**9
