"""The close form warns about open tasks; a coordinator's refusal form asks for a reason."""

import pytest
from django.urls import reverse
from django.utils import timezone

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import CaseStatus
from meldpunt.cases.services import case_close, case_close_refuse, task_add

pytestmark = pytest.mark.django_db

CLOSE = {"reason": "advice_given", "outcome": "unclear", "note": "Melder wil geen hulp"}
WHY = "Eerst de politie terugbellen over het busje."


def url(case, name: str) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"cases:{name}", args=[case.pk])


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_the_close_form_lists_open_tasks_and_needs_the_confirmation(
    role, request, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """The warning names each open task; without the tick 400 and the note kept; with it, done."""
    user = request.getfixturevalue(role)
    case = make_case()
    task_add(case=case, by=user, description="Politie AVIM bellen", due_date=timezone.localdate())
    client = verified_client(user)
    page = client.get(url(case, "detail")).content.decode()
    warning = page.split("case-open-tasks")[1].split("</div>")[0]
    assert "Let op: er staat nog 1 taak open." in warning
    assert "Politie AVIM bellen" in warning
    assert "Ik weet dat er nog taken open staan en wil de zaak toch sluiten" in page
    response = client.post(url(case, "close"), CLOSE)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er staat nog 1 taak open." in html
    assert "Melder wil geen hulp" in html
    case.refresh_from_db()
    assert (case.status, case.close_requested_at) == (CaseStatus.NEW, None)
    response = client.post(url(case, "close"), {**CLOSE, "confirm_open_tasks": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    if role == "coordinator":
        assert case.status == CaseStatus.CLOSED
    else:
        assert case.close_requested_by == user


def test_without_open_tasks_there_is_no_warning(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    page = verified_client(advisor).get(url(make_case(), "detail")).content.decode()
    assert "case-open-tasks" not in page
    assert "toch wilt sluiten" not in page


def test_a_coordinator_refuses_with_a_reason_that_the_advisor_reads(
    advisor, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """Without a reason: 400 and the request stays; with one the advisor's page shows it."""
    case = make_case()
    case_close(case=case, by=advisor, reason="advice_given", outcome="unclear")
    cor = verified_client(coordinator)
    assert "Waarom wijst u het verzoek af?" in cor.get(url(case, "detail")).content.decode()
    response = cor.post(url(case, "close_refuse"), {"reason": ""})
    assert response.status_code == 400
    assert "Schrijf op waarom u het verzoek afwijst." in response.content.decode()
    case.refresh_from_db()
    assert case.close_requested_at is not None
    response = cor.post(url(case, "close_refuse"), {"reason": WHY})
    assert response.status_code == 302
    html = verified_client(advisor).get(url(case, "detail")).content.decode()
    assert "wees op" in html
    assert "het verzoek om te sluiten af" in html
    assert WHY in html
    event = AuditEvent.objects.get(case=case, action="case.close_refuse")
    assert event.actor == coordinator
    assert "politie" not in str(event.detail).lower()


@pytest.mark.parametrize("role", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_only_coordinators_may_refuse_a_close_request(
    role, request, colleague, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """403 for everyone else; the request stays and no reason form is shown to an advisor."""
    case = make_case()
    case_close(case=case, by=colleague, reason="advice_given", outcome="unclear")
    client = verified_client(request.getfixturevalue(role))
    assert client.post(url(case, "close_refuse"), {"reason": WHY}).status_code == 403
    case.refresh_from_db()
    assert case.close_requested_at is not None
    if role == "advisor":
        assert (
            "Waarom wijst u het verzoek af?" not in client.get(url(case, "detail")).content.decode()
        )


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer"])
def test_roles_without_case_access_may_not_close(role, request, verified_client, make_case):  # type: ignore[no-untyped-def]
    case = make_case()
    client = verified_client(request.getfixturevalue(role))
    response = client.post(url(case, "close"), {**CLOSE, "confirm_open_tasks": "on"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW


def test_a_refusal_is_replaced_by_a_new_request(advisor, coordinator, verified_client, make_case):  # type: ignore[no-untyped-def]
    case = make_case()
    case_close(case=case, by=advisor, reason="advice_given", outcome="unclear")
    case_close_refuse(case=case, by=coordinator, reason=WHY)
    case_close(case=case, by=advisor, reason="advice_given", outcome="unclear")
    assert WHY not in verified_client(advisor).get(url(case, "detail")).content.decode()
