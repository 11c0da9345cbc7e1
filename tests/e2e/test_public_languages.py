"""Every reporter page in every language, in one real browser: axe finds nothing, nothing
is wider than a 375 px phone, and Arabic is laid out right to left (screenshots for people
to look at where MELDPUNT_SCREENSHOTS names a folder).

Until a language's translation is merged its pages show the Dutch texts; the checks hold
for either, so they keep passing once the translations are in.
"""

from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from playwright.sync_api import Browser, BrowserContext, Page

from meldpunt.reports.steps import STEPS
from tests.e2e.conftest import axe_violations, shot
from tests.public.paths import PUBLIC_PATHS
from tests.reports.conftest import ANSWERS

pytestmark = pytest.mark.e2e

CODES = [code for code, _name in settings.LANGUAGES]
# The information pages, every step of the web report, the mailbox's code form and the chat.
PAGES = [
    *PUBLIC_PATHS,
    "/melden/",
    *[f"/melden/stap/{step.slug}/" for step in STEPS],
    "/melden/postbus/",
    "/chat/",
]
PHONE = {"width": 375, "height": 740}


def prefixed(code: str, path: str) -> str:
    return path if code == "nl" else f"/{code}{path}"


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    yield context
    context.close()


def overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0: nothing sticks out)."""
    return int(
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )


def send_report(
    page: Page, base: str, code: str, on_each_page: Callable[[Page], None] | None = None
) -> str:
    """Fill every step in the page's session (as the form would), send the report from the
    check page in the browser; returns the receipt code shown. ``on_each_page`` looks at
    every step's page and the check page as the browser shows them."""
    for step in STEPS:
        page.goto(base + prefixed(code, f"/melden/stap/{step.slug}/"))
        if on_each_page:
            on_each_page(page)
        token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
        answers = ANSWERS.get(step.slug, {})
        response = page.request.post(
            page.url,
            form={**answers, "action": "next", "csrfmiddlewaretoken": token},
            headers={"Referer": page.url, "Origin": base},
            max_redirects=0,
        )
        assert response.status == 302, (step.slug, response.text()[:500])
    page.goto(base + prefixed(code, "/melden/controleren/"))
    if on_each_page:
        on_each_page(page)
    page.locator("form[method=post] button[type=submit]").last.click()
    page.wait_for_selector("[data-testid=receipt-code]")
    return page.locator("[data-testid=receipt-code]").inner_text().replace(" ", "")


def open_mailbox(page: Page, base: str, code: str, receipt: str) -> None:
    page.goto(base + prefixed(code, "/melden/postbus/"))
    page.locator("input[name=code]").fill(receipt)
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_url(base + prefixed(code, "/melden/postbus/"))
    page.wait_for_selector("textarea[name=text]")


@pytest.mark.parametrize("code", CODES)
def test_every_page_passes_axe_and_fits_a_phone(
    phone: BrowserContext, live_server, code: str
) -> None:  # type: ignore[no-untyped-def]
    """Zero axe violations (WCAG 2.2 AA) and no sideways scrolling at 375 px, on every
    page, the check page, the receipt code page and the opened mailbox included."""
    page = phone.new_page()
    page.set_default_timeout(15_000)
    problems: dict[str, object] = {}

    def inspect(name: str) -> None:
        assert page.locator("html").get_attribute("lang") == code
        violations = axe_violations(page)
        if violations:
            problems[f"{name} axe"] = violations
        if overflow(page) > 0:
            problems[f"{name} overflow"] = overflow(page)

    for path in PAGES:
        page.goto(live_server.url + prefixed(code, path))
        inspect(path)
    receipt = send_report(page, live_server.url, code)
    inspect("receipt code page")
    page.goto(live_server.url + prefixed(code, "/melden/controleren/"))
    inspect("check page without report")
    open_mailbox(page, live_server.url, code, receipt)
    inspect("mailbox")
    assert problems == {}


def box(page: Page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


def test_arabic_is_right_to_left(browser: Browser, live_server) -> None:  # type: ignore[no-untyped-def]
    """In Arabic the page mirrors: the quick exit sits at the left instead of the right,
    the language menu reads from right to left, form labels and fields start at the right
    and the mailbox too. The same checks on the Dutch page show the opposite."""
    context = browser.new_context(viewport={"width": 1024, "height": 800}, locale="ar")
    page = context.new_page()
    page.set_default_timeout(15_000)
    width = 1024

    for code, rtl in (("nl", False), ("ar", True)):
        page.goto(live_server.url + prefixed(code, "/"))
        assert page.evaluate("() => getComputedStyle(document.body).direction") == (
            "rtl" if rtl else "ltr"
        )
        exit_link = box(page, "[data-quick-exit]")
        assert (exit_link["x"] + exit_link["width"] / 2 < width / 2) is rtl
        first = box(page, ".language-switch__list li:first-child")
        last = box(page, ".language-switch__list li:last-child")
        # On one line the first language is at the start side: right in Arabic.
        if first["y"] == last["y"]:
            assert (first["x"] > last["x"]) is rtl
        shot(page, f"home-{code}", full_page=False)

        page.goto(live_server.url + prefixed(code, f"/melden/stap/{STEPS[0].slug}/"))
        main = box(page, "main")
        legend = box(page, "main form legend, main form label")
        starts_right = legend["x"] + legend["width"] > main["x"] + main["width"] * 0.6
        starts_left = legend["x"] < main["x"] + main["width"] * 0.4
        assert (starts_right, starts_left) == ((True, False) if rtl else (False, True))
        shot(page, f"report-step-{code}")

    receipt = send_report(page, live_server.url, "ar")
    shot(page, "receipt-ar")
    code_box = box(page, "[data-testid=receipt-code]")
    assert (
        page.locator("[data-testid=receipt-code]").evaluate("e => getComputedStyle(e).direction")
        == "ltr"
    ), "the code reads left to right inside the Arabic page"
    assert code_box["width"] > 0
    open_mailbox(page, live_server.url, "ar", receipt)
    assert (
        page.locator("textarea[name=text]").evaluate("e => getComputedStyle(e).direction") == "rtl"
    )
    main = box(page, "main")
    heading = box(page, "main h1")
    assert heading["x"] + heading["width"] > main["x"] + main["width"] * 0.6
    shot(page, "mailbox-ar")
    context.close()
