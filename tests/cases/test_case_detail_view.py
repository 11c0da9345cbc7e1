"""The case page at /medewerkers/zaken/<id>/: who may open it, what it shows, the audit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Channel, Location, Person, PersonRole, Urgency
from meldpunt.cases.services import contact_add, note_add

from .conftest import SUMMARY

pytestmark = pytest.mark.django_db


def url(case) -> str:  # type: ignore[no-untyped-def]
    return reverse("cases:detail", args=[case.pk])


def test_advisor_opens_a_case_and_the_view_is_audited(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Anna sees the summary; the audit log gets case.view with her name and no content."""
    case = make_case()
    response = verified_client(advisor).get(url(case))
    assert response.status_code == 200
    assert SUMMARY in response.content.decode()
    view = AuditEvent.objects.get(case=case, action="case.view")
    assert view.actor == advisor
    assert view.detail == {}


def test_case_page_shows_persons_locations_and_internal_notes(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Persons, places and notes are listed; notes are marked internal."""
    case = make_case()
    Person.objects.create(case=case, role=PersonRole.VICTIM, name="Marek", nationality="Pools")
    Location.objects.create(case=case, kind="workplace", company_name="Kassen BV")
    note_add(case=case, by=advisor, text="Terugbellen na 17 uur")
    html = verified_client(advisor).get(url(case)).content.decode()
    assert "Marek" in html
    assert "Kassen BV" in html
    assert "Terugbellen na 17 uur" in html
    assert "Interne notities" in html
    assert "De melder ziet dit nooit" in html


def test_panels_of_other_apps_are_included(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Mailbox, chat, related cases and triage panels get the case in their context."""
    response = verified_client(advisor).get(url(make_case()))
    used = {t.name for t in response.templates}
    assert {
        "reports/_case_mailbox.html",
        "chat/_case_transcript.html",
        "linking/_related_cases.html",
        "triage/_case_panel.html",
    } <= used


def test_the_page_needs_the_same_queries_for_one_note_or_many(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Notes, contacts and tasks are read with their authors in one query each."""
    case = make_case()
    client = verified_client(advisor)
    note_add(case=case, by=advisor, text="een")
    client.get(url(case))
    with CaptureQueriesContext(connection) as one:
        client.get(url(case))
    for number in range(5):
        note_add(case=case, by=advisor, text=f"notitie {number}")
    with CaptureQueriesContext(connection) as many:
        client.get(url(case))
    assert len(many) == len(one)


def test_coordinator_may_open_a_case(coordinator, verified_client, make_case):  # type: ignore[no-untyped-def]
    """Coordinators see case content as advisors do."""
    assert verified_client(coordinator).get(url(make_case())).status_code == 200


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_get_a_refusal_not_the_content(
    role, request, verified_client, make_case
):  # type: ignore[no-untyped-def]
    """Analysts, municipality viewers and administrators get 403; nothing is shown or logged."""
    case = make_case()
    response = verified_client(request.getfixturevalue(role)).get(url(case))
    assert response.status_code == 403
    assert SUMMARY not in response.content.decode()
    assert not AuditEvent.objects.filter(case=case, action="case.view").exists()


def test_anonymous_visitor_is_sent_to_login(client, make_case):  # type: ignore[no-untyped-def]
    """Without a login the case page redirects to login, and the case number stays out of it."""
    case = make_case()
    response = client.get(url(case))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not AuditEvent.objects.filter(case=case, action="case.view").exists()


def test_an_unknown_case_is_not_found(advisor, verified_client):  # type: ignore[no-untyped-def]
    """A case number that does not exist gives 404."""
    assert verified_client(advisor).get("/medewerkers/zaken/999999/").status_code == 404


def test_the_page_says_why_the_web_report_is_urgent(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """The reasons come from the web report's stored answers, by the rules of cases.urgency."""
    case = make_case(urgency=Urgency.HIGH)
    contact_add(
        case=case,
        by=None,
        channel=Channel.WEB_REPORT,
        details={"minors": "yes", "victim_age": "16", "when": "recent"},
    )
    html = verified_client(advisor).get(url(case)).content.decode()
    assert "Waarom urgent" in html
    assert "urgent: minderjarige (16 jaar) betrokken" in html


def test_a_case_without_urgent_answers_shows_no_reasons(advisor, verified_client, make_case):  # type: ignore[no-untyped-def]
    """A phone case, or a web report whose answers call for nothing, has no reasons block."""
    case = make_case()
    contact_add(case=case, by=None, channel=Channel.WEB_REPORT, details={"minors": "no"})
    assert "Waarom urgent" not in verified_client(advisor).get(url(case)).content.decode()
