"""Closing with tasks still open needs a confirmation; a refused close request needs a reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import CaseStatus, ClosingReason, Outcome
from meldpunt.cases.services import case_close, case_close_refuse, task_add, task_done

pytestmark = pytest.mark.django_db

REASON = ClosingReason.ADVICE_GIVEN
OUTCOME = Outcome.UNCLEAR
WHY = "Eerst de politie terugbellen over het busje."


def with_tasks(case, by, *descriptions: str):  # type: ignore[no-untyped-def]
    return [
        task_add(case=case, by=by, description=text, due_date=timezone.localdate())
        for text in descriptions
    ]


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_closing_with_open_tasks_is_refused_until_confirmed(role, request, make_case):  # type: ignore[no-untyped-def]
    """A request (advisor) or a close (coordinator) with 2 open tasks: refused, then confirmed."""
    user = request.getfixturevalue(role)
    case = make_case()
    with_tasks(case, user, "Politie bellen", "Melder terugbellen")
    with pytest.raises(ValidationError) as refused:
        case_close(case=case, by=user, reason=REASON, outcome=OUTCOME)
    assert refused.value.message_dict["confirm_open_tasks"] == [
        "Er staan nog 2 taken open. Vink die eerst af, of bevestig dat u de zaak toch wilt sluiten."
    ]
    case.refresh_from_db()
    assert (case.status, case.close_requested_at) == (CaseStatus.NEW, None)
    case_close(case=case, by=user, reason=REASON, outcome=OUTCOME, confirm_open_tasks=True)
    action = "case.close" if role == "coordinator" else "case.close_request"
    event = AuditEvent.objects.get(case=case, action=action)
    assert event.detail == {"reason": REASON, "outcome": OUTCOME, "open_tasks": 2}


def test_tasks_ticked_off_first_need_no_confirmation(advisor, make_case):  # type: ignore[no-untyped-def]
    """Only open tasks count."""
    case = make_case()
    (task,) = with_tasks(case, advisor, "Politie bellen")
    task_done(task=task, by=advisor)
    case_close(case=case, by=advisor, reason=REASON, outcome=OUTCOME)
    case.refresh_from_db()
    assert case.close_requested_by == advisor


def test_a_refusal_needs_a_reason_that_the_advisor_reads_and_the_audit_does_not_hold(
    advisor, coordinator, make_case
):  # type: ignore[no-untyped-def]
    """Empty or too long is refused; the reason is kept encrypted, the audit names who asked."""
    case = make_case()
    case_close(case=case, by=advisor, reason=REASON, outcome=OUTCOME)
    for reason in ("", "   ", "x" * 501):
        with pytest.raises(ValidationError) as refused:
            case_close_refuse(case=case, by=coordinator, reason=reason)
        assert set(refused.value.message_dict) == {"reason"}
    case.refresh_from_db()
    assert case.close_requested_at is not None
    case_close_refuse(case=case, by=coordinator, reason=WHY)
    case.refresh_from_db()
    assert case.close_requested_at is None
    assert (case.close_refused_by, case.close_refusal_reason) == (coordinator, WHY)
    assert case.close_refused_at is not None
    event = AuditEvent.objects.get(case=case, action="case.close_refuse")
    assert event.detail == {"requested_by": advisor.pk}
    assert "politie" not in str(event.detail).lower()


def test_a_new_request_or_the_close_replaces_the_refusal(advisor, coordinator, make_case):  # type: ignore[no-untyped-def]
    """The refusal is shown until the advisor asks again; closing forgets it too."""
    case = make_case()
    case_close(case=case, by=advisor, reason=REASON, outcome=OUTCOME)
    case_close_refuse(case=case, by=coordinator, reason=WHY)
    case_close(case=case, by=advisor, reason=REASON, outcome=OUTCOME)
    case.refresh_from_db()
    assert (case.close_refused_at, case.close_refusal_reason) == (None, "")
    case_close_refuse(case=case, by=coordinator, reason=WHY)
    case_close(case=case, by=coordinator, reason=REASON, outcome=OUTCOME)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert (case.close_refused_at, case.close_refusal_reason) == (None, "")


@pytest.mark.parametrize("role", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_only_a_coordinator_refuses_a_close_request(role, request, colleague, make_case):  # type: ignore[no-untyped-def]
    """An advisor (even another one), an analyst, a municipality viewer and an administrator
    may not refuse."""
    case = make_case()
    case_close(case=case, by=colleague, reason=REASON, outcome=OUTCOME)
    with pytest.raises(PermissionDenied):
        case_close_refuse(case=case, by=request.getfixturevalue(role), reason=WHY)


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_cannot_close_even_when_confirming(role, request, make_case):  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        case_close(
            case=make_case(),
            by=request.getfixturevalue(role),
            reason=REASON,
            outcome=OUTCOME,
            confirm_open_tasks=True,
        )
