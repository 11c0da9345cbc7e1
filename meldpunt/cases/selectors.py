"""Reads of cases. The one way in to a case is ``access_case`` (meldpunt/lib/access.py)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db.models import Case as Switch
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from meldpunt.accounts.models import User
from meldpunt.accounts.permissions import CASE_ROLES, is_fully_authenticated
from meldpunt.audit.labels import describe_detail, user_ids_in
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import (
    Case,
    CaseStatus,
    Channel,
    Contact,
    IntakeDraft,
    Location,
    Note,
    Person,
    Task,
    Urgency,
)
from meldpunt.cases.urgency import Reason, urgency_from_answers
from meldpunt.lib import clock
from meldpunt.lib.access import AccessDenied
from meldpunt.lib.languages import language_name
from meldpunt.lib.workdays import add_working_days

# "Due soon" looks this many working days ahead.
DUE_SOON_WORKING_DAYS = 2
# A section shows at most this many cases; more is a sign to filter in search.
SECTION_LIMIT = 50
AWAITING_ASSESSMENT = (CaseStatus.NEW, CaseStatus.ASSESSMENT)
# Listed rather than "not closed", so PostgreSQL can use the status index.
OPEN_STATUSES = (CaseStatus.NEW, CaseStatus.ASSESSMENT, CaseStatus.IN_PROGRESS, CaseStatus.REFERRED)
# The case's own encrypted text, left unread where only its plain columns are needed.
CASE_TEXT_FIELDS = ("title", "closing_note", "assessment_note", "close_refusal_reason")


def user_may_handle_cases(user: User) -> bool:
    return is_fully_authenticated(user) and user.handles_cases


def require_case_handler(user: User) -> None:
    """AccessDenied unless ``user`` is an advisor or coordinator logged in with two factors."""
    if not user_may_handle_cases(user):
        raise AccessDenied


def openable_case_ids(user: User, case_ids: Iterable[int]) -> set[int]:
    """Of ``case_ids``, the cases ``user`` may open with ``access_case``: every case for an
    advisor or coordinator, none for anyone else. Without a query."""
    return set(case_ids) if user_may_handle_cases(user) else set()


def granted[T: Model](user: User, found: T | None, *, audit: str | None, case: Case | None) -> T:
    """``found``, with the audit entry named ``audit`` (if any); AccessDenied when None.

    The last step of every staff-side ``access_*`` function.
    """
    if found is None:
        raise AccessDenied
    if audit is not None:
        audit_record(actor=user, action=audit, case=case, obj=found)
    return found


def access_case(user: User, case_id: int, *, audit: str | None) -> Case:
    """The case, for advisors and coordinators; AccessDenied for anyone else or an unknown id.

    ``audit`` names the entry written for a page that shows the case (``"case.view"``);
    None for a change that a service makes next and audits itself, which leaves the
    encrypted texts of the case unread.
    """
    if case_id not in openable_case_ids(user, [case_id]):
        raise AccessDenied
    if audit is None:
        cases = Case.objects.defer(*CASE_TEXT_FIELDS)
    else:
        # The people on the case are shown on its page: read with it.
        cases = Case.objects.select_related(
            "assigned_to", "close_requested_by", "close_refused_by", "assessed_by"
        )
    case = cases.filter(pk=case_id).first()
    return granted(user, case, audit=audit, case=case)


def access_contact(user: User, contact_id: int, *, case: Case, audit: str | None) -> Contact:
    """A contact of ``case`` (from ``access_case``); AccessDenied for a contact of another
    case. Without ``audit`` only its ids are read."""
    require_case_handler(user)
    contacts = Contact.objects.all() if audit is not None else Contact.objects.only("id", "case_id")
    return granted(user, contacts.filter(pk=contact_id, case=case).first(), audit=audit, case=case)


def access_intake_draft(user: User, draft_id: int, *, audit: str | None) -> IntakeDraft:
    """One of ``user``'s own phone intake drafts; AccessDenied for a colleague's or a gone one."""
    require_case_handler(user)
    draft = IntakeDraft.objects.filter(pk=draft_id, staff=user).first()
    return granted(user, draft, audit=audit, case=None)


def other_intake_drafts(user: User, *, excluding: IntakeDraft | None) -> QuerySet[IntakeDraft]:
    """``user``'s own unfinished calls, but for the one on screen."""
    drafts = IntakeDraft.objects.filter(staff=user)
    return drafts.exclude(pk=excluding.pk) if excluding is not None else drafts


def get_case_task(case: Case, task_id: int) -> Task:
    """A task of ``case`` (a task id from another case is not found)."""
    return get_object_or_404(Task.objects.select_related("case"), pk=task_id, case=case)


@dataclass(frozen=True)
class Deadlines:
    """Today's dates that decide whether a case is overdue or due soon."""

    now: datetime
    today: date
    soon: date

    @classmethod
    def at(cls, now: datetime) -> "Deadlines":
        today = timezone.localdate(now)
        return cls(now=now, today=today, soon=add_working_days(today, DUE_SOON_WORKING_DAYS))

    def overdue_q(self) -> Q:
        return (
            Q(status__in=AWAITING_ASSESSMENT, assessment_due__lt=self.today)
            | Q(response_due__lt=self.now, responded_at__isnull=True)
            | Q(reply_due__lt=self.today)
        )

    def due_soon_q(self) -> Q:
        return Q(
            status__in=AWAITING_ASSESSMENT,
            assessment_due__gte=self.today,
            assessment_due__lte=self.soon,
        )

    def is_overdue(self, case: Case) -> bool:
        late_assessment = (
            case.status in AWAITING_ASSESSMENT
            and case.assessment_due is not None
            and case.assessment_due < self.today
        )
        late_response = (
            case.response_due is not None
            and case.response_due < self.now
            and case.responded_at is None
        )
        return late_assessment or late_response or self.is_reply_overdue(case)

    def is_reply_overdue(self, case: Case) -> bool:
        """A reporter's mailbox message is still unanswered after its deadline."""
        return case.reply_due is not None and case.reply_due < self.today

    def is_due_soon(self, case: Case) -> bool:
        return (
            case.status in AWAITING_ASSESSMENT
            and case.assessment_due is not None
            and self.today <= case.assessment_due <= self.soon
        )


@dataclass(frozen=True)
class InboxRow:
    case: Case
    overdue: bool
    due_soon: bool
    reply_overdue: bool = False
    # The reporter's language (of the first contact), by its Dutch name; empty for Dutch.
    language: str = ""


@dataclass(frozen=True)
class InboxSection:
    key: str
    title: StrPromise
    empty: StrPromise
    rows: list[InboxRow] = field(default_factory=list)
    more: bool = False


def _open_cases() -> QuerySet[Case]:
    """Open cases, urgent first (cases.urgency), then by deadline; without the encrypted
    columns."""
    return (
        Case.objects.filter(status__in=OPEN_STATUSES)
        .select_related("assigned_to")
        .defer(*CASE_TEXT_FIELDS)
        .annotate(
            urgency_rank=Switch(
                When(urgency=Urgency.ACUTE, then=Value(0)),
                When(urgency=Urgency.HIGH, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        # Without a deadline last on every database (SQLite would put NULL first).
        .order_by(
            "urgency_rank",
            F("assessment_due").asc(nulls_last=True),
            F("response_due").asc(nulls_last=True),
            "created_at",
        )
    )


def inbox_sections(user: User, *, language: str = "") -> list[InboxSection]:
    """The inbox of ``user``: one query per section, however many cases there are.

    Coordinators also get the cases whose close they must approve. With ``language``
    only cases with a contact in that language (a reporter who wrote, chatted or called
    in it).

    Lists numbers, kinds, statuses and deadlines only, so no case content is shown here.
    """
    deadlines = Deadlines.at(clock.now())
    specs = [
        (
            "overdue",
            _("Te laat"),
            _("Geen zaken over de termijn."),
            deadlines.overdue_q(),
        ),
        (
            "attention",
            _("Nieuwe berichten"),
            _("Geen nieuwe berichten."),
            Q(needs_attention=True),
        ),
        (
            "due_soon",
            _("Beoordeling binnen 2 werkdagen"),
            _("Geen beoordelingen die binnenkort moeten."),
            deadlines.due_soon_q(),
        ),
        ("mine", _("Mijn zaken"), _("U heeft geen open zaken."), Q(assigned_to=user)),
        (
            "unassigned",
            _("Nog niet toegewezen"),
            _("Alle open zaken hebben een behandelaar."),
            Q(assigned_to__isnull=True),
        ),
    ]
    if user.is_coordinator:
        specs.insert(
            1,
            (
                "close_requests",
                _("Wacht op goedkeuring sluiten"),
                _("Geen verzoeken om te sluiten."),
                Q(close_requested_at__isnull=False),
            ),
        )
    first_language = Subquery(
        Contact.objects.filter(case=OuterRef("pk")).order_by("started_at").values("language")[:1]
    )
    open_cases = _open_cases().annotate(reporter_language=first_language)
    if language:
        open_cases = open_cases.filter(
            Exists(Contact.objects.filter(case=OuterRef("pk"), language=language))
        )
    sections = []
    for key, title, empty, condition in specs:
        cases = list(open_cases.filter(condition)[: SECTION_LIMIT + 1])
        rows = [
            InboxRow(
                case=c,
                overdue=deadlines.is_overdue(c),
                due_soon=deadlines.is_due_soon(c),
                reply_overdue=deadlines.is_reply_overdue(c),
                language=(
                    language_name(c.reporter_language)
                    if c.reporter_language not in ("", None, settings.LANGUAGE_CODE)
                    else ""
                ),
            )
            for c in cases[:SECTION_LIMIT]
        ]
        sections.append(
            InboxSection(
                key=key, title=title, empty=empty, rows=rows, more=len(cases) > SECTION_LIMIT
            )
        )
    return sections


@dataclass(frozen=True)
class CaseDetail:
    """Everything on the case page, read in one query per kind of record."""

    case: Case
    contacts: list[Contact]
    persons: list[Person]
    locations: list[Location]
    notes: list[Note]
    tasks: list[Task]
    overdue: bool
    due_soon: bool
    reply_overdue: bool
    history: list["HistoryEntry"]
    urgency_reasons: tuple[Reason, ...] = ()

    @property
    def open_tasks(self) -> list[Task]:
        return [task for task in self.tasks if task.done_at is None]


@dataclass(frozen=True)
class HistoryEntry:
    """One step in a case's workflow, from its audit entry: what, when, who, with which value."""

    at: datetime
    action: str
    actor_name: str
    detail: list[tuple[str, str]]


# The audit entries that make up a case's history on its page (views and reads are left out).
HISTORY_ACTIONS = (
    "case.create",
    "case.status",
    "case.kind",
    "case.urgency",
    "case.assessment",
    "case.close_request",
    "case.close_refuse",
    "case.close",
    "case.reopen",
)


def case_history(case: Case) -> list[HistoryEntry]:
    """The workflow steps of ``case``, oldest first; their details hold choice values only."""
    events = list(
        AuditEvent.objects.filter(case=case, object_type="case", action__in=HISTORY_ACTIONS)
        .only("at", "action", "actor_name", "detail")
        .order_by("at", "id")
    )
    ids = set().union(*(user_ids_in(event) for event in events))
    names = usernames(ids) if ids else {}
    return [
        HistoryEntry(
            at=event.at,
            action=event.action,
            actor_name=event.actor_name,
            detail=describe_detail(event, names),
        )
        for event in events
    ]


def urgency_reasons(contacts: Iterable[Contact]) -> tuple[Reason, ...]:
    """Why the web reports' answers make the case urgent (cases.urgency), each rule once."""
    found: dict[str, Reason] = {}
    for contact in contacts:
        if contact.channel != Channel.WEB_REPORT:
            continue
        for reason in urgency_from_answers(contact.details or {}).reasons:
            known = found.setdefault(reason.rule, reason)
            if reason.age is not None and (known.age is None or reason.age < known.age):
                found[reason.rule] = reason
    return tuple(found.values())


def case_detail(case: Case) -> CaseDetail:
    """The records of a case already opened with ``access_case``."""
    deadlines = Deadlines.at(clock.now())
    contacts = list(case.contacts.select_related("staff"))
    return CaseDetail(
        case=case,
        contacts=contacts,
        persons=list(case.persons.all()),
        locations=list(case.locations.all()),
        notes=list(case.notes.select_related("author")),
        tasks=list(case.tasks.select_related("assignee").order_by("done_at", "due_date")),
        overdue=deadlines.is_overdue(case),
        due_soon=deadlines.is_due_soon(case),
        reply_overdue=deadlines.is_reply_overdue(case),
        history=case_history(case),
        urgency_reasons=urgency_reasons(contacts),
    )


def case_handlers() -> QuerySet[User]:
    """Active staff who may be given a case or a task."""
    return User.objects.filter(role__in=CASE_ROLES, is_active=True).order_by(
        "first_name", "last_name", "username"
    )


@dataclass(frozen=True)
class WorkloadRow:
    handler: User | None
    by_status: dict[str, int]
    open_total: int
    overdue: int


def team_workload() -> list[WorkloadRow]:
    """Open cases per handler and status, with how many are overdue; two queries in all."""
    deadlines = Deadlines.at(clock.now())
    counts = (
        Case.objects.filter(status__in=OPEN_STATUSES)
        .values("assigned_to", "status")
        .annotate(n=Count("id"), late=Count("id", filter=deadlines.overdue_q()))
        .order_by()
    )
    per_handler: dict[int | None, dict[str, int]] = {}
    late: dict[int | None, int] = {}
    for row in counts:
        per_handler.setdefault(row["assigned_to"], {})[row["status"]] = row["n"]
        late[row["assigned_to"]] = late.get(row["assigned_to"], 0) + row["late"]
    handlers: list[User | None] = [*case_handlers(), None]
    return [
        WorkloadRow(
            handler=handler,
            by_status=per_handler.get(handler.pk if handler else None, {}),
            open_total=sum(per_handler.get(handler.pk if handler else None, {}).values()),
            overdue=late.get(handler.pk if handler else None, 0),
        )
        for handler in handlers
    ]


def audit_events(*, actor: User | None = None, case_number: str = "") -> QuerySet[AuditEvent]:
    """The audit log, newest first, filtered by who acted and by case number."""
    events = AuditEvent.objects.select_related("case").only(
        "at",
        "actor_id",
        "actor_name",
        "action",
        "object_type",
        "object_id",
        "detail",
        "case__number",
    )
    if actor is not None:
        events = events.filter(actor=actor)
    if case_number:
        events = events.filter(case__number=case_number.strip())
    return events


def usernames(user_ids: set[int]) -> dict[int, str]:
    """Usernames by id, for showing who an audit entry refers to; one query."""
    return dict(User.objects.filter(pk__in=user_ids).values_list("pk", "username"))
