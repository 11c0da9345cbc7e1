"""The last successful run of each scheduled job, one row per job, shown in the admin."""

from typing import Any

from django.db import migrations, models

JOBS = ("chat_expire", "purge")


def add_jobs(apps: Any, schema_editor: Any) -> None:
    # A row per job from the start, so a job that never ran shows as not on time.
    job_run = apps.get_model("meldpunt_lib", "JobRun")
    job_run.objects.using(schema_editor.connection.alias).bulk_create(
        [job_run(name=name) for name in JOBS], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meldpunt_lib", "0001_stored_session"),
    ]

    operations = [
        migrations.CreateModel(
            name="JobRun",
            fields=[
                (
                    "name",
                    models.CharField(
                        max_length=40, primary_key=True, serialize=False, verbose_name="taak"
                    ),
                ),
                (
                    "last_success_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="laatst gelukt"),
                ),
                (
                    "last_duration_seconds",
                    models.FloatField(blank=True, null=True, verbose_name="duur (seconden)"),
                ),
                (
                    "last_outcome",
                    models.CharField(blank=True, max_length=200, verbose_name="uitkomst"),
                ),
            ],
            options={
                "verbose_name": "geplande taak",
                "verbose_name_plural": "geplande taken",
                "ordering": ["name"],
            },
        ),
        migrations.RunPython(add_jobs, migrations.RunPython.noop),
    ]
