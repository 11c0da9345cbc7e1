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

Encrypted files (``crypto.encrypt_bytes``: ``MPE1``, key id, nonce, ciphertext) plug in
the same way: the app that stores them walks its file records in primary-key order,
reads the key id from each file's header (after the 4-byte magic, one length byte and
the id), and for those not under the current key writes ``encrypt_bytes(decrypt_bytes(
old))`` to a new file name, then points the record at it in one transaction and removes
the old file after commit. Until such files exist there is nothing to walk.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, models, transaction

from meldpunt.lib import crypto
from meldpunt.lib.fields import EncryptedMixin

DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class EncryptedColumn:
    model: type[models.Model]
    field: models.Field

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field.name}"


@dataclass
class ColumnResult:
    column: EncryptedColumn
    rotated: int = 0
    skipped_unreadable: int = 0
    skipped_changed: int = 0


Progress = Callable[[ColumnResult], None]


def encrypted_columns() -> list[EncryptedColumn]:
    """Every concrete encrypted column of every installed, managed model."""
    columns = []
    for model in apps.get_models():
        if not model._meta.managed or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedMixin):
                columns.append(EncryptedColumn(model=model, field=field))
    return columns


def current_prefix() -> str:
    return f"{crypto.PREFIX}:{crypto.keyring().current}:"


def _sql_parts(column: EncryptedColumn) -> tuple[str, str, str]:
    quote = connection.ops.quote_name
    return (
        quote(column.model._meta.db_table),
        quote(column.model._meta.pk.column),
        quote(column.field.column),
    )


def _outdated_condition(col: str) -> str:
    # SUBSTR works the same on SQLite and PostgreSQL and needs no LIKE escaping of key ids.
    return f"{col} IS NOT NULL AND {col} <> '' AND SUBSTR({col}, 1, %s) <> %s"


def count_outdated(column: EncryptedColumn) -> int:
    """How many stored values of ``column`` are not under the current key."""
    table, _pk, col = _sql_parts(column)
    prefix = current_prefix()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {table} WHERE {_outdated_condition(col)}",  # noqa: S608 (quoted names)
            [len(prefix), prefix],
        )
        return int(cursor.fetchone()[0])


def _batches(column: EncryptedColumn, batch_size: int) -> Iterator[list[tuple[object, str]]]:
    table, pk, col = _sql_parts(column)
    prefix = current_prefix()
    last = None
    while True:
        after = f"{pk} > %s AND " if last is not None else ""
        params: list[object] = [last] if last is not None else []
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
    purpose = column.field.purpose  # type: ignore[attr-defined]
    update = f"UPDATE {table} SET {col} = %s WHERE {pk} = %s AND {col} = %s"  # noqa: S608 (quoted names)
    for rows in _batches(column, batch_size):
        # One batch is one transaction: it lands completely or not at all.
        with transaction.atomic(), connection.cursor() as cursor:
            for row_pk, stored in rows:
                try:
                    plain = crypto.decrypt_text(stored, purpose=purpose)
                except crypto.DecryptionError:
                    result.skipped_unreadable += 1
                    continue
                cursor.execute(
                    update, [crypto.encrypt_text(plain, purpose=purpose), row_pk, stored]
                )
                if cursor.rowcount == 1:
                    result.rotated += 1
                else:
                    result.skipped_changed += 1
        if progress:
            progress(result)
    return result
