"""The contact block on every public page: phone, chat status for the current time, report link."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from meldpunt.accounts.models import User
from meldpunt.chat.services import agent_set_available
from meldpunt.lib import clock
from meldpunt.public.models import OpeningException, WeeklyOpening

AMS = ZoneInfo("Europe/Amsterdam")

pytestmark = pytest.mark.django_db


def freeze(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def chat_text(client: Client, path: str) -> str:
    html = client.get(path).content.decode()
    start = html.index('data-testid="chat-status"')
    return " ".join(html[start : html.index("</dd>", start)].split())


def test_open_on_a_weekday_afternoon(
    client: Client, monkeypatch: pytest.MonkeyPatch, advisor: User
) -> None:
    """Wednesday 14:00 with an advisor on duty: the chat is open until 17:00."""
    freeze(monkeypatch, datetime(2026, 11, 25, 14, 0, tzinfo=AMS))
    agent_set_available(user=advisor, available=True)
    assert "De chat is nu open, tot 17:00 uur." in chat_text(client, "/")
    assert "The chat is open now, until 17:00." in chat_text(client, "/en/")
    assert 'href="/chat/">Start een chat</a>' in chat_text(client, "/")


def test_no_chat_link_while_closed(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Closed: the block says when the chat opens and offers no link to start one."""
    freeze(monkeypatch, datetime(2026, 11, 25, 20, 0, tzinfo=AMS))
    assert "Start een chat" not in chat_text(client, "/")


def test_closed_on_friday_evening_opens_monday(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Friday 17:00: closed, and the block names Monday 9:00."""
    freeze(monkeypatch, datetime(2026, 11, 27, 17, 0, tzinfo=AMS))
    assert "De chat is nu gesloten. De chat gaat maandag om 9:00 uur open." in chat_text(
        client, "/privacy/"
    )
    assert "The chat is closed now. It opens Monday at 9:00." in chat_text(client, "/en/privacy/")


def test_closed_early_morning_opens_today(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tuesday 7:30: the chat opens later today."""
    freeze(monkeypatch, datetime(2026, 12, 1, 7, 30, tzinfo=AMS))
    assert "De chat gaat vandaag om 9:00 uur open." in chat_text(client, "/")


def test_closed_sunday_opens_tomorrow(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sunday: the chat opens tomorrow."""
    freeze(monkeypatch, datetime(2026, 11, 29, 15, 0, tzinfo=AMS))
    assert "The chat is closed now. It opens tomorrow at 9:00." in chat_text(client, "/en/")


def test_long_closure_names_the_date(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Closed for more than a week: the block gives the full date, not just a weekday."""
    for day in range(1, 12):
        OpeningException.objects.create(date=date(2026, 12, day), kind=OpeningException.Kind.CLOSED)
    freeze(monkeypatch, datetime(2026, 12, 1, 10, 0, tzinfo=AMS))
    assert "De chat gaat maandag 14 december om 9:00 uur open." in chat_text(client, "/")


def test_phone_is_a_tel_link_available_around_the_clock(client: Client) -> None:
    """The phone number links to tel: and says 24/7."""
    html = client.get("/anoniem-melden/").content.decode()
    assert 'contact-block__phone" href="tel:+31882220500">088 2220500</a>' in html
    assert "24 uur per dag, 7 dagen per week" in html


def test_hours_follow_the_weekly_schedule(client: Client) -> None:
    """The hours shown come from the schedule in the admin, not from fixed text."""
    WeeklyOpening.objects.all().delete()
    for day in (0, 1):
        WeeklyOpening.objects.create(weekday=day, opens=time(10), closes=time(12))
        WeeklyOpening.objects.create(weekday=day, opens=time(13), closes=time(16))
    WeeklyOpening.objects.create(weekday=3, opens=time(9), closes=time(17))
    assert (
        "Maandag en dinsdag, 10:00 tot 12:00 uur en 13:00 tot 16:00 uur; "
        "Donderdag, 9:00 tot 17:00 uur. Niet op feestdagen."
    ) in chat_text(client, "/")
    assert (
        "Monday and Tuesday, 10:00 to 12:00 and 13:00 to 16:00; "
        "Thursday, 9:00 to 17:00. Not on public holidays."
    ) in chat_text(client, "/en/")


def test_no_weekly_hours_says_so(client: Client) -> None:
    """Without a weekly schedule the block says there are no regular hours."""
    WeeklyOpening.objects.all().delete()
    assert "De chat heeft nu geen vaste openingstijden." in chat_text(client, "/")
