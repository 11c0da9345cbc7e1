"""Second factors at rest: TOTP keys encrypted with the key ring, recovery codes hashed.

Existing rows are converted in place and keep working: each TOTP key is encrypted as the
field ``meldpunt.lib.fields.EncryptedCharField`` stores it (purpose
``otp_totp.TOTPDevice.key``), and each recovery code is replaced by the keyed hash that
``meldpunt.accounts.services.recovery_code_digest`` computes. The hash is written out here
so that a later change to the services cannot change what this migration did.

django-otp's key column is ``varchar(80)``, too narrow for a ciphertext; on PostgreSQL it
becomes ``text`` (SQLite does not enforce the length). django-otp's migrations do not know
of this; a future one that alters the column would have to be checked against it.
"""

from typing import Any

from django.db import migrations

from meldpunt.lib import crypto

TOTP_PURPOSE = "otp_totp.TOTPDevice.key"
RECOVERY_DIGEST_CHARS = 16


def _recovery_digest(code: str) -> str:
    normalised = "".join(code.split()).replace("-", "").lower()
    digest = crypto.keyed_digest("recovery-code", normalised.encode())
    return digest.hex()[:RECOVERY_DIGEST_CHARS]


def _alter_key_column(schema_editor: Any, column_type: str) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'ALTER TABLE "otp_totp_totpdevice" ALTER COLUMN "key" TYPE {column_type}'
        )


def _convert(schema_editor: Any, table: str, column: str, convert: Any) -> None:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f'SELECT "id", "{column}" FROM "{table}"')  # noqa: S608 (fixed names)
        rows = cursor.fetchall()
        for pk, value in rows:
            new = convert(value)
            if new != value:
                cursor.execute(
                    f'UPDATE "{table}" SET "{column}" = %s WHERE "id" = %s',  # noqa: S608
                    [new, pk],
                )


def _encrypt_key(value: str) -> str:
    if value.startswith(f"{crypto.PREFIX}:"):
        return value
    return crypto.encrypt_text(value, purpose=TOTP_PURPOSE)


def _decrypt_key(value: str) -> str:
    if not value.startswith(f"{crypto.PREFIX}:"):
        return value
    return crypto.decrypt_text(value, purpose=TOTP_PURPOSE)


def forward(apps: Any, schema_editor: Any) -> None:
    _alter_key_column(schema_editor, "text")
    _convert(schema_editor, "otp_totp_totpdevice", "key", _encrypt_key)
    _convert(schema_editor, "otp_static_statictoken", "token", _recovery_digest)


def backward(apps: Any, schema_editor: Any) -> None:
    # Recovery codes cannot be recovered from their hashes: after going back, the codes
    # stored now match nothing, and staff make new ones on the security page.
    _convert(schema_editor, "otp_totp_totpdevice", "key", _decrypt_key)
    _alter_key_column(schema_editor, "varchar(80)")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_lockout_per_client"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
