"""Every staff page and every admin page renders in Dutch: no English month or weekday
name, no entry of Django's catalogue left in English (the pages: tests/staff_pages.py)."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

from meldpunt.accounts.models import User
from meldpunt.audit.labels import AUDIT_ACTIONS, DETAIL_NAMES, OBJECT_TYPES
from tests.staff_pages import STAFF_PREFIXES, admin_pages, pages, staff_samples

pytestmark = pytest.mark.django_db

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SHORT_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
SHORT_DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
ENGLISH = re.compile(
    rf"\b({MONTHS}|{DAYS})\b"
    rf"|\b\d{{1,2}} ({SHORT_MONTHS})\b|\b({SHORT_MONTHS}) \d{{1,4}}\b"
    rf"|\b({SHORT_DAYS}),? \d"
    # Django's own texts that stay English when its Dutch catalogue does not have them.
    r"|Select an option|Filter by|Save and|Add another|Log out|View site|Change password"
    r"|Recent actions|Show all|\bHome\b|\bSearch\b|Welcome,|\bDelete\b"
    # Apps without a Dutch name (the admin shows them in capitals: "PUBLIC").
    r"|\b(Accounts|Public|Referrals|Reports|Cases|Linking|Stats)\b"
)


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def raw_audit() -> re.Pattern[str]:
    """Audit entries as stored ("mailbox.reply", "method: totp", "location #3") instead of
    their labels; a key that is a Dutch word itself ("contact") is not counted."""
    with translation.override("nl"):
        names = {**DETAIL_NAMES, **OBJECT_TYPES}
        keys = [key for key, label in names.items() if str(label) != key]
    actions = [re.escape(action) for action in AUDIT_ACTIONS]
    details = [rf"\b{re.escape(key)}(: | #\d)" for key in keys]
    return re.compile("|".join(actions + details))


def english_in(html: str) -> list[str]:
    text = visible_text(html)
    return sorted(
        {match.group(0) for pattern in (ENGLISH, raw_audit()) for match in pattern.finditer(text)}
    )


@pytest.fixture
def samples(coordinator: User, tmp_path: Path) -> dict[str, int | None]:
    return staff_samples(coordinator, tmp_path)


def check(client: Client, urls: list[tuple[str, str]]) -> list[str]:
    checked = []
    leaks = {}
    for name, url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        checked.append(name)
        found = english_in(response.content.decode())
        if found:
            leaks[url] = found
    assert not leaks, leaks
    return checked


def test_every_staff_page_is_in_dutch(coordinator: User, samples, verified_client):
    checked = check(verified_client(coordinator), list(pages(STAFF_PREFIXES, samples)))
    for name in (
        "cases:inbox",
        "cases:detail",
        "cases:audit",
        "referrals:detail",
        "chat:to_case",
        "privacy:subject",
    ):
        assert name in checked


def test_every_admin_page_is_in_dutch(administrator: User, samples, verified_client):
    checked = check(verified_client(administrator), list(admin_pages()))
    assert checked.count("changelist") >= 3
    assert "change" in checked


@pytest.mark.parametrize(
    "leak",
    [
        "2 Dec 2026 05:07",
        "- Select an option -",
        "Filter by datum",
        "Public",
        "mailbox.reply",
        "case.mailbox_reply",
        "method: totp",
        "location #3",
    ],
)
def test_the_check_finds_each_leak_seen_in_use(leak: str):
    assert english_in(f"<p>{leak}</p>")
    assert not english_in("<p>2 dec 2026 05:07, methode: app voor inlogcodes, plek #3</p>")
