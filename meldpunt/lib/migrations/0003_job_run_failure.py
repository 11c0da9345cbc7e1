"""The last failed run of each scheduled job, and a row for the new job audit_verify."""

from typing import Any

from django.db import migrations, models


def add_audit_verify(apps: Any, schema_editor: Any) -> None:
    # As 0002 did for the first jobs: a job that never ran shows as not on time.
    job_run = apps.get_model("meldpunt_lib", "JobRun")
    job_run.objects.using(schema_editor.connection.alias).bulk_create(
        [job_run(name="audit_verify")], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meldpunt_lib", "0002_job_run"),
    ]

    operations = [
        migrations.AddField(
            model_name="jobrun",
            name="last_failure",
            field=models.CharField(blank=True, max_length=200, verbose_name="wat mislukte"),
        ),
        migrations.AddField(
            model_name="jobrun",
            name="last_failure_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="laatst mislukt"),
        ),
        migrations.RunPython(add_audit_verify, migrations.RunPython.noop),
    ]
