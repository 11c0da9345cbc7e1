"""The assessment's conclusion on the case page: form, refusal to move on, history."""

import pytest
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import AssessmentConclusion, CaseKind, CaseStatus
from meldpunt.cases.services import case_record_assessment, case_start_assessment

pytestmark = pytest.mark.django_db

NOTE = "Leerling werkt nachten in de kapsalon; melding aangenomen."


def url(case, name: str) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"cases:{name}", args=[case.pk])


@pytest.mark.parametrize("role", ["advisor", "coordinator"])
def test_advisors_and_coordinators_record_the_conclusion_and_see_it_on_the_page(
    role, request, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """The form saves, redirects to the case page, which shows it in the facts and history."""
    user = request.getfixturevalue(role)
    case = make_case(kind=CaseKind.REPORT)
    case_start_assessment(case=case, by=user)
    client = verified_client(user)
    page = client.get(url(case, "detail")).content.decode()
    assert "Leg de conclusie van de beoordeling vast." in page
    response = client.post(
        url(case, "record_assessment"), {"conclusion": "report_accepted", "note": NOTE}
    )
    assert response.status_code == 302
    assert response["Location"] == url(case, "detail")
    case.refresh_from_db()
    assert case.assessment_conclusion == AssessmentConclusion.REPORT_ACCEPTED
    html = client.get(url(case, "detail")).content.decode()
    assert "Conclusie beoordeling" in html
    assert "melding aangenomen" in html
    assert NOTE in html
    history = html.split('id="history-title"')[1].split("</section>")[0]
    assert "conclusie beoordeling vastgelegd – conclusie: melding aangenomen" in history
    assert "naar: beoordeling" in history


def test_a_missing_conclusion_or_text_is_explained_and_the_text_kept(
    advisor, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """400 with a Dutch message at each field; what was typed stays in the form."""
    case = make_case()
    case_start_assessment(case=case, by=advisor)
    response = verified_client(advisor).post(
        url(case, "record_assessment"), {"conclusion": "", "note": "Half getypt"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kies een conclusie." in html
    assert "Half getypt" in html
    response = verified_client(advisor).post(
        url(case, "record_assessment"), {"conclusion": "no_action", "note": ""}
    )
    assert "Schrijf kort op waarom." in response.content.decode()
    assert not AuditEvent.objects.filter(action="case.assessment").exists()


def test_moving_on_without_a_conclusion_is_refused_on_the_page(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """ "In behandeling nemen" during an assessment without conclusion says what to do first."""
    case = make_case(kind=CaseKind.REPORT)
    case_start_assessment(case=case, by=advisor)
    client = verified_client(advisor)
    response = client.post(url(case, "progress"), follow=True)
    assert "Leg eerst de conclusie van de beoordeling vast." in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSMENT
    case_record_assessment(case=case, by=advisor, conclusion="report_accepted", note=NOTE)
    client.post(url(case, "progress"))
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_may_not_record_a_conclusion(
    role, request, advisor, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """403, and nothing is stored."""
    case = make_case()
    case_start_assessment(case=case, by=advisor)
    client = verified_client(request.getfixturevalue(role))
    response = client.post(
        url(case, "record_assessment"), {"conclusion": "no_action", "note": NOTE}
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.assessment_conclusion == ""


def test_the_conclusion_is_posted_only(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    assert verified_client(advisor).get(url(make_case(), "record_assessment")).status_code == 405
