"""Workflow services: who may move a case, which moves are allowed, and what is audited."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import AssessmentConclusion, CaseKind, CaseStatus, Note, Urgency
from meldpunt.cases.services import (
    case_assign,
    case_lock,
    case_mark_referred,
    case_progress,
    case_record_assessment,
    case_set_kind,
    case_start_assessment,
    note_add,
    task_add,
    task_done,
)

pytestmark = pytest.mark.django_db


def actions(case) -> list[str]:  # type: ignore[no-untyped-def]
    return list(
        AuditEvent.objects.filter(case=case).order_by("id").values_list("action", flat=True)
    )


def test_advisor_moves_a_melding_through_assessment_and_every_step_is_audited(advisor, make_case):  # type: ignore[no-untyped-def]
    """new → assessment → in progress → referred: each move is one status audit entry."""
    case = make_case(kind=CaseKind.REPORT)
    case_start_assessment(case=case, by=advisor)
    case_record_assessment(
        case=case, by=advisor, conclusion=AssessmentConclusion.REPORT_ACCEPTED, note="Ernstig."
    )
    case_progress(case=case, by=advisor)
    with transaction.atomic():
        case_mark_referred(case=case_lock(case), by=advisor)
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRED
    statuses = AuditEvent.objects.filter(case=case, action="case.status").order_by("id")
    assert [e.detail for e in statuses] == [
        {"from": "new", "to": "assessment"},
        {"from": "assessment", "to": "in_progress"},
        {"from": "in_progress", "to": "referred"},
    ]


def test_a_wrong_transition_is_refused_with_a_dutch_message(advisor, make_case):  # type: ignore[no-untyped-def]
    """From in progress a case cannot go back to assessment; the message names both statuses."""
    case = make_case()
    case_progress(case=case, by=advisor)
    with pytest.raises(ValidationError) as refused:
        case_start_assessment(case=case, by=advisor)
    assert "in behandeling" in refused.value.messages[0]
    assert "beoordeling" in refused.value.messages[0]
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS


def test_a_melding_cannot_skip_its_assessment(advisor, make_case):  # type: ignore[no-untyped-def]
    """A new melding goes to assessment first; an advies may go straight to in progress."""
    melding = make_case(kind=CaseKind.REPORT)
    with pytest.raises(ValidationError, match="eerst beoordeeld"):
        case_progress(case=melding, by=advisor)
    advies = make_case()
    case_progress(case=advies, by=advisor)
    assert advies.status == CaseStatus.IN_PROGRESS


def test_the_workflow_uses_the_stored_status_not_a_stale_copy(advisor, make_case):  # type: ignore[no-untyped-def]
    """A second, outdated copy of the case cannot repeat a move that already happened."""
    case = make_case()
    stale = type(case).objects.get(pk=case.pk)
    case_start_assessment(case=case, by=advisor)
    with pytest.raises(ValidationError):
        case_start_assessment(case=stale, by=advisor)


def test_switching_to_melding_sets_a_deadline_of_five_working_days(advisor, make_case, frozen_now):  # type: ignore[no-untyped-def]
    """Thursday 23 April 2026 + 5 working days skips the weekend and King's Day (27 April)."""
    frozen_now(datetime(2026, 4, 23, 10, 0, tzinfo=UTC))
    case = make_case()
    assert case.assessment_due is None
    case_set_kind(case=case, by=advisor, kind=CaseKind.REPORT, reason="Melder wil actie")
    case.refresh_from_db()
    assert case.assessment_due == date(2026, 5, 1)
    event = AuditEvent.objects.get(case=case, action="case.kind")
    assert event.detail == {"from": "advies", "to": "melding"}
    case_set_kind(case=case, by=advisor, kind=CaseKind.ADVICE, reason="Toch advies")
    case.refresh_from_db()
    assert case.assessment_due is None


def test_an_urgent_melding_is_assessed_the_next_working_day(advisor, make_case, frozen_now):  # type: ignore[no-untyped-def]
    """Friday 24 April 2026: the next working day is Tuesday 28 April (King's Day between)."""
    frozen_now(datetime(2026, 4, 24, 10, 0, tzinfo=UTC))
    urgent = make_case(kind=CaseKind.REPORT, urgency=Urgency.HIGH)
    assert urgent.assessment_due == date(2026, 4, 28)
    normal = make_case(urgency=Urgency.HIGH)
    assert normal.assessment_due is None
    case_set_kind(case=normal, by=advisor, kind=CaseKind.REPORT, reason="Minderjarige")
    normal.refresh_from_db()
    assert normal.assessment_due == date(2026, 4, 28)


def test_a_kind_change_needs_a_reason_that_lands_as_a_note(advisor, make_case):  # type: ignore[no-untyped-def]
    """No reason, no change; the reason is an internal note next to the audit entry."""
    case = make_case()
    with pytest.raises(ValidationError) as refused:
        case_set_kind(case=case, by=advisor, kind=CaseKind.REPORT, reason="  ")
    assert "reason" in refused.value.message_dict
    case.refresh_from_db()
    assert case.kind == CaseKind.ADVICE
    assert not AuditEvent.objects.filter(case=case, action="case.kind").exists()

    case_set_kind(
        case=case, by=advisor, kind=CaseKind.REPORT, reason="Melder wil dat wij iets doen"
    )
    note = Note.objects.get(case=case)
    assert note.text == (
        "Soort gewijzigd van advies naar melding. Reden: Melder wil dat wij iets doen"
    )
    assert note.author == advisor
    assert AuditEvent.objects.filter(case=case, action="note.create").exists()
    audited = AuditEvent.objects.get(case=case, action="case.kind")
    assert "Melder" not in str(audited.detail)


def test_the_same_kind_again_is_refused(advisor, make_case):  # type: ignore[no-untyped-def]
    """Choosing the kind the case already has changes nothing and says so."""
    case = make_case()
    with pytest.raises(ValidationError, match="al een advies"):
        case_set_kind(case=case, by=advisor, kind=CaseKind.ADVICE, reason="x")
    assert not Note.objects.filter(case=case).exists()


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_cannot_change_the_kind(role, request, make_case):  # type: ignore[no-untyped-def]
    """Only advisors and coordinators change the kind."""
    case = make_case()
    with pytest.raises(PermissionDenied):
        case_set_kind(case=case, by=request.getfixturevalue(role), kind=CaseKind.REPORT, reason="x")


def test_advisor_takes_a_case_but_only_a_coordinator_assigns_a_colleague(
    advisor, colleague, coordinator, make_case
):  # type: ignore[no-untyped-def]
    """Taking a case yourself is fine; handing it to someone else is the coordinator's job."""
    case = make_case()
    case_assign(case=case, advisor=advisor, by=advisor)
    assert case.assigned_to == advisor
    with pytest.raises(PermissionDenied):
        case_assign(case=case, advisor=colleague, by=advisor)
    case_assign(case=case, advisor=colleague, by=coordinator)
    case.refresh_from_db()
    assert case.assigned_to == colleague
    event = AuditEvent.objects.filter(case=case, action="case.assign").latest("id")
    assert event.detail == {"from": advisor.pk, "to": colleague.pk}


def test_a_case_cannot_be_given_to_someone_without_case_access(coordinator, analyst, make_case):  # type: ignore[no-untyped-def]
    """An analyst never handles cases, so a coordinator cannot assign one to them."""
    case = make_case()
    with pytest.raises(ValidationError):
        case_assign(case=case, advisor=analyst, by=coordinator)


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_cannot_change_cases(role, request, make_case):  # type: ignore[no-untyped-def]
    """Analysts, municipality viewers and administrators are refused by every service."""
    outsider = request.getfixturevalue(role)
    case = make_case()
    with pytest.raises(PermissionDenied):
        case_start_assessment(case=case, by=outsider)
    with pytest.raises(PermissionDenied):
        note_add(case=case, by=outsider, text="x")
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW


def test_notes_and_tasks_are_audited_without_their_text(advisor, colleague, make_case):  # type: ignore[no-untyped-def]
    """Note and task text is stored encrypted and never copied into the audit log."""
    case = make_case()
    note = note_add(case=case, by=advisor, text="Melder belt morgen terug na 17 uur")
    task = task_add(
        case=case,
        by=advisor,
        description="Politie AVIM bellen",
        due_date=timezone.localdate(),
        assignee=colleague,
    )
    task_done(task=task, by=colleague)
    task.refresh_from_db()
    assert task.done_at is not None
    assert note.text.startswith("Melder")
    log = list(AuditEvent.objects.filter(case=case).values("action", "detail"))
    assert {"action": "note.create", "detail": {}} in log
    assert {"action": "task.create", "detail": {"assignee": colleague.pk}} in log
    assert "AVIM" not in str(log)
    assert "17 uur" not in str(log)


def test_an_empty_note_is_refused(advisor, make_case):  # type: ignore[no-untyped-def]
    """A note needs text."""
    with pytest.raises(ValidationError):
        note_add(case=make_case(), by=advisor, text="   ")


def test_the_deadline_counts_from_the_day_in_the_netherlands(advisor, make_case, frozen_now):  # type: ignore[no-untyped-def]
    """A melding at 01:30 on Friday 24 April (Amsterdam) counts from Friday, not Thursday."""
    frozen_now(datetime(2026, 4, 23, 23, 30, tzinfo=UTC))
    case = make_case(kind=CaseKind.REPORT)
    assert case.assessment_due == date(2026, 5, 4)
