"""Lockouts move to the cache, per account and client; an unlock raises the generation."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_lockout"),
    ]

    operations = [
        migrations.RemoveField(model_name="user", name="failed_logins"),
        migrations.RemoveField(model_name="user", name="locked_until"),
        migrations.AddField(
            model_name="user",
            name="login_generation",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
