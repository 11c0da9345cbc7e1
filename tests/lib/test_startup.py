"""The start-up check's rules (meldpunt/lib/startup.py), in this process. That every
process runs them and refuses to start is shown once per way in, in processes of their
own (tests/config/test_check_deploy.py)."""

import base64
import json
import os
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from meldpunt.lib.crypto import generate_keyring_json
from meldpunt.lib.startup import startup_problems


def ring(content: list[bytes], index: bytes) -> str:
    return json.dumps(
        {
            "current": "1",
            "keys": {str(n + 1): base64.b64encode(key).decode() for n, key in enumerate(content)},
            "index_key": base64.b64encode(index).decode(),
        }
    )


@pytest.fixture
def production(settings: Settings, tmp_path: Path) -> Settings:
    """Production's settings as far as the check reads them: DEBUG off, a public host
    name, a new key ring, a var directory of its own."""
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["meldpunt.example"]
    settings.VAR_DIR = tmp_path
    settings.MELDPUNT_KEYRING = generate_keyring_json()
    return settings


def test_a_new_key_ring_in_production_may_start(production: Settings) -> None:
    assert startup_problems() == []


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        (ring([b"t" * 32], os.urandom(32)), "not random"),
        (ring([bytes(range(8)) * 4], os.urandom(32)), "not random"),
        (ring([(same := os.urandom(32))], same), "used twice"),
        (ring([(twice := os.urandom(32)), twice], os.urandom(32)), "used twice"),
    ],
    ids=["one-letter", "pattern", "index-equals-content", "content-twice"],
)
def test_a_weak_key_ring_is_refused(production: Settings, weak: str, reason: str) -> None:
    """A key ring typed by hand, a test key, or a key used twice."""
    production.MELDPUNT_KEYRING = weak
    [problem] = startup_problems()
    assert problem.startswith("The key ring is weak")
    assert reason in problem


def test_the_development_key_ring_is_refused_by_its_file(
    production: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key ring `make run` leaves in var/, named as the key ring file."""
    development = tmp_path / "elsewhere" / "dev-keyring.json"
    development.parent.mkdir()
    development.write_text(production.MELDPUNT_KEYRING)
    monkeypatch.setenv("MELDPUNT_KEYRING_FILE", str(development))
    assert any("development key ring" in problem for problem in startup_problems())


def test_the_development_key_ring_is_refused_by_its_content(
    production: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same key ring given as a variable: its content is that of var/'s file."""
    monkeypatch.delenv("MELDPUNT_KEYRING_FILE", raising=False)
    (Path(production.VAR_DIR) / "dev-keyring.json").write_text(production.MELDPUNT_KEYRING)
    assert any("development key ring" in problem for problem in startup_problems())


def test_debug_is_refused_on_a_public_host_name(production: Settings) -> None:
    production.DEBUG = True
    [problem] = startup_problems()
    assert "DEBUG is on while the site answers to meldpunt.example" in problem


def test_debug_may_run_on_this_machine_s_own_names(production: Settings) -> None:
    """`make run`: DEBUG on 127.0.0.1 and localhost, with its development key ring."""
    production.DEBUG = True
    production.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    production.MELDPUNT_KEYRING = ring([b"t" * 32], os.urandom(32))
    assert startup_problems() == []
