"""Chain the audit rows written before the chain existed, and refuse TRUNCATE on PostgreSQL.

The rows are chained in the order they were written (by id). The append-only trigger is
switched off for that one UPDATE of each row, inside this migration's transaction, which
only the table owner (the role that runs migrations) may do.

TRUNCATE goes through the same refusing function as UPDATE and DELETE. A test run's flush
empties the table with the trigger switched off (tests/db_backend), as the owner.
"""

from django.db import migrations

from meldpunt.audit.chain import CHAIN_FIELDS, GENESIS, HEAD_PK, row_hash

TRIGGER = "cases_auditevent_append_only"
BATCH = 1000
NO_TRUNCATE = """
CREATE TRIGGER cases_auditevent_no_truncate
    BEFORE TRUNCATE ON cases_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION meldpunt_audit_append_only();
"""
DROP_NO_TRUNCATE = "DROP TRIGGER IF EXISTS cases_auditevent_no_truncate ON cases_auditevent;"


def chain_existing(apps, schema_editor):  # type: ignore[no-untyped-def]
    event_model = apps.get_model("cases", "AuditEvent")
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        schema_editor.execute(f"ALTER TABLE cases_auditevent DISABLE TRIGGER {TRIGGER}")
    seq, prev_hash, last_id = 0, GENESIS, 0
    fields = [name for name in CHAIN_FIELDS if name not in {"seq", "prev_hash"}]
    rows = event_model.objects.order_by("id").values("id", *fields)
    # In batches by id, each read completely before its rows are written back.
    while batch := list(rows.filter(id__gt=last_id)[:BATCH]):
        chained = []
        for row in batch:
            seq += 1
            digest = row_hash({**row, "seq": seq, "prev_hash": prev_hash})
            chained.append(event_model(pk=row["id"], seq=seq, prev_hash=prev_hash, hash=digest))
            prev_hash = digest
        event_model.objects.bulk_update(chained, ["seq", "prev_hash", "hash"])
        last_id = batch[-1]["id"]
    if postgresql:
        schema_editor.execute(f"ALTER TABLE cases_auditevent ENABLE TRIGGER {TRIGGER}")
        schema_editor.execute(NO_TRUNCATE)
    apps.get_model("cases", "AuditChainHead").objects.create(pk=HEAD_PK, seq=seq, hash=prev_hash)


def unchain(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_NO_TRUNCATE)
    apps.get_model("cases", "AuditChainHead").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_audit_chain_fields")]
    operations = [migrations.RunPython(chain_existing, unchain)]
