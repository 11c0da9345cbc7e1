"""Campaigns on the dashboard: per campaign the arrivals through its short links beside
the contacts of its period and their "how did you hear of us" answers; the campaign
periods drawn on the how-heard time line. For analysts and coordinators only."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from meldpunt.cases.models import Area, Disposition, HowHeard
from meldpunt.stats.campaigns import (
    campaign_figures,
    campaign_table,
    campaigns_in,
    how_heard_over_time,
    time_chart,
)
from meldpunt.stats.selectors import Scope
from meldpunt.tally.models import Campaign, LinkVisit
from meldpunt.tally.services import link_create
from tests.stats.factories import at, make_contacts

pytestmark = pytest.mark.django_db
URL = reverse("stats:dashboard")


@pytest.fixture
def flyer() -> Campaign:
    """Flyers in Urk, 1 to 31 March 2025, two links with 7 and 5 arrivals."""
    campaign = Campaign.objects.create(
        name="Flyers Urk",
        medium="flyer",
        municipalities=[Area.URK],
        start=date(2025, 3, 1),
        end=date(2025, 3, 31),
    )
    for count in (7, 5):
        LinkVisit.objects.create(
            link=link_create(campaign=campaign), day=date(2025, 3, 3), count=count
        )
    return campaign


@pytest.fixture
def contacts() -> None:
    make_contacts(4, when=at(2025, 3, 5), municipality=Area.URK, how_heard=HowHeard.FLYER)
    make_contacts(2, when=at(2025, 3, 31, 23), municipality=Area.URK, how_heard=HowHeard.POLICE)
    # Not counted: another municipality, after the period, a silent call.
    make_contacts(3, when=at(2025, 3, 5), municipality=Area.ALMERE, how_heard=HowHeard.FLYER)
    make_contacts(1, when=at(2025, 4, 1), municipality=Area.URK, how_heard=HowHeard.FLYER)
    make_contacts(1, when=at(2025, 3, 6), municipality=Area.URK, disposition=Disposition.SILENT)


def test_arrivals_beside_the_contacts_of_the_period_and_their_answers(flyer, contacts) -> None:
    scope = Scope(year=2025)
    [figures] = campaign_figures(scope, campaigns_in(scope))
    answers = dict(zip(HowHeard.values, figures.answers, strict=True))
    assert (figures.arrivals, figures.contacts) == (12, 6)
    assert (answers[HowHeard.FLYER], answers[HowHeard.POLICE]) == (4, 2)
    table = campaign_table([figures])
    assert [cell.shown for cell in table.body[0].cells[:2]] == ["12", "6"]
    assert not table.with_totals


def test_a_campaign_for_the_whole_region_counts_every_municipality(contacts) -> None:
    Campaign.objects.create(
        name="Regio", medium="social_media", start=date(2025, 3, 1), end=date(2025, 3, 31)
    )
    scope = Scope(year=2025)
    [figures] = campaign_figures(scope, campaigns_in(scope))
    assert (figures.arrivals, figures.contacts) == (0, 9)


def test_campaigns_outside_the_period_or_municipality_are_left_out(flyer) -> None:
    assert campaigns_in(Scope(year=2025, quarter=2)) == []
    assert campaigns_in(Scope(year=2025, municipality=Area.ALMERE)) == []
    assert campaigns_in(Scope(year=2025, municipality=Area.URK)) == [flyer]


def test_the_campaign_period_is_drawn_over_its_months(flyer, contacts) -> None:
    scope = Scope(year=2025, grain="month")
    table = how_heard_over_time(scope)
    chart = time_chart(table, scope, campaigns_in(scope))
    [band] = chart.bands
    march = 2  # the third row: January, February, March
    assert band.y == march * 26 + 2 and band.height == 26 - 4
    assert band.name == str(flyer)
    assert "Flyers Urk" in chart.summary
    flyer_bar = chart.bars[march]
    assert [s.css for s in flyer_bar.segments] == ["stats-chart__bar--flyer"]
    assert flyer_bar.shown == "9"


def test_analyst_sees_campaigns_and_exports_them(analyst, verified_client, flyer, contacts):
    client = verified_client(analyst)
    html = client.get(URL, {"jaar": 2025}).content.decode()
    assert 'id="campaigns-title"' in html and 'id="how-heard-time-title"' in html
    assert "Flyers Urk" in html
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("stats:export_xlsx"), {"jaar": 2025}).content)
    )
    assert any("campaigns" in name for name in workbook.sheetnames)


def test_municipality_viewer_sees_no_campaigns(
    municipality_viewer, verified_client, flyer, contacts
):
    client = verified_client(municipality_viewer)
    html = client.get(URL, {"jaar": 2025}).content.decode()
    assert "campaigns-title" not in html and "Flyers Urk" not in html
    csv = client.get(reverse("stats:export_csv"), {"jaar": 2025}).content.decode()
    assert "Flyers Urk" not in csv and "Campagnes" not in csv
