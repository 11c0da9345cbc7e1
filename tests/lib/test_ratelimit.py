"""The per-client counters: a limit holds, the window expires, nothing is kept longer."""

import time

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


def test_hits_on_both_sides_of_a_window_boundary_still_count_together(monkeypatch) -> None:
    """Two hits just before the window turns and one just after are three within a few
    seconds: limited (in CI at 05:00 UTC five wrong passwords straddled the turn of the
    quarter hour, and the account was not locked)."""
    turn = (int(time.time()) // LIMIT.seconds + 1) * LIMIT.seconds
    monkeypatch.setattr(ratelimit.time, "time", lambda: turn - 1)
    ratelimit.hit(LIMIT, "client-a")
    ratelimit.hit(LIMIT, "client-a")
    monkeypatch.setattr(ratelimit.time, "time", lambda: turn + 1)
    ratelimit.hit(LIMIT, "client-a")
    assert ratelimit.is_limited(LIMIT, "client-a")
    ratelimit.reset(LIMIT, "client-a")
    assert not ratelimit.is_limited(LIMIT, "client-a")


def test_hits_of_the_window_before_last_are_forgotten(monkeypatch) -> None:
    """Late in the next window the earlier hits weigh less: three hits a window ago and
    none since is no longer a limit once most of the window has passed."""
    turn = (int(time.time()) // LIMIT.seconds + 1) * LIMIT.seconds
    monkeypatch.setattr(ratelimit.time, "time", lambda: turn - 1)
    for _ in range(3):
        ratelimit.hit(LIMIT, "client-a")
    monkeypatch.setattr(ratelimit.time, "time", lambda: turn + LIMIT.seconds // 2)
    assert not ratelimit.is_limited(LIMIT, "client-a")


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


def test_ipv6_addresses_in_one_64_share_a_key() -> None:
    """Every address of one IPv6 /64 is one client; the next /64 is another."""
    first = ratelimit.client_key("2001:db8:1:2::1")
    assert ratelimit.client_key("2001:db8:1:2:ffff:ffff:ffff:ffff") == first
    assert ratelimit.client_key("2001:DB8:1:2:0:0:0:abcd") == first
    assert ratelimit.client_key("2001:db8:1:3::1") != first


def test_ipv4_addresses_keep_a_key_each() -> None:
    """Neighbouring IPv4 addresses are different clients, also when written as IPv6."""
    assert ratelimit.client_key("192.0.2.1") != ratelimit.client_key("192.0.2.2")
    assert ratelimit.client_key("::ffff:192.0.2.1") == ratelimit.client_key("192.0.2.1")
    assert ratelimit.client_key("::ffff:192.0.2.1") != ratelimit.client_key("::ffff:192.0.2.2")


def test_a_network_is_an_ipv4_24_or_an_ipv6_48() -> None:
    """With ``wide``, neighbours count together: one /24, one /48; not the next one."""
    v4 = ratelimit.client_key("192.0.2.1", wide=True)
    assert ratelimit.client_key("192.0.2.254", wide=True) == v4
    assert ratelimit.client_key("::ffff:192.0.2.9", wide=True) == v4
    assert ratelimit.client_key("192.0.3.1", wide=True) != v4
    v6 = ratelimit.client_key("2001:db8:1:2::1", wide=True)
    assert ratelimit.client_key("2001:db8:1:ffff::1", wide=True) == v6
    assert ratelimit.client_key("2001:db8:2::1", wide=True) != v6
    assert ratelimit.client_key("192.0.2.1") != v4
