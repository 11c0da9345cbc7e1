"""GET /medewerkers/signalen/: entities in two or more cases with their values, for
coordinators."""

import pytest
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.cases.models import Channel
from meldpunt.linking import selectors
from tests.triage.factories import at, case_with_contact

pytestmark = pytest.mark.django_db

URL = reverse("linking:signals")


@pytest.fixture
def three_reports(advisor):
    """One address in three reports from three channels, and a plate in one report only."""
    cases = []
    for day, channel, text in [
        (1, Channel.PHONE, "Woning Kerkstraat 12, 1234 AB Almere: acht mannen."),
        (2, Channel.CHAT, "Ze wonen op 1234AB 12 met veel mensen."),
        (3, Channel.WEB_REPORT, "postcode 1234 ab, huisnummer 12. Auto 99-XX-99."),
    ]:
        case, _ = case_with_contact(by=advisor, channel=channel, started_at=at(day), summary=text)
        cases.append(case)
    return cases


def test_coordinator_sees_the_address_in_three_cases(
    coordinator, verified_client, three_reports
) -> None:
    """The address is listed once: kind, value, 3 cases, three channels, newest date, case
    links; never its hash."""
    response = verified_client(coordinator).get(URL)
    assert response.status_code == 200
    signals = response.context["signals"]
    assert len(signals) == 1
    signal = signals[0]
    assert (signal.kind, signal.case_count, signal.newest) == ("address", 3, at(3))
    assert sorted(signal.channels) == sorted([Channel.PHONE, Channel.CHAT, Channel.WEB_REPORT])
    html = response.content.decode()
    for case in three_reports:
        assert reverse("cases:detail", args=[case.pk]) in html
    assert '<span class="linking-signal__value">1234AB 12</span>' in html
    assert signal.digest[:8] not in html
    assert "Kerkstraat" not in html
    assert AuditEvent.objects.filter(action="linking.signals", actor=coordinator).count() == 1


def test_no_value_from_cases_the_user_may_not_open(
    coordinator, verified_client, three_reports, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a case the user may open, the signal is listed without its value or hash."""
    monkeypatch.setattr(selectors, "openable_case_ids", lambda user, ids: set())
    response = verified_client(coordinator).get(URL)
    (signal,) = response.context["signals"]
    html = response.content.decode()
    assert signal.value == "" and "1234AB" not in html and signal.digest[:8] not in html
    assert "alleen te zien in de zaken" in html
    assert not AuditEvent.objects.filter(action="linking.signals").exists()


def test_newest_first(coordinator, verified_client, three_reports, advisor) -> None:
    """An entity seen more recently comes before an older one."""
    for day in (5, 6):
        case_with_contact(by=advisor, started_at=at(day), summary="Bel 06-12345678.")
    signals = verified_client(coordinator).get(URL).context["signals"]
    assert [s.kind for s in signals] == ["phone", "address"]


def test_query_count_does_not_grow_with_signals(
    coordinator, verified_client, three_reports, advisor, django_assert_max_num_queries
) -> None:
    """More signals cost no more queries: a fixed number per page (13 with the staff menu's
    count of waiting chats)."""
    client = verified_client(coordinator)
    client.get(URL)
    with django_assert_max_num_queries(13) as small:
        client.get(URL)
    for day in (5, 6):
        case_with_contact(by=advisor, started_at=at(day), summary="Bel 06-12345678, mail a@b.nl.")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL)


def test_empty_list_says_so(coordinator, verified_client) -> None:
    """Without shared entities the page says there are none."""
    response = verified_client(coordinator).get(URL)
    assert "geen gegevens die in meer dan één zaak" in response.content.decode()


@pytest.mark.parametrize("who", ["advisor", "analyst", "municipality_viewer", "administrator"])
def test_other_roles_get_403(who, request, verified_client) -> None:
    """Advisors, analysts, municipalities and administrators are refused."""
    assert verified_client(request.getfixturevalue(who)).get(URL).status_code == 403


def test_anonymous_is_sent_to_login(client) -> None:
    """Without login: a redirect to the login page."""
    assert client.get(URL).status_code == 302
