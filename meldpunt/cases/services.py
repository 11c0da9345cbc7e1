"""Writes to cases and contacts, shared by phone intake, web reports and chat.

Every workflow change checks who may make it, makes it and writes the audit entry in one
place. Audit details hold ids and choice values only, never text.
"""

import secrets
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meldpunt.accounts.models import User
from meldpunt.audit.chain import lock_chain_head
from meldpunt.audit.services import audit_record
from meldpunt.cases.case_months import (
    PROVISIONAL_NUMBER_PREFIX,
    case_months_after,
    case_months_before,
    case_months_kept,
)
from meldpunt.cases.contact_days import contact_days_recount, local_day
from meldpunt.cases.models import (
    AssessmentConclusion,
    Case,
    CaseKind,
    CaseNumberSequence,
    CaseStatus,
    Channel,
    ClosingReason,
    Contact,
    Location,
    Note,
    Outcome,
    Person,
    Task,
    Urgency,
)
from meldpunt.cases.search.index import case_index_add, case_reindex, new_contact_texts
from meldpunt.lib import clock
from meldpunt.lib.workdays import add_working_days

ASSESSMENT_WORKING_DAYS = 5
# An urgent melding (see cases.urgency) is assessed the next working day.
URGENT_ASSESSMENT_WORKING_DAYS = 1
# A reporter's message in the mailbox is answered within this many working days.
REPLY_WORKING_DAYS = 2
# The short texts of a workflow step: the assessment's conclusion, a refused close.
SHORT_TEXT_LENGTH = 500

# The status workflow: new → assessment → in progress → referred → closed. A case may
# be closed from any open status (a test call, a duplicate); reopening is a separate step.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.NEW: frozenset({CaseStatus.ASSESSMENT, CaseStatus.IN_PROGRESS, CaseStatus.CLOSED}),
    CaseStatus.ASSESSMENT: frozenset(
        {CaseStatus.IN_PROGRESS, CaseStatus.REFERRED, CaseStatus.CLOSED}
    ),
    CaseStatus.IN_PROGRESS: frozenset({CaseStatus.REFERRED, CaseStatus.CLOSED}),
    CaseStatus.REFERRED: frozenset({CaseStatus.IN_PROGRESS, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset(),
}


def _next_case_number(year: int) -> str:
    """Year and a running number, e.g. 2026-00042. Called inside the creating transaction.

    The UPDATE locks the counter row, so concurrent intakes wait for each other here
    until the first one commits.
    """
    lock_chain_head()  # before the counter, as every audited transaction takes them
    counter = CaseNumberSequence.objects.filter(year=year)
    if not counter.update(last=F("last") + 1):
        # The year's first case: whoever comes first makes the row, then both count on.
        CaseNumberSequence.objects.get_or_create(year=year)
        counter.update(last=F("last") + 1)
    return f"{year}-{counter.values_list('last', flat=True).get():05d}"


def assessment_due_for(*, kind: str, urgency: str, start: datetime) -> date | None:
    """When a case of ``kind`` opened or changed at ``start`` must be assessed.

    A melding within 5 working days, an urgent one the next working day; an advies has no
    assessment deadline.
    """
    if kind != CaseKind.REPORT:
        return None
    days = ASSESSMENT_WORKING_DAYS if urgency == Urgency.NORMAL else URGENT_ASSESSMENT_WORKING_DAYS
    return add_working_days(timezone.localdate(start), days)


def case_create(
    *, by: User | None, kind: str = CaseKind.ADVICE, number_later: bool = False, **fields: Any
) -> Case:
    """Open a new case. A melding gets its assessment deadline (``assessment_due_for``).

    ``number_later`` gives the case a provisional number that only the caller's
    transaction sees; the caller then calls ``case_number_assign`` as the last step of
    that transaction. The counter row stays locked only from then until the commit, so
    a long transaction (the web report's submit) does not make others wait for it.
    """
    now = fields.pop("created_at", None) or clock.now()
    # The number is read and written in one transaction so two intakes never share one.
    with transaction.atomic(savepoint=False):
        case = Case.objects.create(
            number=f"{PROVISIONAL_NUMBER_PREFIX}{secrets.token_hex(7)}"
            if number_later
            else _next_case_number(now.year),
            kind=kind,
            created_at=now,
            updated_at=now,
            assessment_due=assessment_due_for(
                kind=kind, urgency=fields.get("urgency", Urgency.NORMAL), start=now
            ),
            **fields,
        )
        if not number_later:  # otherwise counted when numbered
            case_months_after(case.pk, Counter())
        audit_record(actor=by, action="case.create", case=case, obj=case, detail={"kind": kind})
    return case


def case_number_assign(case: Case) -> None:
    """Give a case created with ``number_later`` its number; last step of that transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("case_number_assign must run inside the creating transaction")
    year = case.created_at.year
    number = _number_in_one_statement(case, year) if connection.vendor == "postgresql" else None
    if number is None:
        number = _next_case_number(year)
        Case.objects.filter(pk=case.pk).update(number=number)
    case.number = number
    # Counted now, with its number: the chain head and the counter are locked already.
    case_months_after(case.pk, Counter())


def _number_in_one_statement(case: Case, year: int) -> str | None:
    """PostgreSQL: count up and number the case in one statement (a web report's submit
    holds the counter's lock from here to its commit). None if the year has no counter yet.

    The number is formatted as ``_next_case_number`` does: at least five digits.
    """
    lock_chain_head()  # before the counter, as every audited transaction takes them
    counter = connection.ops.quote_name(CaseNumberSequence._meta.db_table)
    cases = connection.ops.quote_name(Case._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH counter AS (UPDATE {counter} SET last = last + 1 WHERE year = %s "  # noqa: S608 - names from the models
            f"RETURNING last) UPDATE {cases} SET number = %s || '-' || "
            "lpad(counter.last::text, greatest(5, length(counter.last::text)), '0') "
            f"FROM counter WHERE {cases}.id = %s RETURNING {cases}.number",
            [year, str(year), case.pk],
        )
        row = cursor.fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class Related:
    """What a contact's ``add_related`` made with it, so it is indexed without a read back."""

    persons: Sequence[Person] = ()
    locations: Sequence[Location] = ()
    tasks: Sequence[Task] = ()


@dataclass(frozen=True)
class ContactIndex:
    """An index another app keeps of every contact (linking's blind index of entities).

    ``add_new(contact=, persons=, locations=)`` indexes a contact made in this transaction
    with its people and places; ``rebuild(contact=)`` indexes a stored contact again.
    """

    add_new: Callable[..., object]
    rebuild: Callable[..., object]


_contact_indexes: list[ContactIndex] = []


def register_contact_index(index: ContactIndex) -> None:
    """Let an app index each stored contact (called once, from its AppConfig.ready)."""
    if index not in _contact_indexes:
        _contact_indexes.append(index)


def contact_add(
    *,
    case: Case,
    by: User | None,
    channel: str,
    add_related: Callable[[Contact], Related] | None = None,
    at: datetime | None = None,
    **fields: Any,
) -> Contact:
    """Attach a contact to a case and note on the case that something happened.

    ``add_related`` creates the contact's people, places and tasks in the same
    transaction, before the case and contact are indexed (once), and returns them.
    Without it the contact is indexed again after commit, for callers that add them in
    their own transaction. ``at`` is the moment of the contact (default now); a caller
    that made the case at that moment, already marked, saves the case no second time.
    """
    now = at or clock.now()
    with transaction.atomic(savepoint=False):
        # A web report can give the case a first-response wait (``case_rows``).
        before = case_months_before(case.pk) if channel == Channel.WEB_REPORT else None
        contact = Contact.objects.create(
            case=case,
            channel=channel,
            started_at=fields.pop("started_at", now),
            staff=by if getattr(by, "is_authenticated", False) else None,
            **fields,
        )
        if before is not None:
            case_months_after(case.pk, before)
        update = []
        if case.updated_at != now:
            case.updated_at = now
            update.append("updated_at")
        if channel in {Channel.WEB_REPORT, Channel.MAILBOX} and not case.needs_attention:
            case.needs_attention = True
            update.append("needs_attention")
        if channel == Channel.MAILBOX and case.reply_due is None:
            # Counted from the oldest message still unanswered; a staff reply clears it.
            case.reply_due = add_working_days(timezone.localdate(now), REPLY_WORKING_DAYS)
            update.append("reply_due")
        if update:
            case.save(update_fields=update)
        # After the case's row: the count takes the audit chain's head, and every writer
        # of a case takes the case's row before the head.
        contact_days_recount(days=[local_day(contact.started_at)])
        audit_record(
            actor=by, action="contact.create", case=case, obj=contact, detail={"channel": channel}
        )
        related = add_related(contact) if add_related is not None else Related()
        # Only content is added here, so the index grows without reading the case back.
        texts = new_contact_texts(contact, related.persons, related.locations, related.tasks)
        case_index_add(case=case, texts=[case.title, *texts])
        for index in _contact_indexes:
            index.add_new(contact=contact, persons=related.persons, locations=related.locations)
            if add_related is None:
                # Again after commit, so people and places the caller adds in its own
                # transaction (phone intake) are in the blind index too.
                transaction.on_commit(partial(index.rebuild, contact=contact))
    return contact


def require_case_handler(user: User) -> None:
    """Only active advisors and coordinators change cases (views also demand two factors)."""
    if not (user is not None and user.is_active and getattr(user, "handles_cases", False)):
        raise PermissionDenied


def _require_coordinator(user: User) -> None:
    require_case_handler(user)
    if not user.is_coordinator:
        raise PermissionDenied


def _lock(case: Case) -> Case:
    """Re-read the case under a row lock, so two people cannot both move it at once."""
    case.refresh_from_db(from_queryset=Case.objects.select_for_update())
    return case


def _check_open(case: Case) -> None:
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(_("Deze zaak is gesloten. Een coördinator kan haar heropenen."))


def _check_transition(case: Case, to: str) -> None:
    if to not in ALLOWED_TRANSITIONS[case.status]:
        raise ValidationError(
            _("Een zaak met status ‘%(from)s’ kan niet naar status ‘%(to)s’.")
            % {"from": CaseStatus(case.status).label, "to": CaseStatus(to).label}
        )
    if case.status == CaseStatus.ASSESSMENT and not case.assessment_conclusion:
        raise ValidationError(
            _(
                "Leg eerst de conclusie van de beoordeling vast. "
                "Daarna kan de zaak naar status ‘%(to)s’."
            )
            % {"to": CaseStatus(to).label}
        )


def _short_text(text: str, *, field: str, missing: str) -> str:
    """``text`` without surrounding spaces; a ValidationError on ``field`` if empty or long."""
    text = text.strip()
    if not text:
        raise ValidationError({field: missing})
    if len(text) > SHORT_TEXT_LENGTH:
        raise ValidationError(
            {field: _("Gebruik hoogstens %(n)d tekens.") % {"n": SHORT_TEXT_LENGTH}}
        )
    return text


def _move(*, case: Case, by: User, to: str, also: tuple[str, ...] = ()) -> None:
    """Change the status if the workflow allows it; the caller holds the lock.

    ``also`` names fields the caller has already set that must be saved with the status.
    """
    _check_transition(case, to)
    previous = case.status
    case.status = to
    case.updated_at = clock.now()
    with case_months_kept(case.pk):
        case.save(update_fields=["status", "updated_at", *also])
    audit_record(
        actor=by, action="case.status", case=case, obj=case, detail={"from": previous, "to": to}
    )


def case_assign(*, case: Case, advisor: User, by: User) -> Case:
    """Make ``advisor`` the case handler.

    Advisors may take a case themselves; only a coordinator assigns it to someone else.
    """
    require_case_handler(by)
    if advisor.pk != by.pk and not by.is_coordinator:
        raise PermissionDenied
    if not (advisor.is_active and advisor.handles_cases):
        raise ValidationError(_("Deze medewerker kan geen zaken behandelen."))
    # Lock and write together, so the audit entry matches the stored handler.
    with transaction.atomic():
        _lock(case)
        _check_open(case)
        previous = case.assigned_to_id
        case.assigned_to = advisor
        case.updated_at = clock.now()
        case.save(update_fields=["assigned_to", "updated_at"])
        audit_record(
            actor=by,
            action="case.assign",
            case=case,
            obj=case,
            detail={"from": previous, "to": advisor.pk},
        )
    return case


def case_start_assessment(*, case: Case, by: User) -> Case:
    """Start the safety assessment of a new case."""
    require_case_handler(by)
    # The status is checked on the locked row, so a concurrent change cannot slip in.
    with transaction.atomic():
        _lock(case)
        _check_open(case)
        _move(case=case, by=by, to=CaseStatus.ASSESSMENT)
    return case


def case_record_assessment(*, case: Case, by: User, conclusion: str, note: str) -> Case:
    """Record what the safety assessment concluded, with a short explanation.

    Only while the case is in assessment, and needed before it leaves it; until then it
    may be recorded again. The audit entry holds the conclusion's value, never the text.
    """
    require_case_handler(by)
    if conclusion not in AssessmentConclusion.values:
        raise ValidationError({"conclusion": _("Kies een conclusie.")})
    note = _short_text(note, field="note", missing=_("Schrijf kort op waarom."))
    # The conclusion, its text and the audit entry are one change, on the locked row.
    with transaction.atomic():
        _lock(case)
        _check_open(case)
        if case.status != CaseStatus.ASSESSMENT:
            raise ValidationError(
                _("Een conclusie hoort bij de beoordeling. Start eerst de beoordeling.")
            )
        now = clock.now()
        case.assessment_conclusion = conclusion
        case.assessment_note = note
        case.assessed_at = now
        case.assessed_by = by
        case.updated_at = now
        with case_months_kept(case.pk):
            case.save(
                update_fields=[
                    "assessment_conclusion",
                    "assessment_note",
                    "assessed_at",
                    "assessed_by",
                    "updated_at",
                ]
            )
        audit_record(
            actor=by,
            action="case.assessment",
            case=case,
            obj=case,
            detail={"conclusion": conclusion},
        )
        case_reindex(case=case)  # the explanation is searchable content
    return case


def case_set_kind(*, case: Case, by: User, kind: str, reason: str) -> Case:
    """Make the case an advies or a melding, with the reason why.

    A melding gets its assessment deadline (``assessment_due_for``). The reason goes on the
    case as an internal note, so the page shows who changed the kind, when and why.
    """
    require_case_handler(by)
    if kind not in CaseKind.values:
        raise ValidationError({"kind": _("Kies advies of melding.")})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf op waarom de soort verandert.")})
    # Kind, deadline, the note with the reason and their audit entries change together.
    with transaction.atomic():
        _lock(case)
        _check_open(case)
        if case.kind == kind:
            raise ValidationError(
                {"kind": _("Deze zaak is al een %(kind)s.") % {"kind": CaseKind(kind).label}}
            )
        previous = case.kind
        now = clock.now()
        case.kind = kind
        case.assessment_due = assessment_due_for(kind=kind, urgency=case.urgency, start=now)
        case.updated_at = now
        with case_months_kept(case.pk):
            case.save(update_fields=["kind", "assessment_due", "updated_at"])
        audit_record(
            actor=by, action="case.kind", case=case, obj=case, detail={"from": previous, "to": kind}
        )
        with translation.override(settings.LANGUAGE_CODE):
            text = _("Soort gewijzigd van %(from)s naar %(to)s. Reden: %(reason)s") % {
                "from": CaseKind(previous).label,
                "to": CaseKind(kind).label,
                "reason": reason,
            }
        _note_create(case=case, by=by, text=text)
    return case


def case_progress(*, case: Case, by: User) -> Case:
    """Put the case in progress: after the assessment, or back from a referral.

    A melding must be assessed first, so it cannot skip from new to in progress.
    """
    require_case_handler(by)
    # The status is checked on the locked row, so a concurrent change cannot slip in.
    with transaction.atomic():
        _lock(case)
        _check_open(case)
        if case.status == CaseStatus.NEW and case.kind == CaseKind.REPORT:
            raise ValidationError(_("Een melding moet eerst beoordeeld worden."))
        _move(case=case, by=by, to=CaseStatus.IN_PROGRESS)
    return case


def case_mark_referred(*, case: Case, by: User) -> Case:
    """Move the case to referred, for its first referral (made in the referrals app).

    A case already referred stays so; the caller holds the transaction and the lock.
    """
    require_case_handler(by)
    _check_open(case)
    if case.status != CaseStatus.REFERRED:
        _move(case=case, by=by, to=CaseStatus.REFERRED)
    return case


def case_lock(case: Case) -> Case:
    """Re-read ``case`` under a row lock, for a change another app makes to it."""
    return _lock(case)


def _check_closing(reason: str, outcome: str) -> None:
    errors = {}
    if reason not in ClosingReason.values:
        errors["reason"] = _("Kies een reden om te sluiten.")
    if outcome not in Outcome.values:
        errors["outcome"] = _("Kies een uitkomst.")
    if errors:
        raise ValidationError(errors)


def _clear_refusal(case: Case) -> tuple[str, ...]:
    """Forget an earlier refusal to close (a new request or the close replaces it)."""
    case.close_refused_at = None
    case.close_refused_by = None
    case.close_refusal_reason = ""
    return ("close_refused_at", "close_refused_by", "close_refusal_reason")


def _close_now(*, case: Case, by: User, detail: dict[str, Any], also: tuple[str, ...] = ()) -> None:
    """Close the case at once (a coordinator's close or approval); the caller holds the lock."""
    case.closed_at = clock.now()
    case.close_requested_at = None
    case.close_requested_by = None
    _move(
        case=case,
        by=by,
        to=CaseStatus.CLOSED,
        also=(
            *also,
            *_clear_refusal(case),
            "closed_at",
            "close_requested_at",
            "close_requested_by",
        ),
    )
    audit_record(actor=by, action="case.close", case=case, obj=case, detail=detail)


def _clear_closing(case: Case) -> tuple[str, ...]:
    """Forget the closing reason, outcome and note; returns the fields to save."""
    case.closing_reason = ""
    case.outcome = ""
    case.closing_note = ""
    return ("closing_reason", "outcome", "closing_note")


def _check_open_tasks(case: Case, *, confirmed: bool) -> int:
    """How many tasks of ``case`` are still open; a ValidationError unless ``confirmed``."""
    open_tasks = case.tasks.filter(done_at__isnull=True).count()
    if open_tasks and not confirmed:
        raise ValidationError(
            {
                "confirm_open_tasks": ngettext(
                    "Er staat nog %(n)d taak open. Vink die eerst af, "
                    "of bevestig dat u de zaak toch wilt sluiten.",
                    "Er staan nog %(n)d taken open. Vink die eerst af, "
                    "of bevestig dat u de zaak toch wilt sluiten.",
                    open_tasks,
                )
                % {"n": open_tasks}
            }
        )
    return open_tasks


def case_close(
    *,
    case: Case,
    by: User,
    reason: str,
    outcome: str,
    note: str = "",
    confirm_open_tasks: bool = False,
) -> Case:
    """Close the case with a reason and an outcome.

    A coordinator closes at once. An advisor's close is a request: the case keeps its status
    until a coordinator approves (``case_close_approve``) or refuses it. With tasks still
    open, whoever closes must confirm it (``confirm_open_tasks``); the audit entry counts them.
    """
    require_case_handler(by)
    _check_closing(reason, outcome)
    now = clock.now()
    # The closing fields, the status and the audit entry are one change.
    with transaction.atomic():
        _lock(case)
        _check_open(case)
        _check_transition(case, CaseStatus.CLOSED)
        open_tasks = _check_open_tasks(case, confirmed=confirm_open_tasks)
        case.closing_reason = reason
        case.outcome = outcome
        case.closing_note = note
        closing = ("closing_reason", "outcome", "closing_note")
        detail: dict[str, Any] = {"reason": reason, "outcome": outcome}
        if open_tasks:
            detail["open_tasks"] = open_tasks
        if by.is_coordinator:
            _close_now(case=case, by=by, detail=detail, also=closing)
        else:
            case.close_requested_at = now
            case.close_requested_by = by
            case.updated_at = now
            with case_months_kept(case.pk):
                case.save(
                    update_fields=[
                        *closing,
                        *_clear_refusal(case),
                        "close_requested_at",
                        "close_requested_by",
                        "updated_at",
                    ]
                )
            audit_record(actor=by, action="case.close_request", case=case, obj=case, detail=detail)
        case_reindex(case=case)  # the closing note is searchable content
    return case


def case_close_approve(*, case: Case, by: User) -> Case:
    """A coordinator approves an advisor's request to close, with the reason given there."""
    _require_coordinator(by)
    # The status is checked on the locked row, so a concurrent change cannot slip in.
    with transaction.atomic():
        _lock(case)
        _check_open(case)
        if case.close_requested_at is None:
            raise ValidationError(_("Voor deze zaak is geen verzoek om te sluiten gedaan."))
        detail = {
            "reason": case.closing_reason,
            "outcome": case.outcome,
            "requested_by": case.close_requested_by_id,
        }
        _close_now(case=case, by=by, detail=detail)
    return case


def case_close_refuse(*, case: Case, by: User, reason: str) -> Case:
    """A coordinator turns down a request to close, saying why; the case stays open as it was.

    The reason is shown on the case page until the next request; the audit entry records
    the refusal without its text.
    """
    _require_coordinator(by)
    reason = _short_text(
        reason, field="reason", missing=_("Schrijf op waarom u het verzoek afwijst.")
    )
    # The status is checked on the locked row, so a concurrent change cannot slip in.
    with transaction.atomic():
        _lock(case)
        _check_open(case)
        if case.close_requested_at is None:
            raise ValidationError(_("Voor deze zaak is geen verzoek om te sluiten gedaan."))
        requested_by = case.close_requested_by_id
        now = clock.now()
        case.close_requested_at = None
        case.close_requested_by = None
        case.close_refused_at = now
        case.close_refused_by = by
        case.close_refusal_reason = reason
        case.updated_at = now
        cleared = _clear_closing(case)
        with case_months_kept(case.pk):
            case.save(
                update_fields=[
                    "close_requested_at",
                    "close_requested_by",
                    "close_refused_at",
                    "close_refused_by",
                    "close_refusal_reason",
                    *cleared,
                    "updated_at",
                ]
            )
        audit_record(
            actor=by,
            action="case.close_refuse",
            case=case,
            obj=case,
            detail={"requested_by": requested_by},
        )
        case_reindex(case=case)  # the withdrawn closing note no longer finds the case
    return case


def case_reopen(*, case: Case, by: User) -> Case:
    """A coordinator reopens a closed case; it goes back to in progress.

    The earlier closing reason and outcome stay in the audit log.
    """
    _require_coordinator(by)
    # The status is checked on the locked row, so a concurrent change cannot slip in.
    with transaction.atomic():
        _lock(case)
        if case.status != CaseStatus.CLOSED:
            raise ValidationError(_("Alleen een gesloten zaak kan heropend worden."))
        case.status = CaseStatus.IN_PROGRESS
        case.closed_at = None
        case.updated_at = clock.now()
        cleared = _clear_closing(case)
        with case_months_kept(case.pk):
            case.save(update_fields=["status", "closed_at", *cleared, "updated_at"])
        audit_record(
            actor=by,
            action="case.status",
            case=case,
            obj=case,
            detail={"from": CaseStatus.CLOSED, "to": CaseStatus.IN_PROGRESS},
        )
        audit_record(actor=by, action="case.reopen", case=case, obj=case)
        case_reindex(case=case)
    return case


def _note_create(*, case: Case, by: User, text: str) -> Note:
    note = Note.objects.create(case=case, author=by, created_at=clock.now(), text=text)
    audit_record(actor=by, action="note.create", case=case, obj=note)
    case_reindex(case=case)
    return note


def note_add(*, case: Case, by: User, text: str) -> Note:
    """Add an internal note (never shown to the reporter)."""
    require_case_handler(by)
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Schrijf eerst een notitie.")})
    # The note and its audit entry are written together or not at all.
    with transaction.atomic():
        return _note_create(case=case, by=by, text=text)


def check_due_date(due_date: date) -> None:
    """A task is due today or later: a date in the past is a typing mistake."""
    if due_date < clock.today():
        raise ValidationError(
            {"due_date": _("Deze datum is al voorbij. Kies vandaag of een latere dag.")}
        )


def task_add(
    *, case: Case, by: User, description: str, due_date: date, assignee: User | None = None
) -> Task:
    """Add a follow-up task with a due date, optionally for a colleague."""
    require_case_handler(by)
    description = description.strip()
    if not description:
        raise ValidationError({"description": _("Beschrijf de taak.")})
    check_due_date(due_date)
    if assignee is not None and not (assignee.is_active and assignee.handles_cases):
        raise ValidationError({"assignee": _("Deze medewerker kan geen zaken behandelen.")})
    # The task and its audit entry are written together or not at all.
    with transaction.atomic():
        task = Task.objects.create(
            case=case,
            created_by=by,
            assignee=assignee,
            due_date=due_date,
            created_at=clock.now(),
            description=description,
        )
        audit_record(
            actor=by,
            action="task.create",
            case=case,
            obj=task,
            detail={"assignee": assignee.pk if assignee else None},
        )
        case_reindex(case=case)
    return task


def task_done(*, task: Task, by: User) -> Task:
    """Mark a task done."""
    require_case_handler(by)
    if task.done_at is not None:
        return task
    # The change and its audit entry are written together or not at all.
    with transaction.atomic():
        task.done_at = clock.now()
        task.save(update_fields=["done_at"])
        audit_record(actor=by, action="task.done", case=task.case, obj=task)
    return task


def case_mark_seen(*, case: Case, by: User) -> Case:
    """Clear the "new message" flag once a handler has read what came in."""
    require_case_handler(by)
    if not case.needs_attention:
        return case
    # The change and its audit entry are written together or not at all.
    with transaction.atomic():
        case.needs_attention = False
        case.save(update_fields=["needs_attention"])
        audit_record(actor=by, action="case.seen", case=case, obj=case)
    return case
