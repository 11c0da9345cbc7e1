"""Settings for bench/report_bench.py only: production settings plus a baseline route.

The throttles are raised so that 50 clients from one address (the benchmark) are not
slowed down as a flood from one client would be; everything else is as in production.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "report_bench_urls"
MELDPUNT_REPORT_DRAFTS_PER_HOUR = 10**9
MELDPUNT_REPORT_SUBMITS_PER_HOUR = 10**9

# Under ASGI every request runs its sync code in its own thread, so persistent connections
# (CONN_MAX_AGE=60 from meldpunt/lib/dburl.py) stay open in finished threads and exhaust
# PostgreSQL's max_connections within seconds at 50 clients. Django's documentation advises
# against persistent connections under ASGI; the benchmark closes each at request end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
