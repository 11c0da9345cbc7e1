"""An advisor records a finished chat on a case in a real browser, by keyboard: the
phone intake's parts (kind, urgency, minor, signals ticked from the suggestions) and the
fields for plates and phone numbers, which link the chat to an earlier web report."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from meldpunt.accounts.models import Role
from meldpunt.cases.models import CaseKind, Contact, Person, Urgency
from meldpunt.chat.models import ChatMessage, ChatSender, ChatSession, ChatState
from meldpunt.lib import clock
from tests.cases.intake.test_save_view_entities import web_report
from tests.conftest import make_staff
from tests.e2e.conftest import axe_violations
from tests.e2e.test_phone_intake import log_in, shot

pytestmark = pytest.mark.e2e

CHATTER = (
    "Bij de Kamperstraat stappen elke ochtend arbeiders in een busje. Een jongen van 16 "
    "moest zijn paspoort afgeven aan de baas."
)


def _ended_chat(advisor) -> ChatSession:  # type: ignore[no-untyped-def]
    """A chat the advisor had, written straight to the database (no live events here)."""
    start = clock.now() - timedelta(minutes=12)
    chat = ChatSession.objects.create(
        token_hash="e2e-chat-to-case",
        status=ChatState.ENDED,
        nickname="Sam",
        agent=advisor,
        created_at=start,
        accepted_at=start,
        ended_at=clock.now(),
        last_seq=1,
    )
    ChatMessage.objects.create(
        session=chat, seq=1, sender=ChatSender.REPORTER, created_at=start, body=CHATTER
    )
    return chat


def test_chat_recorded_as_urgent_report_linked_by_its_fields(
    page: Page, live_server, transactional_db: None
) -> None:  # type: ignore[no-untyped-def]
    """Who defaults to unknown; "Overnemen" ticks the signal in the form; kind, urgency,
    minor, plate and phone go with the chat, and the case page shows the web report as
    one related row "kenteken, telefoonnummer"."""
    advisor = make_staff("anna", Role.ADVISOR, first_name="Anna", last_name="Adviseur")
    log_in(page, live_server.url, advisor)
    report = web_report(licence_plates="vt123b", phone_numbers="+31 6 1234 5678")
    chat = _ended_chat(advisor)

    page.set_default_timeout(30_000)  # the first page builds the triage rules
    page.goto(f"{live_server.url}/medewerkers/chat/{chat.pk}/zaak/")
    expect(page.get_by_label("Wie neemt contact op?")).to_have_value("unknown")
    assert axe_violations(page) == []
    suggestions = page.get_by_test_id("chat-suggestions")
    accept = suggestions.locator('li[data-indicator="gen.documents_retained"] .triage-accept')
    accept.click()
    box = page.locator(
        '#chat-to-case-form input[name="indicators"][value="gen.documents_retained"]'
    )
    expect(box).to_be_checked()

    page.get_by_label("melding").check()
    page.get_by_label("hoog").check()
    page.get_by_role("group", name="Minderjarig?").get_by_label("ja").check()
    page.get_by_label("Samenvatting").fill("Jongen van 16 moet werken, paspoort afgepakt.")
    page.get_by_label("Kentekens", exact=True).fill("VT-123-B")
    page.get_by_label("Telefoonnummers", exact=True).press_sequentially("06 12345678")
    assert axe_violations(page) == []
    shot(page, "chat-to-case-filled")
    page.get_by_label("Telefoonnummers", exact=True).press("Tab")
    page.keyboard.press("Tab")
    page.get_by_test_id("save-contact").press("Enter")
    page.wait_for_url("**/medewerkers/zaken/*/")

    contact = Contact.objects.get(channel="chat")
    case = contact.case
    assert case is not None
    assert (case.kind, case.urgency) == (CaseKind.REPORT, Urgency.HIGH)
    assert contact.indicators == ["gen.documents_retained"]
    assert Person.objects.get(case=case).is_minor is True
    related = page.locator(".linking-relation")
    expect(related).to_have_count(1)
    expect(related).to_contain_text(report.number)
    expect(related).to_contain_text("kenteken, telefoonnummer")
    expect(page.locator("main")).not_to_contain_text("gesprek gevoerd")
    assert axe_violations(page) == []
    shot(page, "chat-to-case-related")
