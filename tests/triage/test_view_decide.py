"""POST /medewerkers/triage/zaak/<id>/besluit/: keep an accept or dismiss from the case page."""

import pytest
from django.urls import reverse

from meldpunt.triage.models import TriageDecision
from tests.triage.factories import case_with_contact

pytestmark = pytest.mark.django_db

SUMMARY = "Zijn paspoort is afgepakt door de baas."


@pytest.fixture
def case_contact(advisor):
    return case_with_contact(by=advisor, summary=SUMMARY)


def post(client, case, data, **headers):
    return client.post(reverse("triage:decide", args=[case.pk]), data, **headers)


def test_advisor_accepts_with_htmx_and_gets_the_new_state(
    advisor, verified_client, case_contact
) -> None:
    """With htmx the answer is the small "Overgenomen" fragment, and the contact has the signal."""
    case, contact = case_contact
    data = {
        "contact": contact.pk,
        "item": "gen.documents_retained",
        "decision": "accept",
        "suggested": "1",
    }
    response = post(verified_client(advisor), case, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Overgenomen" in response.content.decode()
    contact.refresh_from_db()
    assert contact.indicators == ["gen.documents_retained"]


def test_without_javascript_it_redirects_to_the_case(
    advisor, verified_client, case_contact
) -> None:
    """A plain form post is followed by the case page again."""
    case, contact = case_contact
    data = {"contact": contact.pk, "item": "gen.threats", "decision": "dismiss"}
    response = post(verified_client(advisor), case, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert TriageDecision.objects.get().suggested is False


def test_bad_item_gets_a_message(advisor, verified_client, case_contact) -> None:
    """An id outside the taxonomy is refused with a message and nothing is kept."""
    case, contact = case_contact
    data = {"contact": contact.pk, "item": "gen.nope", "decision": "accept"}
    response = post(verified_client(advisor), case, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "niet in de lijst" in response.content.decode()
    assert not TriageDecision.objects.exists()


def test_contact_of_another_case_is_not_found(advisor, verified_client, case_contact) -> None:
    """A contact id of another case gives 404."""
    case, _ = case_contact
    _, other_contact = case_with_contact(by=advisor, summary="")
    data = {"contact": other_contact.pk, "item": "gen.threats", "decision": "accept"}
    assert post(verified_client(advisor), case, data).status_code == 404


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_get_403(who, request, verified_client, case_contact) -> None:
    """Analysts, municipalities and administrators are refused and nothing is kept."""
    case, contact = case_contact
    data = {"contact": contact.pk, "item": "gen.threats", "decision": "accept"}
    assert post(verified_client(request.getfixturevalue(who)), case, data).status_code == 403
    assert not TriageDecision.objects.exists()


def test_anonymous_is_sent_to_login(client, case_contact) -> None:
    """Without login: a redirect to the login page."""
    case, contact = case_contact
    response = post(
        client, case, {"contact": contact.pk, "item": "gen.threats", "decision": "accept"}
    )
    assert response.status_code == 302
