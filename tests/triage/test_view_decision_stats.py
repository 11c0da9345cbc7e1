"""GET /medewerkers/triage/besluiten/: accepts and dismisses per indicator, for coordinators."""

import pytest
from django.urls import reverse

from meldpunt.triage.services import triage_decide
from tests.triage.factories import case_with_contact

pytestmark = pytest.mark.django_db

URL = reverse("triage:decision_stats")
SUMMARY = "Geheime tekst: zijn paspoort is afgepakt door de baas in de Kerkstraat."


@pytest.fixture
def decisions(advisor):
    """Documents kept: accepted twice, dismissed once; forced sex work dismissed twice."""
    case, contact = case_with_contact(by=advisor, summary=SUMMARY)
    for item, accepted in [
        ("gen.documents_retained", True),
        ("gen.documents_retained", True),
        ("gen.documents_retained", False),
        ("sex.forced_sex_work", False),
        ("sex.forced_sex_work", False),
        ("form:labour", True),
    ]:
        triage_decide(case=case, contact=contact, item=item, accepted=accepted, by=advisor)
    triage_decide(
        case=case, contact=contact, item="gen.threats", accepted=True, by=advisor, suggested=False
    )
    return case


def test_coordinator_sees_counts_per_indicator(coordinator, verified_client, decisions) -> None:
    """Each suggested item once, with accepted, dismissed and share; most dismissed first."""
    response = verified_client(coordinator).get(URL)
    assert response.status_code == 200
    rows = [(s.item, s.accepted, s.dismissed, s.accepted_share) for s in response.context["stats"]]
    assert rows == [
        ("sex.forced_sex_work", 0, 2, 0),
        ("gen.documents_retained", 2, 1, 67),
        ("form:labour", 1, 0, 100),
    ]
    html = response.content.decode()
    assert "Gedwongen sekswerk" in html
    assert "67%" in html


def test_no_text_case_or_person_on_the_page(coordinator, verified_client, decisions) -> None:
    """The page shows ids and counts only: no report text, case number or advisor."""
    html = verified_client(coordinator).get(URL).content.decode()
    for secret in ("Kerkstraat", "paspoort is afgepakt", decisions.number, "Adviseur"):
        assert secret not in html


def test_unsuggested_items_are_left_out(coordinator, verified_client, decisions) -> None:
    """A signal an advisor ticked without a suggestion says nothing about the rules."""
    items = {s.item for s in verified_client(coordinator).get(URL).context["stats"]}
    assert "gen.threats" not in items


def test_one_query_for_the_figures(
    coordinator, verified_client, decisions, django_assert_max_num_queries
) -> None:
    """More decisions cost no more queries."""
    client = verified_client(coordinator)
    client.get(URL)
    with django_assert_max_num_queries(8) as first:
        client.get(URL)
    case, contact = case_with_contact(by=coordinator, summary="Nog een melding.")
    triage_decide(case=case, contact=contact, item="lab.sector", accepted=False, by=coordinator)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(URL)


def test_empty_page_says_so(coordinator, verified_client) -> None:
    """Without decisions the page says there are none yet."""
    response = verified_client(coordinator).get(URL)
    assert "nog geen besluiten" in response.content.decode()


@pytest.mark.parametrize("who", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_other_roles_get_403(who, request, verified_client, decisions) -> None:
    """Advisors, analysts, municipality viewers and administrators are refused."""
    assert verified_client(request.getfixturevalue(who)).get(URL).status_code == 403


def test_anonymous_is_sent_to_login(client) -> None:
    """Without a login the page redirects to the login page."""
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
