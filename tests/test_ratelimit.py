"""The per-client counters: a limit holds, the window expires, nothing is kept longer."""

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

from meldpunt.lib import ratelimit

LIMIT = ratelimit.Limit(scope="probe", count=3, seconds=60)


def test_hits_within_the_limit_pass_and_the_next_is_refused() -> None:
    """Three hits pass, the fourth is refused; another client is not affected."""
    assert [ratelimit.hit(LIMIT, "client-a") for _ in range(4)] == [True, True, True, False]
    assert ratelimit.is_limited(LIMIT, "client-a")
    assert ratelimit.hit(LIMIT, "client-b")
    assert not ratelimit.is_limited(LIMIT, "client-b")


def test_reset_clears_the_count() -> None:
    for _ in range(3):
        ratelimit.hit(LIMIT, "client-a")
    ratelimit.reset(LIMIT, "client-a")
    assert not ratelimit.is_limited(LIMIT, "client-a")
    assert ratelimit.hit(LIMIT, "client-a")


def test_counter_expires_with_its_window() -> None:
    """The counter is never kept past its window (in Redis: a TTL set on the first hit)."""
    ratelimit.hit(LIMIT, "client-a")
    ratelimit.hit(LIMIT, "client-a")
    key = ratelimit._bucket_key(LIMIT, "client-a")
    assert cache.get(key) == 2
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        raw = backend.make_and_validate_key(key)
        ttl = backend._cache.get_client(raw).ttl(raw)
        assert 0 < ttl <= LIMIT.seconds + 1
