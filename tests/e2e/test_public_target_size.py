"""On a phone (375 px wide) every link and button of the public pages is at least 24 by 24
CSS pixels (WCAG 2.2, 2.5.8), and the page's own content starts on the first screen."""

import pytest
from playwright.sync_api import Browser, Page

from tests.public.paths import PUBLIC_PATHS

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 667}
MINIMUM = 24
TARGETS = "a[href], button, input[type=submit], summary, select"

# Each visible target: its text, and its box rounded down to the pixel.
MEASURE = """(selector) => [...document.querySelectorAll(selector)]
  .filter((element) => element.getClientRects().length > 0
    && getComputedStyle(element).visibility !== 'hidden')
  .map((element) => {
    const box = element.getBoundingClientRect();
    const text = element.innerText || element.getAttribute('aria-label') || '';
    return {text: text.trim().slice(0, 40),
            width: Math.floor(box.width + 0.01), height: Math.floor(box.height + 0.01)};
  })"""


def small_targets(page: Page) -> list[dict]:
    targets = page.evaluate(MEASURE, TARGETS)
    assert targets, "no targets measured"
    return [t for t in targets if t["width"] < MINIMUM or t["height"] < MINIMUM]


@pytest.fixture
def phone(browser: Browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    yield context.new_page()
    context.close()


def test_every_target_is_at_least_24_by_24(phone: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    small = {}
    for path in [*PUBLIC_PATHS, "/en/", "/melden/"]:
        phone.goto(live_server.url + path)
        small[path] = small_targets(phone)
    assert {path: targets for path, targets in small.items() if targets} == {}


def test_content_starts_on_the_first_screen(phone: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """The page's heading begins in the top half of the first screen, below the header (axe
    on these pages at this width: test_public_languages)."""
    low = {}
    for path in PUBLIC_PATHS:
        phone.goto(live_server.url + path)
        heading = phone.locator("main h1").first.bounding_box()
        assert heading is not None, path
        low[path] = heading["y"]
    assert {path: y for path, y in low.items() if y >= PHONE["height"] / 2} == {}
