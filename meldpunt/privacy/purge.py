"""Purge: remove what has passed its retention period, for good, in short batches.

A case is never deleted: the audit log points at it and statistics count it. Its
content goes (``case_contents_remove``): people, places, notes, tasks, referrals,
attachments, mailboxes, chats, search tokens and entity hashes are deleted, encrypted
columns are emptied, staff links cleared. What stays on ``cases_case`` and
``cases_contact`` are the plain statistics columns (channel, disposition, dates,
municipality, form, reporter role, how heard, outcome, urgency, kind, status).

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

from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce

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

BATCH_SIZE = 500
JOB_NAME = "purge"
# PostgreSQL's advisory lock key of the purge: "purge" in ASCII.
ADVISORY_LOCK_KEY = advisory_key(JOB_NAME)

# Rows that belong to a case and go with its content, children before their parents, each
# by how it points at the case. They are deleted with one DELETE per table, without
# loading (and decrypting) them first; a table that points at one of these and is not in
# the list makes the transaction fail on its foreign key instead of leaving rows behind.
REMOVED_WITH_CASE: tuple[tuple[type[models.Model], str], ...] = (
    (ReferralUpdate, "referral__case_id__in"),
    (Referral, "case_id__in"),
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
# Rows about a case that stay: the audit log (append-only, no content), the hold and
# the record of the purge itself.
KEPT_WITH_CASE = ("audit.AuditEvent", "privacy.LegalHold", "privacy.PurgedCase")

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


def case_contents_remove(case_ids: list[int]) -> None:
    """Delete and empty everything of these cases but their statistics columns.

    The caller holds the transaction and the case rows' locks.
    """
    for model, lookup in REMOVED_WITH_CASE:
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


def _purge_case_batch(cases: QuerySet[Case], *, category: str, size: int, now: datetime) -> int:
    # One short transaction: the batch's case rows are locked (rows another transaction
    # holds are skipped) so a hold or reopen cannot slip in between check and purge.
    with transaction.atomic():
        ids = list(
            cases.order_by("id")
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:size]
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
            case_batch = partial(
                _purge_case_batch, cases, category=category, size=batch_size, now=now
            )
            done[category] = _repeat(case_batch, category, progress)
        for category, rows in row_sources.items():
            row_batch = partial(_purge_rows, rows, category=category, size=batch_size)
            done[category] = _repeat(row_batch, category, progress)
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
