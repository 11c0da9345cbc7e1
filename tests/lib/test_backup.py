"""manage.py backup and restore: a restore into a fresh database holds every case, contact,
attachment and mailbox message as it was, and the backup alone (no key ring) shows no
content. PostgreSQL only (pg_dump, psql); the data is committed (``transactional_db``)
so pg_dump sees it."""

import base64
import io
import zlib
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, override_settings

from meldpunt.accounts.models import Role, User
from meldpunt.cases.intake.services import intake_save
from meldpunt.cases.models import Case, Contact, Urgency
from meldpunt.lib import backup, clock, crypto, keyring_edit
from meldpunt.lib.fields import EncryptedMixin
from meldpunt.reports.models import Attachment, Mailbox, MailboxMessage
from meldpunt.reports.services import ATTACHMENT_PURPOSE, mailbox_post, mailbox_reply
from meldpunt.reports.uploads import CleanFile
from tests.reports.conftest import ANSWERS, fill_report, jpeg_with_gps, submit, upload
from tests.skips import requires_postgresql

pytestmark = requires_postgresql("pg_dump and psql")

PLAINTEXTS = [
    ANSWERS["wat"]["description"],
    "Nagelstudio Glans",
    "Stationsplein 1",
    "Een man met een zwarte bestelbus.",
    "Petra de Vries",
    "Zij moet haar paspoort inleveren bij de baas",
    "Kun je zeggen op welke dagen de bus komt?",
    "Elke dinsdag en vrijdag om zes uur",
    "Bel terug na de dienst, niet voor vier uur",
]
FILE_BYTES = b"%PDF-1.4 Loonstrook van Petra de Vries, uitbetaald: nul euro"


@pytest.fixture
def backup_key(tmp_path: Path, settings: Any) -> Path:
    private, public = backup.generate_keypair()
    settings.MELDPUNT_BACKUP_PUBLIC_KEY = public
    key_file = tmp_path / "backup-private.key"
    key_file.write_text(private)
    return key_file


def _admin_connect(dbname: str) -> psycopg.Connection[Any]:
    params = connection.settings_dict
    return psycopg.connect(
        dbname=dbname,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def fresh_database() -> Iterator[str]:
    """A new, empty database next to the test database; dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with _admin_connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with _admin_connect("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _url(name: str) -> str:
    p = connection.settings_dict
    auth = f"{p['USER']}:{p['PASSWORD']}@" if p["PASSWORD"] else f"{p['USER']}@"
    return f"postgres://{auth}{p['HOST'] or 'localhost'}:{p['PORT'] or 5432}/{name}"


def _fill() -> None:
    """A phone intake, a web report with a photo, and a mailbox conversation with a file."""
    advisor = User.objects.create_user("anna", role=Role.ADVISOR)
    intake_save(
        by=advisor,
        contact={
            "summary": "Zij moet haar paspoort inleveren bij de baas",
            "advice_given": "",
            "callback_allowed": True,
            "callback_details": "Bel terug na de dienst, niet voor vier uur",
            "details": {"urgency": Urgency.HIGH},
        },
        case=None,
        new_case={"kind": "melding", "urgency": Urgency.HIGH, "exploitation": "labour"},
        victim={"name": "Petra de Vries", "language": "Pools"},
        location=None,
        task=None,
        started_at=clock.now(),
        draft_id=None,
    )
    reporter = Client()
    fill_report(reporter, files=[upload("foto.jpg", jpeg_with_gps())])
    submit(reporter)
    mailbox = Mailbox.objects.get()
    mailbox_post(
        mailbox=mailbox,
        text="Kun je zeggen op welke dagen de bus komt?",
        files=[CleanFile(name="loon.pdf", content_type="application/pdf", data=FILE_BYTES)],
    )
    mailbox_reply(
        case=mailbox.case, mailbox=mailbox, by=advisor, text="Elke dinsdag en vrijdag om zes uur"
    )


def _table_digests(dbname: str) -> dict[str, tuple[int, str]]:
    """Per table of the database: its row count and a hash of all its rows."""
    with _admin_connect(dbname) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        digests = {}
        for table in tables:
            rows = "coalesce(string_agg(t::text, chr(10) ORDER BY t::text), '')"
            row = db.execute(f'SELECT count(*), md5({rows}) FROM "{table}" t').fetchone()  # noqa: S608
            assert row is not None
            digests[table] = (row[0], row[1])
    return digests


def _decrypted_rows(dbname: str, model: Any) -> list[tuple[Any, ...]]:
    """Every row of ``model`` in the database ``dbname``, its encrypted fields decrypted."""
    fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedMixin)]
    columns = ", ".join(f'"{f.column}"' for f in fields)
    with _admin_connect(dbname) as db:
        table = model._meta.db_table
        rows = db.execute(f'SELECT id, {columns} FROM "{table}" ORDER BY id').fetchall()  # noqa: S608
    return [
        (pk, *[f.from_db_value(v, None, connection) for f, v in zip(fields, values, strict=True)])
        for pk, *values in rows
    ]


def _backup(tmp_path: Path) -> Path:
    target = tmp_path / "meldpunt.backup"
    out = StringIO()
    call_command("backup", str(target), stdout=out)
    assert "Backup written" in out.getvalue()
    return target


def test_restore_gives_back_every_case_contact_attachment_and_message(
    transactional_db: None, backup_key: Path, fresh_database: str, tmp_path: Path
) -> None:
    """Every table of the restored database holds the same rows; the content decrypts with
    the key ring to what was stored; the attachments are the same files."""
    _fill()
    assert Attachment.objects.count() == 2 and MailboxMessage.objects.count() == 2
    target = _backup(tmp_path)
    assert target.stat().st_mode & 0o777 == 0o600
    call_command(
        "restore",
        str(target),
        "--private-key-file",
        str(backup_key),
        "--database-url",
        _url(fresh_database),
        stdout=StringIO(),
    )
    original = _table_digests(connection.settings_dict["NAME"])
    assert _table_digests(fresh_database) == original
    assert original["cases_case"][0] == 2 and original["reports_mailboxmessage"][0] == 2
    for model in (Case, Contact, MailboxMessage):
        expected = [
            (
                obj.pk,
                *[
                    getattr(obj, f.name)
                    for f in model._meta.concrete_fields
                    if isinstance(f, EncryptedMixin)
                ],
            )
            for obj in model.objects.order_by("pk")
        ]
        assert _decrypted_rows(fresh_database, model) == expected
    with _admin_connect(fresh_database) as db:
        files = [
            crypto.decrypt_bytes(bytes(data), purpose=ATTACHMENT_PURPOSE)
            for (data,) in db.execute("SELECT data FROM reports_attachment ORDER BY id")
        ]
    assert files == [
        crypto.decrypt_bytes(bytes(a.data), purpose=ATTACHMENT_PURPOSE)
        for a in Attachment.objects.order_by("pk")
    ]
    assert FILE_BYTES in files


def _dump_text(target: Path, key_file: Path) -> bytes:
    with target.open("rb") as source:
        plain = b"".join(backup.decrypt_stream(source, private_key=key_file.read_text()))
    return zlib.decompress(plain, 31)


def test_the_backup_alone_shows_no_content(
    transactional_db: None, backup_key: Path, tmp_path: Path
) -> None:
    """Opened with the backup key, the dump holds the plain columns (case numbers) but none
    of the typed text and none of the files: they need the key ring, which is not in it."""
    _fill()
    target = _backup(tmp_path)
    raw = target.read_bytes()
    assert b"CREATE TABLE" not in raw and b"Petra" not in raw, "the file itself is encrypted"
    dump = _dump_text(target, backup_key)
    assert Case.objects.first().number.encode() in dump
    assert b"COPY" in dump and b"reports_attachment" in dump
    jpeg = crypto.decrypt_bytes(
        bytes(Attachment.objects.order_by("pk").first().data), purpose=ATTACHMENT_PURPOSE
    )
    for secret in [*PLAINTEXTS]:
        for variant in {secret, secret.lower(), secret.upper()}:
            assert variant.encode() not in dump, f"{secret!r} found in the backup"
            assert base64.b64encode(variant.encode()) not in dump
    for data in (FILE_BYTES, jpeg[:64]):
        assert data not in dump and data.hex().encode() not in dump
    assert crypto.keyring().index_key.hex().encode() not in dump
    assert base64.b64encode(crypto.keyring().index_key) not in dump
    for key in crypto.keyring().keys.values():
        assert base64.b64encode(key) not in dump and key.hex().encode() not in dump


def test_a_backup_needs_its_own_key_and_stays_whole(
    transactional_db: None, backup_key: Path, tmp_path: Path
) -> None:
    """Another backup key, a truncated or an altered file: refused, nothing read."""
    target = _backup(tmp_path)
    other, _public = backup.generate_keypair()
    with pytest.raises(backup.BackupError, match="not for this backup key"):
        list(backup.decrypt_stream(target.open("rb"), private_key=other))
    data = target.read_bytes()
    with pytest.raises(backup.BackupError, match="truncated"):
        list(backup.decrypt_stream(io.BytesIO(data[:-10]), private_key=backup_key.read_text()))
    altered = bytearray(data)
    altered[-5] ^= 1
    with pytest.raises(backup.BackupError, match="altered"):
        list(backup.decrypt_stream(io.BytesIO(bytes(altered)), private_key=backup_key.read_text()))


def test_restore_refuses_a_database_that_is_not_empty(
    transactional_db: None, backup_key: Path, tmp_path: Path
) -> None:
    """Restoring over the live database is refused before anything is written."""
    target = _backup(tmp_path)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(target), "--private-key-file", str(backup_key))


def test_backup_without_a_public_key_is_refused(
    transactional_db: None, settings: Any, tmp_path: Path
) -> None:
    """No backup key configured: a clear error, no file."""
    settings.MELDPUNT_BACKUP_PUBLIC_KEY = ""
    with pytest.raises(CommandError, match="MELDPUNT_BACKUP_PUBLIC_KEY"):
        call_command("backup", str(tmp_path / "b"))
    assert not list(tmp_path.iterdir())


def test_drill_rotate_back_up_restore_read(
    transactional_db: None, backup_key: Path, fresh_database: str, tmp_path: Path
) -> None:
    """The drill of docs/KEYS.md: a new content key and a new blind key, rotate_keys and
    blind_reindex, a backup, a restore: the restored content reads with the new ring, its
    search tokens are all under the new blind key; a ring that lost the new key reads none of
    it (the key loss drill: keyring_check names what is lost)."""
    _fill()
    summaries = list(Contact.objects.order_by("pk").values_list("summary", flat=True))
    old_ring = django_settings.MELDPUNT_KEYRING
    new_ring = keyring_edit.add_blind_key(keyring_edit.add_content_key(old_ring))
    try:
        with override_settings(MELDPUNT_KEYRING=new_ring):
            crypto.keyring.cache_clear()
            call_command("rotate_keys", stdout=StringIO())
            call_command("blind_reindex", stdout=StringIO())
            final_ring = keyring_edit.retire_blind_key(new_ring)
        with override_settings(MELDPUNT_KEYRING=final_ring):
            crypto.keyring.cache_clear()
            call_command("blind_reindex", stdout=StringIO())
            call_command("keyring_check", stdout=StringIO())
            target = _backup(tmp_path)
            call_command(
                "restore",
                str(target),
                "--private-key-file",
                str(backup_key),
                "--database-url",
                _url(fresh_database),
                stdout=StringIO(),
            )
            restored = [row[2] for row in _decrypted_rows(fresh_database, Contact)]
            assert restored[: len(summaries)] == summaries
            with _admin_connect(fresh_database) as db:
                tokens = [t for (t,) in db.execute("SELECT token FROM cases_casesearchtoken")]
            assert tokens and all(t.startswith("b1:") for t in tokens)
        # Key loss: the old ring lacks the content key everything is now under.
        with override_settings(MELDPUNT_KEYRING=old_ring):
            crypto.keyring.cache_clear()
            with pytest.raises(crypto.DecryptionError):
                _decrypted_rows(fresh_database, Contact)
            with pytest.raises(CommandError, match="cannot be read"):
                call_command("keyring_check", stdout=StringIO(), stderr=StringIO())
    finally:
        crypto.keyring.cache_clear()
