"""Opening hours of the chat: weekly schedule, Dutch public holidays and admin exceptions.

All moments are written in Europe/Amsterdam time unless a test is about UTC on purpose.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from meldpunt.lib import clock
from meldpunt.lib.workdays import add_working_days, holiday_name, is_working_day
from meldpunt.public.models import OpeningException, WeeklyOpening
from meldpunt.public.selectors import chat_opening, chat_schedule

AMS = ZoneInfo("Europe/Amsterdam")

pytestmark = pytest.mark.django_db


def local(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def test_friday_16_59_is_open_and_17_00_is_closed() -> None:
    """The chat closes at 17:00 sharp: one minute before it is still open."""
    assert chat_opening(at=local(2026, 11, 27, 16, 59)).is_open
    closed = chat_opening(at=local(2026, 11, 27, 17, 0))
    assert not closed.is_open
    assert closed.opens_at == local(2026, 11, 30, 9, 0)


def test_open_status_says_when_the_chat_closes() -> None:
    """While open, the status names today's closing time and no opening time."""
    status = chat_opening(at=local(2026, 11, 25, 10, 0))
    assert status.is_open
    assert status.closes_at == local(2026, 11, 25, 17, 0)
    assert status.opens_at is None


def test_sunday_is_closed_and_the_next_opening_is_monday_morning() -> None:
    """Over the weekend the next opening is Monday 9:00, one calendar day away on Sunday."""
    status = chat_opening(at=local(2026, 11, 29, 12, 0))
    assert not status.is_open
    assert status.opens_at == local(2026, 11, 30, 9, 0)
    assert status.opens_in_days == 1


def test_before_opening_on_a_weekday_the_chat_opens_the_same_day() -> None:
    """At 8:00 on a Tuesday the next opening is 9:00 that day."""
    status = chat_opening(at=local(2026, 12, 1, 8, 0))
    assert not status.is_open
    assert status.opens_at == local(2026, 12, 1, 9, 0)
    assert status.opens_in_days == 0


def test_monday_after_summer_time_starts_opens_at_9_local() -> None:
    """On 29 March 2026 clocks go forward: Monday 9:00 local is 07:00 UTC, not 08:00."""
    assert not chat_opening(at=datetime(2026, 3, 30, 6, 59, tzinfo=UTC)).is_open
    assert chat_opening(at=datetime(2026, 3, 30, 7, 0, tzinfo=UTC)).is_open
    saturday = chat_opening(at=datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    assert saturday.opens_at == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def test_monday_after_summer_time_ends_opens_at_9_local() -> None:
    """On 25 October 2026 clocks go back: Monday 9:00 local is 08:00 UTC, not 07:00."""
    assert not chat_opening(at=datetime(2026, 10, 26, 7, 59, tzinfo=UTC)).is_open
    assert chat_opening(at=datetime(2026, 10, 26, 8, 0, tzinfo=UTC)).is_open
    saturday = chat_opening(at=datetime(2026, 10, 24, 12, 0, tzinfo=UTC))
    assert saturday.opens_at == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)


def test_koningsdag_is_closed_and_the_chat_opens_the_next_day() -> None:
    """Koningsdag 2026 falls on Monday 27 April: closed all day, open again on Tuesday."""
    status = chat_opening(at=local(2026, 4, 27, 10, 0))
    assert not status.is_open
    assert status.holiday == "Koningsdag"
    assert status.opens_at == local(2026, 4, 28, 9, 0)


def test_koningsdag_moves_to_26_april_when_27_april_is_a_sunday() -> None:
    """In 2025 the 27th is a Sunday, so Koningsdag is Saturday 26 April."""
    assert holiday_name(date(2025, 4, 26)) == "Koningsdag"
    assert holiday_name(date(2025, 4, 27)) is None


def test_christmas_is_closed_and_the_next_opening_skips_the_weekend() -> None:
    """Christmas Day 2026 is a Friday; the weekend follows, so the chat opens on 28 December."""
    assert chat_opening(at=local(2026, 12, 24, 12, 0)).is_open
    status = chat_opening(at=local(2026, 12, 25, 12, 0))
    assert not status.is_open
    assert status.holiday == "Eerste kerstdag"
    assert status.opens_at == local(2026, 12, 28, 9, 0)
    assert status.opens_in_days == 3


def test_extra_closed_day_closes_an_ordinary_weekday() -> None:
    """An admin-set closure shuts the chat on a Wednesday, and the next opening is Thursday."""
    OpeningException.objects.create(date=date(2026, 12, 2), kind=OpeningException.Kind.CLOSED)
    status = chat_opening(at=local(2026, 12, 2, 11, 0))
    assert not status.is_open
    assert status.opens_at == local(2026, 12, 3, 9, 0)


def test_extra_closed_day_moves_the_next_opening_from_before() -> None:
    """Closed on Monday after the weekend: on Friday evening the next opening is Tuesday."""
    OpeningException.objects.create(date=date(2026, 11, 30), kind=OpeningException.Kind.CLOSED)
    status = chat_opening(at=local(2026, 11, 27, 18, 0))
    assert status.opens_at == local(2026, 12, 1, 9, 0)


def test_extra_opening_on_a_holiday_opens_at_the_given_times_only() -> None:
    """An extra opening on Koningsdag from 10:00 to 14:00 overrides the holiday closure."""
    OpeningException.objects.create(
        date=date(2026, 4, 27),
        kind=OpeningException.Kind.OPEN,
        opens=time(10, 0),
        closes=time(14, 0),
    )
    assert not chat_opening(at=local(2026, 4, 27, 9, 30)).is_open
    assert chat_opening(at=local(2026, 4, 27, 9, 30)).opens_at == local(2026, 4, 27, 10, 0)
    assert chat_opening(at=local(2026, 4, 27, 12, 0)).is_open
    assert chat_opening(at=local(2026, 4, 27, 12, 0)).closes_at == local(2026, 4, 27, 14, 0)
    assert not chat_opening(at=local(2026, 4, 27, 14, 0)).is_open


def test_extra_opening_on_a_saturday_is_the_next_opening_after_friday() -> None:
    """An extra Saturday opening comes before Monday in the next-opening answer."""
    OpeningException.objects.create(
        date=date(2026, 11, 28),
        kind=OpeningException.Kind.OPEN,
        opens=time(11, 0),
        closes=time(13, 0),
    )
    assert chat_opening(at=local(2026, 11, 27, 17, 30)).opens_at == local(2026, 11, 28, 11, 0)


def test_closed_exception_wins_over_an_open_exception_on_the_same_day() -> None:
    """Two exceptions on one day that disagree: closed is the safe answer."""
    day = date(2026, 12, 3)
    OpeningException.objects.create(date=day, kind=OpeningException.Kind.CLOSED)
    OpeningException.objects.create(
        date=day, kind=OpeningException.Kind.OPEN, opens=time(9, 0), closes=time(12, 0)
    )
    assert not chat_opening(at=local(2026, 12, 3, 10, 0)).is_open


def test_no_opening_in_sight_gives_no_opening_time() -> None:
    """Without any weekly schedule the chat is closed and no opening time is promised."""
    WeeklyOpening.objects.all().delete()
    status = chat_opening(at=local(2026, 11, 25, 10, 0))
    assert not status.is_open
    assert status.opens_at is None
    assert status.opens_in_days is None


def test_default_is_clock_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``at`` the status is for clock.now(), so tests and the site can freeze time."""
    monkeypatch.setattr(clock, "now", lambda: local(2026, 11, 29, 12, 0))
    assert not chat_opening().is_open
    monkeypatch.setattr(clock, "now", lambda: local(2026, 11, 30, 12, 0))
    assert chat_opening().is_open


def test_schedule_is_loaded_in_two_queries(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    """Weekly hours and exceptions load once; answering questions afterwards costs nothing."""
    with django_assert_num_queries(2):
        schedule = chat_schedule(around=local(2026, 12, 24))
    with django_assert_num_queries(0):
        assert schedule.next_opening(local(2026, 12, 25)) == local(2026, 12, 28, 9, 0)
        assert schedule.is_open(local(2026, 12, 28, 9, 0))


def test_working_days_skip_weekends_and_public_holidays() -> None:
    """Five working days after Friday 18 December 2026 skip Christmas and the weekend."""
    assert add_working_days(date(2026, 12, 18), 5) == date(2026, 12, 28)
    assert add_working_days(date(2026, 4, 23), 3) == date(2026, 4, 29)
    assert add_working_days(date(2026, 11, 27), 0) == date(2026, 11, 27)
    assert add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)


def test_is_working_day() -> None:
    """Weekdays are working days, except public holidays; weekends never are."""
    assert is_working_day(date(2026, 11, 30))
    assert not is_working_day(date(2026, 11, 29))
    assert not is_working_day(date(2026, 4, 27))
    assert not is_working_day(date(2026, 12, 25))


def test_weekly_summary_groups_consecutive_days_with_the_same_hours() -> None:
    """The default schedule reads as one line: Monday to Friday, 9:00 to 17:00."""
    (line,) = chat_opening(at=local(2026, 11, 25)).weekly
    assert (line.first_day, line.last_day, line.periods) == (0, 4, ((time(9), time(17)),))
    assert (line.first_day_name, line.last_day_name) == ("maandag", "vrijdag")


def test_weekly_summary_splits_on_gaps_and_different_hours() -> None:
    """A free Thursday and a Saturday with two periods give separate lines."""
    WeeklyOpening.objects.filter(weekday=3).delete()
    WeeklyOpening.objects.create(weekday=5, opens=time(13), closes=time(15))
    WeeklyOpening.objects.create(weekday=5, opens=time(10), closes=time(12))
    lines = chat_opening(at=local(2026, 11, 25)).weekly
    assert [(line.first_day, line.last_day) for line in lines] == [(0, 2), (4, 4), (5, 5)]
    assert lines[2].periods == ((time(10), time(12)), (time(13), time(15)))


def test_the_schedule_is_read_once_a_day_and_again_after_every_change(
    django_assert_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    """Pages reuse the schedule without a query; a change in the admin shows at once."""
    tuesday = local(2026, 12, 1, 10, 0)
    assert chat_opening(at=tuesday).is_open
    with django_assert_num_queries(0):
        assert chat_opening(at=tuesday).is_open
    WeeklyOpening.objects.filter(weekday=1).delete()
    assert not chat_opening(at=tuesday).is_open
    OpeningException.objects.create(
        date=date(2026, 12, 1), kind=OpeningException.Kind.OPEN, opens=time(9), closes=time(12)
    )
    assert chat_opening(at=tuesday).is_open
    with django_assert_num_queries(2):
        chat_opening(at=local(2026, 12, 2, 10, 0))
