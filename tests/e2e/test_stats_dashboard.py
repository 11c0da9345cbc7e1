"""In a real browser: a municipality viewer for Urk lands on Urk's figures with small
numbers hidden, downloads the XLSX and opens it, and cannot reach a case; an analyst
filters by municipality and channel with the plain form (no JavaScript needed), follows a
figure to its definition, and prints the page."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from meldpunt.accounts.models import Municipality, Role
from meldpunt.cases.models import Area, HowHeard
from meldpunt.tally.models import Campaign
from meldpunt.tally.services import link_create
from tests.conftest import make_staff
from tests.e2e.conftest import axe_violations
from tests.stats.factories import at, make_contacts

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

YEAR = 2025


@pytest.fixture
def figures() -> None:
    make_contacts(9, when=at(YEAR, 2), municipality=Area.URK, how_heard=HowHeard.FLYER)
    make_contacts(2, when=at(YEAR, 5), channel="chat", municipality=Area.URK)
    make_contacts(7, when=at(YEAR, 5), channel="web_report", municipality=Area.ALMERE)


def test_urk_viewer_sees_urk_only_with_small_numbers_hidden(
    page, live_server, login_as, figures, foreign_requests
) -> None:
    viewer = make_staff("ursula", Role.MUNICIPALITY, municipality=Municipality.URK)
    login_as(viewer)
    page.goto(live_server.url + reverse("accounts:home"))
    expect(page).to_have_url(live_server.url + reverse("stats:dashboard"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cijfers van Urk")
    page.get_by_label("Jaar", exact=True).select_option(str(YEAR))
    page.get_by_role("button", name="Toon cijfers").click()
    channel = page.locator("#channel-title").locator("xpath=..")
    expect(channel.get_by_role("table")).to_contain_text("<5")
    expect(page.get_by_label("Gemeente", exact=True)).to_have_count(0)
    expect(page.get_by_role("heading", name="Contacten per gemeente")).to_have_count(0)
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    rows = [[cell.value for cell in row] for row in workbook.worksheets[0].iter_rows()]
    # The second quarter's "<5" total hides its zeros too (meldpunt/stats/suppression.py).
    assert ["kwartaal 2", "<5", "<5", "<5", "<5", "<5"] in rows
    for name in ("cases:inbox", "search:cases"):
        response = page.goto(live_server.url + reverse(name))
        assert response is not None and response.status == 403
    assert foreign_requests == []


def test_analyst_filters_follows_a_definition_and_prints(
    page, live_server, login_as, analyst, figures
) -> None:
    login_as(analyst)
    page.goto(live_server.url + reverse("stats:dashboard"))
    page.get_by_label("Jaar", exact=True).select_option(str(YEAR))
    page.get_by_label("Gemeente", exact=True).select_option(label="Almere")
    page.get_by_label("Kanaal", exact=True).select_option(label="webformulier")
    page.get_by_role("button", name="Toon cijfers").click()
    totals = page.locator("#channel-title").locator("xpath=..").locator("tfoot")
    expect(totals).to_contain_text("7")
    expect(page.locator("#channel-summary")).to_contain_text("Totaal: 7.")
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    expect(page.locator(".stats-filter")).to_be_hidden()
    expect(page.locator("#channel-title")).to_be_visible()
    page.emulate_media(media="screen")
    page.locator("#how-heard-summary").get_by_role("link", name="Wat telt hier mee?").click()
    expect(page.locator("#how-heard")).to_be_in_viewport()
    assert axe_violations(page) == []


def test_a_flyer_qr_visit_lands_on_home_and_the_analyst_sees_it_against_the_period(
    page, live_server, login_as, analyst, figures
) -> None:
    """A visitor scans the flyer's QR code: home page, no parameter, no cookie. The analyst
    sees the flyer campaign's arrival beside the flyer answers and the period on the chart."""
    campaign = Campaign.objects.create(
        name="Flyers Urk",
        medium="flyer",
        municipalities=[Municipality.URK],
        start=date(YEAR, 2, 1),
        end=date(YEAR, 2, 28),
    )
    link = link_create(campaign=campaign)
    response = page.goto(f"{live_server.url}/c/{link.code}/")
    assert response is not None and response.ok
    assert page.url == live_server.url + "/"
    assert page.context.cookies() == []
    login_as(analyst)
    page.goto(live_server.url + reverse("stats:dashboard") + f"?jaar={YEAR}&per=month")
    row = page.locator("#campaigns-title").locator("xpath=..").get_by_role("row").nth(1)
    expect(row).to_contain_text("Flyers Urk")
    cells = row.get_by_role("cell")
    expect(cells.nth(0)).to_have_text("1")  # arrivals through the link (this year's day)
    expect(cells.nth(1)).to_have_text("9")  # contacts in Urk in February
    chart = page.locator("#how-heard-time-title").locator("xpath=..").locator("svg.stats-chart")
    expect(chart.locator("title")).to_have_text(["Flyers Urk (flyer)"])
    expect(page.locator("#how-heard-time-summary")).to_contain_text("Flyers Urk")
    assert axe_violations(page) == []


def test_the_public_annual_figures_show_last_year(page, live_server, figures) -> None:
    """Anyone finds last year's figures from the footer, small numbers hidden, and
    downloads them as CSV; the page is axe-clean."""
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Cijfers").click()
    page.get_by_label("Jaar", exact=True).select_option(str(YEAR))
    page.get_by_role("button", name="Toon cijfers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Cijfers over {YEAR}")
    table = page.locator("#channel-title").locator("xpath=..").get_by_role("table")
    expect(table).to_contain_text("<5")
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Deze cijfers downloaden (CSV, voor Excel)").click()
    assert "<5" in download.value.path().read_text(encoding="utf-8")
