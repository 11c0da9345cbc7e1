"""The issue's "done means", tried as a new user would, in one story.

An advisor refers a labour exploitation case to the labour inspectorate, keyboard only:
only the workplace and the summary, with spoken consent; prints the summary, downloads the
PDF, later records the feedback. A coordinator records the victim's consent, exports the
registration and reads every step in the audit log. Years later the coordinator runs the
purge, first as a dry run: the dashboard's figures stay the same, the case's content is
gone from a real pg_dump of the database, and a case on legal hold is still there. Then
the coordinator finds every case that mentions the reporter's phone number and exports
them for an access request. axe-core on each new page.
"""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from meldpunt.cases.models import (
    Case,
    CaseSearchToken,
    CaseStatus,
    Channel,
    ClosingReason,
    Outcome,
    Person,
)
from meldpunt.cases.services import case_close, contact_add
from meldpunt.linking.models import EntityHash
from meldpunt.privacy.models import PurgedCase
from meldpunt.privacy.services import hold_place
from meldpunt.referrals.models import Referral
from tests.e2e.conftest import ForeignRequests, axe_violations, shot
from tests.privacy.conftest import (
    Clock,
    dashboard_figures,
    database_text,
    person_case,
    raw_rows,
)
from tests.referrals.conftest import (
    ADDRESS,
    COMPANY,
    REPORTER_PHONE,
    SUMMARY,
    VICTIM_NAME,
    labour_case_for,
    seed_partners,
)
from tests.skips import skip_missing_service

pytestmark = pytest.mark.e2e
REASON = "Arbeiders slapen op het terrein; graag inspectie."
FEEDBACK = "Inspectie was ter plaatse; onderzoek loopt."
EMAIL = "els.melder@voorbeeld.nl"


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


def pg_dump() -> str | None:
    """A real dump of the test database by ``pg_dump``, as text; None without either."""
    if connection.vendor != "postgresql" or shutil.which("pg_dump") is None:
        return None
    settings = connection.settings_dict
    command = [
        "pg_dump", "--data-only", "--no-owner",
        "--host", settings["HOST"] or "localhost", "--port", str(settings["PORT"] or 5432),
        "--username", settings["USER"], settings["NAME"],
    ]  # fmt: skip
    env = {**os.environ, "PGPASSWORD": settings["PASSWORD"] or ""}
    # The command and its arguments come from the test's own database settings.
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    return done.stdout


def traces_of(case: Case) -> set[str]:
    """What of ``case`` a dump could show and no other case shares: the blind index's entity
    hashes and search tokens, and the ciphertexts of what was typed."""
    others = Case.objects.exclude(pk=case.pk)
    hashes = set(EntityHash.objects.filter(case=case).values_list("digest", flat=True))
    hashes -= set(EntityHash.objects.filter(case__in=others).values_list("digest", flat=True))
    tokens = set(CaseSearchToken.objects.filter(case=case).values_list("token", flat=True))
    tokens -= set(CaseSearchToken.objects.filter(case__in=others).values_list("token", flat=True))
    referral = raw_rows("referrals_referral", case_id=case.pk)[0]
    ciphertexts = {referral["reason"], referral["feedback"]}
    ciphertexts |= {row["summary"] for row in raw_rows("cases_contact", case_id=case.pk)}
    assert hashes and tokens and all(ciphertexts)
    return hashes | tokens | ciphertexts


def test_done_means_refer_print_feedback_export_purge_and_access_request(
    page: Page,
    live_server,
    transactional_db: None,
    advisor,
    coordinator,
    login_as,
    foreign_requests: ForeignRequests,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
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

    # The first page loads the case page's models: slow on a busy machine.
    page.goto(f"{base}/medewerkers/zaken/{case.pk}/", timeout=60_000)
    activate(page, page.get_by_role("link", name="Partner opzoeken"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Partners")
    expect(page.get_by_role("heading", name="Nederlandse Arbeidsinspectie")).to_be_visible()
    expect(page.get_by_role("heading", name="Fier / CKM")).to_have_count(0)
    assert axe_violations(page) == []
    shot(page, "referrals-1-partners")
    activate(page, page.get_by_role("link", name="Terug naar de zaak"))

    activate(page, page.get_by_role("link", name="Doorverwijzen naar een partner"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Zaak {case.number} doorverwijzen")
    assert axe_violations(page) == []
    choose(page, page.get_by_label("Partner", exact=True), "Nederlandse A")
    tab_to(page, page.get_by_label("Reden van doorverwijzing"))
    page.keyboard.type(REASON)
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
    shot(page, "referrals-2-preview")
    assert not Referral.objects.exists()
    activate(page, page.get_by_role("button", name="Doorverwijzing opslaan"))

    expect(page.get_by_text("is opgeslagen")).to_be_visible()
    referral = Referral.objects.get()
    assert referral.consent_how == "phone"
    case.refresh_from_db()
    assert case.status == CaseStatus.REFERRED
    assert axe_violations(page) == []
    shot(page, "referrals-3-referral")

    activate(page, page.get_by_role("link", name="Samenvatting voor de partner afdrukken"))
    summary = page.locator(".referral-summary")
    expect(summary).to_contain_text(referral.reference)
    expect(summary).to_contain_text(case.number)
    expect(summary).to_contain_text(COMPANY)
    expect(summary).not_to_contain_text(VICTIM_NAME)
    assert axe_violations(page) == []
    shot(page, "referrals-4-summary")
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
    page.keyboard.type(FEEDBACK)
    activate(page, page.get_by_role("button", name="Terugkoppeling opslaan"))
    expect(page.get_by_text("De terugkoppeling is opgeslagen.")).to_be_visible()
    expect(page.get_by_text(FEEDBACK)).to_be_visible()
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
    shot(page, "referrals-5-export")
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

    # Time passes. The reporter calls once more, now with an e-mail address of their own;
    # the case is closed. Another case with the same phone number is on legal hold, a
    # third is still open.
    contact_add(
        case=case, by=advisor, channel=Channel.PHONE, summary=f"Melder mailt voortaan: {EMAIL}"
    )
    held = person_case(advisor=advisor, coordinator=coordinator)
    hold_place(case=held, by=coordinator, reason="Strafrechtelijk onderzoek")
    still_open = person_case(advisor=advisor, coordinator=coordinator, close=False)
    case_close(
        case=case,
        by=coordinator,
        reason=ClosingReason.REFERRED,
        outcome=Outcome.UNCLEAR,
        confirm_open_tasks=True,  # the follow-up task for the feedback
    )
    year = timezone.localtime(case.created_at).year
    figures = dashboard_figures(year)
    traces = traces_of(case)
    typed = (REASON, FEEDBACK, EMAIL, COMPANY, VICTIM_NAME, SUMMARY)
    dump = pg_dump()
    if dump is not None:  # the check below is not empty: the dump holds them now
        assert all(trace in dump for trace in traces)
    clock = Clock(monkeypatch)
    clock.at = timezone.now()
    clock.forward(days=5 * 365 + 1)

    dry_run = io.StringIO()
    call_command("purge", "--dry-run", stdout=dry_run)
    assert "gesloten meldingen: 1" in dry_run.getvalue()
    assert "gesloten adviezen: 0" in dry_run.getvalue()  # the held one
    assert not PurgedCase.objects.exists()
    purge_out = io.StringIO()
    call_command("purge", stdout=purge_out)
    assert "gesloten meldingen: 1 removed" in purge_out.getvalue()

    assert list(PurgedCase.objects.values_list("case_id", flat=True)) == [case.pk]
    assert dashboard_figures(year) == figures
    assert Person.objects.filter(case=held).exists()
    dump = pg_dump()
    text = dump if dump is not None else " ".join(database_text())
    for leftover in (*typed, *traces):
        assert leftover not in text

    # Years later is a new working day: the coordinator logs in again.
    page.context.clear_cookies()
    login_as(coordinator)
    page.goto(f"{base}/medewerkers/zaken/audit/")
    expect(
        page.locator("table.audit-table").get_by_text("opgeschoond na de bewaartermijn").first
    ).to_be_visible()
    page.goto(f"{base}/medewerkers/privacy/verzoek/")
    page.get_by_label("Telefoonnummer").fill(REPORTER_PHONE)
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name="2 zaken gevonden")).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text(case.number)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download als pdf").click()
    access_path = tmp_path / "inzage.pdf"
    download_info.value.save_as(access_path)
    access = "".join(p.extract_text() for p in PdfReader(access_path).pages)
    assert held.number in access and still_open.number in access
    assert case.number not in access
    assert csp_errors == []
    assert foreign_requests == []
    if dump is None:
        skip_missing_service("PostgreSQL with pg_dump", "the check on a real database dump")
