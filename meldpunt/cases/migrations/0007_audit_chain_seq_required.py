"""Every audit row has its place in the chain, and no two share one."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_audit_chain_existing_rows")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="seq",
            field=models.PositiveBigIntegerField(unique=True),
        ),
    ]
