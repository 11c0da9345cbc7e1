"""Sessions move to a table keyed by a hash of the session key, with the data encrypted.

The old ``django_session`` rows hold session keys (cookie values) and data in clear; they
are deleted, not converted: everyone logged in logs in again, and a reporter mid-report
starts again from the form.
"""

from typing import Any

from django.db import migrations, models

import meldpunt.lib.fields


def drop_clear_sessions(apps: Any, schema_editor: Any) -> None:
    apps.get_model("sessions", "Session").objects.using(schema_editor.connection.alias).delete()


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("sessions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="StoredSession",
            fields=[
                ("key_hash", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("session_data", meldpunt.lib.fields.EncryptedTextField()),
                ("expire_date", models.DateTimeField(db_index=True)),
            ],
            options={
                "verbose_name": "session",
                "verbose_name_plural": "sessions",
            },
        ),
        migrations.RunPython(drop_clear_sessions, migrations.RunPython.noop, elidable=True),
    ]
