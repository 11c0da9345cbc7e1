"""The session engine: the table holds a keyed hash of each session key and the data encrypted.

Logout, flush, cycle_key, expiry and ``clearsessions`` work as with Django's own engine.
"""

from datetime import timedelta
from importlib import import_module
from io import StringIO

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts.models import Role, User
from meldpunt.lib import clock
from meldpunt.lib.models import StoredSession
from meldpunt.lib.sessions import session_key_hash
from tests.accounts.conftest import PASSWORD, full_login

pytestmark = pytest.mark.django_db
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


@pytest.fixture
def advisor() -> User:
    """Anouk, an advisor who logs in with password and app."""
    user = User.objects.create_user("anouk", password=PASSWORD, role=Role.ADVISOR)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def test_the_table_holds_no_session_key_and_no_readable_data(client: Client, advisor: User) -> None:
    """After Anouk logs in, her cookie is nowhere in the table and her user id is encrypted."""
    full_login(client, advisor)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    row = StoredSession.objects.get()
    assert row.key_hash == session_key_hash(cookie)
    assert not StoredSession.objects.filter(key_hash=cookie).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_data FROM meldpunt_lib_storedsession")
        (stored,) = cursor.fetchone()
    assert stored.startswith("m1:")
    assert "_auth_user_id" not in stored
    assert not Session.objects.exists()


def test_the_hash_as_a_cookie_opens_nothing(client: Client, advisor: User) -> None:
    """The stored value, sent back as a cookie, is an unknown session."""
    full_login(client, advisor)
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = StoredSession.objects.get().key_hash
    assert stolen.get("/medewerkers/")["Location"].startswith("/medewerkers/inloggen/")


def test_save_load_cycle_and_flush() -> None:
    """A new key keeps the data and retires the old key; flush removes the row."""
    session = SessionStore()
    session["colour"] = "blauw"
    session.save()
    first = session.session_key
    assert SessionStore(first)["colour"] == "blauw"
    session.cycle_key()
    assert session.session_key != first
    assert not SessionStore().exists(first)
    assert SessionStore(session.session_key)["colour"] == "blauw"
    session.flush()
    assert not StoredSession.objects.exists()


def test_logout_removes_the_session(client: Client, advisor: User) -> None:
    """Logging out deletes the row; the old cookie opens nothing any more."""
    full_login(client, advisor)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/medewerkers/uitloggen/")
    assert not SessionStore().exists(cookie)


def test_async_api() -> None:
    """The async methods Channels uses read and write the same rows."""
    session = SessionStore()
    async_to_sync(session.aset)("colour", "groen")
    async_to_sync(session.asave)()
    again = SessionStore(session.session_key)
    assert async_to_sync(again.aget)("colour") == "groen"
    async_to_sync(again.adelete)()
    assert not async_to_sync(SessionStore().aexists)(session.session_key)


def test_clearsessions_removes_expired_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """``manage.py clearsessions`` deletes sessions past their expiry and keeps the rest."""
    live = SessionStore()
    live.save()
    old = SessionStore()
    old.set_expiry(1)
    old.save()
    StoredSession.objects.filter(key_hash=session_key_hash(old.session_key)).update(
        expire_date=clock.now() - timedelta(seconds=5)
    )
    out = StringIO()
    call_command("clearsessions", stdout=out)
    assert out.getvalue() == "1 expired session(s) removed.\n"
    assert StoredSession.objects.count() == 1
    assert SessionStore().exists(live.session_key)
