"""Second factors at rest: TOTP keys encrypted with the key ring, recovery codes hashed.

Both are read here with plain SQL, as a database dump shows them.
"""

import json
from importlib import import_module
from io import StringIO
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, override_settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts import services
from meldpunt.accounts.models import User
from meldpunt.accounts.services import Outcome
from meldpunt.lib.crypto import keyring
from tests.accounts.conftest import full_login, totp_code

SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def _column(table: str, column: str) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} ORDER BY id")  # noqa: S608 (fixed names)
        return [value for (value,) in cursor.fetchall()]


@pytest.mark.django_db
def test_totp_key_is_stored_encrypted_and_still_works(client: Client, advisor: User) -> None:
    """The key column holds ciphertext, never the hex key; Anouk's app codes still work."""
    device = TOTPDevice.objects.get(user=advisor)
    (stored,) = _column("otp_totp_totpdevice", "key")
    assert stored.startswith("m1:")
    assert device.bin_key.hex() not in stored
    assert full_login(client, advisor)["Location"] == "/medewerkers/"


@pytest.mark.django_db
def test_recovery_codes_are_stored_as_keyed_hashes_and_work_once(advisor: User) -> None:
    """No code is in the table; each still works once."""
    codes = services.recovery_codes_create(user=advisor)
    stored = _column("otp_static_statictoken", "token")
    assert len(stored) == len(codes)
    assert not set(codes) & set(stored)
    for code in codes:
        assert services.recovery_code_digest(code) in stored
    first = services.second_factor_verify(user=advisor, code=codes[0], client="kantoor")
    again = services.second_factor_verify(user=advisor, code=codes[0], client="kantoor")
    assert (first.outcome, again.outcome) == (Outcome.OK, Outcome.INVALID)


@pytest.mark.django_db
def test_the_hash_itself_is_no_recovery_code(advisor: User) -> None:
    """The stored value, typed as a code, is refused."""
    services.recovery_codes_create(user=advisor)
    stored = StaticToken.objects.filter(device__user=advisor).first()
    result = services.second_factor_verify(user=advisor, code=stored.token, client="kantoor")
    assert result.outcome == Outcome.INVALID


@pytest.mark.django_db
def test_rotate_keys_covers_totp_keys_and_sessions(advisor: User) -> None:
    """``rotate_keys`` re-encrypts TOTP keys and session data under the current key; the
    app codes and the session still work afterwards."""
    ring = json.loads(settings.MELDPUNT_KEYRING)
    keyring.cache_clear()
    with override_settings(MELDPUNT_KEYRING=json.dumps({**ring, "current": "t0"})):
        keyring.cache_clear()
        device = TOTPDevice.objects.create(user=advisor, name="oud", confirmed=True)
        session = SessionStore()
        session["colour"] = "rood"
        session.save()
    keyring.cache_clear()
    assert _column("otp_totp_totpdevice", "key")[-1].startswith("m1:t0:")

    call_command("rotate_keys", stdout=StringIO())
    assert all(key.startswith("m1:t1:") for key in _column("otp_totp_totpdevice", "key"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_data FROM meldpunt_lib_storedsession")
        assert all(data.startswith("m1:t1:") for (data,) in cursor.fetchall())
    assert SessionStore(session.session_key)["colour"] == "rood"
    TOTPDevice.objects.filter(user=advisor).exclude(pk=device.pk).delete()
    result = services.second_factor_verify(user=advisor, code=totp_code(device), client="x")
    assert result.outcome == Outcome.OK


BEFORE = [
    ("accounts", "0002_lockout"),
    ("otp_totp", "0003_add_timestamps"),
    ("otp_static", "0003_add_timestamps"),
]


def test_migration_encrypts_keys_and_hashes_codes_in_place(transactional_db: None) -> None:
    """Rows written before the change keep working: the same app code and recovery code log
    in afterwards, and neither the hex key nor the code is left in the table."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(username="oud", role="advisor")
    hex_key = "3132333435363738393031323334353637383930"
    old.get_model("otp_totp", "TOTPDevice").objects.create(
        user_id=user.pk, name="app", confirmed=True, key=hex_key
    )
    static = old.get_model("otp_static", "StaticDevice").objects.create(
        user_id=user.pk, name="Herstelcodes", confirmed=True
    )
    old.get_model("otp_static", "StaticToken").objects.create(device=static, token="abcd2345")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    (stored_key,) = _column("otp_totp_totpdevice", "key")
    assert stored_key.startswith("m1:")
    assert _column("otp_static_statictoken", "token") != ["abcd2345"]
    user = User.objects.get(username="oud")
    device = TOTPDevice.objects.get(user=user)
    assert device.bin_key.hex() == hex_key
    code = services.second_factor_verify(user=user, code=totp_code(device), client="kantoor")
    recovery = services.second_factor_verify(user=user, code="ABCD-2345", client="kantoor")
    assert (code.outcome, recovery.outcome) == (Outcome.OK, Outcome.OK)
