"""Issue 17's "done means", tried as new users would, in one real browser story.

A Polish-speaking worker opens the Polish page from a shared link (in a browser set to
Dutch), reads how reporting works, makes an anonymous report in Polish with a photo and
gets the receipt code. The advisor sees "Pools" on that report in the inbox and answers in
its mailbox; later, in a fresh browser, the worker opens the mailbox with the code and
reads the answer in a Polish page. An Arabic-speaking user sees every step of the report
form and the check page right to left. The advisor takes a chat in Polish from the queue.

The reporter's texts are picked by their Polish names (locale/pl/LC_MESSAGES/django.po);
the staff pages stay Dutch.
"""

import pytest
from playwright.sync_api import Browser, Page, expect

from meldpunt.cases.models import Case
from meldpunt.reports.models import Attachment
from tests.e2e.test_chat_language import polish_chat_taken
from tests.e2e.test_public_languages import send_report
from tests.reports.conftest import jpeg_with_gps

pytestmark = pytest.mark.e2e

ANSWER = "Dziękujemy. Czy szklarnia jest w Biddinghuizen?"


def reporter_page(browser: Browser, locale: str) -> Page:
    """A fresh browser profile whose browser is set to ``locale``."""
    page = browser.new_context(locale=locale, timezone_id="Europe/Amsterdam").new_page()
    page.set_default_timeout(10_000)
    return page


def next_step(page: Page) -> None:
    page.get_by_role("button", name="Dalej").click()


def polish_report_with_photo(page: Page, base: str) -> str:
    """From the shared link /pl/ to the receipt code, clicking as the worker would."""
    page.goto(base + "/pl/")
    expect(page).to_have_url(base + "/pl/")  # a Dutch browser is not sent away
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    page.locator("main").get_by_role("link", name="Złóż zgłoszenie", exact=True).click()
    expect(page).to_have_url(base + "/pl/melden/")
    expect(page.get_by_role("heading", name="Jak to działa")).to_be_visible()
    expect(page.get_by_text("Po wysłaniu dostaniesz kod z 16 cyfr", exact=False)).to_be_visible()
    page.get_by_role("link", name="Zacznij zgłoszenie").click()

    page.get_by_label("Mieszkam w okolicy", exact=False).check()
    next_step(page)
    page.get_by_label("Co się dzieje?").fill("Pracujemy 14 godzin dziennie w szklarni.")
    page.get_by_label("Wyzysk w pracy", exact=False).check()
    page.get_by_label("Chcę porady", exact=False).check()
    next_step(page)
    page.get_by_label("Dronten").check()
    page.get_by_label("To dzieje się nadal").check()
    next_step(page)
    page.get_by_label("Od 2 do 5 osób").check()
    page.get_by_role("group", name="Czy są wśród nich dzieci", exact=False).get_by_label(
        "Nie", exact=True
    ).check()
    next_step(page)
    page.get_by_label("Numery rejestracyjne samochodów lub busów").fill("AB-12-CD")
    next_step(page)
    page.get_by_label("Dodaj zdjęcia lub dokumenty").set_input_files(
        files=[{"name": "szklarnia.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    next_step(page)
    page.get_by_label("Ulotka").check()
    page.get_by_label("Chcę zachować anonimowość", exact=False).check()
    next_step(page)

    expect(page.get_by_role("heading", name="Sprawdź i wyślij")).to_be_visible()
    expect(page.get_by_text("szklarnia.jpg")).to_be_visible()
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    code = page.get_by_test_id("receipt-code").inner_text().replace(" ", "")
    assert len(code) == 16
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    return code


def assert_form_right_to_left(page: Page) -> None:
    """The report form and every field, label and legend in it lay out right to left; only
    a phone number reads left to right (the browser's rule, as the site's for tel: links)."""
    form = page.locator("main form.report-form")
    expect(form).to_have_count(1)
    directions = form.evaluate(
        """form => [form, ...form.querySelectorAll(
               'fieldset, legend, label, input:not([type=hidden]), textarea, select, button')]
           .map(e => [e.tagName + (e.type === 'tel' ? '[tel]' : ''),
                      getComputedStyle(e).direction])"""
    )
    assert len(directions) > 2, page.url
    expected = [[name, "ltr" if name == "INPUT[tel]" else "rtl"] for name, _ in directions]
    assert directions == expected, page.url


def test_polish_worker_arabic_reader_and_advisor_as_issue_17_says_done(
    browser: Browser,
    page: Page,
    live_server,
    transactional_db,
    advisor,
    login_as,
    chat_server,  # type: ignore[no-untyped-def]
) -> None:
    base = live_server.url
    worker = reporter_page(browser, "nl-NL")
    code = polish_report_with_photo(worker, base)
    worker.context.close()
    case = Case.objects.get()
    assert Attachment.objects.filter(case=case).count() == 1

    staff = login_as(advisor)
    staff.goto(base + "/medewerkers/zaken/")
    row = staff.locator("#unassigned tbody tr", has=staff.get_by_role("link", name=case.number))
    expect(row.locator("[data-label=Taal]")).to_have_text("Pools")
    row.get_by_role("link", name=case.number).click()
    expect(staff.locator(".tag--language").first).to_have_text("Pools")
    staff.get_by_label("Antwoord aan de melder").fill(ANSWER)
    staff.get_by_role("button", name="Versturen naar de melder").click()
    expect(staff.locator("#mailbox .report-thread")).to_contain_text(ANSWER)

    later = reporter_page(browser, "pl-PL")
    later.goto(base + "/pl/melden/postbus/")
    later.get_by_label("Twój kod (16 cyfr)").fill(code)
    later.get_by_role("button", name="Otwórz skrzynkę").click()
    expect(later.get_by_text(ANSWER)).to_be_visible()
    expect(later.locator("html")).to_have_attribute("lang", "pl")
    later.context.close()

    arabic = reporter_page(browser, "ar")
    send_report(arabic, base, "ar", on_each_page=assert_form_right_to_left)
    arabic.context.close()

    server, advisor_session = chat_server
    with polish_chat_taken(browser, server, advisor_session):
        pass
