"""``manage.py purge``: what passed its retention period goes for good, the statistics
columns stay, a held or open case stays, and a purge can be stopped and run again."""

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connections, models

from meldpunt.audit.chain import verify_chain
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.case_months import case_months_differing
from meldpunt.cases.contact_days import contact_days_differing
from meldpunt.cases.intake.services import quick_contact_record
from meldpunt.cases.models import (
    Case,
    CaseKind,
    CaseMonth,
    CaseSearchToken,
    Contact,
    ContactDay,
    Disposition,
    IntakeDraft,
    Location,
    Note,
    Person,
    Task,
)
from meldpunt.chat.models import ChatMessage, ChatSession
from meldpunt.linking.models import EntityHash
from meldpunt.privacy import purge as purge_module
from meldpunt.privacy.models import PurgedCase, RetentionCategory, RetentionRule
from meldpunt.privacy.purge import KEPT_WITH_CASE, REMOVED_WITH_CASE, PurgeBusy, purge_lock
from meldpunt.privacy.services import hold_place, hold_release
from meldpunt.referrals.models import ReferralUpdate, VictimRegistration
from meldpunt.reports.models import Attachment, Mailbox, MailboxMessage, ReportDraft
from meldpunt.triage.models import TriageDecision
from tests.privacy.conftest import (
    SECRETS,
    START,
    Clock,
    dashboard_figures,
    database_text,
    raw_rows,
)
from tests.skips import requires_postgresql

pytestmark = pytest.mark.django_db

CASE_STATISTICS = [
    "id", "number", "kind", "status", "urgency", "exploitation", "municipality", "created_at",
    "updated_at", "closed_at", "closing_reason", "outcome", "assessment_due", "response_due",
    "responded_at",
]  # fmt: skip
CONTACT_STATISTICS = [
    "id", "case_id", "channel", "disposition", "started_at", "duration_seconds",
    "reporter_role", "how_heard", "municipality", "exploitation",
]  # fmt: skip
CASE_CONTENT = (
    Person, Location, Note, Task, CaseSearchToken, EntityHash, ReferralUpdate,
    VictimRegistration, TriageDecision, Mailbox, MailboxMessage, Attachment, ChatSession,
    ChatMessage,
)  # fmt: skip


def run_purge(*args: str) -> str:
    out = io.StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def statistics() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return (
        list(Case.objects.order_by("id").values(*CASE_STATISTICS)),
        list(Contact.objects.order_by("id").values(*CONTACT_STATISTICS)),
    )


def content_counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in CASE_CONTENT}


def test_after_its_period_a_closed_advice_case_keeps_only_its_statistics(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """A year and a day after closing, every row of content is gone, the encrypted columns
    are empty as stored, and the statistics columns are as they were."""
    case = full_case(kind=CaseKind.ADVICE)
    assert all(content_counts().values()), content_counts()
    before = statistics()
    digests = set(EntityHash.objects.values_list("digest", flat=True))
    tokens = set(CaseSearchToken.objects.values_list("token", flat=True))
    ciphertexts = {raw_rows("cases_contact", case_id=case.pk)[0]["summary"]}
    ciphertexts.add(raw_rows("cases_case", id=case.pk)[0]["title"])
    assert digests and tokens

    moving_clock.forward(days=366)
    out = run_purge()

    assert "gesloten adviezen: 1 removed" in out
    assert content_counts() == dict.fromkeys(content_counts(), 0)
    assert statistics() == before
    case_row = raw_rows("cases_case", id=case.pk)[0]
    assert (case_row["title"], case_row["closing_note"], case_row["assigned_to_id"]) == (
        "",
        "",
        None,
    )
    contact_row = raw_rows("cases_contact", case_id=case.pk)[0]
    for column in ("summary", "advice_given", "action_taken", "callback_details", "details"):
        assert contact_row[column] == ""
    assert contact_row["staff_id"] is None
    referral_row = raw_rows("referrals_referral", case_id=case.pk)[0]
    for column in ("reason", "shared", "legal_ground_note", "feedback"):
        assert referral_row[column] == ""
    assert (referral_row["referred_by_id"], referral_row["follow_up_task_id"]) == (None, None)
    assert PurgedCase.objects.filter(case=case).exists()
    dump = " ".join(database_text())
    for leftover in (*SECRETS, *digests, *tokens, *ciphertexts):
        assert leftover not in dump


def test_every_figure_of_the_dashboard_stays_the_same_after_a_purge(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """The statistics read only what a purge keeps: referrals per kind of partner
    included, though the referral's content goes."""
    full_case(kind=CaseKind.ADVICE)
    full_case(kind=CaseKind.REPORT)
    before = dashboard_figures(moving_clock.at.year)
    assert dict((slug, total) for slug, _rows, total in before)["referral"] == 2

    moving_clock.forward(days=6 * 365)
    run_purge()

    assert PurgedCase.objects.count() == 2
    assert dashboard_figures(START.year) == before


def test_the_contacts_per_day_stay_exact_through_a_purge(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """The counts the statistics read are the same after a purge, and still what the
    contacts give."""
    full_case(kind=CaseKind.ADVICE)
    before = list(ContactDay.objects.order_by("id").values())
    assert before

    moving_clock.forward(days=6 * 365)
    run_purge()

    assert PurgedCase.objects.count() == 1
    assert list(ContactDay.objects.order_by("id").values()) == before
    assert not contact_days_differing()


def test_a_day_before_its_period_nothing_goes(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """364 days after closing an advice case is whole (but for its mailbox, which went
    after 90 days), and a report is kept five years."""
    full_case(kind=CaseKind.ADVICE)
    full_case(kind=CaseKind.REPORT)
    mailbox_content = {"Mailbox": 0, "MailboxMessage": 0, "Attachment": 0}
    counts = {**content_counts(), **mailbox_content}

    moving_clock.forward(days=364)
    run_purge()
    assert content_counts() == counts

    moving_clock.forward(days=2)
    run_purge()
    assert PurgedCase.objects.count() == 1
    assert Case.objects.get(purge__isnull=True).kind == CaseKind.REPORT

    moving_clock.forward(days=5 * 365)
    run_purge()
    assert PurgedCase.objects.count() == 2


def test_an_open_case_is_never_purged(full_case: Callable[..., Case], moving_clock: Clock) -> None:
    """Retention starts at closing: an open case stays whatever its age."""
    case = full_case(close=False)
    moving_clock.forward(days=10 * 365)
    run_purge()
    assert not PurgedCase.objects.exists()
    assert Person.objects.filter(case=case).exists()


def test_a_held_case_stays_until_the_hold_is_released(
    full_case: Callable[..., Case], moving_clock: Clock, coordinator: Any
) -> None:
    """Legal hold: past its period the case keeps everything; released, it goes next run."""
    case = full_case()
    hold_place(case=case, by=coordinator, reason="Strafrechtelijk onderzoek loopt")
    counts = content_counts()
    moving_clock.forward(days=800)
    run_purge()
    assert content_counts() == counts
    assert Mailbox.objects.filter(case=case).exists()

    hold_release(case=case, by=coordinator)
    run_purge()
    assert content_counts()["Person"] == 0


def test_the_dry_run_counts_per_category_and_changes_nothing(
    full_case: Callable[..., Case], moving_clock: Clock, advisor: Any
) -> None:
    """--dry-run names each category with how many would go, and the rows with the cases."""
    full_case()
    IntakeDraft.objects.create(
        staff=advisor, started_at=moving_clock.at, updated_at=moving_clock.at, data={}
    )
    counts = content_counts()
    moving_clock.forward(days=366)

    out = run_purge("--dry-run")

    assert "gesloten adviezen: 1" in out
    assert "gesloten meldingen: 0" in out
    assert "concepten telefoongesprek: 1" in out
    assert "personen: 1" in out
    assert content_counts() == counts
    assert IntakeDraft.objects.count() == 1


def test_an_administrator_s_shorter_period_applies(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """The period set in the admin, not the default, decides."""
    full_case()
    RetentionRule.objects.filter(category=RetentionCategory.ADVICE_CLOSED).update(period=30)
    moving_clock.forward(days=31)
    run_purge()
    assert PurgedCase.objects.count() == 1


def test_an_interrupted_purge_finishes_on_the_next_run(
    full_case: Callable[..., Case], moving_clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches commit one by one: a failure keeps what was done, and a rerun does the rest
    without touching a case twice."""
    for _ in range(3):
        full_case()
    moving_clock.forward(days=400)
    real = purge_module.case_contents_remove
    calls: list[list[int]] = []

    def fail_second(case_ids: list[int]) -> None:
        calls.append(case_ids)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        real(case_ids)

    monkeypatch.setattr(purge_module, "case_contents_remove", fail_second)
    with pytest.raises(RuntimeError):
        run_purge("--batch-size", "1")
    assert PurgedCase.objects.count() == 1

    monkeypatch.setattr(purge_module, "case_contents_remove", real)
    run_purge("--batch-size", "1")
    assert PurgedCase.objects.count() == 3
    assert content_counts()["Person"] == 0
    run_purge()
    assert PurgedCase.objects.count() == 3


def test_the_purge_is_in_the_audit_log(full_case: Callable[..., Case], moving_clock: Clock) -> None:
    """One entry per batch with the category and the count; no content."""
    full_case()
    moving_clock.forward(days=366)
    run_purge()
    event = AuditEvent.objects.get(action="retention.purge")
    assert event.detail == {"category": "advice_closed", "count": 1}


def test_chats_that_never_became_a_case_go_after_30_days(moving_clock: Clock) -> None:
    """A chat without a contact goes with its messages; a chat of a case stays with it."""
    chat = ChatSession.objects.create(
        token_hash="t1", status="ended", created_at=moving_clock.at, ended_at=moving_clock.at
    )
    ChatMessage.objects.create(
        session=chat, seq=1, sender="reporter", created_at=moving_clock.at, body="hallo"
    )
    moving_clock.forward(days=29)
    run_purge()
    assert ChatSession.objects.exists()
    moving_clock.forward(days=2)
    run_purge()
    assert not ChatSession.objects.exists()
    assert not ChatMessage.objects.exists()


def test_an_unused_mailbox_of_a_closed_case_goes_after_90_days(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """90 days after its last message the mailbox of a closed case goes, the case stays;
    the mailbox of an open case stays."""
    closed = full_case()
    open_case = full_case(close=False)
    moving_clock.forward(days=91)
    run_purge()
    assert not Mailbox.objects.filter(case=closed).exists()
    assert not MailboxMessage.objects.filter(mailbox__case=closed).exists()
    assert Person.objects.filter(case=closed).exists()
    assert Mailbox.objects.filter(case=open_case).exists()


def test_unfinished_web_reports_and_intake_drafts_go(moving_clock: Clock, advisor: Any) -> None:
    """A web report draft goes 24 hours after it began, an intake draft 7 days after its
    last change (what purge_report_drafts did is part of this purge now)."""
    ReportDraft.objects.create(
        token="d1", created_at=moving_clock.at, expires_at=moving_clock.at.replace(year=2027)
    )
    IntakeDraft.objects.create(
        staff=advisor, started_at=moving_clock.at, updated_at=moving_clock.at, data={}
    )
    moving_clock.forward(hours=25)
    run_purge()
    assert not ReportDraft.objects.exists()
    assert IntakeDraft.objects.exists()
    moving_clock.forward(days=7)
    run_purge()
    assert not IntakeDraft.objects.exists()


def test_every_table_that_points_at_a_case_is_purged_or_kept_on_purpose() -> None:
    """A new model with a case or contact is either removed by the purge or listed as kept,
    so no content is left behind by a table the purge does not know."""
    removed = {model for model, _lookup in REMOVED_WITH_CASE}
    handled = {model._meta.label for model in removed} | set(KEPT_WITH_CASE)
    handled.add("cases.Contact")
    pointing = {
        model._meta.label
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey | models.OneToOneField)
        and field.related_model in {Case, Contact, *removed}
    }
    assert pointing <= handled, pointing - handled


@requires_postgresql("its advisory locks")
def test_a_second_purge_at_the_same_time_does_nothing(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """While one purge holds the advisory lock, another reports it and leaves all as it is."""
    full_case()
    moving_clock.forward(days=366)
    default = connections["default"]
    other = type(default)(default.settings_dict, alias="other")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [purge_module.ADVISORY_LOCK_KEY])
        assert "Another purge is running" in run_purge()
        assert not PurgedCase.objects.exists()
        with pytest.raises(PurgeBusy), purge_lock():
            pass
    finally:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [purge_module.ADVISORY_LOCK_KEY])
        other.close()
    run_purge()
    assert PurgedCase.objects.count() == 1


def test_a_quick_call_without_a_case_loses_who_took_it_after_30_days(
    moving_clock: Clock, advisor: Any
) -> None:
    """A silent or wrong-number call keeps its statistics columns for good; only the link
    to the advisor who took it goes, 30 days after the call."""
    contact = quick_contact_record(
        by=advisor, disposition=Disposition.SILENT, started_at=moving_clock.at, duration_seconds=4
    )
    before = dashboard_figures(START.year)
    moving_clock.forward(days=29)
    run_purge()
    assert Contact.objects.get(pk=contact.pk).staff == advisor

    moving_clock.forward(days=2)
    assert "korte gesprekken zonder zaak: 1" in run_purge("--dry-run")
    assert "korte gesprekken zonder zaak: 1 removed" in run_purge()

    row = Contact.objects.filter(pk=contact.pk).values(*CONTACT_STATISTICS, "staff_id").get()
    assert row["staff_id"] is None
    assert (row["disposition"], row["duration_seconds"]) == (Disposition.SILENT, 4)
    assert dashboard_figures(START.year) == before
    assert AuditEvent.objects.filter(
        action="retention.purge", detail={"category": "quick_contact", "count": 1}
    ).exists()
    assert "korte gesprekken zonder zaak: 0" in run_purge("--dry-run")


def test_audit_entries_go_after_five_years_and_the_chain_still_verifies(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """The purge removes audit entries past the audit log's period, from the start of the
    chain, anchors the chain and says so in the log; a shorter period set in the admin
    never goes below five years."""
    full_case()
    written = AuditEvent.objects.count()
    RetentionRule.objects.filter(category=RetentionCategory.AUDIT_LOG).update(period=30)
    moving_clock.forward(days=4 * 365)
    assert "auditlog: 0" in run_purge("--dry-run")
    run_purge()
    assert AuditEvent.objects.filter(at__lt=START + timedelta(days=1)).count() == written

    moving_clock.forward(days=365 + 1)
    assert f"auditlog: {written}" in run_purge("--dry-run")
    run_purge()

    assert not AuditEvent.objects.filter(at__lt=START + timedelta(days=1)).exists()
    entry = AuditEvent.objects.get(action="retention.purge", detail__category="audit_log")
    assert entry.detail["count"] == written
    assert verify_chain().problems == []


def test_the_cases_per_month_stay_exact_through_a_purge(
    full_case: Callable[..., Case], moving_clock: Clock
) -> None:
    """The case counts the statistics read are the same after a purge, and still what the
    cases give."""
    full_case(kind=CaseKind.REPORT)
    before = list(CaseMonth.objects.order_by("id").values())
    assert before

    moving_clock.forward(days=6 * 365)
    run_purge()

    assert PurgedCase.objects.count() == 1
    assert list(CaseMonth.objects.order_by("id").values()) == before
    assert not case_months_differing()
