"""Checks behind /healthz (liveness) and /readyz (readiness).

/healthz only says the process answers: a load balancer or supervisor that restarts on
it must not restart every worker because the database is down. /readyz says whether
this worker can serve: database, channel layer (Redis), key ring, migrations applied.
Answers name the part that failed, never the error itself (it may hold an address).

A monitor asks every few seconds, so a part that stays down would fill the log: a failing
check writes one warning line (the check and the exception's type, no message, no
traceback) when it starts failing or fails in another way, and one line when it passes
again; in between, the 503 answers say it.
"""

import asyncio
import logging
import threading

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from meldpunt.lib import crypto

logger = logging.getLogger(__name__)

# Migrations do not come undone while a process runs: once all were applied, that holds.
_seen: dict[str, bool] = {}
# The checks failing in this process, with the type of their exception.
_failing: dict[str, str] = {}
_failing_lock = threading.Lock()


def _failed(check: str, error: BaseException) -> None:
    kind = type(error).__name__
    with _failing_lock:
        if _failing.get(check) == kind:
            return
        _failing[check] = kind
    logger.warning(
        "readiness check failed", extra={"event": "readiness", "check": check, "exc_type": kind}
    )


def _passed(check: str) -> None:
    with _failing_lock:
        if _failing.pop(check, None) is None:
            return
    logger.info("readiness check passes again", extra={"event": "readiness", "check": check})


def _database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        _failed("database", error)
        return "database unavailable"
    _passed("database")
    return None


def _migrations_problem() -> str | None:
    if _seen.get("migrated"):
        return None
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:
        _failed("migrations", error)
        return "migrations unknown"
    _passed("migrations")
    if plan:
        return "migrations not applied"
    _seen["migrated"] = True
    return None


def _keyring_problem() -> str | None:
    try:
        sealed = crypto.encrypt_text("readyz", purpose="health")
        if crypto.decrypt_text(sealed, purpose="health") != "readyz":
            return "key ring unusable"
    except Exception as error:
        _failed("key ring", error)
        return "key ring unusable"
    _passed("key ring")
    return None


def _sync_problems() -> list[str | None]:
    database = _database_problem()
    migrations = _migrations_problem() if database is None else None
    return [database, migrations, _keyring_problem()]


async def _channel_layer_roundtrip() -> None:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")
    channel = await layer.new_channel("health")  # type: ignore[call-arg]  # layers take a prefix
    await layer.send(channel, {"type": "health.ping"})
    await layer.receive(channel)


async def channel_layer_problem() -> str | None:
    try:
        await asyncio.wait_for(_channel_layer_roundtrip(), timeout=settings.MELDPUNT_HEALTH_TIMEOUT)
    except Exception as error:
        _failed("channel layer", error)
        return "channel layer unavailable"
    _passed("channel layer")
    return None


async def readiness_problems() -> list[str]:
    """What keeps this worker from serving, in words a monitor can show; empty when ready."""
    found = await sync_to_async(_sync_problems)()
    found.append(await channel_layer_problem())
    return [problem for problem in found if problem]
