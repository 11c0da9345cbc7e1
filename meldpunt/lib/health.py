"""Checks behind /healthz: can we reach the database and the channel layer?"""

import asyncio
import logging

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)


def _database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("health check: database")
        return "database unavailable"
    return None


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
    except Exception:
        logger.exception("health check: channel layer")
        return "channel layer unavailable"
    return None


async def health_problems() -> list[str]:
    database = await sync_to_async(_database_problem)()
    layer = await channel_layer_problem()
    return [problem for problem in (database, layer) if problem]
