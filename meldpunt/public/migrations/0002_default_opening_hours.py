"""Chat opening hours by default: Monday to Friday 9:00 to 17:00."""

from datetime import time

from django.db import migrations


def add_default_hours(apps, schema_editor):  # type: ignore[no-untyped-def]
    weekly = apps.get_model("public", "WeeklyOpening")
    if weekly.objects.exists():
        return
    weekly.objects.bulk_create(
        weekly(weekday=day, opens=time(9, 0), closes=time(17, 0)) for day in range(5)
    )


class Migration(migrations.Migration):
    dependencies = [("public", "0001_initial")]
    operations = [migrations.RunPython(add_default_hours, migrations.RunPython.noop)]
