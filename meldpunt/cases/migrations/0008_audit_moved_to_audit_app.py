"""The audit log's models moved to the audit app (meldpunt/audit): state only.

Nothing in the database changes: the tables keep their names, their rows and their
append-only triggers (0002, 0006). audit's 0001_initial takes the models over.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_audit_chain_seq_required")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="AuditEvent"),
                migrations.DeleteModel(name="AuditChainHead"),
            ],
            database_operations=[],
        ),
    ]
