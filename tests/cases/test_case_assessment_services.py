"""The conclusion of the safety assessment: recorded with a short text, needed to move on."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import AssessmentConclusion, CaseKind, CaseStatus
from meldpunt.cases.services import (
    case_close,
    case_lock,
    case_mark_referred,
    case_progress,
    case_record_assessment,
    case_start_assessment,
)

pytestmark = pytest.mark.django_db

NOTE = "Melder is docent; leerling werkt nachten in de kapsalon van haar oom."


def test_an_advisor_records_the_conclusion_and_the_audit_entry_holds_only_its_value(
    advisor, make_case
):  # type: ignore[no-untyped-def]
    """Conclusion in a plain column, text encrypted, who and when kept; audit without text."""
    case = make_case(kind=CaseKind.REPORT)
    case_start_assessment(case=case, by=advisor)
    case_record_assessment(
        case=case, by=advisor, conclusion=AssessmentConclusion.REPORT_ACCEPTED, note=f"  {NOTE} "
    )
    case.refresh_from_db()
    assert case.assessment_conclusion == AssessmentConclusion.REPORT_ACCEPTED
    assert case.assessment_note == NOTE
    assert case.assessed_by == advisor
    assert case.assessed_at is not None
    event = AuditEvent.objects.get(case=case, action="case.assessment")
    assert event.actor == advisor
    assert event.detail == {"conclusion": "report_accepted"}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT assessment_conclusion, assessment_note FROM cases_case WHERE id = %s",
            [case.pk],
        )
        plain, stored = cursor.fetchone()
    assert plain == "report_accepted"  # usable for statistics
    assert "kapsalon" not in str(stored)


def test_a_coordinator_may_record_it_too_and_change_it_while_in_assessment(
    advisor, coordinator, make_case
):  # type: ignore[no-untyped-def]
    """The last conclusion counts; each one is its own audit entry."""
    case = make_case()
    case_start_assessment(case=case, by=advisor)
    case_record_assessment(
        case=case, by=advisor, conclusion=AssessmentConclusion.ADVICE_GIVEN, note="Advies."
    )
    case_record_assessment(
        case=case, by=coordinator, conclusion=AssessmentConclusion.REFERRED, note="Naar AVIM."
    )
    case.refresh_from_db()
    assert (case.assessment_conclusion, case.assessed_by) == ("referred", coordinator)
    assert AuditEvent.objects.filter(case=case, action="case.assessment").count() == 2


@pytest.mark.parametrize(
    ("conclusion", "note", "field"),
    [
        ("", NOTE, "conclusion"),
        ("maybe", NOTE, "conclusion"),
        (AssessmentConclusion.NO_FURTHER_ACTION, "   ", "note"),
        (AssessmentConclusion.NO_FURTHER_ACTION, "x" * 501, "note"),
    ],
)
def test_a_conclusion_needs_a_known_value_and_a_short_text(
    conclusion, note, field, advisor, make_case
):  # type: ignore[no-untyped-def]
    """Without a valid choice or with an empty or too long text nothing is stored."""
    case = make_case()
    case_start_assessment(case=case, by=advisor)
    with pytest.raises(ValidationError) as refused:
        case_record_assessment(case=case, by=advisor, conclusion=conclusion, note=note)
    assert set(refused.value.message_dict) == {field}
    case.refresh_from_db()
    assert case.assessment_conclusion == ""
    assert not AuditEvent.objects.filter(case=case, action="case.assessment").exists()


def test_a_conclusion_belongs_to_the_assessment(advisor, make_case):  # type: ignore[no-untyped-def]
    """A new case or one in progress gets no conclusion."""
    case = make_case()
    with pytest.raises(ValidationError, match="Start eerst de beoordeling"):
        case_record_assessment(
            case=case, by=advisor, conclusion=AssessmentConclusion.ADVICE_GIVEN, note=NOTE
        )
    case_progress(case=case, by=advisor)
    with pytest.raises(ValidationError):
        case_record_assessment(
            case=case, by=advisor, conclusion=AssessmentConclusion.ADVICE_GIVEN, note=NOTE
        )


def test_without_a_conclusion_the_case_does_not_leave_assessment(advisor, coordinator, make_case):  # type: ignore[no-untyped-def]
    """In progress, referred, a close and a close request are each refused in Dutch."""
    case = make_case(kind=CaseKind.REPORT)
    case_start_assessment(case=case, by=advisor)
    with pytest.raises(ValidationError, match="Leg eerst de conclusie van de beoordeling vast"):
        case_progress(case=case, by=advisor)
    with pytest.raises(ValidationError, match="conclusie"), transaction.atomic():
        case_mark_referred(case=case_lock(case), by=advisor)
    for by in (advisor, coordinator):
        with pytest.raises(ValidationError, match="conclusie"):
            case_close(case=case, by=by, reason="advice_given", outcome="unclear")
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSMENT
    assert case.close_requested_at is None
    case_record_assessment(
        case=case, by=advisor, conclusion=AssessmentConclusion.REPORT_ACCEPTED, note=NOTE
    )
    case_progress(case=case, by=advisor)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.assessment_conclusion == AssessmentConclusion.REPORT_ACCEPTED  # kept


def test_an_advies_that_skips_the_assessment_needs_no_conclusion(advisor, make_case):  # type: ignore[no-untyped-def]
    """The rule is about leaving assessment; a case never in it moves as before."""
    case = make_case()
    case_progress(case=case, by=advisor)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_cannot_record_a_conclusion(role, request, advisor, make_case):  # type: ignore[no-untyped-def]
    """Analysts, municipality viewers and administrators are refused."""
    case = make_case()
    case_start_assessment(case=case, by=advisor)
    with pytest.raises(PermissionDenied):
        case_record_assessment(
            case=case,
            by=request.getfixturevalue(role),
            conclusion=AssessmentConclusion.ADVICE_GIVEN,
            note=NOTE,
        )
