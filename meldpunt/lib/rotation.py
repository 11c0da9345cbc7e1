"""Re-encrypting stored content under the key ring's current key (``manage.py rotate_keys``).

How a rotation goes: add a new key to the ring and make it ``current`` (the old keys
stay, so everything stays readable), restart the application, run ``rotate_keys``, and
remove an old key only when no stored value and no backup you still need uses it.

Every ``Encrypted*Field`` of every installed model is found by walking the app registry.
Rows are read with plain SQL, so the stored ciphertext is seen as it is: only values
that do not start with ``m1:<current key>:`` are touched. Work goes in batches by
primary key, each in its own transaction, and each row is written back only if it still
holds the ciphertext that was read (a concurrent edit wins). Stopping at any moment
loses nothing: a value is either still under its old key or already under the new one,
and the next run picks up whatever is left.

Binary columns holding ``crypto.encrypt_bytes`` output (``MPE1``, key id length, key
id, nonce, ciphertext) cannot be recognised from the field type, so the app that owns
one registers it once from its ``AppConfig.ready``::

    register_encrypted_binary(model="reports.Attachment", field="data",
                              purpose="reports.Attachment.data")

and it is rotated the same way, comparing the header bytes instead of the text prefix.
Files kept on disk would plug in like this too: walk their records in primary-key
order, read the key id from each file's header, write ``encrypt_bytes(decrypt_bytes(
old))`` to a new file, point the record at it in one transaction and remove the old
file after commit. None exist today: attachments live in the database.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from django.apps import apps
from django.db import connection, models, transaction

from meldpunt.lib import crypto
from meldpunt.lib.fields import EncryptedMixin

DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class EncryptedColumn:
    model: type[models.Model]
    field: models.Field[Any, Any]
    binary_purpose: str | None = None

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field.name}"

    @property
    def purpose(self) -> str:
        return self.binary_purpose or cast(EncryptedMixin, self.field).purpose

    def current_prefix(self) -> str | bytes:
        """How every value under the current key starts, as stored."""
        return _prefix(self, crypto.keyring().current)

    def reencrypt(self, stored: str | bytes) -> str | bytes:
        if self.binary_purpose is None:
            plain = crypto.decrypt_text(str(stored), purpose=self.purpose)
            return crypto.encrypt_text(plain, purpose=self.purpose)
        data = crypto.decrypt_bytes(bytes(cast(bytes, stored)), purpose=self.purpose)
        return crypto.encrypt_bytes(data, purpose=self.purpose)


_binary_columns: list[tuple[str, str, str]] = []


def register_encrypted_binary(*, model: str, field: str, purpose: str) -> None:
    """Have ``rotate_keys`` re-encrypt a binary column written with ``crypto.encrypt_bytes``."""
    entry = (model, field, purpose)
    if entry not in _binary_columns:
        _binary_columns.append(entry)


@dataclass
class ColumnResult:
    column: EncryptedColumn
    rotated: int = 0
    skipped_unreadable: int = 0
    skipped_changed: int = 0


Progress = Callable[[ColumnResult], None]


def encrypted_columns() -> list[EncryptedColumn]:
    """Every concrete encrypted column of every installed, managed model, and the
    registered binary columns."""
    columns = []
    for model in apps.get_models():
        if not model._meta.managed or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedMixin):
                columns.append(EncryptedColumn(model=model, field=field))
    for label, field_name, purpose in _binary_columns:
        model = apps.get_model(label)
        columns.append(
            EncryptedColumn(
                model=model, field=model._meta.get_field(field_name), binary_purpose=purpose
            )
        )
    return columns


def _sql_parts(column: EncryptedColumn) -> tuple[str, str, str]:
    quote = connection.ops.quote_name
    return (
        quote(column.model._meta.db_table),
        quote(str(column.model._meta.pk.column)),
        quote(str(column.field.column)),
    )


def _outdated_condition(col: str) -> str:
    # SUBSTR and LENGTH work on text and binary alike, on SQLite and PostgreSQL, and need
    # no LIKE escaping of key ids.
    return f"{col} IS NOT NULL AND LENGTH({col}) > 0 AND SUBSTR({col}, 1, %s) <> %s"


def count_outdated(column: EncryptedColumn) -> int:
    """How many stored values of ``column`` are not under the current key."""
    table, _pk, col = _sql_parts(column)
    prefix = column.current_prefix()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {table} WHERE {_outdated_condition(col)}",  # noqa: S608 (quoted names)
            [len(prefix), prefix],
        )
        return int(cursor.fetchone()[0])


def count_unreadable(column: EncryptedColumn) -> int:
    """How many stored values of ``column`` are under a key that is not in the ring (a lost
    key: they cannot be read until it is back)."""
    table, _pk, col = _sql_parts(column)
    conditions = [f"{col} IS NOT NULL", f"LENGTH({col}) > 0"]
    params: list[int | str | bytes] = []
    for key_id in crypto.keyring().keys:
        prefix = _prefix(column, key_id)
        conditions.append(f"SUBSTR({col}, 1, %s) <> %s")
        params += [len(prefix), prefix]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {table} WHERE {' AND '.join(conditions)}",  # noqa: S608 (quoted names)
            params,
        )
        return int(cursor.fetchone()[0])


def _prefix(column: EncryptedColumn, key_id: str) -> str | bytes:
    if column.binary_purpose is None:
        return f"{crypto.PREFIX}:{key_id}:"
    encoded = key_id.encode()
    return crypto.BINARY_MAGIC + bytes([len(encoded)]) + encoded


def _batches(
    column: EncryptedColumn, batch_size: int
) -> Iterator[list[tuple[int | str, str | bytes]]]:
    table, pk, col = _sql_parts(column)
    prefix = column.current_prefix()
    last = None
    while True:
        after = f"{pk} > %s AND " if last is not None else ""
        params: list[int | str] = [last] if last is not None else []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {pk}, {col} FROM {table} WHERE {after}{_outdated_condition(col)} "  # noqa: S608 (quoted names)
                f"ORDER BY {pk} LIMIT %s",
                [*params, len(prefix), prefix, batch_size],
            )
            rows = cursor.fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def rotate_column(
    column: EncryptedColumn,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> ColumnResult:
    """Re-encrypt every value of ``column`` that is not under the current key."""
    result = ColumnResult(column=column)
    table, pk, col = _sql_parts(column)
    update = f"UPDATE {table} SET {col} = %s WHERE {pk} = %s AND {col} = %s"  # noqa: S608 (quoted names)
    for rows in _batches(column, batch_size):
        # One batch is one transaction: it lands completely or not at all.
        with transaction.atomic(), connection.cursor() as cursor:
            for row_pk, stored in rows:
                try:
                    fresh = column.reencrypt(stored)
                except crypto.DecryptionError:
                    result.skipped_unreadable += 1
                    continue
                cursor.execute(update, [fresh, row_pk, stored])
                if cursor.rowcount == 1:
                    result.rotated += 1
                else:
                    result.skipped_changed += 1
        if progress:
            progress(result)
    return result
