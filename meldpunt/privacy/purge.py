"""Purge: remove what has passed its retention period, for good, in short batches.

A case is never deleted: the audit log points at it and statistics count it. Its
content goes (``case_contents_remove``): people, places, notes, tasks, referral
histories, attachments, mailboxes, chats, search tokens and entity hashes are deleted,
encrypted columns are emptied, staff links cleared. What stays on ``cases_case``,
``cases_contact`` and ``referrals_referral`` are the plain statistics columns (channel,
disposition, dates, municipality, form, reporter role, how heard, outcome, urgency, kind,
status; a referral's partner, date and status).

Each batch is its own short transaction that locks only its own case rows (rows that
someone else holds are skipped and taken on the next run), so the purge never holds
the database for long and can be stopped and started again at any point. On
PostgreSQL a session advisory lock keeps a second purge from running at the same time
(on SQLite a file lock: ``meldpunt.lib.jobs.job_lock``).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from meldpunt.audit.chain import CUT_MINIMUM_DAYS, chain_cut, chain_cut_end
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import (
    Case,
    CaseKind,
    CaseSearchToken,
    CaseStatus,
    Contact,
    IntakeDraft,
    Location,
    Note,
    Person,
    Task,
)
from meldpunt.chat.models import ChatMessage, ChatSession
from meldpunt.lib.jobs import JobBusy, advisory_key, job_lock
from meldpunt.linking.models import EntityHash
from meldpunt.privacy.models import LegalHold, PurgedCase, PurgeReason, RetentionCategory
from meldpunt.referrals.models import Referral, ReferralUpdate, VictimRegistration
from meldpunt.reports.models import Attachment, Mailbox, MailboxMessage, ReportDraft
from meldpunt.triage.models import TriageDecision

BATCH_SIZE = 100
JOB_NAME = "purge"
# PostgreSQL's advisory lock key of the purge: "purge" in ASCII.
ADVISORY_LOCK_KEY = advisory_key(JOB_NAME)

# Rows that belong to a case and go with its content, children before their parents, each
# by how it points at the case. They are deleted with one DELETE per table, without
# loading (and decrypting) them first; a table that points at one of these and is not in
# the list makes the transaction fail on its foreign key instead of leaving rows behind.
REMOVED_WITH_CASE: tuple[tuple[type[models.Model], str], ...] = (
    (ReferralUpdate, "referral__case_id__in"),
    (VictimRegistration, "person__case_id__in"),
    (Person, "case_id__in"),
    (Location, "case_id__in"),
    (Note, "case_id__in"),
    (Task, "case_id__in"),
    (CaseSearchToken, "case_id__in"),
    (EntityHash, "case_id__in"),
    (TriageDecision, "case_id__in"),
    (Attachment, "message__mailbox__case_id__in"),
    (Attachment, "case_id__in"),
    (MailboxMessage, "mailbox__case_id__in"),
    (Mailbox, "case_id__in"),
    (ChatMessage, "session__contact__case_id__in"),
    (ChatSession, "contact__case_id__in"),
)
# Rows about a case that stay: the audit log (append-only, no content), the hold, the
# record of the purge itself, and the referrals emptied to their statistics columns (the
# dashboard counts referrals per kind of partner).
KEPT_WITH_CASE = (
    "audit.AuditEvent",
    "privacy.LegalHold",
    "privacy.PurgedCase",
    "referrals.Referral",
)

EMPTY_CONTACT = {
    "summary": Value(""),
    "advice_given": Value(""),
    "action_taken": Value(""),
    "callback_details": Value(""),
    "details": Value(""),
    "indicators": [],
    "staff": None,
    "anonymous": True,
    "callback_allowed": False,
}
EMPTY_REFERRAL = {
    "reason": Value(""),
    "shared_fields": [],
    "shared": Value(""),
    "legal_ground_note": Value(""),
    "feedback": Value(""),
    "referred_by": None,
    "follow_up_task": None,
    # Out of the inbox's "waiting for feedback" for good.
    "feedback_due": None,
}
EMPTY_CASE = {
    "title": Value(""),
    "closing_note": Value(""),
    "assigned_to": None,
    "close_requested_by": None,
    "close_requested_at": None,
    "needs_attention": False,
}


class PurgeBusy(Exception):
    """Another purge holds the lock."""


def held() -> Exists:
    return Exists(LegalHold.objects.filter(case=OuterRef("pk"), released_at__isnull=True))


def _tables_with_rows(case_ids: list[int]) -> list[tuple[type[models.Model], str]]:
    """The entries of ``REMOVED_WITH_CASE`` that hold rows of these cases, in its order.

    One query instead of a DELETE per table: most cases have no chat, mailbox or referral,
    and under load every statement adds to how long the batch holds its locks. The case
    rows are locked, so no row can be added to them before the transaction ends.
    """
    probes = {
        f"t{n}": Exists(model._default_manager.filter(**{lookup: case_ids}))
        for n, (model, lookup) in enumerate(REMOVED_WITH_CASE)
    }
    found = Case.objects.filter(id=case_ids[0]).values(**probes).first() or {}
    return [entry for n, entry in enumerate(REMOVED_WITH_CASE) if found.get(f"t{n}")]


def case_contents_remove(case_ids: list[int]) -> None:
    """Delete and empty everything of these cases but their statistics columns.

    The caller holds the transaction and the case rows' locks.
    """
    # First, so that no referral points at a task about to go.
    Referral.objects.filter(case_id__in=case_ids).update(**EMPTY_REFERRAL)
    for model, lookup in _tables_with_rows(case_ids):
        rows = model._default_manager.filter(**{lookup: case_ids})
        rows._raw_delete(rows.db)  # Django's own bulk delete, without loading the rows
    Contact.objects.filter(case_id__in=case_ids).update(**EMPTY_CONTACT)
    Case.objects.filter(id__in=case_ids).update(**EMPTY_CASE)


def expired_cases(periods: dict[str, timedelta], now: datetime) -> dict[str, QuerySet[Case]]:
    """Closed cases past their period, not on hold and not purged yet, per category."""
    pending = (
        Case.objects.filter(status=CaseStatus.CLOSED)
        .exclude(held())
        .exclude(Exists(PurgedCase.objects.filter(case=OuterRef("pk"))))
    )
    return {
        RetentionCategory.ADVICE_CLOSED: pending.filter(
            kind=CaseKind.ADVICE,
            closed_at__lte=now - periods[RetentionCategory.ADVICE_CLOSED],
        ),
        RetentionCategory.REPORT_CLOSED: pending.filter(
            kind=CaseKind.REPORT,
            closed_at__lte=now - periods[RetentionCategory.REPORT_CLOSED],
        ),
    }


def expired_chats(periods: dict[str, timedelta], now: datetime) -> QuerySet[ChatSession]:
    cutoff = now - periods[RetentionCategory.CHAT_WITHOUT_CASE]
    return ChatSession.objects.filter(contact__isnull=True).filter(
        Q(ended_at__lte=cutoff) | Q(ended_at__isnull=True, created_at__lte=cutoff)
    )


def expired_mailboxes(periods: dict[str, timedelta], now: datetime) -> QuerySet[Mailbox]:
    cutoff = now - periods[RetentionCategory.MAILBOX_UNUSED]
    return (
        Mailbox.objects.filter(case__status=CaseStatus.CLOSED)
        .exclude(Exists(LegalHold.objects.filter(case=OuterRef("case"), released_at__isnull=True)))
        .alias(last=Coalesce(models.Max("messages__created_at"), "created_at"))
        .filter(last__lte=cutoff)
    )


def expired_quick_contacts(periods: dict[str, timedelta], now: datetime) -> QuerySet[Contact]:
    """Contacts without a case (quick dispositions) past their period that still name the
    advisor who took them; their statistics columns stay for good."""
    cutoff = now - periods[RetentionCategory.QUICK_CONTACT]
    return Contact.objects.filter(case__isnull=True, staff__isnull=False, started_at__lte=cutoff)


def audit_cutoff(periods: dict[str, timedelta], now: datetime) -> datetime:
    """Audit entries written before this go; never less than 5 years back (the database
    refuses anything younger, see meldpunt/audit/chain.py)."""
    return now - max(periods[RetentionCategory.AUDIT_LOG], timedelta(days=CUT_MINIMUM_DAYS))


def expired_audit_events(periods: dict[str, timedelta], now: datetime) -> int:
    """How many audit entries the purge would remove: those from the start of the chain
    up to the first one that is not past its period."""
    before = audit_cutoff(periods, now)
    first_kept = AuditEvent.objects.filter(at__gte=before).order_by("seq").values("seq")[:1]
    rows = AuditEvent.objects.all()
    if first_kept.exists():
        rows = rows.filter(seq__lt=first_kept)
    return rows.count()


def expired_report_drafts(periods: dict[str, timedelta], now: datetime) -> QuerySet[ReportDraft]:
    started = now - periods[RetentionCategory.REPORT_DRAFT]
    return ReportDraft.objects.filter(Q(created_at__lte=started) | Q(expires_at__lte=now))


def expired_intake_drafts(periods: dict[str, timedelta], now: datetime) -> QuerySet[IntakeDraft]:
    return IntakeDraft.objects.filter(updated_at__lte=now - periods[RetentionCategory.INTAKE_DRAFT])


@dataclass
class PurgePlan:
    """What a purge would remove now: a count per category and, for cases, per kind of row."""

    counts: dict[str, int] = field(default_factory=dict)
    case_rows: dict[str, int] = field(default_factory=dict)


def purge_plan(periods: dict[str, timedelta], now: datetime) -> PurgePlan:
    plan = PurgePlan()
    case_ids: list[int] = []
    for category, cases in expired_cases(periods, now).items():
        ids = list(cases.values_list("id", flat=True))
        plan.counts[category] = len(ids)
        case_ids += ids
    plan.counts[RetentionCategory.CHAT_WITHOUT_CASE] = expired_chats(periods, now).count()
    plan.counts[RetentionCategory.MAILBOX_UNUSED] = expired_mailboxes(periods, now).count()
    plan.counts[RetentionCategory.REPORT_DRAFT] = expired_report_drafts(periods, now).count()
    plan.counts[RetentionCategory.INTAKE_DRAFT] = expired_intake_drafts(periods, now).count()
    plan.counts[RetentionCategory.QUICK_CONTACT] = expired_quick_contacts(periods, now).count()
    plan.counts[RetentionCategory.AUDIT_LOG] = expired_audit_events(periods, now)
    for model, lookup in REMOVED_WITH_CASE:
        name = str(model._meta.verbose_name_plural)
        plan.case_rows[name] = plan.case_rows.get(name, 0) + sum(
            model._default_manager.filter(**{lookup: chunk}).count()
            for chunk in _chunks(case_ids, BATCH_SIZE)
        )
    return plan


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@contextmanager
def purge_lock() -> Iterator[None]:
    """One purge at a time: the job's lock (an advisory lock on PostgreSQL, a file lock on
    SQLite); every batch is safe to repeat all the same."""
    try:
        with job_lock(JOB_NAME):
            yield
    except JobBusy:
        raise PurgeBusy from None


def _purge_case_batch(
    cases: QuerySet[Case], ids: list[int], *, category: str, now: datetime
) -> int:
    # One short transaction: the batch's case rows are locked by primary key (rows another
    # transaction holds are skipped) and checked again under the lock, so a hold or reopen
    # cannot slip in between check and purge.
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The commit does not wait for the disk: a batch lost in a crash is simply
            # purged again by the next run. Locks are released sooner.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        ids = list(
            cases.filter(id__in=ids)
            .order_by("id")
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)
        )
        if not ids:
            return 0
        case_contents_remove(ids)
        # A second purge on SQLite (no advisory lock) may have done the same batch.
        PurgedCase.objects.bulk_create(
            (PurgedCase(case_id=pk, purged_at=now, reason=PurgeReason.RETENTION) for pk in ids),
            ignore_conflicts=True,
        )
        audit_record(
            actor=None, action="retention.purge", detail={"category": category, "count": len(ids)}
        )
    return len(ids)


def _purge_cases(
    cases: QuerySet[Case],
    *,
    category: str,
    size: int,
    now: datetime,
    progress: Callable[[str, int], None] | None,
) -> int:
    """Purge ``cases`` in batches of ``size``.

    The expired cases are listed once, outside any transaction; each batch then locks and
    re-checks only its own rows by primary key. Asking the whole question again for every
    batch would scan all closed cases each time, which made batches slow (seconds each on
    100,000 cases) and the whole purge quadratic.
    """
    candidates = list(cases.order_by("id").values_list("id", flat=True))
    total = 0
    for chunk in _chunks(candidates, size):
        total += _purge_case_batch(cases, chunk, category=category, now=now)
        if progress is not None:
            progress(category, total)
    return total


def _purge_rows(rows: QuerySet[models.Model], *, category: str, size: int) -> int:
    with transaction.atomic():
        ids = list(rows.order_by("id").values_list("id", flat=True)[:size])
        if not ids:
            return 0
        rows.model._default_manager.filter(id__in=ids).delete()
        audit_record(
            actor=None, action="retention.purge", detail={"category": category, "count": len(ids)}
        )
    return len(ids)


def _purge_quick_contacts(contacts: QuerySet[Contact], *, size: int) -> int:
    """Empty a batch of contacts without a case to their statistics columns.

    The intake writes nothing else on them; anything a later change hangs on such a
    contact (an entity hash, a chat) goes with it all the same.
    """
    with transaction.atomic():
        ids = list(
            contacts.order_by("id")
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:size]
        )
        if not ids:
            return 0
        for model, lookup in (
            (EntityHash, "contact_id__in"),
            (ChatMessage, "session__contact_id__in"),
            (ChatSession, "contact_id__in"),
        ):
            rows = model._default_manager.filter(**{lookup: ids})
            rows._raw_delete(rows.db)
        Contact.objects.filter(id__in=ids).update(**EMPTY_CONTACT)
        audit_record(
            actor=None,
            action="retention.purge",
            detail={"category": RetentionCategory.QUICK_CONTACT, "count": len(ids)},
        )
    return len(ids)


def _purge_audit_events(*, before: datetime, size: int, now: datetime) -> int:
    """Remove the oldest audit entries, at most ``size``, and anchor the chain after them.

    The entry saying so is appended first: it is part of the chain that stays, with the
    position it was cut at, and the database's trigger measures age against it.
    """
    with transaction.atomic():
        found = chain_cut_end(before, size)
        if found is None:
            return 0
        count, seq, digest = found
        audit_record(
            actor=None,
            action="retention.purge",
            detail={"category": RetentionCategory.AUDIT_LOG, "count": count, "through_seq": seq},
        )
        return chain_cut(seq=seq, hash=digest, removed_before=before, at=now)


def purge(
    *,
    periods: dict[str, timedelta],
    now: datetime,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Remove everything past its period, batch by batch; returns the count per category.

    Raises ``PurgeBusy`` when another purge is running.
    """
    done: dict[str, int] = {}
    # Querysets are lazy: each batch asks the database again.
    row_sources: dict[str, QuerySet[models.Model]] = {
        RetentionCategory.CHAT_WITHOUT_CASE: expired_chats(periods, now),
        RetentionCategory.MAILBOX_UNUSED: expired_mailboxes(periods, now),
        RetentionCategory.REPORT_DRAFT: expired_report_drafts(periods, now),
        RetentionCategory.INTAKE_DRAFT: expired_intake_drafts(periods, now),
    }
    with purge_lock():
        for category, cases in expired_cases(periods, now).items():
            done[category] = _purge_cases(
                cases, category=category, size=batch_size, now=now, progress=progress
            )
        for category, rows in row_sources.items():
            row_batch = partial(_purge_rows, rows, category=category, size=batch_size)
            done[category] = _repeat(row_batch, category, progress)
        contacts = partial(
            _purge_quick_contacts, expired_quick_contacts(periods, now), size=batch_size
        )
        done[RetentionCategory.QUICK_CONTACT] = _repeat(
            contacts, RetentionCategory.QUICK_CONTACT, progress
        )
        # Last, so the entries of this run's other batches are the newest in the log.
        audit = partial(
            _purge_audit_events,
            before=audit_cutoff(periods, now),
            # Audit rows are small: ten times as many to a batch.
            size=10 * batch_size,
            now=now,
        )
        done[RetentionCategory.AUDIT_LOG] = _repeat(audit, RetentionCategory.AUDIT_LOG, progress)
    return done


def _repeat(
    batch: Callable[[], int], category: str, progress: Callable[[str, int], None] | None
) -> int:
    total = 0
    while count := batch():
        total += count
        if progress is not None:
            progress(category, total)
    return total
