"""A Redis cache that keeps the site working while Redis is down.

The cache holds rate-limit counters, login back-off and the chat schedule: nothing that
must survive. When Redis cannot be reached, a web report, the mailbox, phone intake and
the staff pages must still work (docs/DEPLOYMENT.md, "Failure drills"), so every call
that fails on the connection is answered from a cache in this process's memory instead,
and Redis is tried again after ``RETRY_SECONDS``: when it is back, the next call after
that uses it again, without a restart. Limits are then counted per process, for a while,
rather than not at all.
"""

import logging
import time
from typing import Any

import redis
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
FAILURES = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = params.setdefault("OPTIONS", {})
        # Fail fast: a page waits for the cache at most this long while Redis is down.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        super().__init__(server, params)
        self._fallback = LocMemCache("meldpunt-redis-fallback", {"TIMEOUT": self.default_timeout})
        self._down_until = 0.0

    def redis_in_use(self) -> bool:
        """False while Redis failed within the last RETRY_SECONDS."""
        return time.monotonic() >= self._down_until

    def redis_failed(self, exc: BaseException) -> None:
        if self.redis_in_use():
            logger.warning(
                "Redis cache unreachable (%s); using process memory for a while.",
                type(exc).__name__,
            )
        self._down_until = time.monotonic() + RETRY_SECONDS

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.redis_in_use():
            try:
                return getattr(super(), name)(*args, **kwargs)
            except FAILURES as exc:
                self.redis_failed(exc)
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("add", *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get", *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set", *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("touch", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete_many", *args, **kwargs)

    def clear(self) -> Any:
        return self._call("clear")

    def count_hit(self, key: str, seconds: int) -> int:
        """Count one hit on ``key`` for ``seconds``, in one round trip; the new count."""
        if self.redis_in_use():
            raw = self.make_and_validate_key(key)
            try:
                pipe = self._cache.get_client(raw, write=True).pipeline(transaction=False)
                pipe.incr(raw)
                pipe.expire(raw, seconds + 1, nx=True)
                count, _ = pipe.execute()
                return int(count)
            except FAILURES as exc:
                self.redis_failed(exc)
        self._fallback.add(key, 0, timeout=seconds + 1)
        try:
            return int(self._fallback.incr(key))
        except ValueError:
            self._fallback.set(key, 1, timeout=seconds + 1)
            return 1
