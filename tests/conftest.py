"""Fixtures shared by every test: a clean cache and named staff users with two factors."""

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Municipality, Role, User
from tests.chat.servers import (
    ROOT,
    chat_server_env,
    copy_database,
    free_port,
    made_once,
    migrate_database,
    remove_database,
    run_directory,
)
from tests.e2e.browsers import is_browser_test, shared_browser

pytest_plugins = ["tests.skips"]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Close the browser the browser tests before this one kept open, so that this test's
    thread has no Playwright event loop (tests/e2e/browsers.py)."""
    if not is_browser_test(item):
        shared_browser.close()


def pytest_sessionfinish() -> None:
    shared_browser.close()


@pytest.fixture(scope="session", autouse=True)
def _release_pooled_connections(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Before the test database is dropped, end the connections that worker threads of
    async tests still hold from the PostgreSQL pool (a thread's connection goes back to
    the pool only when that thread closes it, and some of these threads never run again).
    """
    yield
    if connection.vendor != "postgresql" or connection.pool is None:
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file with every migration applied, made once per test run, for the real
    servers that tests start in a process of their own: each copies it
    (tests/chat/servers.py: copy_database), and changes only the copy."""
    return made_once(run_directory(tmp_path_factory), "migrated.sqlite3", migrate_database)


@pytest.fixture(scope="session")
def chat_database(
    tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path
) -> tuple[Path, str]:
    """The chat servers' database, made once per test run (tests/e2e/chat_server_data.py),
    and the session key of Anna, an advisor logged in there with two factors. Each chat
    server gets a copy of its own."""

    def make(target: Path) -> None:
        scratch = target.with_name(f"{target.name}.scratch")
        copy_database(migrated_sqlite, scratch)
        data = subprocess.run(
            [sys.executable, "-m", "tests.e2e.chat_server_data"],
            cwd=ROOT,
            env=chat_server_env(scratch, free_port()),
            check=True,
            capture_output=True,
            text=True,
        )
        target.with_suffix(".json").write_text(data.stdout, encoding="utf-8")
        copy_database(scratch, target)
        remove_database(scratch)

    database = made_once(run_directory(tmp_path_factory), "chat.sqlite3", make)
    made = json.loads(database.with_suffix(".json").read_text(encoding="utf-8"))
    return database, made["advisor_session"]


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    """Rate limits and drafts live in the cache; no test may see another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _dutch_by_default() -> Iterator[None]:
    """Every test starts in Dutch, the site's default: a request to an English page
    leaves English active in the thread that served it, and tests share threads."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def make_staff(username: str, role: str, **extra: Any) -> User:
    """A staff member with a password and a confirmed TOTP device."""
    user = User.objects.create_user(
        username=username, password="correct horse battery staple", role=role, **extra
    )
    TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    return user


@pytest.fixture
def advisor(db: None) -> User:
    """Anna, an advisor: may open cases and log calls."""
    return make_staff("anna", Role.ADVISOR, first_name="Anna", last_name="Adviseur")


@pytest.fixture
def colleague(db: None) -> User:
    """Bram, a second advisor."""
    return make_staff("bram", Role.ADVISOR, first_name="Bram", last_name="Collega")


@pytest.fixture
def coordinator(db: None) -> User:
    """Cor, a coordinator: everything an advisor may, plus oversight."""
    return make_staff("cor", Role.COORDINATOR, first_name="Cor", last_name="Coördinator")


@pytest.fixture
def analyst(db: None) -> User:
    """Ali, an analyst: statistics only, never case content."""
    return make_staff("ali", Role.ANALYST)


@pytest.fixture
def municipality_viewer(db: None) -> User:
    """Mia from Almere: statistics of her own municipality only."""
    return make_staff("mia", Role.MUNICIPALITY, municipality=Municipality.ALMERE)


@pytest.fixture
def administrator(db: None) -> User:
    """Ad, an administrator: accounts and configuration, no case content."""
    return make_staff("ad", Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


def verify_session(client: Client, user: User) -> None:
    """Log ``user`` in on ``client`` as if they had passed both factors."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()


@pytest.fixture
def verified_client() -> Callable[[User], Client]:
    """Returns a test client logged in as the given user with a verified second factor."""

    def make(user: User) -> Client:
        client = Client()
        verify_session(client, user)
        return client

    return make
