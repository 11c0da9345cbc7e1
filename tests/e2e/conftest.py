"""Browser tests: Playwright for Python driving Debian's Chromium, never a downloaded browser."""

import functools
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django import db
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIServer
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Request,
    Route,
    expect,
)

from tests.chat.servers import (
    Server,
    chat_server_env,
    copy_database,
    free_port,
)
from tests.e2e.browsers import shared_browser

# Assertions wait as long as actions do (``page.set_default_timeout`` below): on a slow or
# busy machine the server's answer to typing may take longer than Playwright's 5 s (a
# phone-intake test failed so once on 6 December 2026, on a machine half as fast).
expect.set_options(timeout=10_000)

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# from that thread are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_SOURCE = Path(__file__).parent / "vendor" / "axe.min.js"


class OneAtATimeWSGIServer(WSGIServer):
    """A live server that answers one request at a time (and closes each connection).

    On an in-memory SQLite database every thread of Django's threaded live server shares
    the test's one connection, as Django's docs warn: two requests at once, as the phone
    intake's autosave and suggestions are, mixed their queries ("bad parameter or other
    API misuse", another request's rows) and lost a staff session
    (tests/e2e/test_live_server.py)."""

    def __init__(self, *args, connections_override=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)


def _create_server(self, connections_override=None):  # type: ignore[no-untyped-def]
    """Django's, with one request at a time where the connections are shared (only an
    in-memory SQLite database's are); threaded as before on PostgreSQL."""
    server_class = OneAtATimeWSGIServer if connections_override else ThreadedWSGIServer
    return server_class(
        (self.host, self.port),
        QuietWSGIRequestHandler,
        allow_reuse_address=False,
        connections_override=connections_override,
    )


LiveServerThread._create_server = _create_server  # type: ignore[method-assign]

pytestmark = pytest.mark.e2e


# Screenshots for people to look at, only where asked for (MELDPUNT_SCREENSHOTS=var/screenshots
# make test): a full-page one costs Chromium about 0.3 s of CPU, 50 of them a run.
SHOTS = os.environ.get("MELDPUNT_SCREENSHOTS")


def shot(page: Page, name: str, *, full_page: bool = True) -> None:
    """Save the page as ``name``.png in the folder MELDPUNT_SCREENSHOTS names, if it names one."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=full_page, caret="initial")


@pytest.fixture(scope="module")
def browser() -> Browser:
    """Chromium, shared with the browser test modules that run before and after this one in
    the same worker (tests/e2e/browsers.py)."""
    return shared_browser.get()


def outside_the_browser_loop[T](work: Callable[[], T]) -> T:
    """Run ``work`` in a thread of its own, where no Playwright event loop is running, so
    code that sends channel layer events from synchronous code (async_to_sync) works.
    The thread's database connection goes back (to the pool, on PostgreSQL) when it ends."""

    def work_then_close() -> T:
        try:
            return work()
        finally:
            db.connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work_then_close).result()


def new_context(browser: Browser) -> BrowserContext:
    """A fresh browser profile in Dutch, in Amsterdam's time zone."""
    return browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")


class ForeignRequests(list[str]):
    """Every request the page made to an origin other than the site's own."""


@pytest.fixture
def foreign_requests() -> ForeignRequests:
    return ForeignRequests()


@pytest.fixture
def page(browser: Browser, live_server, foreign_requests: ForeignRequests) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    own = urlsplit(live_server.url).netloc
    context = new_context(browser)

    def watch(request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != own:
            foreign_requests.append(request.url)

    context.on("request", watch)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# axe-core's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds only AA rules).
WCAG_22_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


@functools.cache
def axe_script() -> str:
    return "() => {\n" + AXE_SOURCE.read_text(encoding="utf-8") + "\n}"


def axe_violations(page: Page, tags: tuple[str, ...] = WCAG_22_AA) -> list[dict]:
    """Run axe-core in the page with the WCAG 2.2 A and AA rules.

    The script goes in through the DevTools protocol, which the page's CSP does not govern,
    so the site's policy stays as strict as in production. It runs once the page has
    loaded: a heading can be in the document before its stylesheets are, and a button
    without them once failed on contrast (test_referral_flow, 4 December 2026).
    """
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    # Only the violations come back: the passes' nodes are not collected or sent across.
    result = page.evaluate(
        "async (tags) => await axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
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


@pytest.fixture(scope="module")
def chat_server(
    tmp_path_factory: pytest.TempPathFactory, chat_database: tuple[Path, str]
) -> Iterator[tuple[Server, str]]:
    """A uvicorn server for this test module's chats, on its own SQLite file (a copy of
    ``chat_database``), and the advisor's session key there.

    pytest-django's live server cannot serve websockets; uvicorn is the production server.
    This works the same on the embedded default and on the PostgreSQL + Redis run.
    """
    template, advisor_session = chat_database
    database = Path(tmp_path_factory.mktemp("chat")) / "chat.sqlite3"
    copy_database(template, database)
    port = free_port()
    server = Server(port, chat_server_env(database, port)).start()
    yield server, advisor_session
    server.stop()


def advisor_page(browser: Browser, server: Server, session_key: str) -> Page:
    """A page in a new browser profile that holds the advisor's session cookie."""
    context = new_context(browser)
    context.add_cookies(
        [{"name": "sessionid", "value": session_key, "url": server.url, "httpOnly": True}]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def advisor_on_duty(browser: Browser, server: Server, session_key: str) -> Page:
    """The advisor's console, available for chats, once the public side sees them too.

    Saving the availability reloads the console: the old page's socket closing makes the
    advisor absent until the new one reports (chat.services.agent_console_closed). A
    visitor in that second finds the chat closed, as a real one would, so the test waits
    for the public status to say open, as a visitor who reloads would."""
    advisor = advisor_page(browser, server, session_key)
    advisor.goto(server.url + "/medewerkers/chat/")
    advisor.get_by_label("Ik ben beschikbaar voor chats").check()
    advisor.get_by_test_id("save-availability").click()
    expect(advisor.get_by_test_id("agent-status")).to_contain_text("beschikbaar")
    expect(advisor.locator("[data-console-status]")).to_have_text("Verbonden.")
    for _ in range(100):
        if advisor.request.get(server.url + "/status/chat.json").json()["chat"] == "open":
            return advisor
        advisor.wait_for_timeout(100)
    raise AssertionError("the chat did not open for visitors within 10 s of the advisor")


# Quick exit: the neutral site and the site the visitor came from are stubs on other
# origins, answered by Playwright's router, so no real network is used and the test sees
# exactly what the browser sends there.
EXIT_URL = "https://neutraal.example/weer"
START_URL = "https://start.example/"


class Stub:
    """Answers the start and exit origins with a plain page and remembers what was asked."""

    def __init__(self) -> None:
        self.referers: list[str | None] = []

    def __call__(self, route: Route) -> None:
        self.referers.append(route.request.headers.get("referer"))
        route.fulfill(
            status=200, content_type="text/html", body="<title>Weer</title><p>Het weer</p>"
        )


@pytest.fixture
def exit_stub(settings, live_server) -> Stub:  # type: ignore[no-untyped-def]
    settings.MELDPUNT_EXIT_URL = EXIT_URL
    return Stub()


def open_context(browser: Browser, stub: Stub, **options: object) -> BrowserContext:
    context = browser.new_context(locale="nl-NL", **options)
    context.route("https://neutraal.example/**", stub)
    context.route("https://start.example/**", stub)
    return context
