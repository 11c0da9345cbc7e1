"""The whole site under a path of another domain (MELDPUNT_PATH_PREFIX=/mensenhandel),
served by uvicorn as in production: the public home, the web report, the chat page, the
staff login and the advisor's websocket all work there, and every link, redirect, static
file, websocket path and cookie carries the prefix. Without the variable the site runs on
a host name of its own: that is what every other test does.
"""

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect

from tests.chat.servers import Server, chat_server_env, copy_database, free_port

PREFIX = "/mensenhandel"


@pytest.fixture(scope="module")
def prefixed(
    tmp_path_factory: pytest.TempPathFactory, chat_database: tuple[Path, str]
) -> Iterator[tuple[Server, str]]:
    """A uvicorn worker under /mensenhandel on its own SQLite file (a copy of the chat
    servers' database), and the session key of Anna, an advisor logged in there with two
    factors."""
    template, advisor_session = chat_database
    database = Path(tmp_path_factory.mktemp("prefix")) / "prefix.sqlite3"
    copy_database(template, database)
    port = free_port()
    env = {**chat_server_env(database, port), "MELDPUNT_PATH_PREFIX": PREFIX}
    # A first start on a busy machine (two cores shared by many) takes its time.
    server = Server(port, env).start(timeout=120)
    yield server, advisor_session
    server.stop()


@pytest.fixture
def browser(prefixed: tuple[Server, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=prefixed[0].url, timeout=60) as client:
        yield client


def links(html: str) -> list[str]:
    return re.findall(r'(?:href|src|action)="(/[^"]*)"', html)


def assert_all_under_prefix(html: str) -> None:
    own = links(html)
    assert own, "the page links to nothing of its own"
    outside = [link for link in own if not link.startswith(f"{PREFIX}/")]
    assert not outside, outside


@pytest.mark.parametrize("page", ["/", "/melden/", "/chat/", "/wat-is-mensenhandel/"])
def test_public_pages_link_only_under_the_prefix(browser: httpx.Client, page: str) -> None:
    response = browser.get(PREFIX + page)
    assert response.status_code == 200, response.text[:500]
    assert_all_under_prefix(response.text)
    for cookie in response.headers.get_list("set-cookie"):
        assert f"Path={PREFIX}/" in cookie


def test_static_files_are_served_under_the_prefix(browser: httpx.Client) -> None:
    home = browser.get(f"{PREFIX}/").text
    styles = [link for link in links(home) if link.endswith(".css")]
    scripts = [link for link in links(home) if link.endswith(".js")]
    assert styles
    assert scripts
    for asset in styles + scripts:
        assert asset.startswith(f"{PREFIX}/static/")
        assert browser.get(asset).status_code == 200, asset


def test_a_proxy_that_strips_the_prefix_works_too(browser: httpx.Client) -> None:
    """A path without the prefix (a proxy that strips it) reaches the same page, and its
    links still carry the prefix the visitor sees."""
    response = browser.get("/chat/")
    assert response.status_code == 200
    assert_all_under_prefix(response.text)
    assert browser.get("/healthz").status_code == 200


def test_the_web_report_starts_and_redirects_under_the_prefix(browser: httpx.Client) -> None:
    start = browser.get(f"{PREFIX}/melden/")
    first_step = re.search(r'href="([^"]+)">[^<]*Begin met de melding', start.text)
    assert first_step is not None
    assert first_step.group(1).startswith(f"{PREFIX}/melden/")
    step = browser.get(first_step.group(1), follow_redirects=True)
    assert step.status_code == 200
    assert str(step.url.path).startswith(f"{PREFIX}/melden/")
    assert_all_under_prefix(step.text)
    forms = re.findall(r'<form[^>]*action="([^"]*)"[^>]*method="post"', step.text, re.I)
    forms += re.findall(r'<form[^>]*method="post"[^>]*action="([^"]*)"', step.text, re.I)
    assert forms
    assert all(action.startswith(f"{PREFIX}/") for action in forms), forms


def test_staff_login_redirects_and_cookies_under_the_prefix(browser: httpx.Client) -> None:
    home = browser.get(f"{PREFIX}/medewerkers/")
    assert home.status_code == 302
    assert home.headers["location"].startswith(f"{PREFIX}/medewerkers/inloggen/")
    page = browser.get(f"{PREFIX}/medewerkers/inloggen/")
    assert page.status_code == 200
    assert_all_under_prefix(page.text)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token is not None
    cookies = page.headers.get_list("set-cookie")
    assert any(
        cookie.startswith("csrftoken=") and f"Path={PREFIX}/" in cookie for cookie in cookies
    )
    logged_in = browser.post(
        f"{PREFIX}/medewerkers/inloggen/",
        data={
            "csrfmiddlewaretoken": token.group(1),
            "username": "anna",
            "password": "correct horse battery staple",
        },
        headers={"Referer": f"{browser.base_url}{PREFIX}/medewerkers/inloggen/"},
    )
    assert logged_in.status_code == 302, logged_in.text[:500]
    assert logged_in.headers["location"] == f"{PREFIX}/medewerkers/inloggen/code/"
    session = [c for c in logged_in.headers.get_list("set-cookie") if c.startswith("sessionid=")]
    assert session
    assert f"Path={PREFIX}/" in session[0]


def test_the_chat_console_and_its_websocket_under_the_prefix(
    prefixed: tuple[Server, str], browser: httpx.Client
) -> None:
    server, advisor_session = prefixed
    browser.cookies.set("sessionid", advisor_session)
    console = browser.get(f"{PREFIX}/medewerkers/chat/")
    assert console.status_code == 200, console.text[:3000]
    assert f'data-ws-path="{PREFIX}/ws/medewerkers/chat/"' in console.text

    async def first_message() -> dict[str, object]:
        async with connect(
            f"{server.ws_url}{PREFIX}/ws/medewerkers/chat/",
            origin=server.url,  # type: ignore[arg-type]
            additional_headers={"Cookie": f"sessionid={advisor_session}"},
        ) as ws:
            return dict(json.loads(await asyncio.wait_for(ws.recv(), timeout=10)))

    assert "type" in asyncio.run(first_message())
