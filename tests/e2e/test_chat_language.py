"""A chat in Polish in a real browser: started on the Polish page, the advisor's queue says
"Pools" before anyone accepts, and the console offers the Polish canned response first."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Locator, expect

from tests.chat.servers import Server
from tests.e2e.conftest import advisor_on_duty, new_context

pytestmark = pytest.mark.e2e


@contextmanager
def polish_chat_taken(browser: Browser, server: Server, advisor_session: str) -> Iterator[Locator]:
    """Ola starts a chat on the Polish page; the advisor, available, sees "Ola (Pools)" in
    the queue before accepting and takes it. Gives the accepted chat's panel in the
    advisor's console; both browser profiles close afterwards."""
    advisor = advisor_on_duty(browser, server, advisor_session)

    visitor = new_context(browser).new_page()
    visitor.set_default_timeout(10_000)
    visitor.goto(server.url + "/pl/chat/")
    expect(visitor.locator("html")).to_have_attribute("lang", "pl")
    expect(visitor.locator("select[name=language]")).to_have_value("pl")
    visitor.locator("input[name=nickname]").fill("Ola")
    visitor.get_by_test_id("chat-start").click()
    expect(visitor).to_have_url(server.url + "/pl/chat/")

    queue = advisor.locator("[data-queue]")
    expect(queue.locator("li", has_text="Ola")).to_contain_text("Ola (Pools)")
    advisor.get_by_role("button", name="Volgende chat aannemen").click()
    panel = advisor.locator("article[data-chat]")
    expect(panel.locator("[data-title]")).to_have_text("Ola (Pools)")
    try:
        yield panel
    finally:
        for page in (visitor, advisor):
            page.context.close()


def test_polish_chat_is_named_in_the_queue_and_gets_polish_canned_responses(browser, chat_server):  # type: ignore[no-untyped-def]
    server, advisor_session = chat_server
    with polish_chat_taken(browser, server, advisor_session) as panel:
        canned = panel.locator("[data-input='canned']")
        expect(canned.locator("option").first).to_have_text("Witamy (Pools)")
        expect(canned).to_have_value("1")
        panel.locator("summary").click()
        panel.locator("[data-insert-canned]").click()
        expect(panel.locator("[data-input='message']")).to_have_value("Witamy na czacie.")
