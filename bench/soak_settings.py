"""Settings for bench/soak.py only: the web report bench's settings, chat limits raised.

Production settings (DEBUG off, PostgreSQL with its pool, Redis cache and channel layer,
sessions in the database) plus the baseline route of bench/report_bench_urls.py; the
report throttles and the chat start and message limits are raised because all clients,
50 web reporters and 200 chat reporters, come from one address.
"""

from report_bench_settings import *  # noqa: F403

MELDPUNT_CHAT_STARTS_PER_HOUR = 10**9
MELDPUNT_CHAT_MESSAGES_PER_MINUTE = 10**9
