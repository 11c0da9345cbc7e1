"""Two more categories: quick calls without a case, and the audit log (docs/RETENTION.md)."""

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

DEFAULTS = [("quick_contact", 30, "days"), ("audit_log", 1825, "days")]


def seed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rule = apps.get_model("privacy", "RetentionRule")
    for category, period, unit in DEFAULTS:
        rule.objects.get_or_create(category=category, defaults={"period": period, "unit": unit})


class Migration(migrations.Migration):
    dependencies = [("privacy", "0002_seed_retention_rules")]

    operations = [
        migrations.AlterField(
            model_name="retentionrule",
            name="category",
            field=models.CharField(
                choices=[
                    ("advice_closed", "gesloten adviezen"),
                    ("report_closed", "gesloten meldingen"),
                    ("chat_without_case", "chats zonder zaak"),
                    ("mailbox_unused", "ongebruikte postbussen"),
                    ("report_draft", "onafgemaakte webmeldingen"),
                    ("intake_draft", "concepten telefoongesprek"),
                    ("quick_contact", "korte gesprekken zonder zaak"),
                    ("audit_log", "auditlog"),
                ],
                max_length=20,
                unique=True,
                verbose_name="categorie",
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
