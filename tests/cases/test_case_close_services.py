"""Closing: reason and outcome required; coordinators close, advisors ask; reopening."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import AssessmentConclusion, CaseStatus, ClosingReason, Outcome
from meldpunt.cases.services import (
    case_close,
    case_close_approve,
    case_close_refuse,
    case_record_assessment,
    case_reopen,
    case_start_assessment,
)

pytestmark = pytest.mark.django_db

REASON = ClosingReason.ADVICE_GIVEN
OUTCOME = Outcome.UNCLEAR


def assess(case, by) -> None:  # type: ignore[no-untyped-def]
    """Start the assessment and record its conclusion, so the case may leave assessment."""
    case_start_assessment(case=case, by=by)
    case_record_assessment(
        case=case, by=by, conclusion=AssessmentConclusion.ADVICE_GIVEN, note="Advies gegeven."
    )


def test_closing_needs_a_reason_and_an_outcome(coordinator, make_case):  # type: ignore[no-untyped-def]
    """Without both, nothing changes and the errors name the missing fields."""
    case = make_case()
    with pytest.raises(ValidationError) as refused:
        case_close(case=case, by=coordinator, reason="", outcome="")
    assert set(refused.value.message_dict) == {"reason", "outcome"}
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW


def test_a_coordinator_closes_directly(coordinator, make_case):  # type: ignore[no-untyped-def]
    """Status closed, reason, outcome and date stored; the audit entry holds only the choices."""
    case = make_case()
    assess(case, coordinator)
    case_close(case=case, by=coordinator, reason=REASON, outcome=OUTCOME, note="Advies gegeven")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.closed_at is not None
    assert (case.closing_reason, case.outcome, case.closing_note) == (
        REASON,
        OUTCOME,
        "Advies gegeven",
    )
    event = AuditEvent.objects.get(case=case, action="case.close")
    assert event.detail == {"reason": REASON, "outcome": OUTCOME}


def test_an_advisor_asks_and_the_case_stays_open_until_a_coordinator_approves(
    advisor, coordinator, make_case
):  # type: ignore[no-untyped-def]
    """The request keeps the status; the approval closes with the requested reason."""
    case = make_case()
    assess(case, advisor)
    case_close(case=case, by=advisor, reason=REASON, outcome=OUTCOME)
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSMENT
    assert case.close_requested_by == advisor
    case_close_approve(case=case, by=coordinator)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.closing_reason == REASON
    assert case.close_requested_at is None
    close = AuditEvent.objects.get(case=case, action="case.close")
    assert close.actor == coordinator
    assert close.detail["requested_by"] == advisor.pk
    assert AuditEvent.objects.filter(case=case, action="case.close_request").count() == 1


def test_an_advisor_cannot_approve_a_close_request(advisor, colleague, make_case):  # type: ignore[no-untyped-def]
    """Approving is a coordinator's task, even for another advisor's request."""
    case = make_case()
    case_close(case=case, by=colleague, reason=REASON, outcome=OUTCOME)
    with pytest.raises(PermissionDenied):
        case_close_approve(case=case, by=advisor)


def test_a_coordinator_can_refuse_a_close_request(advisor, coordinator, make_case):  # type: ignore[no-untyped-def]
    """Refusing clears the request and keeps the case open."""
    case = make_case()
    case_close(case=case, by=advisor, reason=REASON, outcome=OUTCOME)
    case_close_refuse(case=case, by=coordinator, reason="Eerst de politie bellen")
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW
    assert (case.close_requested_at, case.closing_reason, case.outcome) == (None, "", "")
    with pytest.raises(ValidationError):
        case_close_approve(case=case, by=coordinator)


def test_a_closed_case_is_only_reopened_by_a_coordinator(advisor, coordinator, make_case):  # type: ignore[no-untyped-def]
    """Closed cases refuse changes; a coordinator reopens to in progress."""
    case = make_case()
    case_close(case=case, by=coordinator, reason=REASON, outcome=OUTCOME)
    with pytest.raises(ValidationError, match="gesloten"):
        case_start_assessment(case=case, by=advisor)
    with pytest.raises(PermissionDenied):
        case_reopen(case=case, by=advisor)
    case_reopen(case=case, by=coordinator)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.closed_at is None
    assert AuditEvent.objects.filter(case=case, action="case.reopen").count() == 1
    with pytest.raises(ValidationError):
        case_reopen(case=case, by=coordinator)
