"""One retention rule per category, at the defaults argued in docs/RETENTION.md."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

DEFAULTS = [
    ("advice_closed", 365, "days"),
    ("report_closed", 1825, "days"),
    ("chat_without_case", 30, "days"),
    ("mailbox_unused", 90, "days"),
    ("report_draft", 24, "hours"),
    ("intake_draft", 7, "days"),
]


def seed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rule = apps.get_model("privacy", "RetentionRule")
    for category, period, unit in DEFAULTS:
        rule.objects.get_or_create(category=category, defaults={"period": period, "unit": unit})


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_retention_rules_holds_purged_cases")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
