"""Error pages in the browser: axe-core clean in both languages, and Snel weg works there.

403 and 500 come from the URLs in tests/public/error_urls.py that fail on purpose.
"""

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import EXIT_URL, Stub, axe_violations, open_context

pytestmark = pytest.mark.e2e


@pytest.fixture
def failing_urls(settings) -> None:  # type: ignore[no-untyped-def]
    settings.ROOT_URLCONF = "tests.public.error_urls"


@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        ("/bestaat-niet/", 404, "Deze pagina bestaat niet"),
        ("/en/melden/bestaat-niet/", 404, "This page does not exist"),
        ("/test/403/", 403, "Geen toegang"),
        ("/test/500/", 500, "Er ging bij ons iets mis"),
    ],
)
def test_error_pages_are_accessible(
    page: Page, live_server, failing_urls: None, path: str, status: int, heading: str
) -> None:  # type: ignore[no-untyped-def]
    """Heading, phone link and Snel weg on the page; no axe violations."""
    response = page.goto(live_server.url + path)
    assert response is not None and response.status == status
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("a[href^='tel:']")).to_be_visible()
    expect(page.locator("[data-quick-exit]")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_csrf_failure_page_is_accessible(page: Page, live_server, prefix: str) -> None:  # type: ignore[no-untyped-def]
    """A form sent after its cookie went (here: cleared by hand) gets the plain page."""
    page.goto(live_server.url + prefix + "/melden/postbus/")
    page.context.clear_cookies()
    page.locator("input[name='code']").fill("1234 5678 1234 5678")
    page.locator("form.report-form button[type='submit']").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dit formulier werkt niet meer" if not prefix else "This form no longer works"
    )
    assert axe_violations(page) == []


def test_too_many_page_is_accessible(page: Page, live_server, settings) -> None:  # type: ignore[no-untyped-def]
    """The report form's 429 page passes axe-core too."""
    settings.MELDPUNT_REPORT_DRAFTS_PER_HOUR = 0
    page.goto(live_server.url + "/melden/stap/wie/")
    page.get_by_label("Ik woon in de buurt of ik zag of hoorde iets").check()
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Even wachten")
    assert axe_violations(page) == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_quick_exit_works_from_an_error_page(
    browser: Browser, exit_stub: Stub, live_server, javascript: bool
) -> None:  # type: ignore[no-untyped-def]
    """Snel weg on a 404 leaves for the neutral site, with and without JavaScript."""
    context = open_context(browser, exit_stub, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(live_server.url + "/bestaat-niet/")
    page.get_by_role("link", name="Snel weg").click()
    expect(page).to_have_url(EXIT_URL)
    assert exit_stub.referers[-1] is None
    context.close()
