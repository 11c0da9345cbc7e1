"""manage.py rotate_keys: every encrypted value ends up under the current key, nothing is lost."""

import json
from collections.abc import Iterator
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from meldpunt.accounts.models import Role, User
from meldpunt.cases.models import Case, Channel, Contact, IntakeDraft, Note, Person
from meldpunt.cases.services import case_create, contact_add
from meldpunt.lib import clock, rotation
from meldpunt.lib.crypto import decrypt_bytes, encrypt_bytes, keyring
from meldpunt.reports.models import Attachment
from meldpunt.reports.services import ATTACHMENT_PURPOSE

pytestmark = pytest.mark.django_db

SUMMARIES = [f"Gesprek nummer {n} over een kwekerij" for n in range(5)]


def _ring_with_current(key_id: str) -> str:
    ring = json.loads(settings.MELDPUNT_KEYRING)
    ring["current"] = key_id
    return json.dumps(ring)


@pytest.fixture
def old_rows() -> Iterator[None]:
    """Cases, contacts, persons, notes and a draft written while t0 was the current key."""
    keyring.cache_clear()
    with override_settings(MELDPUNT_KEYRING=_ring_with_current("t0")):
        keyring.cache_clear()
        advisor = User.objects.create_user("anna", role=Role.ADVISOR)
        for summary in SUMMARIES:
            case = case_create(by=advisor, title=f"Titel {summary}")
            contact_add(case=case, by=advisor, channel=Channel.PHONE, summary=summary)
            Person.objects.create(case=case, role="victim", name="Kowalski", nationality="Pools")
            Note.objects.create(case=case, author=advisor, created_at=clock.now(), text="Notitie")
        IntakeDraft.objects.create(
            staff=advisor, started_at=clock.now(), updated_at=clock.now(), data={"summary": "x"}
        )
    keyring.cache_clear()
    yield
    keyring.cache_clear()


def _key_id(value: str | bytes) -> str:
    """The key id in a stored text (``m1:<id>:...``) or binary (``MPE1<len><id>...``) value."""
    if isinstance(value, str):
        return value.split(":")[1]
    blob = bytes(value)
    return blob[5 : 5 + blob[4]].decode()


def _stored_key_ids() -> set[str]:
    """The key id of every non-empty stored encrypted value, read without decrypting."""
    key_ids = set()
    with connection.cursor() as cursor:
        for column in rotation.encrypted_columns():
            table, _pk, col = rotation._sql_parts(column)
            cursor.execute(f"SELECT {col} FROM {table} WHERE LENGTH({col}) > 0")  # noqa: S608
            key_ids |= {_key_id(value) for (value,) in cursor.fetchall()}
    return key_ids


def test_finds_encrypted_fields_of_every_app() -> None:
    """Fields are found by walking the models, so new encrypted fields are never missed."""
    labels = {column.label for column in rotation.encrypted_columns()}
    assert {"cases.Contact.summary", "cases.Person.name", "cases.IntakeDraft.data"} <= labels


def test_dry_run_counts_and_changes_nothing(old_rows: None) -> None:
    """--dry-run reports how many values are under an old key and leaves them there."""
    out = StringIO()
    call_command("rotate_keys", "--dry-run", stdout=out)
    assert "cases.Contact.summary: 5 to re-encrypt" in out.getvalue()
    assert _stored_key_ids() == {"t0"}


def test_rotation_moves_everything_to_the_current_key(old_rows: None) -> None:
    """After rotating, every stored value is under t1 and reads back unchanged."""
    assert _stored_key_ids() == {"t0"}
    out = StringIO()
    call_command("rotate_keys", "--batch-size", "2", stdout=out)
    assert _stored_key_ids() == {"t1"}
    assert "Re-encrypted" in out.getvalue()
    assert sorted(Contact.objects.values_list("summary", flat=True)) == sorted(SUMMARIES)
    assert set(Case.objects.values_list("title", flat=True)) == {f"Titel {s}" for s in SUMMARIES}
    assert set(Person.objects.values_list("name", flat=True)) == {"Kowalski"}
    assert IntakeDraft.objects.get().data == {"summary": "x"}


def test_a_second_run_has_nothing_to_do(old_rows: None) -> None:
    """Rotation is idempotent: a repeated run re-encrypts nothing."""
    call_command("rotate_keys", stdout=StringIO())
    out = StringIO()
    call_command("rotate_keys", stdout=out)
    assert "Re-encrypted 0 values" in out.getvalue()


def test_interrupted_rotation_resumes_without_loss(
    old_rows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after the first batch leaves every value readable; the next run finishes the job."""
    real_batches = rotation._batches

    def crash_after_first_batch(column, batch_size):  # type: ignore[no-untyped-def]
        batches = real_batches(column, batch_size)
        yield next(batches)
        raise RuntimeError("power cut")

    monkeypatch.setattr(rotation, "_batches", crash_after_first_batch)
    with pytest.raises(RuntimeError):
        call_command("rotate_keys", "--batch-size", "2", stdout=StringIO())
    assert _stored_key_ids() == {"t0", "t1"}
    assert sorted(Contact.objects.values_list("summary", flat=True)) == sorted(SUMMARIES)

    monkeypatch.setattr(rotation, "_batches", real_batches)
    call_command("rotate_keys", "--batch-size", "2", stdout=StringIO())
    assert _stored_key_ids() == {"t1"}
    assert sorted(Contact.objects.values_list("summary", flat=True)) == sorted(SUMMARIES)


def test_a_value_changed_meanwhile_is_not_overwritten(
    old_rows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row the application edits between reading and writing a batch keeps the edit."""
    contact = Contact.objects.order_by("pk").first()
    real_batches = rotation._batches

    def edit_during_batch(column, batch_size):  # type: ignore[no-untyped-def]
        for rows in real_batches(column, batch_size):
            if column.label == "cases.Contact.summary":
                contact.summary = "Nieuwe tekst"
                contact.save(update_fields=["summary"])
            yield rows

    monkeypatch.setattr(rotation, "_batches", edit_during_batch)
    column = next(c for c in rotation.encrypted_columns() if c.label == "cases.Contact.summary")
    result = rotation.rotate_column(column)
    assert (result.rotated, result.skipped_changed) == (4, 1)
    contact.refresh_from_db()
    assert contact.summary == "Nieuwe tekst"


def test_registered_binary_column_is_rotated(monkeypatch: pytest.MonkeyPatch) -> None:
    """An attachment's encrypted bytes move to the current key once its column is registered."""
    monkeypatch.setattr(rotation, "_binary_columns", [])
    rotation.register_encrypted_binary(
        model="reports.Attachment", field="data", purpose=ATTACHMENT_PURPOSE
    )
    content = b"\x89PNG\r\n\x1a\n inhoud van een foto"
    keyring.cache_clear()
    with override_settings(MELDPUNT_KEYRING=_ring_with_current("t0")):
        keyring.cache_clear()
        attachment = Attachment.objects.create(
            content_type="image/png",
            size=len(content),
            created_at=clock.now(),
            name="foto.png",
            data=encrypt_bytes(content, purpose=ATTACHMENT_PURPOSE),
        )
    keyring.cache_clear()
    assert _stored_key_ids() == {"t0"}
    out = StringIO()
    call_command("rotate_keys", stdout=out)
    assert "reports.Attachment.data: 1/1" in out.getvalue()
    assert _stored_key_ids() == {"t1"}
    attachment.refresh_from_db()
    assert decrypt_bytes(bytes(attachment.data), purpose=ATTACHMENT_PURPOSE) == content
    assert attachment.name == "foto.png"
