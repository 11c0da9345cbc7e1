"""In a real browser: the triage and related-cases panels on the case page, and signals."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from meldpunt.cases.models import Channel
from meldpunt.triage.models import TriageDecision
from tests.e2e.conftest import SHOTS, axe_violations, shot
from tests.triage.factories import at, case_with_contact

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CALL = (
    "Beller ziet mannen om 5 uur opgehaald worden met busje VGT-42-J. Ze werken zeven dagen "
    "per week in de kassen, de baas heeft hun paspoort afgepakt en ze krijgen contant betaald."
)


def test_advisor_accepts_a_signal_on_the_case_page(
    page, live_server, login_as, advisor, foreign_requests
) -> None:
    """The panel highlights words; "Overnemen" keeps the decision without a page load."""
    report, _ = case_with_contact(
        by=advisor, channel=Channel.WEB_REPORT, started_at=at(10), summary="Busje vgt42j gezien."
    )
    call, _ = case_with_contact(by=advisor, started_at=at(11), summary=CALL)
    login_as(advisor)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + reverse("cases:detail", args=[call.pk]))

    panel = page.locator(".triage-panel")
    expect(panel.locator("mark", has_text="paspoort")).to_be_visible()
    expect(panel).to_contain_text("Arbeidsuitbuiting")
    expect(page.locator(".linking-panel")).to_contain_text(report.number)
    if SHOTS:
        page.locator(".triage-panel").screenshot(path=f"{SHOTS}/triage-panel.png", caret="initial")
        page.locator(".linking-panel").screenshot(
            path=f"{SHOTS}/related-cases.png", caret="initial"
        )

    item = panel.locator('li[data-indicator="gen.documents_retained"]')
    item.get_by_role("button", name="Overnemen").click()
    expect(item).to_contain_text("Overgenomen")
    assert TriageDecision.objects.get().item == "gen.documents_retained"

    violations = [
        v
        for v in axe_violations(page)
        if any("triage" in str(n) or "linking" in str(n) for n in v["nodes"])
    ]
    assert violations == []
    assert errors == []
    assert foreign_requests == []


def test_coordinator_sees_the_signals_page(
    page, live_server, login_as, advisor, coordinator
) -> None:
    """The signals page lists the shared plate by kind and passes axe."""
    case_with_contact(
        by=advisor, channel=Channel.WEB_REPORT, started_at=at(10), summary="Busje vgt42j."
    )
    case_with_contact(by=advisor, started_at=at(11), summary=CALL)
    login_as(coordinator)
    page.goto(live_server.url + reverse("linking:signals"))
    expect(page.locator("table")).to_contain_text("Kenteken")
    shot(page, "signals")
    assert axe_violations(page) == []
