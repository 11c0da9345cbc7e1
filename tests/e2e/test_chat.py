"""The chat in a real browser: a reporter and an advisor talk, the reporter reloads in the
middle, the advisor records the chat on a case, and the reporter's page keeps nothing.

pytest-django's live server cannot serve websockets, so the test starts uvicorn (the
production server) in a subprocess against its own SQLite file; this works the same on
the embedded default and on the PostgreSQL + Redis run.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import advisor_on_duty, axe_violations, new_context

pytestmark = pytest.mark.e2e


def _seqs(page: Page) -> list[int]:
    return [
        int(s)
        for s in page.locator("[data-chat-log] li[data-seq]").evaluate_all(
            "items => items.map(i => i.dataset.seq)"
        )
    ]


def test_a_whole_chat_with_reload_case_and_nothing_left(browser, chat_server):
    """Closed without advisor; then open: queue, talk both ways, reload, end, record on a case."""
    server, advisor_session = chat_server
    reporter = new_context(browser).new_page()
    reporter.set_default_timeout(10_000)

    # Nobody available yet: kindly closed, with phone and report form.
    reporter.goto(server.url + "/chat/")
    expect(reporter.get_by_test_id("chat-closed")).to_contain_text("geen adviseur vrij")
    expect(reporter.locator("main")).to_contain_text("088 2220500")
    assert axe_violations(reporter) == []

    advisor = advisor_on_duty(browser, server, advisor_session)
    assert axe_violations(advisor) == []

    reporter.goto(server.url + "/chat/")
    assert axe_violations(reporter) == []
    reporter.get_by_label("Bijnaam (mag leeg blijven)").fill("Sam")
    reporter.get_by_test_id("chat-start").click()
    expect(reporter.locator("[data-chat-status]")).to_contain_text("nummer 1 in de rij")
    assert axe_violations(reporter) == []

    expect(advisor.locator("[data-queue]")).to_contain_text("Sam")
    advisor.get_by_role("button", name="Volgende chat aannemen").click()
    panel = advisor.locator("article.console-chat")
    expect(panel).to_contain_text("Chat aangenomen door Anna")
    expect(reporter.locator("[data-chat-status]")).to_have_text(
        "Een adviseur is er. U kunt nu chatten."
    )

    box = reporter.get_by_label("Uw bericht")
    box.fill("Mijn buurvrouw werkt elke dag in de kas")
    expect(panel.locator("[data-typing]")).to_have_text("De chatter typt…")
    box.press("Enter")
    expect(panel.locator("[data-log]")).to_contain_text("Mijn buurvrouw werkt elke dag in de kas")
    panel.locator("textarea[data-input='message']").fill("Dank u. Krijgt zij betaald?")
    panel.get_by_role("button", name="Versturen").click()
    expect(reporter.locator("[data-chat-log]")).to_contain_text("Krijgt zij betaald?")
    assert axe_violations(advisor) == []

    # A reload in the middle: every message again, in order, none twice.
    before = _seqs(reporter)
    reporter.reload()
    expect(reporter.locator("[data-chat-log]")).to_contain_text("Krijgt zij betaald?")
    expect(reporter.locator("[data-chat-log] li[data-seq]")).to_have_count(len(before))
    assert _seqs(reporter) == before == sorted(set(before))
    # The console heard the page go and come back.
    expect(panel.get_by_test_id("reporter-presence")).to_have_text("De melder is er weer.")
    reporter.get_by_label("Uw bericht").fill("Nee, bijna niets")
    reporter.get_by_label("Uw bericht").press("Enter")
    expect(panel.locator("[data-log]")).to_contain_text("Nee, bijna niets")

    # A receipt code to go on in the anonymous mailbox, shown once; back in the same chat.
    reporter.get_by_role("button", name="Ontvangstcode vragen").click()
    code = reporter.get_by_test_id("receipt-code").inner_text()
    assert len(code.replace(" ", "")) == 16
    assert axe_violations(reporter) == []
    reporter.get_by_role("link", name="Terug naar de chat").click()
    expect(reporter.locator("[data-chat-log]")).to_contain_text("Nee, bijna niets")

    # The reporter ends: nothing of the chat is left in the page or in storage.
    reporter.get_by_role("button", name="Chat beëindigen").click()
    expect(reporter.locator("[data-chat-ended]")).to_be_visible()
    assert reporter.locator("[data-chat-log]").count() == 0
    assert "buurvrouw" not in reporter.content()
    assert reporter.evaluate("() => window.sessionStorage.length") == 0
    assert reporter.evaluate("() => window.localStorage.length") == 0
    expect(panel.locator("[data-log]")).to_contain_text("De melder heeft de chat verlaten.")
    reporter.goto(server.url + "/chat/")
    assert "buurvrouw" not in reporter.content()
    expect(reporter.get_by_test_id("chat-start")).to_be_visible()

    # The advisor records the chat on a new case; the transcript is on the case page.
    panel.get_by_role("link", name="Vastleggen in een zaak").click()
    suggestions = advisor.get_by_test_id("chat-suggestions")
    expect(suggestions.locator('li[data-indicator="gen.excessive_overtime"]')).to_be_visible()
    expect(suggestions.locator("mark", has_text="elke").first).to_be_visible()
    assert axe_violations(advisor) == []
    advisor.get_by_label("Wie neemt contact op?").select_option("bystander")
    advisor.get_by_label("Samenvatting").fill("Signalen van arbeidsuitbuiting bij buurvrouw")
    advisor.get_by_test_id("save-contact").click()
    # On the case page the chat is a transcript (who said what, when); its mailbox is a
    # mailbox, not the answers of a web form.
    transcript = advisor.get_by_test_id("case-chat-transcripts")
    expect(transcript).to_contain_text("Mijn buurvrouw werkt elke dag in de kas")
    expect(transcript).to_contain_text("Nee, bijna niets")
    said = transcript.locator("li", has_text="Krijgt zij betaald?")
    expect(said.locator(".chat-transcript__meta")).to_have_text(re.compile(r"^\d\d:\d\d\s+Anna$"))
    expect(transcript.locator("li", has_text="Nee, bijna niets")).to_contain_text("Chatter")
    expect(transcript).to_contain_text("De melder heeft de chat verlaten.")
    expect(advisor.get_by_test_id("mailbox-from-chat")).to_be_visible()
    expect(advisor.locator("main")).not_to_contain_text("Antwoorden in het webformulier")
    expect(advisor.locator("#mailbox-title")).to_have_text("Postbus")
    assert axe_violations(advisor) == []
    # The code opens the mailbox of that same case.
    reporter.goto(server.url + "/melden/postbus/")
    reporter.get_by_label("Uw code (16 cijfers)").fill(code)
    reporter.get_by_role("button", name="Postbus openen").click()
    expect(reporter.get_by_test_id("mailbox-status")).to_be_visible()
    expect(reporter.get_by_test_id("mailbox-origin")).to_contain_text("met ons gechat")
    expect(reporter.locator("main")).not_to_contain_text("Uw melding is verstuurd")
    assert axe_violations(reporter) == []
    reporter.context.close()
    advisor.context.close()


def test_quick_exit_ends_a_waiting_chat(browser, chat_server):
    """Escape during a chat: the site is left, and the chat is over when the person comes back."""
    server, advisor_session = chat_server
    # An advisor on duty, whichever test of this module ran before on this worker.
    advisor = advisor_on_duty(browser, server, advisor_session)
    page = new_context(browser).new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url + "/chat/")
    page.get_by_test_id("chat-start").click()
    expect(page.locator("[data-chat-status]")).to_contain_text("in de rij")
    page.keyboard.press("Escape")
    page.wait_for_url(server.url + "/")
    page.goto(server.url + "/chat/")
    expect(page.get_by_test_id("chat-start")).to_be_visible()
    assert page.locator("[data-chat]").count() == 0
    page.context.close()
    advisor.context.close()


def _take_chat(browser, server, advisor, nickname: str) -> tuple[Page, object]:
    """``nickname`` starts a chat in a new browser and the advisor takes it; the reporter's
    page and the chat's panel in the console."""
    reporter = new_context(browser).new_page()
    reporter.set_default_timeout(10_000)
    reporter.goto(server.url + "/chat/")
    reporter.get_by_label("Bijnaam (mag leeg blijven)").fill(nickname)
    reporter.get_by_test_id("chat-start").click()
    expect(reporter.locator("[data-chat-status]")).to_contain_text("in de rij")
    expect(advisor.locator("[data-queue]")).to_contain_text(nickname)
    advisor.get_by_role("button", name="Volgende chat aannemen").click()
    panel = advisor.locator(f'article.console-chat[aria-label^="{nickname}"]')
    expect(panel).to_contain_text("Chat aangenomen door Anna")
    expect(reporter.locator("[data-chat-status]")).to_have_text(
        "Een adviseur is er. U kunt nu chatten."
    )
    return reporter, panel


def test_console_sees_the_reporter_close_the_tab_or_quick_exit(browser, chat_server):
    """A reporter closes the tab: the console says the connection is gone and for how long
    they may come back. Another uses the quick exit: the console says they left."""
    server, advisor_session = chat_server
    advisor = advisor_on_duty(browser, server, advisor_session)

    kim, kim_panel = _take_chat(browser, server, advisor, "Kim")
    kim.get_by_label("Uw bericht").fill("Ik moet weg")
    kim.get_by_label("Uw bericht").press("Enter")
    expect(kim_panel.locator("[data-log]")).to_contain_text("Ik moet weg")
    kim.context.close()
    expect(kim_panel.get_by_test_id("reporter-presence")).to_have_text(
        "De verbinding met de melder is verbroken. De melder kan binnen 10 minuten "
        "terugkomen; daarna sluit de chat vanzelf."
    )
    expect(kim_panel.locator("textarea[data-input='message']")).to_be_enabled()
    assert axe_violations(advisor) == []

    lou, lou_panel = _take_chat(browser, server, advisor, "Lou")
    lou.keyboard.press("Escape")
    lou.wait_for_url(server.url + "/")
    expect(lou_panel.locator("[data-log]")).to_contain_text("De melder heeft de chat verlaten.")
    expect(lou_panel.locator("textarea[data-input='message']")).to_be_disabled()
    expect(lou_panel.get_by_role("button", name="Venster sluiten")).to_be_visible()
    assert axe_violations(advisor) == []
    lou.context.close()
    advisor.context.close()
