"""Every staff page and every admin page passes axe-core's WCAG 2.2 A and AA rules, walked
in a real browser as a coordinator and as an administrator (the pages: tests/staff_pages.py)."""

from pathlib import Path
from pprint import pformat

import pytest
from playwright.sync_api import Page

from meldpunt.accounts.models import User
from tests.e2e.conftest import axe_violations, outside_the_browser_loop
from tests.staff_pages import STAFF_PREFIXES, admin_pages, pages, staff_samples

pytestmark = pytest.mark.e2e


def violations_per_page(page: Page, base: str, urls: list[tuple[str, str]]) -> tuple[dict, list]:
    """Axe's findings per URL, and the names of the pages that were HTML and could be read."""
    found: dict[str, list[dict]] = {}
    checked: list[str] = []
    for name, url in urls:
        # Asked first without the browser (same cookies): action URLs answer a GET with an
        # empty 405, which the browser would take for a failed navigation.
        answer = page.request.get(base + url, max_redirects=0)
        if answer.status != 200 or "text/html" not in answer.headers.get("content-type", ""):
            continue
        page.goto(base + url)
        checked.append(name)
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    return found, checked


def test_every_staff_page_is_accessible(
    page: Page, live_server, transactional_db: None, coordinator: User, login_as, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    samples = outside_the_browser_loop(lambda: staff_samples(coordinator, tmp_path))
    login_as(coordinator)
    found, checked = violations_per_page(
        page, live_server.url, list(pages(STAFF_PREFIXES, samples))
    )
    assert not found, pformat(found)
    for name in ("cases:inbox", "cases:detail", "cases:audit", "referrals:detail", "chat:to_case"):
        assert name in checked


def test_every_admin_page_is_accessible(
    page: Page,
    live_server,
    transactional_db: None,
    coordinator: User,
    administrator: User,
    login_as,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    outside_the_browser_loop(lambda: staff_samples(coordinator, tmp_path))
    login_as(administrator)
    found, checked = violations_per_page(page, live_server.url, list(admin_pages()))
    assert not found, pformat(found)
    assert checked.count("changelist") >= 3
    assert "change" in checked
