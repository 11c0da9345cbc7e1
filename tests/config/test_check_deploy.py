"""Production settings: `check --deploy` is clean, and start-up refuses missing secrets.

Each check runs in a fresh Python process with a clean environment, as a server would.
"""

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.lib.test_startup import ring

ROOT = Path(__file__).resolve().parents[2]


def clean_env(**extra: str) -> dict[str, str]:
    """An environment with nothing of Meldpunt or Django in it, plus ``extra``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "MELDPUNT_", "DATABASE_URL", "REDIS_URL", "PYTEST"))
    }
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (fixed arguments, own interpreter)
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def keyring() -> str:
    """A new key ring from the management command, run in this process: only the checks
    below need a process of their own."""
    out = StringIO()
    call_command("generate_keyring", stdout=out)
    return out.getvalue().strip()


def test_check_deploy_is_clean_with_production_settings(keyring: str, tmp_path: Path) -> None:
    """With a real secret, a key ring, a host name and PostgreSQL (production's database;
    the checks do not connect), Django's deploy checks find nothing and silence nothing.
    On SQLite, settings silence only the warning that it ignores the INCLUDE columns of
    the statistics' covering indexes."""
    env = clean_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        MELDPUNT_KEYRING=keyring,
        DJANGO_ALLOWED_HOSTS="meldpunt.example",
        MELDPUNT_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL="postgres://meldpunt@127.0.0.1:1/meldpunt",
    )
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_secrets_can_come_from_files(keyring: str, tmp_path: Path) -> None:
    """DJANGO_SECRET_KEY_FILE and MELDPUNT_KEYRING_FILE work like the plain variables (the
    whole deploy check with files: tests/config/test_deploy_files.py)."""
    secret = secrets.token_urlsafe(64)
    secret_file = tmp_path / "secret"
    secret_file.write_text(secret + "\n")
    ring_file = tmp_path / "keyring.json"
    ring_file.write_text(keyring)
    env = clean_env(
        DJANGO_SECRET_KEY_FILE=str(secret_file),
        MELDPUNT_KEYRING_FILE=str(ring_file),
        MELDPUNT_VAR_DIR=str(tmp_path),
    )
    shown = "import config.settings as s; print(repr((s.SECRET_KEY, s.MELDPUNT_KEYRING)))"
    result = run(["-c", shown], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr((secret, keyring))


IMPORT_SETTINGS = "import config.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE)"


def test_production_refuses_to_start_without_secret_key(keyring: str, tmp_path: Path) -> None:
    """DEBUG unset and no DJANGO_SECRET_KEY: importing the settings fails with a clear reason."""
    env = clean_env(MELDPUNT_KEYRING=keyring, MELDPUNT_VAR_DIR=str(tmp_path))
    result = run(["-c", IMPORT_SETTINGS], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_key_ring(tmp_path: Path) -> None:
    """DEBUG unset and no MELDPUNT_KEYRING: importing the settings fails, naming the key ring."""
    env = clean_env(DJANGO_SECRET_KEY=secrets.token_urlsafe(64), MELDPUNT_VAR_DIR=str(tmp_path))
    result = run(["-c", IMPORT_SETTINGS], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "MELDPUNT_KEYRING" in result.stderr
    assert not (tmp_path / "dev-keyring.json").exists()


def test_production_is_the_default(keyring: str, tmp_path: Path) -> None:
    """With both secrets and nothing else set, DEBUG is off and cookies are secure."""
    env = clean_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        MELDPUNT_KEYRING=keyring,
        MELDPUNT_VAR_DIR=str(tmp_path),
    )
    result = run(["-c", IMPORT_SETTINGS], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_secret_and_secret_file_together_are_refused(keyring: str, tmp_path: Path) -> None:
    """Setting both DJANGO_SECRET_KEY and DJANGO_SECRET_KEY_FILE stops start-up."""
    secret_file = tmp_path / "secret"
    secret_file.write_text(secrets.token_urlsafe(64))
    env = clean_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_SECRET_KEY_FILE=str(secret_file),
        MELDPUNT_KEYRING=keyring,
        MELDPUNT_VAR_DIR=str(tmp_path),
    )
    result = run(["-c", IMPORT_SETTINGS], env)
    assert result.returncode != 0
    assert "not both" in result.stderr


CHECK = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return clean_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="meldpunt.example",
        MELDPUNT_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="config.settings",
        **extra,
    )


def test_a_weak_key_ring_stops_a_management_command(tmp_path: Path) -> None:
    """The start-up check runs in every process (each of its rules:
    tests/lib/test_startup.py)."""
    result = run(
        CHECK, production_env(tmp_path, MELDPUNT_KEYRING=ring([b"t" * 32], os.urandom(32)))
    )
    assert result.returncode != 0
    assert "Refusing to start: The key ring is weak" in result.stderr
    assert "not random" in result.stderr


def test_the_server_refuses_to_start_too(tmp_path: Path) -> None:
    """The ASGI application (what uvicorn imports) runs the same check."""
    env = production_env(tmp_path, MELDPUNT_KEYRING=ring([b"t" * 32], os.urandom(32)))
    result = run(["-c", "import config.asgi"], env)
    assert result.returncode != 0
    assert "Refusing to start" in result.stderr
