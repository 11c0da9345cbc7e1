"""The chat queue in a real browser: with one advisor in a chat and one person waiting,
the next visitor still gets in, sees their place and expected wait, and sees both change
when someone ahead leaves; the advisor's queue shows the same place and wait."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import advisor_on_duty, axe_violations, new_context

pytestmark = pytest.mark.e2e


def _visitor(browser, server, nickname: str) -> Page:  # type: ignore[no-untyped-def]
    page = new_context(browser).new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url + "/chat/")
    page.get_by_label("Bijnaam (mag leeg blijven)").fill(nickname)
    page.get_by_test_id("chat-start").click()
    return page


def test_the_next_visitor_sees_their_place_and_wait_and_both_update(browser, chat_server):
    """Anna (capacity 2) talks with Ali and Bo waits; Cas still gets in as number 2, with
    an expected wait; Bo leaves, and Cas is number 1 with a shorter wait."""
    server, advisor_session = chat_server
    advisor = advisor_on_duty(browser, server, advisor_session)

    ali = _visitor(browser, server, "Ali")
    expect(ali.locator("[data-chat-status]")).to_contain_text("nummer 1 in de rij")
    advisor.get_by_role("button", name="Volgende chat aannemen").click()
    expect(ali.locator("[data-chat-status]")).to_have_text("Een adviseur is er. U kunt nu chatten.")

    bo = _visitor(browser, server, "Bo")
    expect(bo.locator("[data-chat-status]")).to_contain_text("U bent nummer 1 in de rij")

    cas = _visitor(browser, server, "Cas")
    status = cas.locator("[data-chat-status]")
    expect(status).to_contain_text("U bent nummer 2 in de rij")
    expect(status).to_contain_text("ongeveer 2 minuten")
    assert axe_violations(cas) == []
    queue = advisor.locator("[data-queue]")
    expect(queue).to_contain_text("Cas")
    expect(queue.locator("li", has_text="Cas")).to_contain_text(
        "nummer 2, verwachte wachttijd 2 min."
    )

    bo.get_by_role("button", name="Chat beëindigen").click()
    expect(status).to_contain_text("U bent nummer 1 in de rij")
    expect(status).to_contain_text("ongeveer 1 minuut")
    expect(queue.locator("li", has_text="Cas")).to_contain_text(
        "nummer 1, verwachte wachttijd 1 min."
    )
    for page in (ali, bo, cas, advisor):
        page.context.close()
