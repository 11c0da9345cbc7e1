"""The case picker on the intake screen (intake:case_picker): POST only, words never in a URL."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Channel
from meldpunt.cases.services import case_create, contact_add

pytestmark = pytest.mark.django_db
URL = reverse("intake:case_picker")


@pytest.fixture
def anna(advisor: User, verified_client: Callable[[User], Client]) -> Client:
    return verified_client(advisor)


def test_lists_matching_cases_as_choices(anna: Client, advisor: User) -> None:
    """Words and case numbers both find a case; the search is audited without the words."""
    case = case_create(by=advisor)
    contact_add(case=case, by=advisor, channel=Channel.PHONE, summary="Autowasstraat Lelystad")
    by_word = anna.post(URL, {"case_query": "autowasstraat"}).content.decode()
    assert f'name="existing_case" value="{case.pk}"' in by_word
    by_number = anna.post(URL, {"case_query": case.number}).content.decode()
    assert case.number in by_number
    event = AuditEvent.objects.filter(action="case.search").first()
    assert "autowasstraat" not in str(event.detail).lower()


def test_the_chosen_case_stays_checked(anna: Client, advisor: User) -> None:
    case = case_create(by=advisor)
    html = anna.post(URL, {"case_query": "", "existing_case": case.pk}).content.decode()
    assert f'value="{case.pk}" id="case-{case.pk}" checked' in html


def test_no_match_says_so(anna: Client) -> None:
    html = anna.post(URL, {"case_query": "onvindbaar"}).content.decode()
    assert "Geen zaak gevonden" in html


def test_get_is_not_allowed(anna: Client) -> None:
    assert anna.get(URL, {"case_query": "x"}).status_code == 405


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_are_refused(
    role: str, request: pytest.FixtureRequest, verified_client: Callable[[User], Client]
) -> None:
    client = verified_client(request.getfixturevalue(role))
    assert client.post(URL, {"case_query": "x"}).status_code == 403


def test_anonymous_visitor_goes_to_login(client: Client, db: None) -> None:
    assert client.post(URL, {"case_query": "x"}).status_code == 302
