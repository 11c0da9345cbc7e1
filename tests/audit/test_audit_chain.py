"""The audit log is a keyed hash chain; ``manage.py audit_verify`` finds what was tampered with.

Who may: the application appends through ``audit_record``. Who may not: anyone writing to
the table past it (the application's database role, a database superuser with the
triggers off) cannot make a row that verifies, because the key is in the key ring.
"""

import importlib
import io
import itertools
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from meldpunt.audit.chain import (
    CUT_MINIMUM_DAYS,
    GENESIS,
    HEAD_PK,
    chain_cut,
    chain_cut_end,
    row_hash,
    verify_chain,
)
from meldpunt.audit.models import AuditChainAnchor, AuditChainHead, AuditEvent
from meldpunt.audit.services import audit_deferred, audit_record
from meldpunt.lib import clock, crypto
from tests.skips import requires_postgresql

POSTGRESQL = connection.vendor == "postgresql"
TRIGGER = "cases_auditevent_append_only"


def _write(advisor, count: int = 5) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    start = AuditEvent.objects.count()
    for n in range(count):
        audit_record(actor=advisor, action="case.search", detail={"filters": ["status"], "n": n})
    return list(AuditEvent.objects.order_by("seq")[start:])


def _past_the_trigger(sql: str, params: list[object]) -> None:
    """Run ``sql`` as a database superuser would: with the append-only trigger off."""
    with connection.cursor() as cursor:
        if POSTGRESQL:
            # Earlier inserts in this transaction still have deferred foreign-key checks
            # queued; ALTER TABLE refuses to run while any are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE cases_auditevent DISABLE TRIGGER {TRIGGER}")
        cursor.execute(sql, params)
        if POSTGRESQL:
            cursor.execute(f"ALTER TABLE cases_auditevent ENABLE TRIGGER {TRIGGER}")


def _verify(*args: str) -> tuple[str, str]:
    """Run audit_verify; returns (stdout, stderr), raises CommandError when broken."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit_verify", *args, stdout=out, stderr=err)
    except CommandError:
        raise CommandError(err.getvalue()) from None
    return out.getvalue(), err.getvalue()


def _broken(*args: str) -> str:
    with pytest.raises(CommandError) as refused:
        _verify(*args)
    return str(refused.value)


@pytest.mark.django_db
def test_each_row_links_to_the_row_before_with_a_keyed_hash(advisor) -> None:  # type: ignore[no-untyped-def]
    """seq counts on by one, prev_hash is the hash before, hash is an HMAC over the content."""
    events = _write(advisor)
    head = AuditChainHead.objects.get(pk=HEAD_PK)
    assert [e.seq for e in events] == list(range(events[0].seq, events[0].seq + 5))
    for before, after in itertools.pairwise(events):
        assert after.prev_hash == before.hash
    assert (head.seq, head.hash) == (events[-1].seq, events[-1].hash)
    row = AuditEvent.objects.filter(pk=events[2].pk).values().get()
    assert row_hash(row) == row["hash"]
    out, err = _verify()
    assert f"End: {head.seq}:{head.hash}" in out
    assert err == ""


@pytest.mark.django_db
def test_the_hash_needs_the_key_ring_which_is_not_in_the_database(advisor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With another index key (say, a guess), no row verifies: the key is the secret."""
    _write(advisor, 2)
    assert verify_chain().problems == []
    other = crypto.KeyRing(current="x", keys={"x": b"k" * 32}, index_key=b"g" * 32)
    monkeypatch.setattr(crypto, "keyring", lambda: other)
    assert len(verify_chain().problems) >= 2


@pytest.mark.django_db
def test_a_backdated_row_inserted_past_the_application_is_found(advisor) -> None:  # type: ignore[no-untyped-def]
    """The application's role may INSERT: a forged row, even one that copies the head's
    hash as its prev_hash and moves the head on, names itself."""
    _write(advisor, 3)
    head = AuditChainHead.objects.get(pk=HEAD_PK)
    forged = AuditEvent.objects.create(
        at=clock.now() - timedelta(days=30),
        actor_name="anna",
        action="case.view",
        seq=head.seq + 1,
        prev_hash=head.hash,
        hash="ab" * 32,
    )
    AuditChainHead.objects.filter(pk=HEAD_PK).update(seq=forged.seq, hash=forged.hash)
    assert f"row id {forged.pk} (seq {forged.seq}" in _broken()


@pytest.mark.django_db
def test_a_row_without_a_hash_is_found_as_forged(advisor) -> None:  # type: ignore[no-untyped-def]
    _write(advisor, 2)
    head = AuditChainHead.objects.get(pk=HEAD_PK)
    forged = AuditEvent.objects.create(
        at=clock.now() - timedelta(days=400), action="auth.login", seq=head.seq + 7
    )
    problems = _broken()
    assert f"row id {forged.pk} (seq {forged.seq}" in problems
    assert "has no hash: forged" in problems


@pytest.mark.django_db
def test_a_forged_hash_that_is_not_hex_is_reported_not_a_crash(advisor) -> None:  # type: ignore[no-untyped-def]
    _write(advisor, 1)
    head = AuditChainHead.objects.get(pk=HEAD_PK)
    forged = AuditEvent.objects.create(
        at=clock.now(), action="case.view", seq=head.seq + 1, prev_hash=head.hash, hash="é" * 64
    )
    assert f"row id {forged.pk} (seq {forged.seq}" in _broken(f"--expect={forged.seq}:{'é' * 64}")


@pytest.mark.django_db
def test_a_row_changed_with_the_trigger_off_is_found(advisor) -> None:  # type: ignore[no-untyped-def]
    """A superuser switches the append-only trigger off and edits one row's detail."""
    events = _write(advisor)
    changed = events[2]
    _past_the_trigger(
        "UPDATE cases_auditevent SET detail = %s, actor_name = %s WHERE id = %s",
        ['{"filters": []}', "bram", changed.pk],
    )
    problems = _broken()
    assert f"row id {changed.pk} (seq {changed.seq}" in problems
    assert "changed after it was written" in problems
    assert problems.count("row id") == 1


@pytest.mark.django_db
def test_a_row_deleted_in_the_middle_is_found(advisor) -> None:  # type: ignore[no-untyped-def]
    events = _write(advisor)
    _past_the_trigger("DELETE FROM cases_auditevent WHERE id = %s", [events[2].pk])
    problems = _broken()
    assert f"rows seq {events[2].seq} to {events[2].seq} are missing (deleted)" in problems
    assert f"before row id {events[3].pk}" in problems


@pytest.mark.django_db
def test_rows_deleted_at_the_end_are_found_through_the_chain_head(advisor) -> None:  # type: ignore[no-untyped-def]
    events = _write(advisor)
    _past_the_trigger(
        "DELETE FROM cases_auditevent WHERE id IN (%s, %s)", [events[3].pk, events[4].pk]
    )
    assert f"rows seq {events[3].seq} to {events[4].seq} are missing (deleted) at the end" in (
        _broken()
    )


@pytest.mark.django_db
def test_a_tail_deleted_with_the_head_set_back_needs_an_earlier_end(advisor) -> None:  # type: ignore[no-untyped-def]
    """The limit of what the database alone can show: a superuser who deletes the last
    rows and sets the head back leaves a chain that verifies. The end printed by an
    earlier run (kept elsewhere) and passed as --expect shows it."""
    events = _write(advisor)
    earlier_end = _verify()[0].rsplit("End: ", 1)[1].strip()
    _past_the_trigger(
        "DELETE FROM cases_auditevent WHERE id IN (%s, %s)", [events[3].pk, events[4].pk]
    )
    AuditChainHead.objects.filter(pk=HEAD_PK).update(seq=events[2].seq, hash=events[2].hash)
    _verify()
    problems = _broken("--expect", earlier_end)
    assert f"the row at seq {events[4].seq} recorded earlier is gone or different" in problems


@pytest.mark.django_db
def test_the_command_exits_with_status_1(advisor) -> None:  # type: ignore[no-untyped-def]
    """As run from cron: manage.py turns this error into exit status 1."""
    events = _write(advisor, 3)
    _past_the_trigger("DELETE FROM cases_auditevent WHERE id = %s", [events[1].pk])
    with pytest.raises(CommandError) as refused:
        call_command("audit_verify", stdout=io.StringIO(), stderr=io.StringIO())
    assert refused.value.returncode == 1


@pytest.mark.django_db
def test_deferred_entries_join_the_chain_at_the_end_of_the_block(advisor) -> None:  # type: ignore[no-untyped-def]
    """Inside audit_deferred nothing is written until the block ends, then all in order;
    if the block raises, its entries are dropped."""
    with transaction.atomic():
        before = AuditEvent.objects.count()
        with audit_deferred():
            audit_record(actor=advisor, action="case.view")
            audit_record(actor=advisor, action="case.seen")
            assert AuditEvent.objects.count() == before
        assert list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))[-2:] == [
            "case.view",
            "case.seen",
        ]
        with pytest.raises(ZeroDivisionError), audit_deferred():
            audit_record(actor=advisor, action="case.reopen")
            _ = 1 / 0
    assert not AuditEvent.objects.filter(action="case.reopen").exists()
    assert verify_chain().problems == []


@pytest.mark.django_db
@requires_postgresql("SQLite has no TRUNCATE, and its DELETE has no trigger")
def test_postgresql_refuses_truncate_of_the_audit_log(advisor) -> None:  # type: ignore[no-untyped-def]
    """Also for the table owner, and also when it would be truncated by CASCADE."""
    _write(advisor, 1)
    for statement in ("TRUNCATE cases_auditevent", "TRUNCATE cases_case CASCADE"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            # The inserts' deferred foreign-key checks would refuse the TRUNCATE first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(statement)
    assert AuditEvent.objects.exists()


@pytest.mark.django_db(transaction=True)
@requires_postgresql("SQLite serialises every writer itself")
def test_concurrent_writers_do_not_fork_the_chain(advisor) -> None:  # type: ignore[no-untyped-def]
    """A second writer waits for the first one's commit and links to its row."""
    first_wrote, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with transaction.atomic():
                audit_record(actor=advisor, action="case.view")
                first_wrote.set()
                release.wait(timeout=20)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    def second() -> None:
        try:
            first_wrote.wait(timeout=20)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pids.append(cursor.fetchone()[0])
            audit_record(actor=advisor, action="case.seen")
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    pids: list[int] = []
    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert first_wrote.wait(timeout=20)
    with connection.cursor() as cursor:
        waiting = False
        while not waiting and threads[1].is_alive():
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s) "
                "AND wait_event_type = 'Lock'",
                [pids],
            )
            waiting = cursor.fetchone()[0] == 1
            time.sleep(0.01)
    assert waiting
    release.set()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    view, seen = AuditEvent.objects.filter(action__in=["case.view", "case.seen"]).order_by("seq")
    assert (view.action, seen.action) == ("case.view", "case.seen")
    assert seen.seq == view.seq + 1
    assert seen.prev_hash == view.hash
    assert verify_chain().problems == []


@pytest.mark.django_db(transaction=True)
def test_the_migration_chains_the_rows_written_before_it(advisor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Rows from before the chain (no seq, no hash) are chained in the order written,
    across the migration's batches."""
    migration = importlib.import_module("meldpunt.cases.migrations.0006_audit_chain_existing_rows")
    monkeypatch.setattr(migration, "BATCH", 2)
    call_command("migrate", "cases", "0005", verbosity=0)
    before = MigrationExecutor(connection).loader.project_state(
        ("cases", "0005_audit_chain_fields")
    )
    old_event = before.apps.get_model("cases", "AuditEvent")
    for action in ("case.create", "case.view", "auth.login"):
        old_event.objects.create(
            at=clock.now(),
            actor_id=advisor.pk,
            actor_name="anna",
            action=action,
            detail={"kind": "advies"},
            prev_hash="",
            hash="",
        )
    call_command("migrate", verbosity=0)
    rows = list(AuditEvent.objects.order_by("id").values_list("seq", "action", "prev_hash"))
    assert [(seq, action) for seq, action, _ in rows] == [
        (1, "case.create"),
        (2, "case.view"),
        (3, "auth.login"),
    ]
    assert rows[0][2] == GENESIS
    assert verify_chain().problems == []
    audit_record(actor=advisor, action="case.seen")
    assert AuditEvent.objects.get(action="case.seen").seq == 4
    assert verify_chain().problems == []


def _cut_old_rows(advisor, monkeypatch, *, old: int = 3) -> tuple[list[AuditEvent], AuditEvent]:  # type: ignore[no-untyped-def]
    """``old`` rows written six years ago and two today; the old ones cut as the purge does
    (its entry first), returns the rows written and the purge's entry."""
    today = clock.now()
    monkeypatch.setattr(clock, "now", lambda: today - timedelta(days=6 * 365))
    events = _write(advisor, old)
    monkeypatch.setattr(clock, "now", lambda: today)
    events += _write(advisor, 2)
    before = today - timedelta(days=CUT_MINIMUM_DAYS)
    with transaction.atomic():
        found = chain_cut_end(before, 100)
        assert found is not None
        count, seq, digest = found
        audit_record(actor=None, action="retention.purge", detail={"count": count})
        chain_cut(seq=seq, hash=digest, removed_before=before, at=today)
    return events, AuditEvent.objects.get(action="retention.purge")


@pytest.mark.django_db
def test_rows_cut_from_the_start_behind_an_anchor_still_verify(advisor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The retention purge removes the oldest rows and anchors the chain at the last one
    removed: the rest verifies from there, and an end recorded earlier still checks."""
    events, _entry = _cut_old_rows(advisor, monkeypatch)
    last_old = events[2]
    assert not AuditEvent.objects.filter(seq__lte=last_old.seq).exists()
    assert AuditEvent.objects.count() == 3
    out, _ = _verify("--expect", f"{last_old.seq}:{last_old.hash}")
    assert "Audit chain intact: 3 rows" in out


@pytest.mark.django_db
def test_rows_are_cut_only_up_to_the_first_one_still_kept(advisor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An old row after a young one stays: the chain is only cut from its start."""
    today = clock.now()
    _write(advisor, 1)
    monkeypatch.setattr(clock, "now", lambda: today - timedelta(days=6 * 365))
    _write(advisor, 1)
    assert chain_cut_end(today - timedelta(days=CUT_MINIMUM_DAYS), 100) is None


@pytest.mark.django_db
def test_a_forged_anchor_is_found(advisor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An anchor moved on past the application (to hide rows deleted from the start) does
    not match its keyed hash."""
    events, _entry = _cut_old_rows(advisor, monkeypatch)
    AuditChainAnchor.objects.update(seq=events[3].seq, hash=events[3].hash)
    _past_the_trigger("DELETE FROM cases_auditevent WHERE id = %s", [events[3].pk])
    assert "the chain anchor at seq" in _broken()


@pytest.mark.django_db
def test_a_row_deleted_after_the_anchor_is_still_found(advisor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    events, _entry = _cut_old_rows(advisor, monkeypatch)
    _past_the_trigger("DELETE FROM cases_auditevent WHERE id = %s", [events[3].pk])
    assert f"rows seq {events[3].seq} to {events[3].seq} are missing (deleted)" in _broken()


@requires_postgresql("its append-only trigger")
@pytest.mark.django_db
def test_postgresql_lets_only_old_rows_behind_an_anchor_go(advisor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Without an anchor even an old row cannot be deleted; with one, a row younger than
    five years still cannot; UPDATE stays refused."""
    today = clock.now()
    monkeypatch.setattr(clock, "now", lambda: today - timedelta(days=6 * 365))
    old = _write(advisor, 1)[0]
    monkeypatch.setattr(clock, "now", lambda: today)
    young = _write(advisor, 1)[0]
    for event in (old, young):
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        chain_cut(seq=young.seq, hash=young.hash, removed_before=today, at=today)
    assert AuditEvent.objects.count() == 2
    with transaction.atomic():
        chain_cut(seq=old.seq, hash=old.hash, removed_before=today, at=today)
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [young.pk]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=young.pk).update(action="case.view")
