"""The audit log at /medewerkers/zaken/audit/: coordinators only, filters, append-only."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record
from meldpunt.cases.services import case_assign, case_start_assessment
from tests.skips import requires_postgresql

pytestmark = pytest.mark.django_db
URL = "/medewerkers/zaken/audit/"


def test_url_name_is_cases_audit() -> None:
    assert reverse("cases:audit") == URL


def test_coordinator_reads_who_did_what_without_content(
    advisor, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """Each step is listed with the person and a readable action, never the summary."""
    case = make_case()
    case_start_assessment(case=case, by=advisor)
    html = verified_client(coordinator).get(URL).content.decode()
    assert "zaak aangemaakt" in html
    assert "status gewijzigd" in html
    assert "van: nieuw" in html
    assert "naar: beoordeling" in html
    assert case.number in html
    assert "anna" in html
    assert "Kerkweg" not in html


def test_people_in_details_are_shown_by_username(
    advisor, colleague, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """An assignment reads "van: anna, naar: bram", not bare ids."""
    case = make_case()
    case_assign(case=case, advisor=advisor, by=advisor)
    case_assign(case=case, advisor=colleague, by=coordinator)
    html = verified_client(coordinator).get(URL).content.decode()
    assert "van: anna" in html
    assert "naar: bram" in html


def test_filter_by_staff_member_and_by_case_number(
    advisor, colleague, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """Filtering by user shows only their events; by case number only that case's."""
    first = make_case(by=advisor)
    second = make_case(by=colleague)
    client = verified_client(coordinator)
    by_colleague = client.get(URL, {"actor": colleague.pk}).context["page"].object_list
    assert {e.actor_id for e in by_colleague} == {colleague.pk}
    by_case = client.get(URL, {"case_number": first.number}).context["page"].object_list
    assert {e.case_id for e in by_case} == {first.pk}
    assert second.number not in {e.case.number for e in by_case}


def test_the_log_is_paginated_with_a_fixed_number_of_queries(
    advisor, coordinator, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """Fifty events a page; a longer log costs no extra queries per page."""
    client = verified_client(coordinator)
    case = make_case()
    client.get(URL)
    with CaptureQueriesContext(connection) as short:
        client.get(URL)
    for _ in range(110):
        audit_record(actor=advisor, action="case.view", case=case, obj=case)
    with CaptureQueriesContext(connection) as long:
        response = client.get(URL, {"pagina": 2})
    assert len(long) == len(short)
    assert response.context["page"].number == 2
    assert len(response.context["page"].object_list) == 50
    assert 'rel="prev"' in response.content.decode()


@pytest.mark.parametrize("role", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_everyone_but_coordinators_is_refused(role, request, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Advisors, analysts, municipality viewers and administrators get 403."""
    case = make_case()
    response = verified_client(request.getfixturevalue(role)).get(URL)
    assert response.status_code == 403
    assert case.number.encode() not in response.content


def test_anonymous_visitor_is_sent_to_login(client):  # type: ignore[no-untyped-def]
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@requires_postgresql("the append-only trigger exists there only")
def test_postgresql_refuses_update_and_delete_of_audit_events(make_case):  # type: ignore[no-untyped-def]
    """Even a direct UPDATE or DELETE through the ORM is refused by the database."""
    make_case()
    event = AuditEvent.objects.get(action="case.create")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.action == "case.create"


def test_audit_page_opens_after_a_case_search(coordinator, verified_client, make_case):  # type: ignore[no-untyped-def]
    """A search is audited with the list of filters used; the page still answers 200."""
    case = make_case()
    client = verified_client(coordinator)
    client.post(reverse("search:cases"), {"q": "loods", "status": "new"})
    response = client.get(URL)
    assert response.status_code == 200
    assert "zaken gezocht" in response.content.decode()
    assert "filters: status, zoekwoorden" in response.content.decode()
    assert case.number in response.content.decode()
