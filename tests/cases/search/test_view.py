"""The case search page (search:cases): filters, words from encrypted content, paging."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import User
from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import CaseStatus, Channel
from meldpunt.cases.search import selectors as search
from meldpunt.cases.search import views as search_views
from meldpunt.cases.services import case_create, contact_add

pytestmark = pytest.mark.django_db
URL = reverse("search:cases")


@pytest.fixture
def anna(advisor: User, verified_client: Callable[[User], Client]) -> Client:
    return verified_client(advisor)


def _case(by: User, summary: str, **fields: object):  # type: ignore[no-untyped-def]
    case = case_create(by=by, title=summary, **fields)
    contact_add(case=case, by=by, channel=Channel.PHONE, summary=summary)
    return case


def test_get_shows_newest_cases(anna: Client, advisor: User) -> None:
    case = _case(advisor, "Iets")
    response = anna.get(URL)
    assert response.status_code == 200
    assert case.number in response.content.decode()


def test_words_find_only_cases_with_every_word(anna: Client, advisor: User) -> None:
    """Searching two words lists the case that holds both and not the one with one."""
    both = _case(advisor, "Meisjes werken in de nagelstudio tot laat")
    one = _case(advisor, "Nagelstudio in Almere")
    html = anna.post(URL, {"q": "nagelstudio laat"}).content.decode()
    assert both.number in html and one.number not in html
    assert "1 zaak gevonden" in html


def test_filters_combine_with_words(anna: Client, advisor: User, colleague: User) -> None:
    """Status and assignee narrow a word search; unassigned is a choice of its own."""
    mine = _case(advisor, "Kwekerij", assigned_to=advisor, status=CaseStatus.IN_PROGRESS)
    theirs = _case(advisor, "Kwekerij", assigned_to=colleague)
    nobody = _case(advisor, "Kwekerij")
    html = anna.post(URL, {"q": "kwekerij", "assignee": advisor.pk}).content.decode()
    assert mine.number in html and theirs.number not in html
    html = anna.post(URL, {"q": "kwekerij", "assignee": "none"}).content.decode()
    assert nobody.number in html and mine.number not in html
    html = anna.post(URL, {"status": CaseStatus.IN_PROGRESS}).content.decode()
    assert mine.number in html and nobody.number not in html


def test_bad_dates_are_explained(anna: Client) -> None:
    response = anna.post(URL, {"created_from": "2026-05-02", "created_to": "2026-05-01"})
    assert response.status_code == 400
    assert "Deze datum ligt voor de begindatum." in response.content.decode()


def test_pages_are_buttons_in_the_form(
    anna: Client, advisor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paging posts the same search again, so the words never go into a URL."""
    monkeypatch.setattr(search_views, "PAGE_SIZE", 2)
    cases = [_case(advisor, f"Loods nummer {n}") for n in range(3)]
    first = anna.post(URL, {"q": "loods"}).content.decode()
    assert 'name="page" value="2"' in first
    second = anna.post(URL, {"q": "loods", "page": "2"}).content.decode()
    assert cases[0].number in second and cases[2].number not in second


def test_query_count_does_not_grow_with_results(
    anna: Client, advisor: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    """Thirteen queries (session, user, device, staff list, audit entry with its chain head
    locked and moved on, count, one page…, chats waiting for the menu) for any hits."""
    for n in range(10):
        _case(advisor, f"Busje nummer {n}", assigned_to=advisor)
    with django_assert_num_queries(13):
        response = anna.post(URL, {"q": "busje"})
    assert response.content.decode().count("Busje nummer") == 10


def test_search_is_audited_without_the_words(anna: Client) -> None:
    anna.post(URL, {"q": "geheimwoord", "status": CaseStatus.NEW})
    event = AuditEvent.objects.get(action="case.search")
    assert event.detail == {"filters": ["status", "text"]}


@pytest.mark.parametrize("role", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_are_refused(
    role: str, request: pytest.FixtureRequest, verified_client: Callable[[User], Client]
) -> None:
    client = verified_client(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"q": "x"}).status_code == 403


def test_anonymous_visitor_goes_to_login(client: Client, db: None) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_very_many_matches_ask_for_a_more_precise_search(
    anna: Client, advisor: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the cap only the newest matches are listed, with a hint to add a word or filter."""
    monkeypatch.setattr(search, "MAX_RESULTS", 2)
    monkeypatch.setattr(search_views, "MAX_RESULTS", 2)
    for n in range(3):
        _case(advisor, f"Schuur nummer {n}")
    html = anna.post(URL, {"q": "schuur"}).content.decode()
    assert "Meer dan 2 zaken gevonden" in html
    assert html.count("Schuur nummer") == 2
