"""An advisor who logs out in another tab sees in the console tab that she must log in
again; the console shows no chats any more and does not try to reconnect."""

import pytest
from playwright.sync_api import ConsoleMessage, WebSocket, expect

from tests.e2e.conftest import advisor_page, axe_violations

pytestmark = pytest.mark.e2e

LOGGED_OUT = "U bent uitgelogd. Log opnieuw in om verder te chatten."
# The console's first reconnect would come after at most half a second.
NO_RECONNECT_MS = 2000


def test_logout_in_another_tab_closes_the_console_with_a_message(browser, chat_server):
    """Anna has the console open and logs out in a second tab of the same browser: the
    console tab says so in plain words with a link to log in again, the queue, chats and
    availability are gone, no new connection is made, and the page passes axe."""
    server, advisor_session = chat_server
    console = advisor_page(browser, server, advisor_session)
    sockets: list[str] = []
    csp_errors: list[str] = []

    def on_socket(ws: WebSocket) -> None:
        sockets.append(ws.url)

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            csp_errors.append(message.text)

    console.on("websocket", on_socket)
    console.on("console", on_console)
    console.goto(server.url + "/medewerkers/chat/")
    expect(console.locator("[data-console-status]")).to_have_text("Verbonden.")
    expect(console.get_by_role("alert").filter(has_text=LOGGED_OUT)).to_be_hidden()

    other = console.context.new_page()
    other.goto(server.url + "/medewerkers/")
    other.get_by_role("button", name="Uitloggen").click()
    expect(other.get_by_label("Gebruikersnaam")).to_be_visible()

    notice = console.get_by_role("alert").filter(has_text=LOGGED_OUT)
    expect(notice).to_be_visible()
    link = notice.get_by_role("link", name="Opnieuw inloggen")
    expect(link).to_have_attribute("href", "/medewerkers/inloggen/?next=/medewerkers/chat/")
    expect(console.locator("[data-console]")).to_have_count(0)
    expect(console.get_by_test_id("save-availability")).to_have_count(0)
    assert axe_violations(console) == []
    console.wait_for_timeout(NO_RECONNECT_MS)
    assert len(sockets) == 1
    assert csp_errors == []

    link.click()
    expect(console.get_by_label("Gebruikersnaam")).to_be_visible()
    assert console.url == server.url + "/medewerkers/inloggen/?next=/medewerkers/chat/"
    console.context.close()
