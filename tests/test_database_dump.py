"""A dump of the whole database shows none of the content staff typed in.

SQLite: ``VACUUM INTO`` writes a copy of the database file, whose bytes are searched.
PostgreSQL: ``pg_dump`` of the test database. The data must be committed for pg_dump to
see it, so this test runs outside a wrapping transaction (``transactional_db``).
"""

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.db import connection

from meldpunt.accounts.models import Role, User
from meldpunt.cases.intake_services import intake_save, quick_disposition_save
from meldpunt.cases.models import Disposition, IntakeDraft, Note, Urgency
from meldpunt.lib import clock

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
            "due_date": clock.now().date(),
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
    quick_disposition_save(
        by=advisor, disposition=Disposition.ABUSIVE, started_at=clock.now(), draft_id=None
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
    pytest.skip(f"no dump method for {connection.vendor}")


def test_dump_contains_none_of_the_typed_content(transactional_db: None) -> None:
    """Names, addresses, phone numbers, summaries, notes and drafts appear nowhere in a dump."""
    number = _fill_database()
    dump = _dump()
    assert number.encode() in dump, "the dump holds the data (a plain column is readable)"
    for secret in SECRETS:
        for variant in {secret, secret.lower(), secret.upper()}:
            assert variant.encode() not in dump, f"{secret!r} found in the dump"
            assert variant.encode("utf-16-le") not in dump, f"{secret!r} found as UTF-16"
