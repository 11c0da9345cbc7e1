"""The audit log moved from cases to its own app with every row and every trigger kept.

Migrations cases 0008 and audit 0001 change Django's state only: the table keeps its
name, so the rows written before the move stay, and on PostgreSQL the triggers that
refuse UPDATE, DELETE and TRUNCATE stay attached to it.
"""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from meldpunt.audit.chain import HEAD_PK, row_hash, verify_chain
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record
from meldpunt.lib import clock
from tests.skips import requires_postgresql

BEFORE_THE_MOVE = ("cases", "0007_audit_chain_seq_required")


def _write_before_the_move(advisor) -> int:  # type: ignore[no-untyped-def]
    """Append one row through the cases app's AuditEvent as it was before the move."""
    old = MigrationExecutor(connection).loader.project_state(BEFORE_THE_MOVE).apps
    event_model = old.get_model("cases", "AuditEvent")
    head_model = old.get_model("cases", "AuditChainHead")
    head = head_model.objects.get(pk=HEAD_PK)
    row = {
        "at": clock.now(),
        "actor_id": advisor.pk,
        "actor_name": advisor.get_username(),
        "action": "case.view",
        "case_id": None,
        "object_type": "",
        "object_id": "",
        "detail": {},
        "seq": head.seq + 1,
        "prev_hash": head.hash,
    }
    digest = row_hash(row)
    event_model.objects.create(**row, hash=digest)
    head_model.objects.filter(pk=HEAD_PK).update(seq=row["seq"], hash=digest)
    return row["seq"]


def _triggers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'cases_auditevent'::regclass "
            "AND NOT tgisinternal"
        )
        return {name for (name,) in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_rows_written_before_the_move_are_kept_and_still_chain(advisor) -> None:  # type: ignore[no-untyped-def]
    """Back to before the move, one row written there, forward again: the row is in
    the audit app's log, the chain verifies and new rows follow on from it."""
    audit_record(actor=advisor, action="auth.login")
    call_command("migrate", *BEFORE_THE_MOVE, verbosity=0)
    seq = _write_before_the_move(advisor)
    call_command("migrate", verbosity=0)
    assert AuditEvent.objects.get(seq=seq).action == "case.view"
    assert AuditEvent.objects.filter(action="auth.login").exists()
    audit_record(actor=advisor, action="case.seen")
    assert AuditEvent.objects.get(action="case.seen").seq == seq + 1
    assert verify_chain().problems == []


@requires_postgresql("the append-only triggers exist on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_the_triggers_survive_the_move_and_still_refuse(advisor) -> None:  # type: ignore[no-untyped-def]
    """After migrating back and forward the table still has both triggers, and an
    UPDATE, a DELETE and a TRUNCATE of a row written before the move are refused."""
    audit_record(actor=advisor, action="auth.login")
    call_command("migrate", *BEFORE_THE_MOVE, verbosity=0)
    seq = _write_before_the_move(advisor)
    call_command("migrate", verbosity=0)
    assert {"cases_auditevent_append_only", "cases_auditevent_no_truncate"} <= _triggers()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(seq=seq).update(action="forged")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(seq=seq).delete()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("TRUNCATE cases_auditevent CASCADE")
    assert AuditEvent.objects.get(seq=seq).action == "case.view"
