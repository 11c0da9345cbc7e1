"""Fixtures for the privacy tests: a case with something in every place content can be,
closed at a known moment, and a clock that can be moved forward."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection

from meldpunt.accounts.models import User
from meldpunt.cases.models import (
    Area,
    Case,
    CaseKind,
    Channel,
    ClosingReason,
    Contact,
    HowHeard,
    Location,
    LocationKind,
    Outcome,
    Person,
    PersonRole,
    ReporterRole,
)
from meldpunt.cases.services import (
    Related,
    case_close,
    case_create,
    contact_add,
    note_add,
    task_add,
)
from meldpunt.chat.models import ChatMessage, ChatSender, ChatSession, ChatState
from meldpunt.lib import clock
from meldpunt.referrals.models import (
    ConsentBy,
    ConsentHow,
    Partner,
    Referral,
    ReferralStatus,
    ReferralUpdate,
    VictimRegistration,
)
from meldpunt.reports.models import Attachment, Mailbox, MailboxMessage, MailboxSender
from meldpunt.stats.selectors import Scope, dashboard_tables
from meldpunt.triage.models import Decision, TriageDecision

START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
PHONE = "06-12345678"
NAME = "Jozefien Vermaak"
STREET = "Kerkweg 12, 8251 AB Dronten"
SUMMARY = f"{NAME} werkt in de kas, belt vanaf {PHONE}, woont {STREET}. Paspoort ingenomen."
# Long enough never to turn up by chance in a dump's timestamps or hex ("8251" alone did,
# about one run in eight: a microsecond or a random byte string holds four digits).
SECRETS = ("Jozefien", "Vermaak", "12345678", "Kerkweg", "8251 AB", "8251AB")


class Clock:
    """``clock.now()`` under the test's control: set it, or move it forward."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = START
        monkeypatch.setattr(clock, "now", lambda: self.at)

    def forward(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def moving_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def person_case(
    *, advisor: User, coordinator: User, kind: str = CaseKind.ADVICE, close: bool = True
) -> Case:
    """A case with a contact, a person (registered as a possible victim), a place, a note,
    a task, a referral, a triage decision, a mailbox with a message and a file, and a chat;
    closed now unless asked."""
    now = clock.now()
    case = case_create(by=advisor, kind=kind, municipality=Area.DRONTEN, title=f"Kas {NAME}")

    def related(contact: Contact) -> Related:
        person = Person.objects.create(
            case=case, contact=contact, role=PersonRole.VICTIM, name=NAME, nationality="PL"
        )
        VictimRegistration.objects.create(
            person=person,
            consent_by=ConsentBy.VICTIM,
            consent_how=ConsentHow.PHONE,
            consent_on=clock.today(),
            exploitation="labour",
            identified_on=clock.today(),
            care_needs=f"Opvang voor {NAME}",
            recorded_by=advisor,
            recorded_at=now,
        )
        place = Location.objects.create(
            case=case, contact=contact, kind=LocationKind.HOME, address=STREET
        )
        return Related(persons=[person], locations=[place])

    contact = contact_add(
        case=case,
        by=advisor,
        channel=Channel.PHONE,
        add_related=related,
        summary=SUMMARY,
        callback_details=PHONE,
        callback_allowed=True,
        anonymous=False,
        reporter_role=ReporterRole.BYSTANDER,
        how_heard=HowHeard.FLYER,
        municipality=Area.DRONTEN,
        exploitation="labour",
        duration_seconds=300,
        indicators=["lab.passport_withheld"],
        details={"plate": "VT-123-B"},
    )
    note_add(case=case, by=advisor, text=f"Notitie over {NAME}")
    task = task_add(
        case=case,
        by=advisor,
        description=f"Terugbellen {PHONE}",
        due_date=clock.today(),
        assignee=advisor,
    )
    partner = Partner.objects.first() or Partner.objects.create(name="Inspectie", kind="other")
    referral = Referral.objects.create(
        case=case,
        partner=partner,
        reference=f"R-{case.pk}",
        reason=f"Werkplek van {NAME}",
        shared=[{"group": "Persoon", "label": "Naam", "value": NAME}],
        referred_by=advisor,
        referred_at=now,
        feedback_due=clock.today(),
        follow_up_task=task,
    )
    ReferralUpdate.objects.create(
        referral=referral,
        status=ReferralStatus.RECEIVED,
        on=clock.today(),
        recorded_at=now,
        recorded_by=advisor,
    )
    TriageDecision.objects.create(
        case=case,
        contact=contact,
        item="lab.passport_withheld",
        decision=Decision.ACCEPTED,
        by=advisor,
        at=now,
        taxonomy_version="1",
    )
    mailbox = Mailbox.objects.create(
        case=case, contact=contact, code_hash=f"code-{case.pk}", created_at=now
    )
    message = MailboxMessage.objects.create(
        mailbox=mailbox,
        sender=MailboxSender.REPORTER,
        created_at=now,
        text=f"Hier nog een foto van {NAME}",
    )
    Attachment.objects.create(
        case=case,
        message=message,
        content_type="image/png",
        size=3,
        created_at=now,
        name="kas.png",
        data=b"png",
    )
    chat = ChatSession.objects.create(
        token_hash=f"chat-{case.pk}",
        status=ChatState.ENDED,
        nickname=NAME,
        created_at=now,
        ended_at=now,
        contact=contact,
    )
    ChatMessage.objects.create(
        session=chat,
        seq=1,
        sender=ChatSender.REPORTER,
        created_at=now,
        body=f"Ik ben {NAME}",
    )
    if close:
        case_close(
            case=case,
            by=coordinator,
            reason=ClosingReason.ADVICE_GIVEN,
            outcome=Outcome.UNCLEAR,
            note=f"Gesloten, {NAME} geholpen",
            confirm_open_tasks=True,  # its follow-up task stays open, as it often does
        )
    case.refresh_from_db()
    return case


@pytest.fixture
def full_case(advisor: User, coordinator: User, moving_clock: Clock) -> Callable[..., Case]:
    """``person_case`` at the moving clock's time."""

    def make(*, kind: str = CaseKind.ADVICE, close: bool = True) -> Case:
        return person_case(advisor=advisor, coordinator=coordinator, kind=kind, close=close)

    return make


def raw_rows(table: str, **where: Any) -> list[dict[str, Any]]:
    """Rows of ``table`` as stored, without the model's decryption."""
    quote = connection.ops.quote_name
    clause = " AND ".join(f"{quote(column)} = %s" for column in where) or "1 = 1"
    with connection.cursor() as cursor:
        # Table and column names come from the test itself and are quoted.
        sql = f"SELECT * FROM {quote(table)} WHERE {clause}"  # noqa: S608
        cursor.execute(sql, list(where.values()))
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def database_text() -> Iterator[str]:
    """Every value in every table, as text: what a database dump would hold."""
    for table in connection.introspection.table_names():
        for row in raw_rows(table):
            for value in row.values():
                yield bytes(value).hex() if isinstance(value, bytes | memoryview) else str(value)


def dashboard_figures(year: int) -> list[tuple[str, list[int], int]]:
    """Every figure of the year's dashboard: per table its row totals and its grand total."""
    return [
        (table.slug, [row.total.value for row in table.rows], table.totals.total.value)
        for table in dashboard_tables(Scope(year=year))
    ]
