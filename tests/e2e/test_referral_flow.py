"""An advisor refers a labour exploitation case to the labour inspectorate, keyboard only:
only the workplace and the summary, with spoken consent; prints the summary, downloads the
PDF, later records the feedback. A coordinator records the victim's consent, exports the
registration and reads every step in the audit log. axe-core on each new page."""

import io
import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from meldpunt.cases.models import CaseStatus
from meldpunt.referrals.models import Referral
from tests.e2e.conftest import ForeignRequests, axe_violations
from tests.referrals.conftest import (
    ADDRESS,
    COMPANY,
    REPORTER_PHONE,
    SUMMARY,
    VICTIM_NAME,
    labour_case_for,
    seed_partners,
)

pytestmark = pytest.mark.e2e
SHOTS = Path(os.environ.get("MELDPUNT_SCREENSHOTS", "var/screenshots"))


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"referrals-{name}.png"), full_page=True)


def tab_to(page: Page, target: Locator, limit: int = 250) -> None:
    """Press Tab until ``target`` has the focus: it must be reachable by keyboard."""
    for _ in range(limit):
        if target.evaluate("node => node === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"not reachable with Tab: {target}")


def activate(page: Page, target: Locator, key: str = "Enter") -> None:
    tab_to(page, target)
    page.keyboard.press(key)


def choose(page: Page, select: Locator, text: str) -> None:
    """Pick an option of a closed select by typing its first letters."""
    tab_to(page, select)
    page.keyboard.type(text)


def test_advisor_refers_with_the_keyboard_and_the_coordinator_exports(
    page: Page,
    live_server,
    transactional_db: None,
    advisor,
    coordinator,
    login_as,
    foreign_requests: ForeignRequests,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    seed_partners()
    case = labour_case_for(advisor)
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    base = live_server.url
    login_as(advisor)

    page.goto(f"{base}/medewerkers/zaken/{case.pk}/")
    activate(page, page.get_by_role("link", name="Partner opzoeken"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners")
    expect(page.get_by_role("heading", name="Nederlandse Arbeidsinspectie")).to_be_visible()
    expect(page.get_by_role("heading", name="Fier / CKM")).to_have_count(0)
    assert axe_violations(page) == []
    shot(page, "1-partners")
    activate(page, page.get_by_role("link", name="Terug naar de zaak"))

    activate(page, page.get_by_role("link", name="Doorverwijzen naar een partner"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Zaak {case.number} doorverwijzen")
    assert axe_violations(page) == []
    choose(page, page.get_by_label("Partner", exact=True), "Nederlandse A")
    tab_to(page, page.get_by_label("Reden van doorverwijzing"))
    page.keyboard.type("Arbeiders slapen op het terrein; graag inspectie.")
    for label in ("Adres: Kerkweg", "Bedrijf: Kwekerij", "Samenvatting: Zes arbeiders"):
        activate(page, page.get_by_label(label), key="Space")
    activate(page, page.get_by_label("Er is toestemming om te delen"), key="Space")
    choose(page, page.get_by_label("Toestemming gegeven door"), "het mogelijke")
    choose(page, page.get_by_label("Hoe is de toestemming gegeven?"), "mondeling")
    activate(page, page.get_by_role("button", name="Voorbeeld bekijken"))
    preview = page.locator("#voorbeeld")
    expect(preview).to_contain_text(COMPANY)
    expect(preview).to_contain_text(ADDRESS)
    expect(preview).to_contain_text(SUMMARY)
    expect(preview).to_contain_text("mondeling aan de telefoon")
    expect(preview).not_to_contain_text(VICTIM_NAME)
    expect(preview).not_to_contain_text(REPORTER_PHONE)
    assert axe_violations(page) == []
    shot(page, "2-preview")
    assert not Referral.objects.exists()
    activate(page, page.get_by_role("button", name="Doorverwijzing opslaan"))

    expect(page.get_by_text("is opgeslagen")).to_be_visible()
    referral = Referral.objects.get()
    assert referral.consent_how == "phone"
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRED
    assert axe_violations(page) == []
    shot(page, "3-referral")

    activate(page, page.get_by_role("link", name="Samenvatting voor de partner afdrukken"))
    summary = page.locator(".referral-summary")
    expect(summary).to_contain_text(referral.reference)
    expect(summary).to_contain_text(case.number)
    expect(summary).to_contain_text(COMPANY)
    expect(summary).not_to_contain_text(VICTIM_NAME)
    assert axe_violations(page) == []
    shot(page, "4-summary")
    with page.expect_download() as download_info:
        activate(page, page.get_by_role("link", name="Download als pdf"))
    pdf_path = tmp_path / "summary.pdf"
    download_info.value.save_as(pdf_path)
    text = " ".join(
        "".join(
            p.extract_text() for p in PdfReader(io.BytesIO(pdf_path.read_bytes())).pages
        ).split()
    )
    for shown in (case.number, referral.reference, COMPANY, ADDRESS, "Zes arbeiders slapen"):
        assert shown in text
    for hidden in (VICTIM_NAME, REPORTER_PHONE, "Pools"):
        assert hidden not in text

    activate(page, page.get_by_role("link", name="Terug naar de doorverwijzing"))
    tab_to(page, page.get_by_label("Terugkoppeling van de partner"))
    page.keyboard.type("Inspectie was ter plaatse; onderzoek loopt.")
    activate(page, page.get_by_role("button", name="Terugkoppeling opslaan"))
    expect(page.get_by_text("De terugkoppeling is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Inspectie was ter plaatse; onderzoek loopt.")).to_be_visible()
    assert axe_violations(page) == []

    page.context.clear_cookies()
    login_as(coordinator)
    page.goto(f"{base}/medewerkers/zaken/{case.pk}/")
    activate(page, page.get_by_role("link", name="Toestemming en registratie vastleggen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Registratie mogelijk slachtoffer")
    assert axe_violations(page) == []
    choose(page, page.get_by_label("Toestemming gegeven door"), "het mogelijke")
    choose(page, page.get_by_label("Hoe is de toestemming gegeven?"), "schriftelijk")
    choose(page, page.get_by_label("Sector"), "land")
    activate(page, page.get_by_role("button", name="Registratie opslaan"))
    expect(page.get_by_text("De registratie is opgeslagen.")).to_be_visible()

    activate(page, page.get_by_role("link", name="Registratie slachtoffers"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("exporteren")
    assert axe_violations(page) == []
    shot(page, "5-export")
    # The period is this month up to today unless changed.
    choose(page, page.get_by_label("Bestandsformaat"), "JSON")
    with page.expect_download() as download_info:
        activate(page, page.get_by_role("button", name="Exporteren"))
    export_path = tmp_path / "export.json"
    download_info.value.save_as(export_path)
    records = json.loads(export_path.read_text())["records"]
    assert [(r["case_number"], r["sector"], r["name"]) for r in records] == [
        (case.number, "agriculture", "")
    ]

    page.goto(f"{base}/medewerkers/zaken/audit/?case_number={case.number}")
    table = page.locator("table.audit-table")
    for step in [
        "doorverwijzing gemaakt",
        "naar: doorverwezen",
        "samenvatting doorverwijzing afgedrukt",
        "samenvatting doorverwijzing gedownload (pdf)",
        "terugkoppeling partner vastgelegd",
        "registratie mogelijk slachtoffer vastgelegd",
    ]:
        expect(table.get_by_text(step).first).to_be_visible()
    expect(table).not_to_contain_text("Kwekerij")
    page.goto(f"{base}/medewerkers/zaken/audit/")
    expect(
        page.locator("table.audit-table").get_by_text(
            "registraties mogelijke slachtoffers geëxporteerd"
        )
    ).to_be_visible()
    assert csp_errors == []
    assert foreign_requests == []
