"""Real ASGI servers for the chat tests: uvicorn processes on free ports."""

import fcntl
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]

# How long a test waits on a silent socket before it gives up. Generous: CI runs the
# PostgreSQL and SQLite suites side by side on two cores, where a worker's answer once took
# longer than 10 s (the presence after a reporter left; test_chat_two_workers).
QUIET_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def database_url() -> str:
    """The URL of the database this test run uses (PostgreSQL's test database, or a file)."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("postgresql"):
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return f"sqlite:///{db['NAME']}"


def run_directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary directory of this test run, which its xdist workers share."""
    own = tmp_path_factory.getbasetemp()
    return own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own


def made_once(directory: Path, name: str, make: Callable[[Path], None]) -> Path:
    """``directory / name``, made by ``make`` the first time any process asks for it: under
    a lock, so the xdist workers of a run make it once and the others wait for it."""
    target = directory / name
    with (directory / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not target.exists():
            make(target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """A copy of an SQLite file by SQLite itself, which reads through the write-ahead log
    that a plain file copy could miss."""
    with closing(sqlite3.connect(source)) as old, closing(sqlite3.connect(target)) as new:
        old.backup(new)


def migrate_database(target: Path) -> None:
    """A new SQLite file at ``target`` with every migration applied, by manage.py."""
    scratch = target.with_name(f"{target.name}.scratch")
    env = server_env()
    env["DATABASE_URL"] = f"sqlite:///{scratch}"
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603
    copy_database(scratch, target)
    remove_database(scratch)


def remove_database(path: Path) -> None:
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        path.with_name(name).unlink(missing_ok=True)


class Server:
    """One uvicorn worker serving config.asgi, like a production worker."""

    def __init__(
        self, port: int, env: dict[str, str], app: str = "config.asgi:application"
    ) -> None:
        self.port = port
        self.env = env
        self.app = app
        self.process: subprocess.Popen[Any] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> "Server":
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            self.app,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--no-access-log",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env)  # noqa: S603
        # Far beyond a quiet machine's few seconds: a deadline only, for a busy CI machine.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server on port {self.port} stopped at start")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"server on port {self.port} did not start")
        self.warm_up()
        return self

    def warm_up(self) -> None:
        """One request before the tests': the worker imports the URL configuration and
        every view with it on its first request, which on a busy machine can take longer
        than a browser test waits for a page. Any answer will do (503 too)."""
        request = urllib.request.Request(self.url + "/healthz")  # noqa: S310 (own server)
        try:
            with urllib.request.urlopen(request, timeout=120):  # noqa: S310
                pass
        except urllib.error.HTTPError:
            pass

    def stop(self) -> None:
        """Stop the worker gracefully, closing its database connections."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.process = None

    def kill(self) -> None:
        """Stop the worker at once, as a crash would."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


def server_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.test_settings",
            "DATABASE_URL": database_url(),
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(extra)
    return env


def chat_server_env(database: Path, port: int) -> dict[str, str]:
    """The environment of a chat server on ``port`` with its own SQLite file ``database``."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.test_settings",
            "DATABASE_URL": f"sqlite:///{database}",
            "PYTHONPATH": str(ROOT),
            "MELDPUNT_EXIT_URL": f"http://127.0.0.1:{port}/",
            # Each server its own channel layer prefix: on a shared Redis, a logout in one
            # module's server would otherwise reach the consoles of another's.
            "MELDPUNT_TEST_LAYER_PREFIX": f"test-chat-{port}",
            # And a cache of its own, as it has a database of its own: on a shared Redis the
            # chat schedule the live server cached from its database (no opening exceptions:
            # closed after 17:00) would otherwise close this server's chat.
            "MELDPUNT_REDIS_PREFIX": f"test-chat-{port}",
        }
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env
