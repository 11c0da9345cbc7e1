"""An advisor works a case from the inbox through its assessment's conclusion to a close
request with an open task; a coordinator approves it and reads every step in the audit log,
or refuses a request with a reason the advisor reads. Real browser (Debian's Chromium),
axe-core on each page."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from meldpunt.cases.models import Case, CaseKind, CaseStatus, Channel, Urgency
from meldpunt.cases.services import case_close, case_create, contact_add
from tests.conftest import verify_session
from tests.e2e.conftest import ForeignRequests, axe_violations, shot

pytestmark = pytest.mark.e2e
SUMMARY = "Beller ziet elke nacht een busje met arbeiders bij de loods."
CONCLUSION = "Arbeiders slapen in de kapsalon; het meldpunt neemt het over."
TASK = "Arbeidsinspectie bellen over het busje"
REFUSAL = "Eerst de arbeidsinspectie terugbellen over het busje."


def test_advisor_moves_a_case_to_closed_and_the_coordinator_sees_each_step(
    page: Page,
    live_server,
    transactional_db: None,
    advisor,
    coordinator,
    login_as,
    foreign_requests: ForeignRequests,
) -> None:  # type: ignore[no-untyped-def]
    """Inbox → case page → take it → assessment → its conclusion → in progress → a task →
    close request confirmed over the open task → approval."""
    case = case_create(by=advisor, kind=CaseKind.REPORT, urgency=Urgency.HIGH)
    contact_add(case=case, by=advisor, channel=Channel.PHONE, summary=SUMMARY)
    today = timezone.localdate()
    late = case_create(by=advisor, kind=CaseKind.REPORT, urgency=Urgency.ACUTE)
    Case.objects.filter(pk=late.pk).update(assessment_due=today - timedelta(days=2))
    soon = case_create(by=advisor, kind=CaseKind.REPORT)
    Case.objects.filter(pk=soon.pk).update(assessment_due=today)
    web = case_create(by=None, assigned_to=advisor)
    contact_add(case=web, by=None, channel=Channel.WEB_REPORT, summary="via het formulier")
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    base = live_server.url
    login_as(advisor)

    page.goto(base + "/medewerkers/zaken/")
    overdue_row = page.locator("#overdue tr.case-row--overdue")
    expect(overdue_row).to_contain_text(late.number)
    expect(overdue_row).to_contain_text("Te laat")
    expect(page.locator("#attention")).to_contain_text("nieuw bericht")
    expect(page.locator("#due_soon")).to_contain_text(soon.number)
    unassigned = page.locator("#unassigned")
    expect(unassigned.get_by_role("link", name=case.number)).to_be_visible()
    assert axe_violations(page) == []
    shot(page, "cases-1-inbox")
    page.set_viewport_size({"width": 390, "height": 844})
    assert axe_violations(page) == []
    shot(page, "cases-1-inbox-phone")
    page.set_viewport_size({"width": 1280, "height": 720})

    unassigned.get_by_role("link", name=case.number).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Zaak {case.number}")
    expect(page.locator("#contacts-title + .case-card").get_by_text(SUMMARY)).to_be_visible()
    assert axe_violations(page) == []
    shot(page, "cases-2-case")
    # Each step starts from a fresh page. (Empty style attributes, which htmx would copy and CSP
    # refuse, came from the screenshots hiding the caret, not from axe: shot() keeps the caret.)
    page.reload()

    page.get_by_role("button", name="Zelf oppakken").click()
    expect(page.get_by_text("U bent nu behandelaar van deze zaak.")).to_be_visible()
    expect(page.locator(".staff-messages")).to_be_focused()
    page.get_by_role("button", name="Beoordeling starten").click()
    expect(page.get_by_text("De beoordeling is gestart.")).to_be_visible()
    page.get_by_role("button", name="In behandeling nemen").click()
    expect(page.get_by_text("Leg eerst de conclusie van de beoordeling vast.")).to_be_visible()
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSMENT
    page.get_by_role("button", name="Conclusie opslaan").click()
    expect(page.get_by_text("Kies een conclusie.")).to_be_visible()
    expect(page.get_by_text("Schrijf kort op waarom.")).to_be_visible()
    assert axe_violations(page) == []
    shot(page, "cases-3-conclusion-errors")
    page.reload()
    page.get_by_label("Conclusie van de beoordeling").select_option(label="melding aangenomen")
    page.get_by_label("Korte toelichting").fill(CONCLUSION)
    page.get_by_role("button", name="Conclusie opslaan").click()
    expect(page.get_by_text("De conclusie van de beoordeling is opgeslagen.")).to_be_visible()
    facts = page.get_by_role("region", name="Gegevens")
    expect(facts).to_contain_text("Conclusie beoordeling")
    expect(facts).to_contain_text("melding aangenomen")
    expect(facts).to_contain_text(CONCLUSION)
    history = page.locator(".case-history")
    expect(history).to_contain_text(
        "conclusie beoordeling vastgelegd – conclusie: melding aangenomen"
    )
    assert axe_violations(page) == []
    shot(page, "cases-3-conclusion")
    page.reload()
    page.get_by_role("button", name="In behandeling nemen").click()
    expect(page.get_by_text("De zaak is in behandeling.")).to_be_visible()

    page.get_by_text("Taak toevoegen", exact=True).click()
    page.get_by_label("Taak", exact=True).fill(TASK)
    page.get_by_label("Uiterlijk op").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Taak opslaan").click()
    expect(
        page.get_by_text("Deze datum is al voorbij. Kies vandaag of een latere dag.")
    ).to_be_visible()
    expect(page.get_by_label("Taak", exact=True)).to_have_value(TASK)
    page.get_by_label("Uiterlijk op").fill(today.isoformat())
    page.get_by_role("button", name="Taak opslaan").click()
    expect(page.get_by_text("De taak is opgeslagen.")).to_be_visible()
    page.reload()

    page.get_by_text("Sluiten aanvragen", exact=True).first.click()
    page.get_by_role("button", name="Sluiten aanvragen").click()
    expect(page.get_by_text("Kies een reden om te sluiten.")).to_be_visible()
    expect(page.get_by_label("Reden van sluiten")).to_be_focused()
    assert axe_violations(page) == []
    shot(page, "cases-4-close-errors")
    page.reload()
    page.get_by_text("Sluiten aanvragen", exact=True).first.click()
    warning = page.locator(".case-open-tasks")
    expect(warning).to_contain_text("Let op: er staat nog 1 taak open.")
    expect(warning).to_contain_text(TASK)
    page.get_by_label("Reden van sluiten").select_option("advice_given")
    page.get_by_label("Uitkomst").select_option("not_confirmed")
    page.get_by_role("button", name="Sluiten aanvragen").click()
    # The field's error, which only the answer to the request holds: the warning above it
    # says "Let op: er staat nog 1 taak open." on the page before the request too.
    expect(page.get_by_text("Er staat nog 1 taak open. Vink die eerst af")).to_be_visible()
    case.refresh_from_db()
    assert case.close_requested_at is None
    assert axe_violations(page) == []
    shot(page, "cases-4-close-open-tasks")
    page.reload()
    page.get_by_text("Sluiten aanvragen", exact=True).first.click()
    page.get_by_label("Reden van sluiten").select_option("advice_given")
    page.get_by_label("Uitkomst").select_option("not_confirmed")
    page.get_by_label("Ik weet dat er nog taken open staan en wil de zaak toch sluiten").check()
    page.get_by_role("button", name="Sluiten aanvragen").click()
    expect(page.get_by_text("Uw verzoek om te sluiten wacht op een coördinator.")).to_be_visible()
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.close_requested_by == advisor

    page.context.clear_cookies()
    login_as(coordinator)
    page.goto(base + "/medewerkers/zaken/")
    requests = page.locator("#close_requests")
    expect(requests).to_contain_text("sluiten aangevraagd")
    assert axe_violations(page) == []
    requests.get_by_role("link", name=case.number).click()
    page.get_by_role("button", name="Sluiten goedkeuren").click()
    expect(page.get_by_text("De zaak is gesloten.")).to_be_visible()
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED

    page.goto(base + "/medewerkers/zaken/audit/?case_number=" + case.number)
    table = page.locator("table.audit-table")
    for step in [
        "zaak aangemaakt",
        "contact toegevoegd",
        "zaak bekeken",
        "behandelaar gewijzigd",
        "naar: beoordeling",
        "conclusie: melding aangenomen",
        "naar: in behandeling",
        "open taken: 1",
        "sluiten aangevraagd",
        "naar: gesloten",
        "zaak gesloten",
    ]:
        expect(table.get_by_text(step).first).to_be_visible()
    expect(table).not_to_contain_text("loods")
    expect(table).not_to_contain_text("kapsalon")
    assert axe_violations(page) == []
    shot(page, "cases-5-audit")

    page.goto(base + "/medewerkers/zaken/team/")
    assert axe_violations(page) == []
    shot(page, "cases-6-workload")
    assert csp_errors == []
    assert foreign_requests == []


def test_without_javascript_the_forms_work_as_plain_posts(
    browser, live_server, transactional_db: None, advisor
) -> None:  # type: ignore[no-untyped-def]
    """With JavaScript off, buttons post and redirect; a bad close keeps the typed note."""
    case = case_create(by=advisor, kind=CaseKind.REPORT)
    client = Client()
    verify_session(client, advisor)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/medewerkers/zaken/{case.pk}/")
    page.get_by_role("button", name="Beoordeling starten").click()
    expect(page.get_by_text("De beoordeling is gestart.")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/medewerkers/zaken/{case.pk}/")
    page.get_by_text("Sluiten aanvragen", exact=True).first.click()
    page.get_by_label("Toelichting (mag leeg blijven)").fill("Melder wil geen hulp")
    page.get_by_role("button", name="Sluiten aanvragen").click()
    expect(page.get_by_text("Kies een reden om te sluiten.")).to_be_visible()
    expect(page.get_by_label("Toelichting (mag leeg blijven)")).to_have_value(
        "Melder wil geen hulp"
    )
    context.close()
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSMENT


def test_a_coordinator_refuses_a_close_request_with_a_reason_the_advisor_reads(
    page: Page,
    live_server,
    transactional_db: None,
    advisor,
    coordinator,
    login_as,
    foreign_requests: ForeignRequests,
) -> None:  # type: ignore[no-untyped-def]
    """No reason: the refusal is explained and the request stays; with one, the advisor's
    case page says who refused, when and why."""
    case = case_create(by=advisor, assigned_to=advisor)
    contact_add(case=case, by=advisor, channel=Channel.PHONE, summary=SUMMARY)
    case_close(case=case, by=advisor, reason="advice_given", outcome="unclear")
    base = live_server.url
    login_as(coordinator)
    page.goto(f"{base}/medewerkers/zaken/{case.pk}/")
    page.get_by_role("button", name="Afwijzen, zaak blijft open").click()
    expect(page.get_by_text("Schrijf op waarom u het verzoek afwijst.")).to_be_visible()
    case.refresh_from_db()
    assert case.close_requested_at is not None
    assert axe_violations(page) == []
    shot(page, "cases-7-refuse-errors")
    page.reload()
    page.get_by_label("Waarom wijst u het verzoek af?").fill(REFUSAL)
    page.get_by_role("button", name="Afwijzen, zaak blijft open").click()
    expect(
        page.get_by_text("Het verzoek om te sluiten is afgewezen. De zaak blijft open.")
    ).to_be_visible()

    page.context.clear_cookies()
    login_as(advisor)
    page.goto(f"{base}/medewerkers/zaken/{case.pk}/")
    refusal = page.locator(".case-alert--request")
    expect(refusal).to_contain_text("wees op")
    expect(refusal).to_contain_text("het verzoek om te sluiten af")
    expect(refusal).to_contain_text(REFUSAL)
    expect(page.locator(".case-history")).to_contain_text("verzoek om te sluiten afgewezen")
    expect(page.get_by_label("Waarom wijst u het verzoek af?")).to_have_count(0)
    assert axe_violations(page) == []
    shot(page, "cases-8-refused")
    assert foreign_requests == []
