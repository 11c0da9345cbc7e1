"""Settings for bench/report_bench.py only: production settings plus a baseline route.

The throttles are raised so that 50 clients from one address (the benchmark) are not
slowed down as a flood from one client would be; everything else is as in production
(including the PostgreSQL connection pool that meldpunt/lib/dburl.py sets up).
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "report_bench_urls"
MELDPUNT_REPORT_DRAFTS_PER_HOUR = 10**9
MELDPUNT_REPORT_SUBMITS_PER_HOUR = 10**9
