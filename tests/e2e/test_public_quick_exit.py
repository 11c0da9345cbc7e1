"""Quick exit ("Snel weg"): leaves the site for a neutral one, out of reach of Back.

The neutral site is a stub on another origin, answered by Playwright's router, so no real
network is used and the test sees exactly what the browser sends there.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import EXIT_URL, START_URL, Stub, open_context

pytestmark = pytest.mark.e2e


@pytest.fixture
def exit_page(browser: Browser, exit_stub: Stub) -> Iterator[Page]:
    context = open_context(browser, exit_stub)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def visit_from_elsewhere(page: Page, url: str) -> None:
    """Come from another site first, so Back has somewhere to go."""
    page.goto(START_URL)
    page.goto(url)
    expect(page.locator("[data-quick-exit]")).to_be_visible()


def test_click_leaves_and_back_does_not_return(exit_page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """Clicking Snel weg opens the neutral site; Back skips the meldpunt page."""
    visit_from_elsewhere(exit_page, live_server.url + "/wat-is-mensenhandel/")
    exit_page.get_by_role("link", name="Snel weg").click()
    expect(exit_page).to_have_url(EXIT_URL)
    exit_page.go_back()
    expect(exit_page).to_have_url(START_URL)
    assert live_server.url not in exit_page.url


def test_escape_leaves_and_back_does_not_return(exit_page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """Pressing Escape anywhere on the page does the same as the button."""
    visit_from_elsewhere(exit_page, live_server.url + "/")
    exit_page.keyboard.press("Escape")
    expect(exit_page).to_have_url(EXIT_URL)
    exit_page.go_back()
    expect(exit_page).to_have_url(START_URL)


def test_three_shift_presses_leave(exit_page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """Shift pressed three times in a row leaves too (as on GOV.UK)."""
    visit_from_elsewhere(exit_page, live_server.url + "/en/privacy/")
    for _ in range(3):
        exit_page.keyboard.press("Shift")
    expect(exit_page).to_have_url(EXIT_URL)


def test_typing_capitals_does_not_leave(exit_page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """Shift pressed for three capital letters in a row is typing, not a quick exit."""
    visit_from_elsewhere(exit_page, live_server.url + "/")
    exit_page.evaluate(
        "() => { const i = document.createElement('input'); i.id = 'typing';"
        " document.querySelector('main').append(i); }"
    )
    exit_page.locator("#typing").focus()
    for letter in "ABC":
        exit_page.keyboard.down("Shift")
        exit_page.keyboard.press(f"Key{letter}")
        exit_page.keyboard.up("Shift")
    expect(exit_page.locator("#typing")).to_have_value("ABC")
    assert exit_page.url == live_server.url + "/"


def test_the_neutral_site_learns_nothing_of_the_meldpunt(
    exit_page: Page, exit_stub: Stub, live_server
) -> None:  # type: ignore[no-untyped-def]
    """No Referer header reaches the neutral site, so it cannot see where the visitor was."""
    visit_from_elsewhere(exit_page, live_server.url + "/anoniem-melden/")
    exit_page.get_by_role("link", name="Snel weg").click()
    expect(exit_page).to_have_url(EXIT_URL)
    assert exit_stub.referers[-1] is None


def test_without_javascript_the_button_is_a_plain_link(
    browser: Browser, exit_stub: Stub, live_server
) -> None:  # type: ignore[no-untyped-def]
    """With JavaScript off the button still takes the visitor to the neutral site."""
    context = open_context(browser, exit_stub, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/geen-sporen/")
    page.get_by_role("link", name="Snel weg").click()
    expect(page).to_have_url(EXIT_URL)
    context.close()


def test_escape_in_a_narrow_window_leaves_too(
    browser: Browser, exit_stub: Stub, live_server
) -> None:  # type: ignore[no-untyped-def]
    """On a phone-sized screen the button is in reach and works."""
    context = open_context(browser, exit_stub, viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(live_server.url + "/voor-professionals/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.get_by_role("link", name="Snel weg").click()
    expect(page).to_have_url(EXIT_URL)
    context.close()
