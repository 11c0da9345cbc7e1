"""Rate limiting without tracking.

A client is known only by a keyed hash of its address, held in the cache for the
length of the window and never written to the database or a log. The address itself
is read from ``REMOTE_ADDR`` or, behind a trusted reverse proxy
(``MELDPUNT_TRUSTED_PROXY_HOPS`` > 0), from ``X-Forwarded-For``.
"""

import hashlib
import hmac
import ipaddress
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpRequest

from meldpunt.lib.cache import ResilientRedisCache


@dataclass(frozen=True)
class Limit:
    """At most ``count`` hits per ``seconds`` for one scope."""

    scope: str
    count: int
    seconds: int


def client_address(meta: dict[str, Any]) -> str:
    """The client's address from a request's META or an ASGI scope's headers (never stored)."""
    hops = settings.MELDPUNT_TRUSTED_PROXY_HOPS
    if hops > 0:
        forwarded: list[str] = [
            p.strip() for p in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return str(meta.get("REMOTE_ADDR", ""))


# One IPv6 subscriber usually gets a whole /64 and can pick any address in it at will.
IPV6_PREFIX = 64
# A "network" (``wide``): the block a hosting provider or an ISP hands out together.
IPV4_NETWORK_PREFIX = 24
IPV6_NETWORK_PREFIX = 48


def address_group(address: str, *, wide: bool = False) -> str:
    """What one client is counted as: an IPv4 address itself, an IPv6 address's /64; with
    ``wide``, its network: the IPv4 /24 or the IPv6 /48.

    An IPv4 address written as IPv6 (``::ffff:192.0.2.1``) counts as the IPv4 address;
    anything that is not an address is counted as it is.
    """
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    if isinstance(parsed, ipaddress.IPv6Address):
        prefix = IPV6_NETWORK_PREFIX if wide else IPV6_PREFIX
    else:
        prefix = IPV4_NETWORK_PREFIX if wide else 32
    network = ipaddress.ip_network((parsed, prefix), strict=False)
    return str(network.network_address) if network.num_addresses == 1 else str(network)


def client_key(address: str, *, wide: bool = False) -> str:
    """A keyed, truncated hash of the client (see ``address_group``): enough to count,
    useless to identify."""
    key = settings.MELDPUNT_RATE_LIMIT_KEY.encode()
    group = address_group(address, wide=wide).encode()
    return hmac.new(key, group, hashlib.sha256).hexdigest()[:24]


def request_client(request: HttpRequest, *, wide: bool = False) -> str:
    """The rate-limit key of an HTTP request's client (see ``client_key``)."""
    return client_key(client_address(request.META), wide=wide)


def scope_client(scope: Mapping[str, Any], *, wide: bool = False) -> str:
    """The rate-limit key of the client of an ASGI scope (HTTP or websocket)."""
    meta: dict[str, Any] = {"REMOTE_ADDR": (scope.get("client") or [""])[0]}
    if settings.MELDPUNT_TRUSTED_PROXY_HOPS > 0:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                meta["HTTP_X_FORWARDED_FOR"] = value.decode("latin-1")
    return client_key(client_address(meta), wide=wide)


def _bucket_key(limit: Limit, who: str, *, before: int = 0) -> str:
    """The counter of the current window, or of the one ``before`` windows back."""
    window = int(time.time() // limit.seconds) - before
    return f"rl:{limit.scope}:{who}:{window}"


def hit(limit: Limit, who: str) -> bool:
    """Count one attempt; True while the caller is still within the limit."""
    key = _bucket_key(limit, who)
    backend = caches["default"]
    if isinstance(backend, ResilientRedisCache):
        # One round trip: every chat message passes here.
        return backend.count_hit(key, limit.seconds) <= limit.count
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr; start a new window.
        cache.set(key, 1, timeout=limit.seconds + 1)
        count = 1
    return count <= limit.count


def is_limited(limit: Limit, who: str) -> bool:
    """True when the caller has used up the limit, without counting another attempt.

    The hits of the window before count too, less as the current one goes on (a sliding
    window, rounded up): five wrong passwords on both sides of the turn of a window are
    five, not two and three (since 6 December 2026).
    """
    now, previous = _bucket_key(limit, who), _bucket_key(limit, who, before=1)
    found = cache.get_many([now, previous])
    gone = (time.time() % limit.seconds) / limit.seconds
    earlier = math.ceil((found.get(previous) or 0) * (1 - gone))
    return (found.get(now) or 0) + earlier >= limit.count


def counts(*checks: tuple[Limit, str]) -> list[int]:
    """The hits each (limit, client) has in its current window, in one cache round trip."""
    keys = [_bucket_key(limit, who) for limit, who in checks]
    found = cache.get_many(keys)
    return [int(found.get(key) or 0) for key in keys]


def reset(limit: Limit, who: str) -> None:
    cache.delete_many([_bucket_key(limit, who), _bucket_key(limit, who, before=1)])
