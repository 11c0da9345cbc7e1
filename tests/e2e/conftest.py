"""Browser tests: Playwright for Python driving Debian's Chromium, never a downloaded browser."""

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, Request, sync_playwright

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# from that thread are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SOURCE = Path(__file__).parent / "vendor" / "axe.min.js"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class ForeignRequests(list[str]):
    """Every request the page made to an origin other than the site's own."""


@pytest.fixture
def foreign_requests() -> ForeignRequests:
    return ForeignRequests()


@pytest.fixture
def page(browser: Browser, live_server, foreign_requests: ForeignRequests) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    own = urlsplit(live_server.url).netloc
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")

    def watch(request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != own:
            foreign_requests.append(request.url)

    context.on("request", watch)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(
    page: Page, tags: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
) -> list[dict]:
    """Run axe-core in the page.

    The script goes in through the DevTools protocol, which the page's CSP does not govern,
    so the site's policy stays as strict as in production.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate("() => {\n" + AXE_SOURCE.read_text(encoding="utf-8") + "\n}")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        list(tags),
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.fixture
def login_as(page: Page, live_server):  # type: ignore[no-untyped-def]
    """Put a verified staff session for ``user`` into the page's browser context."""
    from django.test import Client

    from tests.conftest import verify_session

    def login(user) -> Page:  # type: ignore[no-untyped-def]
        client = Client()
        verify_session(client, user)
        host = urlsplit(live_server.url).hostname
        page.context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "domain": host,
                    "path": "/",
                    "httpOnly": True,
                    "sameSite": "Lax",
                }
            ]
        )
        return page

    return login
