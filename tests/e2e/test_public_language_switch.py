"""The language switch works without JavaScript and keeps the visitor on the same page."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def no_js_page(browser: Browser, live_server) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_switch_to_english_and_back_without_javascript(no_js_page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """From the Dutch page to the same English page and back again."""
    page = no_js_page
    page.goto(live_server.url + "/wat-is-mensenhandel/")
    page.get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(live_server.url + "/en/wat-is-mensenhandel/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What is human trafficking?")
    page.get_by_role("link", name="Nederlands", exact=True).click()
    expect(page).to_have_url(live_server.url + "/wat-is-mensenhandel/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat is mensenhandel?")


def test_switch_on_home_page(no_js_page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """The home page switches to /en/ and back to /."""
    page = no_js_page
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(live_server.url + "/en/")
    page.get_by_role("link", name="Nederlands", exact=True).click()
    expect(page).to_have_url(live_server.url + "/")
