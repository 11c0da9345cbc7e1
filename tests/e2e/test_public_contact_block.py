"""The contact block in the browser shows the chat as open or closed for a frozen moment.

The live server runs in a thread of the test process, so patching the clock applies to it.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from meldpunt.accounts.models import User
from meldpunt.chat.services import agent_set_available
from meldpunt.lib import clock
from meldpunt.public.models import WeeklyOpening
from tests.e2e.conftest import outside_the_browser_loop

pytestmark = pytest.mark.e2e

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def office_hours(live_server) -> None:  # type: ignore[no-untyped-def]
    """Monday to Friday 9:00 to 17:00 (browser tests flush the migration's default rows)."""
    WeeklyOpening.objects.all().delete()
    WeeklyOpening.objects.bulk_create(
        WeeklyOpening(weekday=day, opens=time(9), closes=time(17)) for day in range(5)
    )


@pytest.fixture
def advisor_on_duty(advisor: User) -> None:
    """The chat is only open with an advisor available (one source for block and chat page)."""
    outside_the_browser_loop(lambda: agent_set_available(user=advisor, available=True))


def freeze(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def test_open_on_wednesday_afternoon(
    page: Page,
    live_server,
    office_hours: None,
    advisor_on_duty: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """Wednesday 14:00: open until 17:00, in both languages."""
    freeze(monkeypatch, datetime(2026, 11, 25, 14, 0, tzinfo=AMS))
    page.goto(live_server.url + "/")
    expect(page.get_by_test_id("chat-status")).to_contain_text("De chat is nu open, tot 17:00 uur.")
    page.goto(live_server.url + "/en/")
    expect(page.get_by_test_id("chat-status")).to_contain_text("The chat is open now, until 17:00.")


def test_friday_16_59_open_and_17_00_closed(
    page: Page,
    live_server,
    office_hours: None,
    advisor_on_duty: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """One minute before closing it is open; at 17:00 it is closed and opens Monday at 9:00."""
    freeze(monkeypatch, datetime(2026, 11, 27, 16, 59, tzinfo=AMS))
    page.goto(live_server.url + "/privacy/")
    expect(page.get_by_test_id("chat-status")).to_contain_text("De chat is nu open")
    freeze(monkeypatch, datetime(2026, 11, 27, 17, 0, tzinfo=AMS))
    page.reload()
    expect(page.get_by_test_id("chat-status")).to_contain_text(
        "De chat is nu gesloten. De chat gaat maandag om 9:00 uur open."
    )
    page.goto(live_server.url + "/en/privacy/")
    expect(page.get_by_test_id("chat-status")).to_contain_text(
        "The chat is closed now. It opens Monday at 9:00."
    )


def test_closed_on_christmas_day(
    page: Page, live_server, office_hours: None, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Christmas Day (a Friday in 2026) is closed; the chat opens again on Monday."""
    freeze(monkeypatch, datetime(2026, 12, 25, 11, 0, tzinfo=AMS))
    page.goto(live_server.url + "/")
    expect(page.get_by_test_id("chat-status")).to_contain_text(
        "De chat gaat maandag om 9:00 uur open."
    )
