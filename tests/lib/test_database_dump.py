"""A dump of the whole database shows none of the content staff typed in.

SQLite: ``VACUUM INTO`` writes a copy of the database file, whose bytes are searched.
PostgreSQL: ``pg_dump`` of the test database. The data must be committed for pg_dump to
see it, so this test runs outside a wrapping transaction (``transactional_db``).
"""

import base64
import contextlib
import os
import re
import subprocess
import tempfile
import time
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.accounts import services
from meldpunt.accounts.models import Role, User
from meldpunt.accounts.services import Outcome
from meldpunt.cases.intake.services import intake_save, quick_contact_record
from meldpunt.cases.models import Contact, Disposition, IntakeDraft, Note, Urgency
from meldpunt.chat import services as chat_services
from meldpunt.chat.auth import SESSION_TOKEN_KEY
from meldpunt.chat.selectors import access_chat_for_token
from meldpunt.lib import clock
from meldpunt.lib.access import AccessDenied
from meldpunt.reports.selectors import access_mailbox_for_receipt
from meldpunt.reports.services import mailbox_open_for_contact

SessionStore = import_module(settings.SESSION_ENGINE).SessionStore

SECRETS = [
    "Marieke Zwanenburg",
    "Zwanenmeerstraat 17",
    "0612345678",
    "06-12345678",
    "8231 QX",
    "Tuinderij De Vliegende Hollander",
    "wordt gedwongen te werken in de kassen",
    "Bel na zes uur op het vaste nummer",
    "Interne notitie over de schuld van veertienduizend",
    "Concepttekst die nog niet is opgeslagen",
    "Oekraiens en een beetje Pools",
]


def _fill_database() -> str:
    """Cases written through the services; returns a case number (a plain column)."""
    advisor = User.objects.create_user("anna", role=Role.ADVISOR)
    case = intake_save(
        by=advisor,
        contact={
            "summary": "Buurvrouw zegt: Marieke Zwanenburg wordt gedwongen te werken in de kassen",
            "advice_given": "Advies: let op Zwanenmeerstraat 17",
            "callback_allowed": True,
            "callback_details": "Bel na zes uur op het vaste nummer 0612345678 of 06-12345678",
            "details": {"urgency": Urgency.HIGH},
        },
        case=None,
        new_case={"kind": "melding", "urgency": Urgency.HIGH, "exploitation": "labour"},
        victim={"name": "Marieke Zwanenburg", "language": "Oekraiens en een beetje Pools"},
        location={
            "kind": "workplace",
            "address": "Zwanenmeerstraat 17",
            "postcode": "8231 QX",
            "company_name": "Tuinderij De Vliegende Hollander",
        },
        task={
            "description": "Bel Marieke Zwanenburg terug",
            "due_date": clock.today(),
            "assignee": advisor,
        },
        started_at=clock.now(),
        draft_id=None,
    )
    Note.objects.create(
        case=case,
        author=advisor,
        created_at=clock.now(),
        text="Interne notitie over de schuld van veertienduizend",
    )
    IntakeDraft.objects.create(
        staff=advisor,
        started_at=clock.now(),
        updated_at=clock.now(),
        data={"summary": ["Concepttekst die nog niet is opgeslagen"]},
    )
    quick_contact_record(
        by=advisor, disposition=Disposition.ABUSIVE, started_at=clock.now(), duration_seconds=4
    )
    return case.number


def _dump() -> bytes:
    if connection.vendor == "sqlite":
        with tempfile.TemporaryDirectory() as directory:
            target = Path(directory) / "dump.sqlite3"
            with connection.cursor() as cursor:
                cursor.execute("VACUUM INTO %s", [str(target)])
            return target.read_bytes()
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        command = ["pg_dump", "--no-owner", "--dbname", settings["NAME"]]
        for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if settings.get(key):
                command += [flag, str(settings[key])]
        env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
        return subprocess.run(command, check=True, capture_output=True, env=env).stdout  # noqa: S603
    pytest.fail(f"no dump method for {connection.vendor}")


def test_dump_contains_none_of_the_typed_content(transactional_db: None) -> None:
    """Names, addresses, phone numbers, summaries, notes and drafts appear nowhere in a dump."""
    number = _fill_database()
    dump = _dump()
    assert number.encode() in dump, "the dump holds the data (a plain column is readable)"
    for secret in SECRETS:
        for variant in {secret, secret.lower(), secret.upper()}:
            assert variant.encode() not in dump, f"{secret!r} found in the dump"
            assert variant.encode("utf-16-le") not in dump, f"{secret!r} found as UTF-16"


# Anything in a dump that could be a session key, token, code, hash or key: runs of
# letters, digits and the characters of base64, hex and codes.
CANDIDATE = re.compile(rb"[A-Za-z0-9+/=_\-]{6,200}")


def _candidates(dump: bytes, baseline: bytes) -> set[str]:
    """Every secret-looking value in ``dump`` that the empty database's dump does not hold."""
    known = set(CANDIDATE.findall(baseline))
    return {m.decode() for m in set(CANDIDATE.findall(dump)) - known}


def _as_totp_keys(value: str) -> list[bytes]:
    """``value`` read as a TOTP key the way it could be stored: hex or base32."""
    keys = []
    with contextlib.suppress(ValueError):
        keys.append(bytes.fromhex(value))
    with contextlib.suppress(ValueError):
        keys.append(base64.b32decode(value.upper() + "=" * (-len(value) % 8)))
    return [key for key in keys if len(key) >= 10]


def _with_cookie(client: Client, cookie: str) -> Client:
    # One client for all tries (a new one loads the middleware again), with no cookie but
    # the one tried.
    client.cookies.clear()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    return client


def _opens_staff_page(client: Client, cookie: str) -> bool:
    response = _with_cookie(client, cookie).get(reverse("accounts:home"))
    return not response["Location"].startswith(reverse("accounts:login"))


def _opens_chat(client: Client, cookie: str) -> bool:
    response = _with_cookie(client, cookie).get(reverse("chat_public:chat"))
    return "chat/reporter.html" in {t.name for t in response.templates}


def _passes_second_factor(user: User, code: str) -> bool:
    # Back-off, rate limits and the used-code memory are lifted for each try: the test
    # asks whether the value is accepted, not whether guessing is slowed down.
    cache.clear()
    StaticDevice.objects.filter(user=user).update(throttling_failure_count=0)
    TOTPDevice.objects.filter(user=user).update(throttling_failure_count=0, last_t=-1)
    result = services.second_factor_verify(user=user, code=code, client="dump-test")
    return result.outcome == Outcome.OK


def _totp_now(key: bytes) -> str:
    otp = TOTP(key)
    otp.time = time.time()
    return f"{otp.token():06d}"


def _text_dump() -> bytes:
    """A dump as SQL text, each value quoted on its own (SQLite's file packs them together)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return "\n".join(connection.connection.iterdump()).encode()
    return _dump()


def test_no_value_in_a_dump_opens_anything(transactional_db: None) -> None:
    """Session keys, chat tokens, receipt codes, TOTP keys and recovery codes in a dump are
    useless: no value from it, as a cookie or a code, opens a staff page, a chat, a mailbox
    or the second login step. The same values that the people hold do open them."""
    baseline = _text_dump()
    number = _fill_database()
    advisor = User.objects.get(username="anna")
    advisor.set_password("correct horse battery staple")
    advisor.save()
    device = TOTPDevice.objects.create(user=advisor, name="app", confirmed=True)
    recovery = services.recovery_codes_create(user=advisor)
    staff = Client()
    staff.post(
        reverse("accounts:login"),
        {"username": "anna", "password": "correct horse battery staple"},
    )
    staff.post(reverse("accounts:verify"), {"code": _totp_now(device.bin_key)})
    staff_cookie = staff.cookies[settings.SESSION_COOKIE_NAME].value
    chat, chat_token = chat_services.chat_start(nickname="Sam")
    reporter = SessionStore()
    reporter[SESSION_TOKEN_KEY] = chat_token
    reporter.save()
    contact = Contact.objects.filter(case__number=number).first()
    _mailbox, receipt_code = mailbox_open_for_contact(contact=contact)

    dump = _text_dump()
    candidates = _candidates(dump, baseline)
    assert candidates, "the dump holds values to try"
    visitor = Client()
    for value in sorted(candidates):
        assert not _opens_staff_page(visitor, value), f"{value!r} opens a staff page"
        assert not _opens_chat(visitor, value), f"{value!r} from the dump opens a chat"
        with pytest.raises(AccessDenied):
            access_chat_for_token(value)
        with pytest.raises(AccessDenied):
            access_mailbox_for_receipt(value)
        assert not _passes_second_factor(advisor, value), f"{value!r} is a second factor"
        for key in _as_totp_keys(value):
            assert not _passes_second_factor(advisor, _totp_now(key)), (
                f"{value!r} from the dump is a TOTP key"
            )

    # The values the people hold do open what they belong to: the checks above can fail.
    assert _opens_staff_page(visitor, staff_cookie)
    assert _opens_chat(visitor, reporter.session_key or "")
    assert access_chat_for_token(chat_token) == chat
    assert access_mailbox_for_receipt(receipt_code) is not None
    assert _passes_second_factor(advisor, recovery[0])
