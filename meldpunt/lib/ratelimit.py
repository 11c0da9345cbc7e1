"""Rate limiting without tracking.

A client is known only by a keyed hash of its address, held in the cache for the
length of the window and never written to the database or a log. The address itself
is read from ``REMOTE_ADDR`` or, behind a trusted reverse proxy
(``MELDPUNT_TRUSTED_PROXY_HOPS`` > 0), from ``X-Forwarded-For``.
"""

import hashlib
import hmac
import ipaddress
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache


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
        forwarded = [
            p.strip() for p in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return str(meta.get("REMOTE_ADDR", ""))


# One IPv6 subscriber usually gets a whole /64 and can pick any address in it at will.
IPV6_PREFIX = 64


def address_group(address: str) -> str:
    """What one client is counted as: an IPv4 address itself, an IPv6 address's /64.

    An IPv4 address written as IPv6 (``::ffff:192.0.2.1``) counts as the IPv4 address;
    anything that is not an address is counted as it is.
    """
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, IPV6_PREFIX), strict=False))
    return str(parsed)


def client_key(address: str) -> str:
    """A keyed, truncated hash of the client (see ``address_group``): enough to count,
    useless to identify."""
    key = settings.MELDPUNT_RATE_LIMIT_KEY.encode()
    return hmac.new(key, address_group(address).encode(), hashlib.sha256).hexdigest()[:24]


def request_client(request: Any) -> str:
    """The rate-limit key of an HTTP request's client (see ``client_key``)."""
    return client_key(client_address(request.META))


def scope_client(scope: dict[str, Any]) -> str:
    """The rate-limit key of the client of an ASGI scope (HTTP or websocket)."""
    meta: dict[str, Any] = {"REMOTE_ADDR": (scope.get("client") or [""])[0]}
    if settings.MELDPUNT_TRUSTED_PROXY_HOPS > 0:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                meta["HTTP_X_FORWARDED_FOR"] = value.decode("latin-1")
    return client_key(client_address(meta))


def _bucket_key(limit: Limit, who: str) -> str:
    window = int(time.time() // limit.seconds)
    return f"rl:{limit.scope}:{who}:{window}"


def hit(limit: Limit, who: str) -> bool:
    """Count one attempt; True while the caller is still within the limit."""
    key = _bucket_key(limit, who)
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        # One round trip: every chat message passes here.
        raw = backend.make_and_validate_key(key)
        pipe = backend._cache.get_client(raw, write=True).pipeline(transaction=False)
        pipe.incr(raw)
        pipe.expire(raw, limit.seconds + 1, nx=True)
        count, _ = pipe.execute()
        return int(count) <= limit.count
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr; start a new window.
        cache.set(key, 1, timeout=limit.seconds + 1)
        count = 1
    return count <= limit.count


def is_limited(limit: Limit, who: str) -> bool:
    """True when the caller has used up the limit, without counting another attempt."""
    return (cache.get(_bucket_key(limit, who)) or 0) >= limit.count


def counts(*checks: tuple[Limit, str]) -> list[int]:
    """The hits each (limit, client) has in its current window, in one cache round trip."""
    keys = [_bucket_key(limit, who) for limit, who in checks]
    found = cache.get_many(keys)
    return [int(found.get(key) or 0) for key in keys]


def reset(limit: Limit, who: str) -> None:
    cache.delete(_bucket_key(limit, who))
