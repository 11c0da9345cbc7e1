"""Public pages in a real browser: both languages, own origin only, styled, narrow screens."""

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ForeignRequests
from tests.public.paths import PUBLIC_PATHS

pytestmark = pytest.mark.e2e

BOTH_LANGUAGES = PUBLIC_PATHS + [f"/en{path}" for path in PUBLIC_PATHS]


def test_home_loads_in_dutch(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """The Dutch home page shows the meldpunt, the phone number, 112 and the quick exit."""
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("In acuut gevaar? Bel 112.").first).to_be_visible()
    expect(page.get_by_role("link", name="Snel weg")).to_be_visible()
    expect(page.locator('a[href="tel:+31882220500"]').first).to_be_visible()


def test_home_loads_in_english(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """The English home page is in English, with the same safety parts."""
    page.goto(live_server.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("In immediate danger? Call 112.").first).to_be_visible()
    expect(page.get_by_role("link", name="Leave this site")).to_be_visible()
    expect(page.get_by_role("heading", name="How to reach us")).to_be_visible()


def test_styles_and_script_load_from_the_site(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """CSS really applies (the quick exit is red) and no file fails to load."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(live_server.url + "/")
    colour = page.locator("[data-quick-exit]").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(179, 38, 30)"
    assert failed == []


def test_only_own_origin_and_no_csp_violation(
    page: Page, live_server, foreign_requests: ForeignRequests
) -> None:  # type: ignore[no-untyped-def]
    """No public page asks anything of any other origin, and the strict CSP blocks nothing
    (one browser tab for all of them: a new one costs Chromium more than the page)."""
    problems: list[tuple[str, str]] = []
    at = [""]
    page.on("console", lambda m: problems.append((at[0], m.text)) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append((at[0], str(e))))
    for path in BOTH_LANGUAGES:
        at[0] = path
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert foreign_requests == []
    assert problems == []


@pytest.mark.parametrize("path", ["/", "/wat-is-mensenhandel/", "/en/geen-sporen/"])
def test_quick_exit_stays_visible_on_a_narrow_screen(
    browser: Browser, live_server, path: str
) -> None:  # type: ignore[no-untyped-def]
    """On a 375 px wide phone the quick exit is visible at the top and after scrolling down."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(live_server.url + path)
    exit_link = page.locator("[data-quick-exit]")
    for position in ("top", "bottom"):
        if position == "bottom":
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        box = exit_link.bounding_box()
        assert box is not None
        assert box["y"] >= 0 and box["y"] + box["height"] <= 667
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "nothing sticks out sideways"
    context.close()


def test_site_works_without_javascript(browser: Browser, live_server) -> None:  # type: ignore[no-untyped-def]
    """With JavaScript off every page reads, the menu works and the quick exit is a link."""
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Wat is mensenhandel?"
    ).click()
    expect(page).to_have_url(live_server.url + "/wat-is-mensenhandel/")
    expect(page.get_by_role("heading", name="Arbeidsuitbuiting")).to_be_visible()
    for path in PUBLIC_PATHS:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        # Through /snel-weg/, which ends the session and redirects to the neutral site.
        expect(page.locator("[data-quick-exit]")).to_have_attribute("href", "/snel-weg/")
        expect(page.get_by_test_id("chat-status")).to_be_visible()
    context.close()
