"""Turn a ``DATABASE_URL`` into Django's ``DATABASES`` entry (PostgreSQL or SQLite)."""

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit


def database_from_url(url: str, *, pool_size: int = 0) -> dict[str, Any]:
    """``pool_size`` > 0 gives each process a psycopg pool of at most that many connections."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in {"postgres", "postgresql", "pgsql"}:
        options: dict[str, Any] = dict(parse_qsl(parts.query))
        if pool_size > 0:
            options["pool"] = {"min_size": pool_size, "max_size": pool_size, "timeout": 10}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")) or "meldpunt",
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            # Under ASGI every request runs its ORM work in a fresh thread; persistent
            # connections would pile up, one per finished thread, until PostgreSQL refuses.
            # With a pool, closing hands the connection back to the pool instead.
            "CONN_MAX_AGE": 0,
            # A pooled connection is checked before it is handed out: after PostgreSQL
            # restarted, the dead ones are replaced at once instead of failing one request
            # each (tests/drills/test_postgres_restart.py).
            "CONN_HEALTH_CHECKS": pool_size > 0,
            "OPTIONS": options,
        }
    if scheme == "sqlite":
        # sqlite:///relative/path and sqlite:////absolute/path, as elsewhere.
        path = parts.path[1:] if parts.path.startswith("//") else parts.path.lstrip("/")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(Path(path or ":memory:"))}
    raise ValueError(f"DATABASE_URL has an unsupported scheme: {scheme!r}")
