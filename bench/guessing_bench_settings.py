"""Settings for bench/guessing_bench.py only: production settings behind one trusted proxy.

The benchmark's simulated clients all connect from 127.0.0.1; each sends its own address
in X-Forwarded-For, as the reverse proxy in front of a real deployment would. Every
limit is the production default.
"""

from config.settings import *  # noqa: F403

MELDPUNT_TRUSTED_PROXY_HOPS = 1
