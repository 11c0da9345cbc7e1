"""In a real browser: the Kamperstraat scenario of issue 13. Search finds the web report
and the call by two spellings of the plate and of the phone number, and the call's case
page lists the report once, with the kinds and values that matched."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from meldpunt.cases.models import Channel
from tests.e2e.conftest import axe_violations
from tests.triage.factories import at, case_with_contact

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REPORT = (
    "Bij de Kamperstraat worden arbeiders opgehaald met busje vt123b; de chauffeur belt met "
    "+31 6 1234 5678."
)
CALL = "Beller ziet arbeiders instappen in busje VT-123-B. Telefoon chauffeur: 06 12345678."


def test_search_by_two_spellings_and_one_related_row(
    page, live_server, login_as, advisor, foreign_requests
) -> None:
    """Both spellings list both cases; the case page shows one row "kenteken, telefoonnummer"."""
    report, _ = case_with_contact(
        by=advisor, channel=Channel.WEB_REPORT, started_at=at(10), summary=REPORT
    )
    call, _ = case_with_contact(by=advisor, started_at=at(11), summary=CALL)
    login_as(advisor)
    page.goto(live_server.url + reverse("search:cases"))
    results = page.locator(".search-results")
    for spelling in ("vt 123 b", "0612345678"):
        page.get_by_label("Zaaknummer of woorden").fill(spelling)
        page.get_by_role("button", name="Zoeken").click()
        expect(page.locator("#search-results-title")).to_have_text("2 zaken gevonden")
        expect(results).to_contain_text(report.number)
        expect(results).to_contain_text(call.number)
    assert axe_violations(page) == []

    results.get_by_role("link", name=call.number).click()
    rows = page.locator(".linking-panel .linking-relation")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text(report.number)
    expect(rows).to_contain_text("zelfde kenteken, telefoonnummer")
    expect(rows).to_contain_text("+31612345678, VT123B")
    violations = [v for v in axe_violations(page) if any("linking" in str(n) for n in v["nodes"])]
    assert violations == []
    assert foreign_requests == []
