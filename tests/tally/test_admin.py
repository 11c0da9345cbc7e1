"""Campaigns in the admin (/beheer/): an administrator adds a campaign period with its
municipalities and a short link, and downloads the link's QR code as SVG and PNG; the
statistics roles and advisors cannot."""

from datetime import date

import pytest

from meldpunt.accounts.models import Municipality
from meldpunt.tally.models import Campaign, CampaignLink
from meldpunt.tally.services import link_create

pytestmark = pytest.mark.django_db
ADD = "/beheer/tally/campaign/add/"


def form(**extra):
    data = {
        "name": "Flyers voorjaar",
        "medium": "flyer",
        "municipalities": [Municipality.URK, Municipality.DRONTEN],
        "start": "2025-03-01",
        "end": "2025-04-15",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "links-0-label": "Bibliotheek Urk",
    }
    data.update(extra)
    return data


def test_an_administrator_adds_a_campaign_with_a_short_link(administrator, verified_client):
    client = verified_client(administrator)
    assert client.get(ADD).status_code == 200
    response = client.post(ADD, form())
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign = Campaign.objects.get()
    assert campaign.municipalities == [Municipality.URK, Municipality.DRONTEN]
    link = CampaignLink.objects.get()
    assert (link.campaign, link.label, len(link.code)) == (campaign, "Bibliotheek Urk", 10)
    page = client.get(f"/beheer/tally/campaign/{campaign.pk}/change/").content.decode()
    assert f"/c/{link.code}/" in page
    assert f"/beheer/tally/campaign/link/{link.pk}/qr.svg" in page


def test_the_end_may_not_lie_before_the_start(administrator, verified_client):
    response = verified_client(administrator).post(ADD, form(end="2025-02-01"))
    assert response.status_code == 200
    assert "Het einde ligt voor het begin." in response.content.decode()
    assert not Campaign.objects.exists()


@pytest.fixture
def link():
    campaign = Campaign.objects.create(
        name="Mupi", medium="mupi", start=date(2025, 5, 1), end=date(2025, 5, 31)
    )
    return link_create(campaign=campaign)


def test_the_qr_code_downloads_as_svg_and_png(administrator, verified_client, link):
    client = verified_client(administrator)
    svg = client.get(f"/beheer/tally/campaign/link/{link.pk}/qr.svg")
    png = client.get(f"/beheer/tally/campaign/link/{link.pk}/qr.png")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    assert client.get(f"/beheer/tally/campaign/link/{link.pk}/qr.gif").status_code == 404


@pytest.mark.parametrize("role_fixture", ["analyst", "municipality_viewer", "advisor"])
def test_other_roles_get_no_campaign_admin(role_fixture, request, verified_client, link):
    client = verified_client(request.getfixturevalue(role_fixture))
    for url in (ADD, f"/beheer/tally/campaign/link/{link.pk}/qr.svg"):
        assert client.get(url).status_code in (302, 403)
    assert client.post(ADD, form()).status_code in (302, 403)
    assert Campaign.objects.count() == 1
