"""A coordinator puts a case on legal hold from the case page, then answers a person's
request: finds every case that mentions their phone number, opens the printable page,
downloads the PDF and erases the case that is not held. axe-core on each new page."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from meldpunt.privacy.models import LegalHold, PurgedCase
from tests.e2e.conftest import axe_violations
from tests.privacy.conftest import NAME, person_case

pytestmark = pytest.mark.e2e


def test_coordinator_holds_a_case_and_answers_an_access_and_erasure_request(
    page: Page,
    live_server,
    transactional_db: None,
    advisor,
    coordinator,
    login_as,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    held = person_case(advisor=advisor, coordinator=coordinator)
    erased = person_case(advisor=advisor, coordinator=coordinator)
    base = live_server.url
    login_as(coordinator)

    page.goto(f"{base}/medewerkers/zaken/{held.pk}/", timeout=60_000)
    page.get_by_text("Bewaarplicht plaatsen", exact=True).first.click()
    page.get_by_label("Reden").fill("Strafrechtelijk onderzoek")
    page.get_by_role("button", name="Bewaarplicht plaatsen").click()
    expect(page.get_by_text("Strafrechtelijk onderzoek")).to_be_visible()
    assert LegalHold.objects.filter(case=held).exists()
    assert axe_violations(page) == []

    page.get_by_role("link", name="AVG-verzoek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzoek om inzage of verwijdering")
    assert axe_violations(page) == []
    page.get_by_label("Telefoonnummer").fill("+31 6 1234 5678")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="2 zaken gevonden")).to_be_visible()
    expect(page.get_by_text("kan niet worden gewist")).to_be_visible()
    assert axe_violations(page) == []

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download als pdf").click()
    pdf_path = tmp_path / "inzage.pdf"
    download_info.value.save_as(pdf_path)
    text = "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert held.number in text and erased.number in text and NAME in text

    page.get_by_role("button", name="Afdrukbare pagina voor inzage").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inzageverzoek: gegevens per zaak")
    expect(page.get_by_text("Kerkweg 12").first).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Terug naar het verzoek").click()
    page.get_by_label("Telefoonnummer").fill("0612345678")
    page.get_by_role("button", name="Zoeken").click()

    page.get_by_text("Inhoud van deze zaak wissen").click()
    page.get_by_label("Reden").fill("Verzoek van betrokkene per brief")
    page.get_by_role("button", name=f"Zaak {erased.number} wissen").click()
    expect(page.get_by_text(f"De inhoud van zaak {erased.number} is gewist.")).to_be_visible()
    expect(page.get_by_role("heading", name="1 zaak gevonden")).to_be_visible()
    assert axe_violations(page) == []
    assert list(PurgedCase.objects.values_list("case_id", flat=True)) == [erased.pk]
