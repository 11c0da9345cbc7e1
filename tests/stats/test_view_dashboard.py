"""GET /medewerkers/cijfers/: the dashboard for analysts, coordinators and municipality
viewers; refused to advisors and administrators."""

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from meldpunt.cases.models import Area, Disposition, Exploitation, HowHeard
from meldpunt.lib import clock
from meldpunt.stats.rules import DEFINITION_SLUGS
from meldpunt.tally.models import Campaign
from meldpunt.tally.services import link_create
from tests.stats.factories import at, make_case, make_contacts

pytestmark = pytest.mark.django_db

URL = reverse("stats:dashboard")


def table(response, slug: str):
    return next(t for t, _chart in response.context["sections"] if t.slug == slug)


def everything_shown(response) -> list[list[str]]:
    return [
        [cell.shown for row in [*t.body, t.total_row] for cell in [*row.cells, row.total]]
        for t, _chart in response.context["sections"]
    ]


def shown_row(response, slug: str, label: str) -> list[str]:
    row = next(r for r in table(response, slug).body if str(r.label) == label)
    return [cell.shown for cell in row.cells] + [row.total.shown]


@pytest.fixture
def figures():
    """2025: Almere 12 phone calls in Q1 (labour), 3 chats in Q2 (sexual); Urk 2 web
    reports in Q3; 5 silent calls and a test call in Q1."""
    make_contacts(12, when=at(2025, 2), exploitation=Exploitation.LABOUR, how_heard=HowHeard.FLYER)
    make_contacts(3, when=at(2025, 5), channel="chat", exploitation=Exploitation.SEXUAL)
    make_contacts(2, when=at(2025, 8), channel="web_report", municipality=Area.URK)
    make_contacts(5, when=at(2025, 3), disposition=Disposition.SILENT, municipality=Area.UNKNOWN)
    make_contacts(1, when=at(2025, 3), disposition=Disposition.TEST)


@pytest.mark.parametrize("role_fixture", ["analyst", "coordinator", "municipality_viewer"])
def test_statistics_roles_may_open_it(role_fixture, request, verified_client) -> None:
    response = verified_client(request.getfixturevalue(role_fixture)).get(URL)
    assert response.status_code == 200


@pytest.mark.parametrize("role_fixture", ["advisor", "administrator"])
def test_other_roles_are_refused(role_fixture, request, verified_client) -> None:
    response = verified_client(request.getfixturevalue(role_fixture)).get(URL)
    assert response.status_code == 403


def test_anonymous_visitor_goes_to_login(client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_municipality_viewer_without_municipality_is_refused(
    municipality_viewer, verified_client
) -> None:
    municipality_viewer.municipality = ""
    municipality_viewer.save()
    assert verified_client(municipality_viewer).get(URL).status_code == 403


def test_analyst_sees_exact_counts_per_channel_and_form(analyst, verified_client, figures) -> None:
    """Quick dispositions stay out of the contacts and apart; the test call counts nowhere."""
    response = verified_client(analyst).get(URL, {"jaar": 2025, "per": "quarter"})
    assert shown_row(response, "channel", "kwartaal 1") == ["12", "0", "0", "0", "12"]
    assert shown_row(response, "channel", "kwartaal 2") == ["0", "3", "0", "0", "3"]
    assert table(response, "channel").total_row.total.shown == "17"
    assert shown_row(response, "exploitation", "arbeidsuitbuiting") == ["12", "0", "0", "0", "12"]
    assert shown_row(response, "how-heard", "flyer")[-1] == "12"
    assert shown_row(response, "municipality", "Urk") == ["0", "0", "2", "0", "2"]
    assert shown_row(response, "short-call", "stil") == ["5", "0", "0", "0", "5"]
    assert shown_row(response, "short-call", "verkeerd verbonden")[-1] == "0"


def test_analyst_filters_by_municipality_and_channel(analyst, verified_client, figures) -> None:
    response = verified_client(analyst).get(
        URL, {"jaar": 2025, "gemeente": Area.ALMERE, "kanaal": "chat", "per": "month"}
    )
    assert table(response, "channel").total_row.total.shown == "3"
    assert shown_row(response, "channel", "mei")[-1] == "3"


def test_weeks_start_on_monday(analyst, verified_client, figures) -> None:
    response = verified_client(analyst).get(URL, {"jaar": 2025, "kwartaal": 1, "per": "week"})
    labels = [str(row.label) for row in table(response, "channel").body]
    assert labels[0] == "week 1" and len(labels) == 14


def test_a_week_across_two_quarters_counts_in_each_only_its_own_days(
    analyst, verified_client
) -> None:
    """The week of Monday 29 September 2025 runs into the fourth quarter on Wednesday 1
    October: two calls on the Monday, three (heard of us through a flyer) on the Thursday.
    The third quarter's last week shows the two, the fourth quarter's first week the three,
    in the time line and in how heard over time."""
    monday = datetime(2025, 9, 29, 10, tzinfo=UTC)
    make_contacts(2, when=monday)
    make_contacts(3, when=datetime(2025, 10, 2, 10, tzinfo=UTC), how_heard=HowHeard.FLYER)
    client = verified_client(analyst)
    third = client.get(URL, {"jaar": 2025, "kwartaal": 3, "per": "week"})
    fourth = client.get(URL, {"jaar": 2025, "kwartaal": 4, "per": "week"})
    assert shown_row(third, "channel", "week 40") == ["2", "0", "0", "0", "2"]
    assert shown_row(fourth, "channel", "week 40") == ["3", "0", "0", "0", "3"]
    for response, heard in ((third, "2"), (fourth, "3")):
        over_time, _chart = response.context["campaigns"]["over_time"]
        assert over_time.total_row.total.shown == heard


def test_cases_by_kind_and_urgency_and_outcome(analyst, verified_client) -> None:
    make_case(when=at(2025, 1), kind="melding", urgency="acute")
    make_case(when=at(2025, 1), kind="advies")
    make_case(when=at(2024, 12), closed_at=at(2025, 4), closing_reason="referred", kind="melding")
    response = verified_client(analyst).get(URL, {"jaar": 2025})
    assert shown_row(response, "advice-report", "melding")[-1] == "1"
    assert shown_row(response, "advice-report", "advies")[-1] == "1"
    assert shown_row(response, "urgency", "acuut")[-1] == "1"
    assert shown_row(response, "outcome", "doorverwezen naar partner") == ["0", "1", "0", "0", "1"]


def test_cases_count_in_the_quarter_of_their_dutch_day(analyst, verified_client) -> None:
    """A case made or closed in the last or first hour of a quarter, Dutch time (an hour
    or two later than UTC), counts in that quarter."""
    for when in (at(2024, 12, 31, 23), at(2025, 1, 1, 0), at(2025, 3, 31, 23), at(2025, 4, 1, 0)):
        make_case(when=when, kind="advies")
    make_case(
        when=at(2025, 6, 1),
        closed_at=at(2025, 6, 30, 23),
        closing_reason="referred",
        kind="melding",
    )
    make_case(
        when=at(2025, 6, 1), closed_at=at(2025, 7, 1, 0), closing_reason="referred", kind="melding"
    )
    response = verified_client(analyst).get(URL, {"jaar": 2025})
    assert shown_row(response, "advice-report", "advies") == ["2", "1", "0", "0", "3"]
    assert shown_row(response, "outcome", "doorverwezen naar partner") == ["0", "1", "1", "0", "2"]


def test_municipality_viewer_sees_only_their_own_municipality_protected(
    municipality_viewer, verified_client, figures
) -> None:
    """Almere: 12 in Q1, 3 (<5) in Q2; Urk's 2 web reports are not there at all, and the
    filters of other municipalities, channels, quarters and grains are ignored, so no two
    filter choices can be subtracted from each other."""
    client = verified_client(municipality_viewer)
    response = client.get(
        URL,
        {"jaar": 2025, "gemeente": Area.URK, "kanaal": "web_report", "kwartaal": 2, "per": "week"},
    )
    html = response.content.decode()
    assert "Cijfers van Almere" in html
    channel = table(response, "channel")
    assert shown_row(response, "channel", "kwartaal 2")[1] == "<5"
    assert all(cell.shown in {"0", "x", "<5"} for cell in channel.rows[2].cells)
    # The year's total less Q1's would give Q2 away: both are hidden too ("x").
    totals = [cell.shown for cell in channel.total_row.cells] + [channel.total_row.total.shown]
    assert totals == ["x", "<5", "0", "0", "x"]
    quarters = [row.total.shown for row in channel.body]
    assert quarters == ["x", "<5", "0", "0"]
    assert "municipality" not in [t.slug for t, _chart in response.context["sections"]]
    assert everything_shown(client.get(URL, {"jaar": 2025})) == everything_shown(response)


def test_municipality_viewer_sees_no_case_content_or_number(
    municipality_viewer, verified_client, figures
) -> None:
    case = make_case(when=at(2025, 6))
    make_contacts(6, when=at(2025, 6), case=case)
    html = verified_client(municipality_viewer).get(URL, {"jaar": 2025}).content.decode()
    for secret in (case.number, "T-1", "Geheime", "Kerkstraat"):
        assert secret not in html


def test_every_figure_links_to_its_definition(analyst, verified_client, figures) -> None:
    html = verified_client(analyst).get(URL, {"jaar": 2025}).content.decode()
    sections = re.findall(r"<section .*?</section>", html, flags=re.S)
    assert len(sections) >= 10
    for section in sections:
        anchors = re.findall(r'href="/medewerkers/cijfers/definities/#([\w-]+)"', section)
        assert anchors and set(anchors) <= DEFINITION_SLUGS, section[:200]


def test_each_chart_is_an_image_with_a_name_and_has_its_table(
    analyst, verified_client, figures
) -> None:
    html = verified_client(analyst).get(URL, {"jaar": 2025}).content.decode()
    assert html.count('<svg class="stats-chart" role="img" aria-labelledby=') == html.count(
        '<table class="utrecht-table stats-table">'
    )


def test_the_number_of_queries_does_not_grow_with_the_data(
    analyst, verified_client, figures, django_assert_max_num_queries
) -> None:
    client = verified_client(analyst)
    client.get(URL, {"jaar": 2025})
    # 3 for the session, 10 for the tables (kind, urgency and outcome each one from the
    # cases per month), 3 for campaigns (campaigns, arrivals, contacts of their period), 1
    # for how heard over time, 7 for the service figures (hours, chat waits, refusals,
    # first response, assessments, open cases, overdue tasks).
    with django_assert_max_num_queries(24):
        client.get(URL, {"jaar": 2025, "per": "week"})
    make_contacts(40, when=at(2025, 9), channel="chat", municipality=Area.LELYSTAD)
    for month in (3, 6, 9):
        campaign = Campaign.objects.create(
            name=f"Campagne {month}",
            medium="flyer",
            start=date(2025, month, 1),
            end=date(2025, month, 20),
        )
        link_create(campaign=campaign)
    with django_assert_max_num_queries(24):
        client.get(URL, {"jaar": 2025, "per": "week"})


def test_just_after_midnight_on_new_years_night_it_shows_the_new_year(
    analyst, verified_client, monkeypatch
) -> None:
    """00:30 on 1 January in the Netherlands is still 31 December in UTC: the dashboard
    counts days as the meldpunt does, so its default year is the new one."""
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    response = verified_client(analyst).get(URL)
    assert response.context["scope"].year == 2027


def test_a_viewers_number_of_queries_does_not_grow_with_the_data(
    municipality_viewer, verified_client, figures, django_assert_max_num_queries
) -> None:
    """The viewer's contact tables come from the year's one protection pass over every
    municipality: four grouped queries, as many as when they were counted for Almere
    alone (12 in all, with the session and the other tables)."""
    client = verified_client(municipality_viewer)
    client.get(URL, {"jaar": 2025})
    with django_assert_max_num_queries(12):
        client.get(URL, {"jaar": 2025})
    for area in Area.values:
        make_contacts(7, when=at(2025, 4), channel="chat", municipality=area)
    with django_assert_max_num_queries(12):
        client.get(URL, {"jaar": 2025})
