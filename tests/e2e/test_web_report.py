"""The web report as a new reporter uses it, in Chromium with and without JavaScript.

A report with a photo is sent, the code is read off the page, an advisor replies, the
reporter opens the mailbox with the code, reads the reply and answers; the advisor side
holds the answer. After closing the mailbox, Back shows nothing of it.

A report about a 16-year-old in sexual exploitation, sent as a melding, lands at the top
of the advisor's inbox as an urgent melding, and its page says why.
"""

from collections.abc import Iterator

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect

from meldpunt.cases.models import Case, CaseKind, Channel, Urgency
from meldpunt.cases.services import case_create, contact_add
from meldpunt.reports.models import Attachment, MailboxMessage, MailboxSender
from meldpunt.reports.selectors import case_mailboxes
from meldpunt.reports.services import mailbox_reply
from tests.e2e.conftest import axe_violations
from tests.reports.conftest import jpeg_with_gps

pytestmark = pytest.mark.e2e


@pytest.fixture(params=[True, False], ids=["with-js", "without-js"])
def reporter_page(request, browser: Browser, live_server) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context: BrowserContext = browser.new_context(
        locale="nl-NL", timezone_id="Europe/Amsterdam", java_script_enabled=request.param
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def assert_accessible(page: Page) -> None:
    """axe-core on the page; skipped where JavaScript is off, because axe itself needs it
    (the same server-rendered pages are checked in the run with JavaScript)."""
    if not page.evaluate("() => document.documentElement.classList.contains('js')"):
        return
    violations = axe_violations(page)
    assert violations == [], (page.url, violations)


def next_step(page: Page) -> None:
    page.get_by_role("button", name="Volgende").click()


def test_report_with_photo_then_reply_and_answer_in_mailbox(
    reporter_page: Page,
    live_server,
    transactional_db,
    advisor,  # type: ignore[no-untyped-def]
) -> None:
    page = reporter_page
    page.goto(live_server.url + "/melden/")
    expect(page.get_by_text("In acuut gevaar? Bel 112.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Begin met de melding").click()

    page.get_by_label("Ik woon in de buurt of ik zag of hoorde iets").check()
    assert_accessible(page)
    next_step(page)

    next_step(page)  # nothing typed: the error appears at the field
    expect(page.locator("#id_description_error")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Wat is er aan de hand?").fill("Mannen werken 14 uur per dag in de kas.")
    page.get_by_label("Ik weet het niet").check()
    page.get_by_label("Ik wil advies", exact=False).check()
    next_step(page)

    page.get_by_role("button", name="Vorige").click()  # back keeps the text
    expect(page.get_by_label("Wat is er aan de hand?")).to_have_value(
        "Mannen werken 14 uur per dag in de kas."
    )
    next_step(page)

    page.get_by_label("Dronten").check()
    page.get_by_label("Het gebeurt nu nog").check()
    assert_accessible(page)
    next_step(page)

    page.get_by_label("2 tot 5 personen").check()
    page.get_by_role("group", name="Zijn er kinderen bij").get_by_label("Nee").check()
    assert_accessible(page)
    next_step(page)

    page.get_by_label("Kentekens van auto's of busjes").fill("AB-12-CD")
    assert_accessible(page)
    next_step(page)

    page.get_by_label("Foto's of documenten toevoegen").set_input_files(
        files=[{"name": "kas.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    assert_accessible(page)
    next_step(page)

    page.get_by_label("Flyer").check()
    page.get_by_label("Ik blijf anoniem", exact=False).check()
    assert_accessible(page)
    next_step(page)

    expect(page.get_by_role("heading", name="Controleren en versturen")).to_be_visible()
    expect(page.get_by_text("AB-12-CD")).to_be_visible()
    expect(page.get_by_text("kas.jpg")).to_be_visible()
    expect(page.get_by_text("Ik wil advies. Daarna beslis ik zelf wat ik doe.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Melding versturen").click()

    code = page.get_by_test_id("receipt-code").inner_text()
    assert len(code.replace(" ", "")) == 16
    assert_accessible(page)

    case = Case.objects.get()
    assert Attachment.objects.filter(case=case).count() == 1
    mailbox_reply(
        case=case,
        mailbox=case.mailboxes.get(),
        by=advisor,
        text="Dank u. Is de kas in Biddinghuizen?",
    )

    page.goto(live_server.url + "/melden/postbus/")
    assert_accessible(page)
    page.get_by_label("Uw code (16 cijfers)").fill(code)
    page.get_by_role("button", name="Postbus openen").click()
    expect(page.get_by_text("Dank u. Is de kas in Biddinghuizen?")).to_be_visible()
    expect(page.get_by_test_id("mailbox-status")).to_have_text(
        "Ontvangen. Wij gaan uw melding bekijken."
    )
    assert_accessible(page)
    page.get_by_label("Uw bericht").fill("Ja, aan de Kasweg.")
    page.get_by_role("button", name="Bericht versturen").click()
    expect(page.get_by_text("Uw bericht is verstuurd.")).to_be_visible()
    expect(page.get_by_text("Ja, aan de Kasweg.")).to_be_visible()

    page.get_by_role("button", name="Postbus sluiten").click()
    expect(page.get_by_role("heading", name="Uw postbus is gesloten")).to_be_visible()
    assert_accessible(page)
    page.go_back()
    expect(page.get_by_label("Uw code (16 cijfers)")).to_be_visible()
    assert "Biddinghuizen" not in page.content()
    assert "Kasweg" not in page.content()

    panels = case_mailboxes(Case.objects.get())
    texts = [(m.sender, m.text) for m in panels[0].messages]
    assert (MailboxSender.REPORTER, "Ja, aan de Kasweg.") in texts
    assert MailboxMessage.objects.filter(sender=MailboxSender.REPORTER).count() == 1


GIRL = "Een meisje van 16 wordt elke dag na school opgehaald door oudere mannen."


def test_report_about_a_sixteen_year_old_tops_the_inbox_as_urgent_melding(
    reporter_page: Page,
    page: Page,
    live_server,
    transactional_db,
    advisor,
    login_as,  # type: ignore[no-untyped-def]
) -> None:
    """Children "yes", age 16, sexual exploitation, "act": an urgent melding, listed above a
    melding due earlier and a new advies, with the reason on its page."""
    earlier = case_create(by=advisor, kind=CaseKind.REPORT)
    Case.objects.filter(pk=earlier.pk).update(assessment_due=timezone.localdate())
    advies = case_create(by=None)
    contact_add(case=advies, by=None, channel=Channel.WEB_REPORT, summary="Vraag over werk")

    reporter = reporter_page
    reporter.goto(live_server.url + "/melden/")
    reporter.get_by_role("link", name="Begin met de melding").click()
    reporter.get_by_label("Ik meld vanuit mijn werk (als professional)").check()
    next_step(reporter)
    reporter.get_by_label("Wat is er aan de hand?").fill(GIRL)
    reporter.get_by_label("Seksuele uitbuiting", exact=False).check()
    reporter.get_by_label("Ik wil dat het Meldpunt er iets mee doet", exact=False).check()
    assert_accessible(reporter)
    next_step(reporter)
    reporter.get_by_label("Almere").check()
    reporter.get_by_label("Kort geleden", exact=False).check()
    next_step(reporter)
    reporter.get_by_label("Eén persoon").check()
    reporter.get_by_role("group", name="Zijn er kinderen bij").get_by_label("Ja").check()
    reporter.get_by_label("Hoe oud zijn zij ongeveer?").fill("16")
    expect(reporter.get_by_role("group", name="Klopt een van deze dingen?")).to_be_visible()
    assert_accessible(reporter)
    next_step(reporter)
    next_step(reporter)  # nothing to recognise it by
    next_step(reporter)  # no files
    reporter.get_by_label("Sociale media").check()
    reporter.get_by_label("Ik blijf anoniem", exact=False).check()
    next_step(reporter)
    expect(reporter.get_by_role("heading", name="Controleren en versturen")).to_be_visible()
    expect(
        reporter.get_by_text("Ik wil dat het Meldpunt er iets mee doet. Dit heet een melding.")
    ).to_be_visible()
    reporter.get_by_role("button", name="Melding versturen").click()
    expect(reporter.get_by_test_id("receipt-code")).to_be_visible()

    case = Case.objects.get(exploitation="sexual")
    assert (case.kind, case.urgency) == (CaseKind.REPORT, Urgency.HIGH)

    login_as(advisor)
    page.goto(live_server.url + "/medewerkers/zaken/")
    for key in ("attention", "due_soon", "unassigned"):
        first = page.locator(f"#{key} tbody tr").first
        expect(first).to_contain_text(case.number)
        expect(first).to_contain_text("hoog")
        expect(first).to_contain_text("melding")
    expect(page.locator("#unassigned tbody tr")).to_have_count(3)
    assert axe_violations(page) == []
    page.locator("#unassigned").get_by_role("link", name=case.number).click()
    expect(page.get_by_test_id("urgency-reasons")).to_have_text(
        "urgent: minderjarige (16 jaar) betrokken"
    )
    expect(
        page.get_by_text("Ik wil dat het Meldpunt er iets mee doet. Dit heet een melding.")
    ).to_be_visible()
    assert axe_violations(page) == []

    # The advies turns out to need action: the kind changes only with a reason.
    page.goto(live_server.url + f"/medewerkers/zaken/{advies.pk}/")
    page.get_by_label("Soort zaak").select_option("melding")
    page.get_by_role("button", name="Soort opslaan").click()
    expect(page.get_by_text("Schrijf op waarom de soort verandert.").first).to_be_visible()
    page.get_by_label("Waarom verandert de soort?").fill("Melder belde: er is geweld.")
    page.get_by_role("button", name="Soort opslaan").click()
    expect(page.get_by_text("De soort zaak is opgeslagen.")).to_be_visible()
    expect(
        page.get_by_text(
            "Soort gewijzigd van advies naar melding. Reden: Melder belde: er is geweld."
        )
    ).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/en/melden/",
        "/en/melden/stap/wie/",
        "/en/melden/postbus/",
        "/en/melden/stap/bijlagen/",
        "/en/melden/controleren/",
        "/melden/controleren/",
    ],
)
def test_report_pages_are_accessible_in_english_and_without_draft(
    page: Page,
    live_server,
    path: str,  # type: ignore[no-untyped-def]
) -> None:
    """English pages, and the page for a send without a draft, have no axe violations."""
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == ("en" if path.startswith("/en/") else "nl")
    assert_accessible(page)
