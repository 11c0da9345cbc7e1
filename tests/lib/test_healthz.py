"""/healthz (liveness) and /readyz (readiness): anyone (supervisors, load balancers) may call
them; /readyz is 200 when database, channel layer, key ring and migrations are in order."""

import asyncio
import io
import json

import pytest
from django.db import OperationalError
from django.test import Client

from meldpunt.lib import crypto, health
from tests.lib.test_security_logging import console_output  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


class BrokenCursor:
    def __enter__(self) -> "BrokenCursor":
        raise OperationalError("connection refused")

    def __exit__(self, *args: object) -> None:
        return None


class BrokenConnection:
    def cursor(self) -> BrokenCursor:
        return BrokenCursor()


class BrokenLayer:
    async def new_channel(self, prefix: str = "specific.") -> str:
        raise ConnectionError("redis is down")


class SilentLayer:
    """A layer that accepts messages and never delivers them (a hung Redis)."""

    async def new_channel(self, prefix: str = "specific.") -> str:
        return f"{prefix}.silent"

    async def send(self, channel: str, message: dict) -> None:
        return None

    async def receive(self, channel: str) -> dict:
        await asyncio.sleep(3600)
        return {}


def test_ok_when_everything_works(client: Client) -> None:
    """Database and channel layer answer: 200 with status ok, never cached."""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_503_when_the_database_fails(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database that refuses connections gives 503 with a short reason and no details."""
    monkeypatch.setattr(health, "connection", BrokenConnection())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "problems": ["database unavailable"]}
    assert "refused" not in response.content.decode()


def test_503_when_the_channel_layer_fails(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """A channel layer that raises gives 503 naming the channel layer."""
    monkeypatch.setattr(health, "get_channel_layer", lambda: BrokenLayer())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "problems": ["channel layer unavailable"],
    }


def test_503_when_the_channel_layer_hangs(
    client: Client, monkeypatch: pytest.MonkeyPatch, settings
) -> None:  # type: ignore[no-untyped-def]
    """A layer that never delivers is cut off after MELDPUNT_HEALTH_TIMEOUT seconds."""
    settings.MELDPUNT_HEALTH_TIMEOUT = 0.2
    monkeypatch.setattr(health, "get_channel_layer", lambda: SilentLayer())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["problems"] == ["channel layer unavailable"]


def test_both_problems_are_named(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """With both down, both reasons are listed."""
    monkeypatch.setattr(health, "connection", BrokenConnection())
    monkeypatch.setattr(health, "get_channel_layer", lambda: BrokenLayer())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["problems"] == ["database unavailable", "channel layer unavailable"]


def test_only_get_is_allowed(client: Client) -> None:
    """POST is refused: the check has no side effects to offer."""
    assert client.post("/readyz").status_code == 405


def test_healthz_is_liveness_only(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """/healthz answers 200 even with the database and Redis down: restarting the worker
    would not bring them back."""
    monkeypatch.setattr(health, "connection", BrokenConnection())
    monkeypatch.setattr(health, "get_channel_layer", lambda: BrokenLayer())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 503


def test_503_when_the_key_ring_is_unusable(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    """A key ring that does not load names the key ring, not the error."""
    settings.MELDPUNT_KEYRING = '{"current": "x", "keys": {}}'
    crypto.keyring.cache_clear()
    try:
        response = client.get("/readyz")
    finally:
        crypto.keyring.cache_clear()
    assert response.status_code == 503
    assert response.json()["problems"] == ["key ring unusable"]


def test_503_while_migrations_are_missing(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker started before `migrate` ran says so, until the migrations are applied."""
    monkeypatch.setattr(health, "_seen", {})
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("app", False)]
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["problems"] == ["migrations not applied"]
    monkeypatch.undo()
    assert client.get("/readyz").status_code == 200


def test_a_lasting_failure_logs_one_warning_line_per_kind_without_a_traceback(
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    console_output: io.StringIO,  # noqa: F811 (fixture)
) -> None:
    """Redis down while /readyz is asked every few seconds: one JSON warning line naming
    the check and the exception type (no traceback, no message), not one per probe; a
    hang is another kind; back in order, one line says so; a new failure logs again."""
    assert client.get("/readyz").status_code == 200  # whatever earlier tests left
    start = len(console_output.getvalue())
    monkeypatch.setattr(health, "get_channel_layer", lambda: BrokenLayer())
    for _ in range(3):
        assert client.get("/readyz").status_code == 503
    monkeypatch.setattr(health, "get_channel_layer", lambda: SilentLayer())
    monkeypatch.setattr(health.settings, "MELDPUNT_HEALTH_TIMEOUT", 0.05)
    for _ in range(2):
        assert client.get("/readyz").status_code == 503
    monkeypatch.undo()
    for _ in range(2):
        assert client.get("/readyz").status_code == 200
    monkeypatch.setattr(health, "get_channel_layer", lambda: BrokenLayer())
    assert client.get("/readyz").status_code == 503

    logged = console_output.getvalue()[start:]
    # The JSON lines; pytest's own handler writes its lines in between.
    lines = [json.loads(line) for line in logged.splitlines() if line.startswith("{")]
    checks = [line for line in lines if line["logger"] == "meldpunt.lib.health"]
    assert [(line["level"], line.get("exc_type")) for line in checks] == [
        ("WARNING", "ConnectionError"),
        ("WARNING", "TimeoutError"),
        ("INFO", None),
        ("WARNING", "ConnectionError"),
    ]
    assert all(line["event"] == "readiness" for line in checks)
    assert all(line["check"] == "channel layer" for line in checks)
    assert not any("stack" in line for line in checks)
    assert "redis is down" not in logged
