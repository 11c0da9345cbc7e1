"""The reporter's device keeps nothing: quick exit ends the visit on the server too.

A reporter opens the mailbox (or starts a report), leaves with Snel weg in each of its
four forms (button, Escape, three times Shift, and the plain link without JavaScript),
then tries Back, a reload and the address of the page: nothing of the visit shows, and
no cookie of the meldpunt is left but an empty or expired one. The neutral site is a
stub answered by Playwright's router (see test_public_quick_exit).
"""

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from meldpunt.reports.models import ReportDraft
from meldpunt.reports.review import collect_answers, review_draft
from meldpunt.reports.services import draft_save_step, draft_start, mailbox_reply, report_submit
from tests.e2e.conftest import (
    EXIT_URL,
    START_URL,
    Stub,
    advisor_on_duty,
    axe_violations,
    new_context,
    open_context,
)
from tests.reports.conftest import ANSWERS

pytestmark = pytest.mark.e2e

REPLY = "Dank u. Is de kas in Biddinghuizen?"
TYPED = "Mannen werken 14 uur per dag in de kas aan de Kasweg."
WAYS = ["button", "escape", "shift", "link-without-javascript"]


@pytest.fixture
def mailbox_code(transactional_db, advisor) -> str:  # type: ignore[no-untyped-def]
    """A sent report whose mailbox holds a reply of the meldpunt; the receipt code."""
    draft = draft_start()
    for step, raw in ANSWERS.items():
        draft_save_step(draft=draft, step=step, raw=raw)
    sent = report_submit(draft=draft, answers=collect_answers(review_draft(draft)))
    mailbox_reply(case=sent.case, mailbox=sent.mailbox, by=advisor, text=REPLY)
    return sent.code


@pytest.fixture(params=WAYS)
def way(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def context(browser: Browser, exit_stub: Stub, way: str) -> Iterator[BrowserContext]:
    context = open_context(browser, exit_stub, java_script_enabled=way != WAYS[-1])
    context.set_default_timeout(10_000)
    yield context
    context.close()


def leave(page: Page, way: str) -> None:
    """Snel weg, the way a reporter in a hurry would use it; waits for the neutral site."""
    page.wait_for_load_state()  # the keys work once the page's script has run
    if way == "escape":
        page.keyboard.press("Escape")
    elif way == "shift":
        for _ in range(3):
            page.keyboard.press("Shift")
    else:
        page.get_by_role("link", name="Snel weg").click()
    expect(page).to_have_url(EXIT_URL)


def own_cookies(context: BrowserContext, base: str) -> list[dict]:
    """The meldpunt's cookies in the browser that still hold a value (expired ones are gone)."""
    return [c for c in context.cookies(base) if c["value"]]


def wait_until_no_cookies(context: BrowserContext, base: str) -> None:
    """With JavaScript the session ends by a beacon that leaves with the page; its answer
    removes the cookies. Wait for that answer (a person needs longer to press Back)."""
    deadline = time.monotonic() + 10
    while own_cookies(context, base) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert own_cookies(context, base) == []


def assert_nothing_of_the_visit(page: Page, base: str, address: str, *secrets: str) -> None:
    """Back, reload and the page's own address: none shows what the reporter saw or typed."""
    context = page.context
    page.go_back()
    assert page.url.startswith(base), page.url
    for secret in secrets:
        assert secret not in page.content()
    page.reload()
    for secret in secrets:
        assert secret not in page.content()
    page.goto(base + address)
    for secret in secrets:
        assert secret not in page.content()
    # Pages with a form set a new CSRF cookie, but it lives only as long as the browser.
    assert [c["name"] for c in own_cookies(context, base)] in ([], ["csrftoken"])
    assert all(c["expires"] == -1 for c in own_cookies(context, base))


def test_quick_exit_closes_the_open_mailbox(
    context: BrowserContext, way: str, live_server, mailbox_code: str
) -> None:  # type: ignore[no-untyped-def]
    """Mailbox open, Snel weg: Back, reload and the mailbox's address ask for the code again."""
    page = context.new_page()
    page.goto(START_URL)
    page.goto(live_server.url + "/melden/postbus/")
    page.get_by_label("Uw code (16 cijfers)").fill(mailbox_code)
    page.get_by_role("button", name="Postbus openen").click()
    expect(page.get_by_text(REPLY)).to_be_visible()
    assert {c["name"] for c in own_cookies(context, live_server.url)} == {
        "sessionid",
        "csrftoken",
    }

    leave(page, way)
    wait_until_no_cookies(context, live_server.url)
    assert_nothing_of_the_visit(
        page, live_server.url, "/melden/postbus/", REPLY, "Biddinghuizen", "Stand van zaken"
    )
    expect(page.get_by_label("Uw code (16 cijfers)")).to_be_visible()


def test_quick_exit_throws_the_unfinished_report_away(
    context: BrowserContext, way: str, live_server
) -> None:  # type: ignore[no-untyped-def]
    """Half a report, Snel weg: the draft is gone from the server and from every page."""
    page = context.new_page()
    page.goto(START_URL)
    page.goto(live_server.url + "/melden/stap/wie/")
    page.get_by_label("Ik woon in de buurt of ik zag of hoorde iets").check()
    page.get_by_role("button", name="Volgende").click()
    page.get_by_label("Wat is er aan de hand?").fill(TYPED)
    page.get_by_label("Ik weet het niet").check()
    page.get_by_label("Ik wil advies", exact=False).check()
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_label("Dronten")).to_be_visible()
    assert ReportDraft.objects.count() == 1

    leave(page, way)
    wait_until_no_cookies(context, live_server.url)
    assert ReportDraft.objects.count() == 0
    assert_nothing_of_the_visit(page, live_server.url, "/melden/stap/wat/", TYPED)
    expect(page.get_by_label("Wat is er aan de hand?")).to_have_value("")


def test_back_after_quick_exit_skips_every_information_page(
    browser: Browser, exit_stub: Stub, live_server
) -> None:  # type: ignore[no-untyped-def]
    """Several pages read by following links, then Snel weg: Back goes to where the visitor
    was before the meldpunt, not to one of its pages."""
    context = open_context(browser, exit_stub)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(START_URL)
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Wat is mensenhandel?"
    ).click()
    expect(page).to_have_url(live_server.url + "/wat-is-mensenhandel/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Anoniem melden"
    ).click()
    expect(page).to_have_url(live_server.url + "/anoniem-melden/")
    leave(page, "button")
    page.go_back()
    expect(page).to_have_url(START_URL)
    context.close()


def test_back_after_quick_exit_skips_pages_left_before_the_script_arrived(
    browser: Browser, exit_stub: Stub, live_server
) -> None:  # type: ignore[no-untyped-def]
    """On a slow line the quick exit script comes a second after the page's text: a link
    followed at once still takes the page's place in the history (CI of 6 December)."""
    context = open_context(browser, exit_stub)
    context.route("**/js/quick-exit*.js", slow_script)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(START_URL)
    page.goto(live_server.url + "/", wait_until="commit")
    page.get_by_role("link", name="Wat is mensenhandel?").first.click()
    expect(page).to_have_url(live_server.url + "/wat-is-mensenhandel/")
    leave(page, "escape")
    page.go_back()
    expect(page).to_have_url(START_URL)
    context.close()


def slow_script(route: Route) -> None:
    time.sleep(1)
    route.continue_()


def test_reading_a_form_step_creates_no_session(
    browser: Browser, exit_stub: Stub, live_server
) -> None:  # type: ignore[no-untyped-def]
    """Opening a form step leaves at most a CSRF cookie that dies with the browser; the
    session starts at the first save, and its cookie also dies with the browser."""
    context = open_context(browser, exit_stub)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + "/melden/stap/wie/")
    cookies = own_cookies(context, live_server.url)
    assert [c["name"] for c in cookies] == ["csrftoken"]
    assert cookies[0]["expires"] == -1
    page.get_by_label("Ik woon in de buurt of ik zag of hoorde iets").check()
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_label("Wat is er aan de hand?")).to_be_visible()
    cookies = own_cookies(context, live_server.url)
    assert {c["name"] for c in cookies} == {"sessionid", "csrftoken"}
    assert all(c["expires"] == -1 for c in cookies)
    context.close()


def test_no_trace_page_says_what_quick_exit_can_and_cannot_do(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    """The 'Geen sporen' page promises only what is true, and passes axe-core."""
    page.goto(live_server.url + "/geen-sporen/")
    main = page.locator("main")
    for promise in (
        "Met de knop Terug ziet u daarna niets meer van wat u las of typte.",
        "Met de knop Terug kunt u nog een lege pagina van ons zien.",
        "Gebruik daarom het liefst een privévenster.",
        "Doet u 30 minuten niets op deze website, of sluit u uw browser?",
    ):
        expect(main).to_contain_text(promise)
    expect(main).not_to_contain_text("Met de knop Terug komt u niet terug op deze website.")
    assert axe_violations(page) == []


def test_quick_exit_ends_the_chat(browser: Browser, chat_server) -> None:  # type: ignore[no-untyped-def]
    """A waiting chat, Escape: Back, reload and the chat's address show a new start form,
    and the chat is over for the advisor too. (The neutral site is the server's own home
    page here: the chat needs uvicorn, whose exit address is set at its start.)"""
    server, advisor_session = chat_server
    advisor = advisor_on_duty(browser, server, advisor_session)

    context = new_context(browser)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(server.url + "/chat/")
    page.get_by_label("Bijnaam (mag leeg blijven)").fill("Kasweg")
    page.get_by_test_id("chat-start").click()
    expect(page.locator("[data-chat-status]")).to_contain_text("in de rij")
    expect(advisor.locator("[data-queue]")).to_contain_text("Kasweg")

    page.keyboard.press("Escape")
    page.wait_for_url(server.url + "/")
    wait_until_no_cookies(context, server.url)
    expect(advisor.locator("[data-queue]")).not_to_contain_text("Kasweg")
    assert_nothing_of_the_visit(page, server.url, "/chat/", "Kasweg", "in de rij")
    expect(page.get_by_test_id("chat-start")).to_be_visible()
    assert page.locator("[data-chat]").count() == 0
    context.close()
    advisor.context.close()
