"""One Playwright driver and one Chromium per test process, kept from one browser test
module to the next and closed before a test of another kind runs.

Playwright's sync API keeps an event loop marked as running in the test thread while its
driver is open: a test that sends a channel layer event from synchronous code
(async_to_sync), or an async test, would find that loop and fail. The browser tests are
one directory, so an xdist worker gets them one after the other; tests/conftest.py closes
the browser when the next test is not one of them (``is_browser_test``), and at the end.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, PlaywrightContextManager, sync_playwright

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
BROWSER_TESTS = Path(__file__).parent


def is_browser_test(item: pytest.Item) -> bool:
    return item.path.is_relative_to(BROWSER_TESTS)


class SharedBrowser:
    """Starts the driver and Chromium when first asked, and again after ``close``."""

    def __init__(self) -> None:
        self._driver: PlaywrightContextManager | None = None
        self._browser: Browser | None = None
        self.launches = 0

    def get(self) -> Browser:
        if self._browser is not None and self._browser.is_connected():
            return self._browser
        self.close()
        self._driver = sync_playwright()
        playwright = self._driver.start()
        self._browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.launches += 1
        return self._browser

    def close(self) -> None:
        browser, driver = self._browser, self._driver
        self._browser = self._driver = None
        try:
            if browser is not None and browser.is_connected():
                browser.close()
        finally:
            if driver is not None:
                driver.__exit__()


shared_browser = SharedBrowser()
