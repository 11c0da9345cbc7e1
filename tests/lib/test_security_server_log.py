"""The real server (uvicorn, as in `make run` and docs/DEPLOYMENT.md) writes no client address.

Uvicorn runs in a subprocess; requests come from 127.0.0.3, an address that appears
nowhere else, and everything the server writes is searched for it. The websocket
handshake matters most: uvicorn logs it with the client address even with --no-access-log.
"""

import base64
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = "127.0.0.3"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def exchange(port: int, raw: bytes) -> bytes:
    """Send one raw HTTP request from the client address and return what comes back first."""
    with socket.socket() as sock:
        sock.bind((CLIENT, 0))
        sock.settimeout(10)
        sock.connect(("127.0.0.1", port))
        sock.sendall(raw)
        return sock.recv(4096)


def get(port: int, path: str) -> bytes:
    return exchange(
        port,
        f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode(),
    )


def websocket(port: int, path: str) -> bytes:
    key = base64.b64encode(secrets.token_bytes(16)).decode()
    return exchange(
        port,
        (
            f"GET {path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\nOrigin: http://localhost\r\n\r\n"
        ).encode(),
    )


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "MELDPUNT_", "DATABASE_URL", "REDIS_URL", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.test_settings",
        MELDPUNT_VAR_DIR=str(tmp_path),
        MELDPUNT_LOG_LEVEL="DEBUG",
    )
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 (fixed arguments, own interpreter)
            [
                sys.executable,
                "-m",
                "uvicorn",
                "config.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-access-log",
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise RuntimeError(log.read_text()) from None
                    time.sleep(0.2)
            yield port, log
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_server_output_has_no_client_address(server) -> None:  # type: ignore[no-untyped-def]
    """Health check, a missing page, a failing page and websocket handshakes leave no address."""
    port, log = server
    assert get(port, "/healthz").startswith(b"HTTP/1.1 ")
    assert b" 404 " in get(port, "/bestaat-niet/").split(b"\r\n", 1)[0]
    get(port, "/")
    websocket(port, "/ws/medewerkers/chat/")
    websocket(port, "/ws/chat/onbekend/")
    time.sleep(0.5)
    output = log.read_text(errors="replace")
    assert output.strip(), (
        "the server wrote something (startup or errors), so the check means something"
    )
    assert CLIENT not in output
